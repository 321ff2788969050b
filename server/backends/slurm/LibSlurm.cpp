#include "server/backends/slurm/LibSlurm.h"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <slurm/slurm.h>
#include <slurm/slurm_errno.h>
#include <stdexcept>

// Exported by libslurm (its squeue and scontrol use them) but not declared in slurm.h.
extern "C" {
char *slurm_job_state_string(uint32_t inx);
char *slurm_job_reason_string(int inx);
}

namespace suanli::server::slurm {

namespace {

std::once_flag g_init;

std::string text(const char *s)
{
    return s ? std::string(s) : std::string();
}

std::string errorText(int error)
{
    const char *s = slurm_strerror(error);
    return s ? std::string(s) : "error " + std::to_string(error);
}

// Base state and flags in slurmrestd v0.0.38's words.
std::pair<std::string, std::vector<std::string>> nodeState(uint32_t state)
{
    std::string base;
    switch (state & NODE_STATE_BASE) {
    case NODE_STATE_DOWN:
        base = "down";
        break;
    case NODE_STATE_IDLE:
        base = "idle";
        break;
    case NODE_STATE_ALLOCATED:
        base = "allocated";
        break;
    case NODE_STATE_ERROR:
        base = "error";
        break;
    case NODE_STATE_MIXED:
        base = "mixed";
        break;
    case NODE_STATE_FUTURE:
        base = "future";
        break;
    default:
        base = "unknown";
        break;
    }
    std::vector<std::string> flags;
    const std::pair<uint32_t, const char *> known[] = { { NODE_STATE_DRAIN, "DRAIN" },
        { NODE_STATE_COMPLETING, "COMPLETING" }, { NODE_STATE_NO_RESPOND, "NOT_RESPONDING" },
        { NODE_STATE_POWERED_DOWN, "POWERED_DOWN" }, { NODE_STATE_FAIL, "FAIL" },
        { NODE_STATE_MAINT, "MAINTENANCE" }, { NODE_STATE_REBOOT_REQUESTED, "REBOOT_REQUESTED" },
        { NODE_STATE_REBOOT_ISSUED, "REBOOT_ISSUED" } };
    for (const auto &[bit, name] : known)
        if (state & bit)
            flags.emplace_back(name);
    return { base, flags };
}

bool finalState(uint32_t state)
{
    const uint32_t base = state & JOB_STATE_BASE;
    return base != JOB_PENDING && base != JOB_RUNNING && base != JOB_SUSPENDED;
}

} // namespace

LibSlurm::LibSlurm(const std::string &conf)
{
    const std::string path = !conf.empty() ? conf
        : std::getenv("SLURM_CONF")        ? std::string(std::getenv("SLURM_CONF"))
                                           : std::string("/etc/slurm/slurm.conf");
    // libslurm ends the process when it cannot read its configuration: check first.
    if (!std::ifstream(path))
        throw std::invalid_argument("cannot read the Slurm configuration " + path
            + " (give it with --slurm-conf; the gateway's host must be a Slurm client)");
    std::call_once(g_init, [&] { slurm_init(path.c_str()); });
}

bool LibSlurm::unreachableError(int error)
{
    return (error >= SLURM_COMMUNICATIONS_CONNECTION_ERROR
               && error <= SLURM_COMMUNICATIONS_SHUTDOWN_ERROR)
        || (error >= SLURMCTLD_COMMUNICATIONS_CONNECTION_ERROR
            && error <= SLURMCTLD_COMMUNICATIONS_SHUTDOWN_ERROR)
        || error == SLURM_PROTOCOL_SOCKET_IMPL_TIMEOUT || error == ETIMEDOUT
        || error == ECONNREFUSED || error == ESLURM_IN_STANDBY_MODE;
}

std::string LibSlurm::userName(uint32_t uid)
{
    std::lock_guard lock(m_usersMutex);
    if (auto it = m_users.find(uid); it != m_users.end())
        return it->second;
    std::string name = std::to_string(uid);
    passwd pw {}, *found = nullptr;
    std::vector<char> buffer(4096);
    if (getpwuid_r(uid, &pw, buffer.data(), buffer.size(), &found) == 0 && found)
        name = found->pw_name;
    m_users.emplace(uid, name);
    return name;
}

void LibSlurm::setNodePartitions(std::map<std::string, std::vector<std::string>> partitionsOf)
{
    m_partitionsOf = std::move(partitionsOf);
}

Listing<NodeRecord> LibSlurm::nodes(int64_t since, const Topology &topology)
{
    Listing<NodeRecord> out;
    node_info_msg_t *raw = nullptr;
    if (slurm_load_node(time_t(since), &raw, SHOW_ALL) != SLURM_SUCCESS) {
        const int error = slurm_get_errno();
        if (error == SLURM_NO_CHANGE_IN_DATA) {
            out.status = Fetch::Unchanged;
            return out;
        }
        out.error = "slurmctld (nodes): " + errorText(error);
        out.unreachable = unreachableError(error);
        return out;
    }
    std::shared_ptr<node_info_msg_t> msg(
        raw, [](node_info_msg_t *m) { slurm_free_node_info_msg(m); });
    m_nodesTime = int64_t(msg->last_update);
    auto partitionsOf
        = std::make_shared<const std::map<std::string, std::vector<std::string>>>(m_partitionsOf);
    static const std::vector<std::string> none;
    auto partsOf = [partitionsOf](const char *name) -> const std::vector<std::string> & {
        auto it = partitionsOf->find(text(name));
        return it == partitionsOf->end() ? none : it->second;
    };
    out.status = Fetch::Changed;
    out.keys.reserve(msg->record_count);
    out.fingerprints.reserve(msg->record_count);
    auto positions = std::make_shared<std::vector<uint32_t>>();
    for (uint32_t i = 0; i < msg->record_count; ++i) {
        node_info_t &n = msg->node_array[i];
        if (!n.name)
            continue;
        positions->push_back(i);
        uint16_t allocCpus = 0;
        uint64_t allocMem = 0;
        slurm_get_select_nodeinfo(
            n.select_nodeinfo, SELECT_NODEDATA_SUBCNT, NODE_STATE_ALLOCATED, &allocCpus);
        slurm_get_select_nodeinfo(
            n.select_nodeinfo, SELECT_NODEDATA_MEM_ALLOC, NODE_STATE_ALLOCATED, &allocMem);
        Fingerprint f;
        f.add(n.name);
        f.add(n.node_state);
        f.add(n.reason);
        f.add(uint64_t(n.reason_time));
        f.add(n.reason_uid);
        f.add(n.gres);
        f.add(n.gres_used);
        f.add(n.cpus);
        f.add(allocCpus);
        f.add(n.cpu_load);
        f.add(n.real_memory);
        f.add(allocMem);
        f.add(uint64_t(n.boot_time));
        for (const auto &p : partsOf(n.name))
            f.add(p);
        out.keys.emplace_back(n.name);
        out.fingerprints.push_back(f.value());
    }
    out.map = [this, msg, positions, partsOf, topo = &topology](size_t k) {
        const node_info_t &n = msg->node_array[(*positions)[k]];
        uint16_t allocCpus = 0;
        uint64_t allocMem = 0;
        slurm_get_select_nodeinfo(
            n.select_nodeinfo, SELECT_NODEDATA_SUBCNT, NODE_STATE_ALLOCATED, &allocCpus);
        slurm_get_select_nodeinfo(
            n.select_nodeinfo, SELECT_NODEDATA_MEM_ALLOC, NODE_STATE_ALLOCATED, &allocMem);
        auto [base, flags] = nodeState(n.node_state);
        Json j = { { "name", text(n.name) }, { "state", base }, { "state_flags", flags },
            { "reason", text(n.reason) }, { "gres", text(n.gres) },
            { "gres_used", text(n.gres_used) }, { "cpus", n.cpus }, { "alloc_cpus", allocCpus },
            { "real_memory", n.real_memory }, { "alloc_memory", allocMem },
            { "boot_time", int64_t(n.boot_time) }, { "partitions", partsOf(n.name) } };
        if (n.reason && *n.reason) {
            j["reason_changed_at"] = int64_t(n.reason_time);
            if (n.reason_uid != NO_VAL && n.reason_uid != INFINITE)
                j["reason_set_by_user"] = userName(n.reason_uid);
        }
        // Slurm's "no value" for a load it has not had from slurmd.
        if (n.cpu_load != NO_VAL && n.cpu_load != INFINITE)
            j["cpu_load"] = n.cpu_load;
        return parseNode(j, *topo);
    };
    out.holder = msg;
    return out;
}

Listing<JobRecord> LibSlurm::jobs(int64_t since, const AccountTree &accounts)
{
    Listing<JobRecord> out;
    job_info_msg_t *raw = nullptr;
    // SHOW_DETAIL carries which accelerators a running job holds (gres_detail).
    if (slurm_load_jobs(time_t(since), &raw, SHOW_ALL | SHOW_DETAIL) != SLURM_SUCCESS) {
        const int error = slurm_get_errno();
        if (error == SLURM_NO_CHANGE_IN_DATA) {
            out.status = Fetch::Unchanged;
            return out;
        }
        out.error = "slurmctld (jobs): " + errorText(error);
        out.unreachable = unreachableError(error);
        return out;
    }
    std::shared_ptr<job_info_msg_t> msg(raw, [](job_info_msg_t *m) { slurm_free_job_info_msg(m); });
    m_jobsTime = int64_t(msg->last_update);
    out.status = Fetch::Changed;
    out.keys.reserve(msg->record_count);
    out.fingerprints.reserve(msg->record_count);
    for (uint32_t i = 0; i < msg->record_count; ++i) {
        const slurm_job_info_t &j = msg->job_array[i];
        const bool pending = (j.job_state & JOB_STATE_BASE) == JOB_PENDING;
        Fingerprint f;
        f.add(j.job_id);
        f.add(j.name);
        f.add(j.user_id);
        f.add(j.partition);
        f.add(j.account);
        f.add(j.job_state);
        f.add(pending ? uint64_t(j.state_reason) : 0);
        f.add(j.priority);
        f.add(j.tres_alloc_str);
        f.add(j.tres_req_str);
        f.add(j.tres_per_node);
        f.add(j.num_nodes);
        f.add(j.nodes);
        for (uint32_t d = 0; d < j.gres_detail_cnt; ++d)
            f.add(j.gres_detail_str[d]);
        f.add(uint64_t(j.submit_time));
        // A pending job's start and a running one's end are Slurm's forecasts,
        // which it revises all the time; the mapping reads neither.
        f.add(pending ? 0 : uint64_t(j.start_time));
        f.add(finalState(j.job_state) ? uint64_t(j.end_time) : 0);
        f.add(j.time_limit);
        f.add(j.exit_code);
        out.keys.push_back(std::to_string(j.job_id));
        out.fingerprints.push_back(f.value());
    }
    out.map = [this, msg, accounts](size_t k) {
        const slurm_job_info_t &j = msg->job_array[k];
        const bool pending = (j.job_state & JOB_STATE_BASE) == JOB_PENDING;
        Json json = { { "job_id", j.job_id }, { "name", text(j.name) },
            { "user_name", j.user_name ? text(j.user_name) : userName(j.user_id) },
            { "partition", text(j.partition) }, { "account", text(j.account) },
            { "job_state", text(slurm_job_state_string(j.job_state)) },
            { "state_reason",
                pending || finalState(j.job_state) ? text(slurm_job_reason_string(j.state_reason))
                                                   : std::string("None") },
            { "priority", j.priority }, { "tres_alloc_str", text(j.tres_alloc_str) },
            { "tres_req_str", text(j.tres_req_str) }, { "tres_per_node", text(j.tres_per_node) },
            { "node_count", j.num_nodes }, { "nodes", text(j.nodes) },
            { "submit_time", int64_t(j.submit_time) }, { "start_time", int64_t(j.start_time) },
            { "end_time", int64_t(j.end_time) }, { "exit_code", j.exit_code } };
        std::vector<std::string> details;
        for (uint32_t d = 0; d < j.gres_detail_cnt; ++d)
            details.push_back(text(j.gres_detail_str[d]));
        json["gres_detail"] = std::move(details);
        if (j.time_limit != NO_VAL && j.time_limit != INFINITE)
            json["time_limit"] = j.time_limit;
        return parseJob(json, accounts);
    };
    out.holder = msg;
    return out;
}

Listing<PartitionRecord> LibSlurm::partitions(int64_t since)
{
    Listing<PartitionRecord> out;
    partition_info_msg_t *raw = nullptr;
    if (slurm_load_partitions(time_t(since), &raw, SHOW_ALL) != SLURM_SUCCESS) {
        const int error = slurm_get_errno();
        if (error == SLURM_NO_CHANGE_IN_DATA) {
            out.status = Fetch::Unchanged;
            return out;
        }
        out.error = "slurmctld (partitions): " + errorText(error);
        out.unreachable = unreachableError(error);
        return out;
    }
    std::shared_ptr<partition_info_msg_t> msg(
        raw, [](partition_info_msg_t *m) { slurm_free_partition_info_msg(m); });
    m_partitionsTime = int64_t(msg->last_update);
    out.status = Fetch::Changed;
    for (uint32_t i = 0; i < msg->record_count; ++i) {
        const partition_info_t &p = msg->partition_array[i];
        Fingerprint f;
        f.add(p.name);
        f.add(p.nodes);
        f.add(p.max_time);
        f.add(p.flags);
        f.add(p.state_up);
        out.keys.push_back(text(p.name));
        out.fingerprints.push_back(f.value());
    }
    out.map = [msg](size_t k) {
        const partition_info_t &p = msg->partition_array[k];
        std::string state = p.state_up == PARTITION_UP ? "UP"
            : p.state_up == PARTITION_DOWN             ? "DOWN"
            : p.state_up == PARTITION_DRAIN            ? "DRAIN"
                                                       : "INACTIVE";
        Json j = { { "name", text(p.name) }, { "nodes", text(p.nodes) }, { "state", state },
            { "flags",
                (p.flags & PART_FLAG_DEFAULT) ? Json::array({ "default" }) : Json::array() } };
        if (p.max_time != NO_VAL && p.max_time != INFINITE)
            j["max_time_limit"] = p.max_time;
        return parsePartition(j);
    };
    out.holder = msg;
    return out;
}

} // namespace suanli::server::slurm
