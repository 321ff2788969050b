#include "common/Describe.h"
#include "server/backends/PerTarget.h"
#include "server/backends/slurm/SlurmBackend.h"
#include "server/backends/slurm/SlurmBackendParts.h"

#include <algorithm>

// SlurmBackend's actions: scontrol, scancel and sacctmgr (or slurmrestd) on nodes, jobs and
// accounts, one call for a batch of targets.

namespace suanli::server {

using slurm::Json;
using namespace slurm::parts;

namespace {

std::string join(const std::vector<std::string> &items, char sep = ',')
{
    std::string out;
    for (const auto &i : items) {
        if (!out.empty())
            out += sep;
        out += i;
    }
    return out;
}

bool numericId(const std::string &id)
{
    return !id.empty() && id.size() < 12
        && std::all_of(id.begin(), id.end(), [](char c) { return std::isdigit(uint8_t(c)); });
}

// Runs `program` once for the whole batch, and once per target only to tell which failed when
// that one call failed for a reason other than Slurm not answering. `outcome(target, result)`
// turns a command's result into the target's.
template <class Outcome>
TargetResults runBatch(CommandRunner &commands, const std::string &program,
    const std::vector<std::string> &targets,
    const std::function<std::vector<std::string>(const std::string &list)> &args, Outcome outcome)
{
    const CommandResult all = commands.run(program, args(join(targets)));
    const bool sayAll = all.ok() || targets.size() == 1 || all.timedOut || !all.started;
    return perTarget(targets, [&](const std::string &target) {
        return outcome(target, sayAll ? all : commands.run(program, args(target)));
    });
}

} // namespace

// ---- actions ----------------------------------------------------------------

v1::TargetResult SlurmBackend::commandResult(
    const std::string &target, const CommandResult &r, const std::string &program) const
{
    if (r.ok())
        return targetOk(target);
    const std::string message = r.describe(program);
    if (!r.started || r.timedOut || controllerUnreachable(r.err))
        return targetFailed(target, "UNAVAILABLE", "slurm backend: " + message);
    if (contains(r.err, "Invalid node name") || contains(r.err, "Invalid job id"))
        return targetFailed(target, "NOT_FOUND", message);
    return targetFailed(target, "FAILED_PRECONDITION", message);
}

TargetResults SlurmBackend::nodeCommand(const std::vector<std::string> &names, const Actor &actor,
    const std::function<std::vector<std::string>(const std::string &list)> &args)
{
    if (!reachable())
        return unavailableResults(names);
    return perTargetBatch(
        names,
        [&](const std::string &name) -> std::optional<v1::TargetResult> {
            std::lock_guard lock(m_mutex);
            if (m_nodes.count(name))
                return std::nullopt;
            return targetFailed(
                name, "NOT_FOUND", "node '" + name + "' is not in the Slurm cluster");
        },
        [&](const std::vector<std::string> &known) {
            TargetResults results = runBatch(m_commands, "scontrol", known, args,
                [&](const std::string &name, const CommandResult &r) {
                    return commandResult(name, r, "scontrol");
                });
            refreshAfterAction();
            return results;
        });
}

void SlurmBackend::refreshAfterAction()
{
    // A tick that is reading now picks the change up itself; never wait behind it.
    std::unique_lock io(m_io, std::try_to_lock);
    if (!io.owns_lock() || !m_polled)
        return;
    std::string error;
    Dirty dirty;
    if (readNodesLocked(false, &dirty, &error) && readJobsLocked(false, &dirty, &error)) {
        std::lock_guard lock(m_mutex);
        if (dirty.any())
            updateModel(dirty);
    }
}

TargetResults SlurmBackend::drainNodes(const std::vector<std::string> &names, const Actor &actor)
{
    const std::string reason = slurm::reasonWithUser(
        actor.reason.empty() ? std::string("drained") : actor.reason, actor.user);
    return nodeCommand(names, actor, [&](const std::string &list) {
        return std::vector<std::string> { "update", "nodename=" + list, "state=drain",
            "reason=" + reason };
    });
}

TargetResults SlurmBackend::resumeNodes(const std::vector<std::string> &names, const Actor &actor)
{
    return nodeCommand(names, actor, [](const std::string &list) {
        return std::vector<std::string> { "update", "nodename=" + list, "state=resume" };
    });
}

TargetResults SlurmBackend::rebootNodes(const std::vector<std::string> &names, const Actor &actor)
{
    // ASAP: Slurm drains the node, reboots it once its jobs end, then resumes it.
    const std::string reason = slurm::reasonWithUser(
        actor.reason.empty() ? std::string("reboot") : actor.reason, actor.user);
    return nodeCommand(names, actor, [&](const std::string &list) {
        return std::vector<std::string> { "reboot", "ASAP", "nextstate=resume", "reason=" + reason,
            list };
    });
}

std::optional<v1::TargetResult> SlurmBackend::screenJob(
    const std::string &id, const char *verb, const std::set<v1::JobState> &allowed) const
{
    if (!numericId(id))
        return targetFailed(id, "NOT_FOUND", "'" + id + "' is not a Slurm job id");
    if (!allowed.empty()) {
        // Slurm accepts some of these on jobs where they mean nothing
        // (a hold on a running job takes effect only if it is requeued).
        std::lock_guard lock(m_mutex);
        auto it = m_jobs.find(id);
        if (it != m_jobs.end() && !allowed.count(it->second.job.state()))
            return targetFailed(id, "FAILED_PRECONDITION",
                "job " + id + " is " + ::suanli::stateName(it->second.job.state()) + "; cannot "
                    + verb + " it");
    }
    return std::nullopt;
}

TargetResults SlurmBackend::jobCommand(const std::vector<std::string> &ids,
    const std::string &program,
    const std::function<std::vector<std::string>(const std::string &list)> &args, const char *verb,
    const std::set<v1::JobState> &allowed)
{
    if (!reachable())
        return unavailableResults(ids);
    auto outcome = [&](const std::string &id, const CommandResult &r) {
        v1::TargetResult t = commandResult(id, r, program);
        // scancel and scontrol say "Invalid job id specified" for a job Slurm has forgotten.
        if (!t.ok() && contains(r.err, "Invalid job id"))
            t = targetFailed(id, "NOT_FOUND", "Slurm has no job " + id);
        else if (!t.ok() && t.code() == "FAILED_PRECONDITION")
            t.set_message(
                std::string("Slurm refused to ") + verb + " job " + id + ": " + t.message());
        return t;
    };
    return perTargetBatch(
        ids, [&](const std::string &id) { return screenJob(id, verb, allowed); },
        [&](const std::vector<std::string> &left) {
            TargetResults results = runBatch(m_commands, program, left, args, outcome);
            refreshAfterAction();
            return results;
        });
}

TargetResults SlurmBackend::jobRest(const std::vector<std::string> &ids, const char *method,
    const std::string &body, const char *verb, const std::set<v1::JobState> &allowed)
{
    if (!reachable())
        return unavailableResults(ids);
    return perTargetBatch(
        ids, [&](const std::string &id) { return screenJob(id, verb, allowed); },
        [&](const std::vector<std::string> &left) {
            // slurmrestd takes one job a request.
            TargetResults results = perTarget(left, [&](const std::string &id) {
                Reply reply = rest(method, std::string(kApi) + "/job/" + id, body);
                if (reply.status != Fetch::Failed)
                    return targetOk(id);
                if (reply.unreachable)
                    return targetFailed(id, "UNAVAILABLE", "slurm backend: " + reply.error);
                if (contains(reply.error, "Invalid job id"))
                    return targetFailed(id, "NOT_FOUND", "Slurm has no job " + id);
                return targetFailed(id, "FAILED_PRECONDITION",
                    std::string("Slurm refused to ") + verb + " job " + id + ": " + reply.error);
            });
            refreshAfterAction();
            return results;
        });
}

TargetResults SlurmBackend::cancelJobs(const std::vector<std::string> &ids, const Actor &)
{
    if (useRest())
        return jobRest(ids, "DELETE", {}, "cancel", {});
    return jobCommand(ids, "scancel",
        [](const std::string &list) { return std::vector<std::string> { list }; }, "cancel", {});
}

TargetResults SlurmBackend::holdJobs(const std::vector<std::string> &ids, const Actor &)
{
    const std::set<v1::JobState> allowed = { v1::JOB_STATE_PENDING, v1::JOB_STATE_HELD };
    if (useRest())
        return jobRest(ids, "POST", R"({"hold":true})", "hold", allowed);
    // An operator's hold: Slurm says JobHeldAdmin, and only an operator releases it.
    return jobCommand(
        ids, "scontrol",
        [](const std::string &list) {
            return std::vector<std::string> { "hold", list };
        },
        "hold", allowed);
}

TargetResults SlurmBackend::releaseJobs(const std::vector<std::string> &ids, const Actor &)
{
    if (useRest())
        return jobRest(ids, "POST", R"({"hold":false})", "release", { v1::JOB_STATE_HELD });
    return jobCommand(ids, "scontrol",
        [](const std::string &list) {
            return std::vector<std::string> { "release", list };
        },
        "release", { v1::JOB_STATE_HELD });
}

TargetResults SlurmBackend::setJobPriority(
    const std::vector<std::string> &ids, int64_t priority, const Actor &)
{
    const std::set<v1::JobState> allowed = { v1::JOB_STATE_PENDING, v1::JOB_STATE_HELD };
    if (useRest())
        return jobRest(ids, "POST", "{\"priority\":" + std::to_string(priority) + "}",
            "set the priority of", allowed);
    return jobCommand(
        ids, "scontrol",
        [priority](const std::string &list) {
            return std::vector<std::string> { "update", "jobid=" + list,
                "priority=" + std::to_string(priority) };
        },
        "set the priority of", allowed);
}

TargetResults SlurmBackend::requeueJobs(const std::vector<std::string> &ids, const Actor &)
{
    // slurmrestd v0.0.38 cannot requeue; scontrol can.
    return jobCommand(ids, "scontrol",
        [](const std::string &list) {
            return std::vector<std::string> { "requeue", list };
        },
        "requeue", {});
}

bool SlurmBackend::setQuota(const std::string &tenant, const std::string &project,
    const v1::QuotaLimit &limit, std::string *error)
{
    if (!reachable()) {
        *error = unavailableMessage();
        return false;
    }
    const std::string account = project.empty() ? tenant : project;
    std::string gresType;
    {
        std::lock_guard lock(m_mutex);
        auto known = std::find_if(m_associations.begin(), m_associations.end(),
            [&](const slurm::Association &a) { return a.account == account; });
        if (known == m_associations.end()) {
            *error = "Slurm has no account '" + account + "'";
            return false;
        }
        if (!project.empty() && m_accountTree.place(project).first != tenant) {
            *error = "Slurm account '" + project + "' is not under '" + tenant + "'";
            return false;
        }
        std::set<std::string> types;
        for (const auto &[name, r] : m_nodes)
            if (r.node.accelerators_total() > 0 && slurm::modelOfType(r.gresType) == limit.model())
                types.insert(r.gresType);
        if (limit.all_models()) {
            // The untyped gres/gpu, which Slurm counts against every type together.
            types = { std::string() };
        } else if (types.empty()) {
            *error = "this Slurm cluster has no " + ::suanli::modelDisplayName(limit.model())
                + " accelerators (no node has GRES of that model)";
            return false;
        } else if (types.size() > 1 || types.begin()->empty()) {
            *error = "the model's GRES is untyped or has several types in Slurm ("
                + join(std::vector<std::string>(types.begin(), types.end()))
                + "); set its limit with sacctmgr";
            return false;
        }
        gresType = *types.begin();
    }
    std::vector<std::string> args = { "-i", "modify", "account", "where", "name=" + account };
    if (!m_options.cluster.empty())
        args.push_back("cluster=" + m_options.cluster);
    args.push_back("set");
    for (auto &s : slurm::quotaSettings(gresType, limit))
        args.push_back(std::move(s));

    const CommandResult r = m_commands.run("sacctmgr", args);
    std::lock_guard io(m_io);
    if (!r.ok()) {
        *error = r.describe("sacctmgr");
        if (r.timedOut || controllerUnreachable(r.err))
            markReachable(false, *error);
        return false;
    }
    std::string pollError;
    m_accountsDirty = true;
    Dirty dirty;
    if (pollAccountsLocked(&dirty, &pollError)) {
        m_accountsDirty = false;
        std::lock_guard lock(m_mutex);
        updateModel(dirty);
    } else if (m_options.warn) {
        m_options.warn("quota set, but re-reading accounts failed: " + pollError);
    }
    return true;
}

bool SlurmBackend::acknowledgeAlert(const std::string &, const std::string &, const std::string &)
{
    // Slurm raises no alerts of its own through this backend.
    return false;
}

} // namespace suanli::server
