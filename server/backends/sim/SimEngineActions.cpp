#include "common/QuotaRules.h"
#include "server/backends/PerTarget.h"
#include "server/backends/sim/FaultCatalog.h"
#include "server/backends/sim/SimEngine.h"

#include <algorithm>

// What operators do to the simulated centre: per-target actions on nodes and jobs, quotas,
// alerts, and the faults a test injects.

namespace suanli::server {

using namespace ::suanli::v1;

namespace {
const char *stateWord(NodeState s)
{
    switch (s) {
    case NODE_STATE_IDLE:
        return "idle";
    case NODE_STATE_ALLOCATED:
        return "allocated";
    case NODE_STATE_MIXED:
        return "mixed";
    case NODE_STATE_DRAINING:
        return "draining";
    case NODE_STATE_DRAINED:
        return "drained";
    case NODE_STATE_DOWN:
        return "down";
    case NODE_STATE_MAINTENANCE:
        return "in maintenance";
    default:
        return "in an unknown state";
    }
}

const char *jobStateWord(JobState s)
{
    switch (s) {
    case JOB_STATE_PENDING:
        return "pending";
    case JOB_STATE_RUNNING:
        return "running";
    case JOB_STATE_HELD:
        return "held";
    default:
        return "ended";
    }
}

std::string byWhom(const Actor &actor, const char *verb)
{
    std::string text
        = std::string(verb) + " by " + (actor.user.empty() ? "an operator" : actor.user);
    if (!actor.reason.empty())
        text += ": " + actor.reason;
    return text;
}
} // namespace

// ---------------------------------------------------------------- actions

template <class One>
TargetResults SimEngine::eachNode(const std::vector<std::string> &names, One one)
{
    return perTarget(names, [&](const std::string &name) {
        const int64_t i = m_cluster.find(name);
        if (i < 0)
            return targetFailed(name, "NOT_FOUND", "node " + name + " not found");
        return one(name, uint32_t(i), m_cluster.node(uint32_t(i)));
    });
}

template <class One> TargetResults SimEngine::eachJob(const std::vector<std::string> &ids, One one)
{
    return perTarget(ids, [&](const std::string &id) {
        const uint32_t slot = findJob(id);
        if (slot == kNoSlot)
            return targetFailed(id, "NOT_FOUND", "job " + id + " not found");
        return one(id, slot);
    });
}

TargetResults SimEngine::drainNodes(const std::vector<std::string> &names, const Actor &actor)
{
    return eachNode(names, [&](const std::string &name, uint32_t i, SimNode &node) {
        node.drain = true;
        node.drainReason = actor.reason.empty() ? byWhom(actor, "drained") : actor.reason;
        node.drainUser = actor.user;
        node.drainMs = m_clock.nowMs;
        m_cluster.refresh(uint32_t(i));
        return targetOk(name);
    });
}

TargetResults SimEngine::resumeNodes(const std::vector<std::string> &names, const Actor &actor)
{
    return eachNode(names, [&](const std::string &name, uint32_t i, SimNode &node) {
        if (node.maintenance) {
            return targetFailed(name, "FAILED_PRECONDITION",
                "node " + name + " is rebooting; it returns to service by itself");
        }
        if (!node.drain && !node.down) {
            return targetFailed(name, "FAILED_PRECONDITION",
                "node " + name + " is " + stateWord(nodeState(node))
                    + "; only drained, draining or down nodes can be resumed");
        }
        node.drain = false;
        node.drainReason.clear();
        node.drainUser.clear();
        node.drainMs = 0;
        if (node.down)
            repairNode(uint32_t(i)); // the operator says it is fixed
        m_cluster.refresh(uint32_t(i));
        return targetOk(name);
    });
}

TargetResults SimEngine::rebootNodes(const std::vector<std::string> &names, const Actor &actor)
{
    return eachNode(names, [&](const std::string &name, uint32_t i, SimNode &node) {
        if (node.maintenance)
            return targetFailed(
                name, "FAILED_PRECONDITION", "node " + name + " is already rebooting");
        node.maintenance = true;
        node.rebootReason = actor.reason.empty() ? byWhom(actor, "reboot requested") : actor.reason;
        node.rebootUser = actor.user;
        node.rebootMs = m_clock.nowMs;
        m_cluster.refresh(uint32_t(i));
        if (node.allocated > 0)
            node.rebootPending = true;
        else
            beginReboot(uint32_t(i));
        return targetOk(name);
    });
}

uint32_t SimEngine::findJob(const std::string &id) const
{
    if (id.empty() || id.size() > 10)
        return kNoSlot;
    uint64_t value = 0;
    for (char ch : id) {
        if (ch < '0' || ch > '9')
            return kNoSlot;
        value = value * 10 + uint64_t(ch - '0');
    }
    if (value == 0 || value > 0xffffffffULL)
        return kNoSlot;
    return m_jobs.find(uint32_t(value));
}

TargetResults SimEngine::cancelJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    return eachJob(ids, [&](const std::string &id, uint32_t slot) {
        if (m_jobs[slot].state == JOB_STATE_RUNNING)
            endRunning(slot, JOB_STATE_CANCELLED, m_clock.nowMs, byWhom(actor, "cancelled"), 143);
        else
            endWaiting(slot, JOB_STATE_CANCELLED, m_clock.nowMs, byWhom(actor, "cancelled"));
        return targetOk(id);
    });
}

TargetResults SimEngine::holdJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    return eachJob(ids, [&](const std::string &id, uint32_t slot) {
        SimJob &job = m_jobs[slot];
        if (job.state == JOB_STATE_RUNNING) {
            return targetFailed(id, "FAILED_PRECONDITION",
                "job " + id + " is running; only pending jobs can be held");
        }
        if (job.state == JOB_STATE_PENDING) {
            holdPending(slot, true);
        } else if (!job.adminHold) {
            job.adminHold = true; // an operator's hold outlasts the owner's
            ++job.generation;
            markJob(job);
        }
        return targetOk(id);
    });
}

TargetResults SimEngine::releaseJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    return eachJob(ids, [&](const std::string &id, uint32_t slot) {
        const SimJob &job = m_jobs[slot];
        if (job.state != JOB_STATE_HELD) {
            return targetFailed(id, "FAILED_PRECONDITION",
                "job " + id + " is " + jobStateWord(job.state)
                    + "; only held jobs can be released");
        }
        releaseHeld(slot);
        return targetOk(id);
    });
}

TargetResults SimEngine::requeueJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    return eachJob(ids, [&](const std::string &id, uint32_t slot) {
        SimJob &job = m_jobs[slot];
        if (job.state != JOB_STATE_RUNNING) {
            return targetFailed(id, "FAILED_PRECONDITION",
                "job " + id + " is " + jobStateWord(job.state)
                    + "; only running jobs can be requeued");
        }
        freeResources(slot);
        const std::vector<uint32_t> nodes = std::move(job.nodes);
        job.nodes.clear();
        job.startMs = 0;
        job.reason = PENDING_REASON_NOT_EVALUATED;
        ++job.generation;
        enqueuePending(slot);
        markJob(job);
        afterRelease(nodes);
        return targetOk(id);
    });
}

TargetResults SimEngine::setJobPriority(
    const std::vector<std::string> &ids, int64_t priority, const Actor &actor)
{
    if (priority < 0 || priority > 1000000)
        return perTarget(ids, [&](const std::string &id) {
            return targetFailed(id, "INVALID_ARGUMENT",
                "priority must be 0..1000000 (got " + std::to_string(priority) + ")");
        });
    return eachJob(ids, [&](const std::string &id, uint32_t slot) {
        SimJob &job = m_jobs[slot];
        if (job.state == JOB_STATE_RUNNING) {
            return targetFailed(id, "FAILED_PRECONDITION",
                "job " + id + " is running; priority applies only to pending or held jobs");
        }
        if (job.state == JOB_STATE_PENDING) {
            m_scheduler->remove(slot);
            job.priority = int32_t(priority);
            m_scheduler->add(slot);
            m_scheduler->noteFresh(slot);
        } else {
            job.priority = int32_t(priority);
        }
        markJob(job);
        return targetOk(id);
    });
}

bool SimEngine::setQuota(const std::string &tenant, const std::string &project,
    const QuotaLimit &limit, std::string *error)
{
    auto refuse = [&](std::string message) {
        if (error)
            *error = std::move(message);
        return false;
    };
    const int t = m_tenants.findTenant(tenant);
    if (t < 0)
        return refuse("tenant '" + tenant + "' not found");
    int p = -1;
    if (!project.empty()) {
        p = m_tenants.findProject(t, project);
        if (p < 0)
            return refuse("project '" + project + "' not found in tenant '" + tenant + "'");
    }
    if (auto problem = quotaLimitProblem(limit, "quota"))
        return refuse(std::move(*problem));
    if (limit.all_models()) {
        m_tenants.setAllModelsLimit(t, p, limit.max_accelerators(), limit.max_accelerator_hours());
        updateTargets();
        return true;
    }
    size_t q = 0;
    while (q < m_queueModels.size() && m_queueModels[q] != limit.model())
        ++q;
    if (q == m_queueModels.size())
        return refuse(std::string("this centre (") + m_site->name + ") has no "
            + AcceleratorModel_Name(limit.model()) + " accelerators");
    m_tenants.setLimit(t, p, q, limit.max_accelerators(), limit.max_accelerator_hours());
    updateTargets();
    return true;
}

bool SimEngine::acknowledgeAlert(
    const std::string &id, const std::string &user, const std::string &comment)
{
    return m_alerts.acknowledge(id, user, comment, m_clock.nowMs);
}

bool SimEngine::failNode(const std::string &name)
{
    const int64_t i = m_cluster.find(name);
    if (i < 0)
        return false;
    const SimNode &node = m_cluster.nodes()[size_t(i)];
    if (node.down)
        return false;
    nodeDown(uint32_t(i), FaultCatalog::nodeDown(m_cluster.spec(node), 0), m_clock.nowMs);
    return true;
}

bool SimEngine::failAccelerator(const std::string &name, int index)
{
    const int64_t i = m_cluster.find(name);
    if (i < 0)
        return false;
    const SimNode &node = m_cluster.nodes()[size_t(i)];
    if (index < 0 || index >= node.accCount
        || node.acc[size_t(index)].health == ACCELERATOR_HEALTH_FAILED)
        return false;
    cardFault(uint32_t(i), index, uint8_t(SimFault::Ecc), m_clock.nowMs);
    return true;
}

} // namespace suanli::server
