#include "server/backends/sim/FaultCatalog.h"
#include "server/backends/sim/SimEngine.h"
#include "server/backends/sim/TelemetryModel.h"

#include <algorithm>
#include <cmath>

// The simulated centre as the API shows it: nodes, jobs, queues and tenants as messages, and
// the changes since the last collection.

namespace suanli::server {

using namespace ::suanli::v1;

namespace {
const char *rawReason(PendingReason r, bool adminHold)
{
    switch (r) {
    case PENDING_REASON_RESOURCES:
        return "Resources";
    case PENDING_REASON_PRIORITY:
        return "Priority";
    case PENDING_REASON_TENANT_QUOTA:
    case PENDING_REASON_PROJECT_QUOTA:
        return "AssocGrpGRES";
    case PENDING_REASON_TENANT_HOURS:
    case PENDING_REASON_OTHER:
        return "AssocGrpGRESMinutes";
    case PENDING_REASON_HELD_BY_USER:
        return adminHold ? "JobHeldAdmin" : "JobHeldUser";
    case PENDING_REASON_NODES_UNAVAILABLE:
        return "ReqNodeNotAvail";
    case PENDING_REASON_NOT_EVALUATED:
        return "None";
    default:
        return "";
    }
}
} // namespace

// ---------------------------------------------------------------- protos

NodeState SimEngine::nodeState(const SimNode &node) const
{
    if (node.maintenance)
        return NODE_STATE_MAINTENANCE;
    if (node.down)
        return NODE_STATE_DOWN;
    if (node.drain)
        return node.allocated > 0 ? NODE_STATE_DRAINING : NODE_STATE_DRAINED;
    if (node.allocated == 0)
        return NODE_STATE_IDLE;
    if (node.allocated >= node.accCount - node.failed)
        return NODE_STATE_ALLOCATED;
    return NODE_STATE_MIXED;
}

void SimEngine::fillNode(uint32_t index, Node *out)
{
    SimNode &node = m_cluster.node(index);
    const AcceleratorSpec &spec = m_cluster.spec(node);
    const NodeState state = nodeState(node);
    out->set_name(node.name);
    out->set_rack(m_cluster.rackName(node.rack));
    out->set_state(state);
    if (state == NODE_STATE_MAINTENANCE) {
        out->set_reason(node.rebootReason);
        out->set_reason_user(node.rebootUser);
        m_clock.stamp(node.rebootMs, out->mutable_reason_time());
    } else if (state == NODE_STATE_DOWN) {
        out->set_reason(node.faultReason);
        out->set_reason_user("slurm");
        m_clock.stamp(node.faultMs, out->mutable_reason_time());
    } else if (node.drain) {
        out->set_reason(node.drainReason);
        out->set_reason_user(node.drainUser);
        m_clock.stamp(node.drainMs, out->mutable_reason_time());
    }
    out->add_queues(m_cluster.queues()[node.queue].name);
    out->set_model(spec.model);
    out->set_model_name(spec.name);
    out->set_accelerators_total(node.accCount);
    out->set_accelerators_allocated(node.allocated);
    out->set_accelerators_failed(node.failed);
    const int cpusPerCard = spec.cpusPerNode / std::max(1, int(node.accCount));
    out->set_cpus_total(spec.cpusPerNode);
    out->set_cpus_allocated(node.allocated * cpusPerCard);
    out->set_cpu_load(std::round(node.allocated * cpusPerCard * 0.55 * 10.0) / 10.0);
    out->set_memory_total_bytes(spec.nodeMemoryBytes);
    out->set_memory_allocated_bytes(
        spec.nodeMemoryBytes / std::max(1, int(node.accCount)) * node.allocated);
    uint32_t last = kNoSlot;
    for (int i = 0; i < node.accCount; ++i) {
        const uint32_t slot = node.acc[size_t(i)].job;
        if (slot == kNoSlot || slot == last)
            continue;
        bool seen = false;
        for (int k = 0; k < i && !seen; ++k)
            seen = node.acc[size_t(k)].job == slot;
        if (!seen)
            out->add_job_ids(std::to_string(m_jobs[slot].id));
        last = slot;
    }
    out->set_has_telemetry(true);
    out->set_utilisation_percent(node.util);
    out->set_temperature_celsius(node.temp);
    out->set_power_watts(node.power);
    out->set_accelerator_memory_used_percent(node.mem);
    for (int i = 0; i < node.accCount; ++i) {
        const SimAccelerator &a = node.acc[size_t(i)];
        Accelerator *pa = out->add_accelerators();
        pa->set_index(i);
        pa->set_model(spec.model);
        pa->set_model_name(spec.name);
        pa->set_health(a.health);
        if (a.health != ACCELERATOR_HEALTH_HEALTHY) {
            const auto kind = SimFault(a.fault);
            pa->set_fault((kind == SimFault::Thermal
                    ? FaultCatalog::thermal(TelemetryModel::throttleTemperature(a.generation))
                    : FaultCatalog::accelerator(spec, kind, a.generation))
                              .text);
        }
        if (a.job != kNoSlot)
            pa->set_job_id(std::to_string(m_jobs[a.job].id));
        pa->set_has_telemetry(true);
        pa->set_utilisation_percent(a.util);
        pa->set_memory_used_bytes(int64_t(double(a.mem) * double(spec.memoryBytes)));
        pa->set_memory_total_bytes(spec.memoryBytes);
        pa->set_temperature_celsius(a.temp);
        pa->set_power_watts(a.power);
        pa->set_ecc_errors(a.eccErrors);
    }
    out->set_reboot_pending(node.rebootPending);
    m_clock.stamp(node.bootMs, out->mutable_boot_time());
    node.sentUtil = node.util;
    node.sentTemp = node.temp;
    node.sentPower = node.power;
}

std::string SimEngine::jobName(const SimJob &job) const
{
    const std::string &project = m_tenants.projects()[job.project].id;
    const size_t dash = project.find('-');
    char tag[8];
    std::snprintf(
        tag, sizeof tag, "%04x", unsigned(SimRandom::hash(m_options.seed, job.id) & 0xffff));
    return (dash == std::string::npos ? project : project.substr(dash + 1)) + "-"
        + JobGenerator::workloadName(job.workload) + "-" + tag;
}

void SimEngine::fillJob(const SimJob &job, Job *out) const
{
    const auto &queue = m_cluster.queues()[job.queue];
    const auto &project = m_tenants.projects()[job.project];
    out->set_id(std::to_string(job.id));
    out->set_name(jobName(job));
    out->set_tenant(m_tenants.tenants()[project.tenant].id);
    out->set_project(project.id);
    out->set_user(m_tenants.users()[job.user]);
    out->set_queue(queue.name);
    out->set_state(job.state);
    if (job.state == JOB_STATE_PENDING || job.state == JOB_STATE_HELD) {
        out->set_pending_reason(job.reason == PENDING_REASON_HELD_BY_USER && job.adminHold
                ? PENDING_REASON_HELD_BY_ADMIN
                : job.reason);
        out->set_pending_reason_raw(rawReason(job.reason, job.adminHold));
        out->set_quota_used(job.quotaUsed);
        out->set_quota_limit(job.quotaLimit);
        out->set_quota_all_models(job.quotaAllModels);
    }
    out->set_priority(job.priority);
    out->set_model(queue.spec->model);
    out->set_model_name(queue.spec->name);
    out->set_accelerators(job.accelerators);
    const int per = queue.spec->acceleratorsPerNode;
    out->set_nodes_requested(job.accelerators >= per ? (job.accelerators + per - 1) / per : 1);
    for (uint32_t n : job.nodes)
        out->add_nodes(m_cluster.nodes()[n].name);
    m_clock.stamp(job.submitMs, out->mutable_submit_time());
    if (!job.nodes.empty())
        m_clock.stamp(job.startMs, out->mutable_start_time());
    const bool ended = job.state == JOB_STATE_COMPLETED || job.state == JOB_STATE_FAILED
        || job.state == JOB_STATE_CANCELLED;
    if (ended) {
        m_clock.stamp(job.endMs, out->mutable_end_time());
        out->set_exit_code(job.exitCode);
        out->set_failure_reason(job.endText);
    }
    out->set_time_limit_seconds(job.timeLimitSeconds);
    out->set_workload(JobGenerator::workloadName(job.workload));
}

Queue SimEngine::buildQueue(size_t q)
{
    const SimCluster::Queue &queue = m_cluster.queues()[q];
    QueueStats &qs = m_queueStats[q];
    Queue out;
    out.set_name(queue.name);
    int64_t inUse = 0, free = 0, down = 0, unavailable = 0;
    double utilSum = 0;
    for (uint32_t n : queue.nodes) {
        const SimNode &node = m_cluster.nodes()[n];
        for (int i = 0; i < node.accCount; ++i) {
            const SimAccelerator &a = node.acc[size_t(i)];
            if (a.job != kNoSlot) {
                ++inUse;
                utilSum += a.util;
            } else if (node.down || a.health == ACCELERATOR_HEALTH_FAILED) {
                ++down;
            } else if (!node.schedulable()) {
                ++unavailable;
            } else {
                ++free;
            }
        }
    }
    AcceleratorCounts *c = out.add_accelerators();
    c->set_model(queue.spec->model);
    c->set_model_name(queue.spec->name);
    c->set_total(inUse + free + down + unavailable);
    c->set_in_use(inUse);
    c->set_free(free);
    c->set_down(down);
    c->set_unavailable(unavailable);
    c->set_utilisation_percent(inUse ? std::round(utilSum / double(inUse) * 10.0) / 10.0 : 0.0);
    out.set_nodes_total(int32_t(queue.nodes.size()));
    out.set_nodes_available(int32_t(m_cluster.schedulableNodes(q)));
    out.set_jobs_pending(qs.pending);
    out.set_jobs_running(qs.running);
    out.set_jobs_held(qs.held);
    out.set_accelerators_pending(qs.acceleratorsPending);

    while (!qs.waits.empty() && qs.waits.front().first < m_clock.nowMs - kHour)
        qs.waits.pop_front();
    if (!qs.waits.empty()) {
        std::vector<float> w;
        w.reserve(qs.waits.size());
        for (const auto &[at, seconds] : qs.waits)
            w.push_back(seconds);
        auto rank = [&](double p) {
            const size_t k = size_t(std::max(1.0, std::ceil(p * double(w.size())))) - 1;
            std::nth_element(w.begin(), w.begin() + std::ptrdiff_t(k), w.end());
            return double(w[k]);
        };
        out.set_wait_seconds_p50(rank(0.50));
        out.set_wait_seconds_p95(rank(0.95));
    }
    out.set_largest_startable_accelerators(m_cluster.largestStartable(q));
    for (const auto &b : queue.buckets)
        out.add_nodes_by_free_accelerators(int64_t(b.size()));
    out.set_max_time_seconds(JobGenerator::kMaxTimeSeconds);
    size_t biggest = 0;
    for (size_t i = 0; i < m_cluster.queues().size(); ++i)
        if (m_cluster.queues()[i].nodes.size() > m_cluster.queues()[biggest].nodes.size())
            biggest = i;
    out.set_is_default(q == biggest);
    out.set_state("UP");
    return out;
}

BackendChanges SimEngine::snapshot()
{
    BackendChanges c;
    const auto &nodes = m_cluster.nodes();
    c.nodes.resize(nodes.size());
    for (uint32_t i = 0; i < nodes.size(); ++i)
        fillNode(i, &c.nodes[i]);
    m_cluster.clearDirty();

    std::vector<std::pair<uint32_t, uint32_t>> active; // id, slot
    active.reserve(m_jobs.size());
    for (uint32_t s = 0; s < m_jobs.slotCount(); ++s)
        if (m_jobs[s].id != 0)
            active.push_back({ m_jobs[s].id, s });
    std::sort(active.begin(), active.end());
    c.jobs.resize(active.size());
    for (size_t i = 0; i < active.size(); ++i) {
        SimJob &job = m_jobs[active[i].second];
        job.dirty = false;
        fillJob(job, &c.jobs[i]);
    }
    m_dirtyJobs.clear();
    m_ended.clear();

    for (size_t q = 0; q < m_queueStats.size(); ++q) {
        c.queues.push_back(buildQueue(q));
        m_sentQueues[q] = c.queues.back().SerializeAsString();
    }
    m_alerts.prune(m_clock.nowMs);
    c.alerts = m_alerts.all();
    m_alerts.clearChanged();
    c.tenantsChanged = true;
    m_sentTenants.clear();
    for (const auto &t : tenants())
        m_sentTenants += t.SerializeAsString();
    return c;
}

BackendChanges SimEngine::collectChanges()
{
    BackendChanges c;
    const std::vector<uint32_t> dirtyNodes = m_cluster.takeDirty();
    c.nodes.resize(dirtyNodes.size());
    for (size_t i = 0; i < dirtyNodes.size(); ++i)
        fillNode(dirtyNodes[i], &c.nodes[i]);

    c.jobs.reserve(m_dirtyJobs.size() + m_ended.size());
    for (uint32_t id : m_dirtyJobs) {
        const uint32_t slot = m_jobs.find(id);
        if (slot == kNoSlot || !m_jobs[slot].dirty)
            continue;
        m_jobs[slot].dirty = false;
        fillJob(m_jobs[slot], &c.jobs.emplace_back());
    }
    m_dirtyJobs.clear();
    for (const SimJob &job : m_ended)
        fillJob(job, &c.jobs.emplace_back());
    m_ended.clear();

    for (size_t q = 0; q < m_queueStats.size(); ++q) {
        Queue queue = buildQueue(q);
        std::string bytes = queue.SerializeAsString();
        if (bytes == m_sentQueues[q])
            continue;
        m_sentQueues[q] = std::move(bytes);
        c.queues.push_back(std::move(queue));
    }
    m_alerts.prune(m_clock.nowMs);
    c.alerts = m_alerts.takeChanged();
    std::string tenantBytes;
    for (const auto &t : tenants())
        tenantBytes += t.SerializeAsString();
    if (tenantBytes != m_sentTenants) {
        m_sentTenants = std::move(tenantBytes);
        c.tenantsChanged = true;
    }
    return c;
}

std::vector<Tenant> SimEngine::tenants() const
{
    return m_tenants.toProto(m_queueModels);
}

void SimEngine::sampleTelemetry(std::vector<NodeSample> *out) const
{
    const auto &nodes = m_cluster.nodes();
    out->resize(nodes.size());
    for (uint32_t i = 0; i < nodes.size(); ++i) {
        const SimNode &node = nodes[i];
        NodeSample &s = (*out)[i];
        s.nodeIndex = i;
        s.utilisationPercent = node.util;
        s.temperatureCelsius = node.temp;
        s.powerWatts = node.power;
        s.memoryUsedPercent = node.mem;
        s.accelerators.resize(node.accCount);
        for (int k = 0; k < node.accCount; ++k) {
            const SimAccelerator &a = node.acc[size_t(k)];
            s.accelerators[size_t(k)] = { a.util, a.temp, a.power, a.mem * 100.0f };
        }
    }
}

} // namespace suanli::server
