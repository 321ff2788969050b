#include "server/backends/slurm/SlurmMapping.h"

#include "common/Describe.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>

namespace suanli::server::slurm {

namespace {

std::string str(const Json &j, const char *key)
{
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

int64_t num(const Json &j, const char *key, int64_t fallback = 0)
{
    auto it = j.find(key);
    if (it == j.end())
        return fallback;
    if (it->is_number_integer())
        return it->get<int64_t>();
    if (it->is_number_unsigned())
        return int64_t(std::min<uint64_t>(it->get<uint64_t>(), uint64_t(INT64_MAX)));
    if (it->is_number_float())
        return int64_t(it->get<double>());
    return fallback;
}

std::vector<std::string> strings(const Json &j, const char *key)
{
    std::vector<std::string> out;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array())
        return out;
    for (const auto &v : *it)
        if (v.is_string())
            out.push_back(v.get<std::string>());
    return out;
}

void setTime(google::protobuf::Timestamp *t, int64_t seconds)
{
    t->set_seconds(seconds);
    t->set_nanos(0);
}

// dbv0.0.38 TRES lists: [{"type":"gres","name":"gpu:a100","count":4}] -> {"gres/gpu:a100": 4}.
Tres tresList(const Json &list)
{
    Tres out;
    if (!list.is_array())
        return out;
    for (const auto &t : list) {
        const std::string type = str(t, "type");
        const std::string name = str(t, "name");
        out[name.empty() ? type : type + "/" + name] = num(t, "count");
    }
    return out;
}

const Json &path(const Json &j, std::initializer_list<const char *> keys)
{
    static const Json null;
    const Json *at = &j;
    for (const char *k : keys) {
        if (!at->is_object())
            return null;
        auto it = at->find(k);
        if (it == at->end())
            return null;
        at = &*it;
    }
    return *at;
}

} // namespace

v1::AcceleratorModel modelOfType(const std::string &gresType)
{
    if (gresType.empty())
        return v1::ACCELERATOR_MODEL_UNSPECIFIED;
    if (auto model = ::suanli::parseModel(gresType))
        return *model;
    return v1::ACCELERATOR_MODEL_OTHER;
}

std::string modelNameOfType(const std::string &gresType)
{
    const auto model = modelOfType(gresType);
    if (model == v1::ACCELERATOR_MODEL_OTHER || model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return gresType;
    return ::suanli::modelShortName(model);
}

std::pair<std::string, std::string> splitReasonUser(const std::string &reason)
{
    const std::string marker = " [by ";
    const size_t at = reason.rfind(marker);
    if (at == std::string::npos || reason.empty() || reason.back() != ']')
        return { reason, {} };
    return { reason.substr(0, at),
        reason.substr(at + marker.size(), reason.size() - at - marker.size() - 1) };
}

std::string reasonWithUser(const std::string &reason, const std::string &user)
{
    std::string clean;
    for (char c : reason)
        clean += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    return user.empty() ? clean : clean + " [by " + user + "]";
}

NodeRecord parseNode(const Json &j, const Topology &topology)
{
    NodeRecord r;
    v1::Node &n = r.node;
    n.set_name(str(j, "name"));
    n.set_rack(topology.rackOf(n.name()));
    const NodeStateResult state = mapNodeState(str(j, "state"), strings(j, "state_flags"));
    n.set_state(state.state);
    n.set_reboot_pending(state.rebootPending);
    auto [reason, user] = splitReasonUser(str(j, "reason"));
    n.set_reason(reason);
    n.set_reason_user(user.empty() ? str(j, "reason_set_by_user") : user);
    if (const int64_t at = num(j, "reason_changed_at"); at > 0 && !reason.empty())
        setTime(n.mutable_reason_time(), at);
    for (const auto &p : strings(j, "partitions"))
        n.add_queues(p);

    const AcceleratorGres gres = acceleratorGres(str(j, "gres"));
    const AcceleratorGres used = acceleratorGres(str(j, "gres_used"));
    r.gresType = gres.type;
    r.usedIndexes = used.indexes;
    n.set_model(modelOfType(gres.type));
    n.set_model_name(modelNameOfType(gres.type));
    n.set_accelerators_total(int32_t(gres.count));
    n.set_accelerators_allocated(int32_t(std::min(used.count, gres.count)));
    for (int i = 0; i < gres.count; ++i) {
        v1::Accelerator *a = n.add_accelerators();
        a->set_index(i);
        a->set_model(n.model());
        a->set_model_name(n.model_name());
        a->set_health(state.state == v1::NODE_STATE_DOWN ? v1::ACCELERATOR_HEALTH_UNSPECIFIED
                                                         : v1::ACCELERATOR_HEALTH_HEALTHY);
    }

    n.set_cpus_total(int32_t(num(j, "cpus")));
    n.set_cpus_allocated(int32_t(num(j, "alloc_cpus")));
    // slurmctld keeps the load average times 100; NO_VAL (4294967294) or
    // INFINITE (4294967295) until slurmd has reported one.
    if (const int64_t load = num(j, "cpu_load", -1); load >= 0 && load < 0xfffffffeLL)
        n.set_cpu_load(double(load) / 100.0);
    constexpr int64_t MiB = 1024 * 1024;
    n.set_memory_total_bytes(num(j, "real_memory") * MiB);
    n.set_memory_allocated_bytes(num(j, "alloc_memory") * MiB);
    if (const int64_t boot = num(j, "boot_time"); boot > 0)
        setTime(n.mutable_boot_time(), boot);
    return r;
}

void AccountTree::add(const std::string &account, const std::string &parent)
{
    m_parent[account] = parent;
}

std::pair<std::string, std::string> AccountTree::place(const std::string &account) const
{
    // Walk up to the account right under root; remember the one below it.
    std::string current = account, below;
    for (int depth = 0; depth < 64; ++depth) {
        auto it = m_parent.find(current);
        if (it == m_parent.end() || it->second.empty() || it->second == "root")
            break;
        below = current;
        current = it->second;
    }
    return { current, below };
}

bool isFinal(v1::JobState state)
{
    return state == v1::JOB_STATE_COMPLETED || state == v1::JOB_STATE_FAILED
        || state == v1::JOB_STATE_CANCELLED;
}

namespace {
std::string failureWords(const std::string &state, const std::string &reason, int exitCode)
{
    if (state == "TIMEOUT")
        return "reached its time limit";
    if (state == "NODE_FAIL")
        return "a node it ran on failed";
    if (state == "BOOT_FAIL")
        return "its nodes failed to boot";
    if (state == "OUT_OF_MEMORY")
        return "ran out of memory";
    if (state == "DEADLINE")
        return "missed its deadline";
    if (state == "FAILED") {
        std::string words = "exited with code " + std::to_string(exitCode);
        if (!reason.empty() && reason != "None" && reason != "NonZeroExitCode")
            words += " (" + reason + ")";
        return words;
    }
    return {};
}
} // namespace

JobRecord parseJob(const Json &j, const AccountTree &accounts)
{
    JobRecord r;
    v1::Job &job = r.job;
    job.set_id(std::to_string(num(j, "job_id")));
    job.set_name(str(j, "name"));
    job.set_user(str(j, "user_name"));
    std::string partition = str(j, "partition");
    // A job submitted to several partitions runs in the first that takes it.
    if (auto comma = partition.find(','); comma != std::string::npos)
        partition.resize(comma);
    job.set_queue(partition);
    r.account = str(j, "account");
    auto [tenant, project] = accounts.place(r.account);
    job.set_tenant(tenant);
    job.set_project(project);

    const std::string state = str(j, "job_state");
    const std::string reason = str(j, "state_reason");
    job.set_state(mapJobState(state, reason));
    if (job.state() == v1::JOB_STATE_PENDING || job.state() == v1::JOB_STATE_HELD) {
        const v1::PendingReason mapped = mapPendingReason(reason);
        job.set_pending_reason(
            job.state() == v1::JOB_STATE_HELD && mapped != v1::PENDING_REASON_HELD_BY_ADMIN
                ? v1::PENDING_REASON_HELD_BY_USER
                : mapped);
        std::string raw = reason;
        if (job.pending_reason() == v1::PENDING_REASON_OTHER) {
            if (const std::string words = reasonWords(reason); !words.empty())
                raw += ": " + words;
        }
        job.set_pending_reason_raw(raw);
    }
    job.set_priority(num(j, "priority"));

    const bool allocated = job.state() == v1::JOB_STATE_RUNNING
        || job.state() == v1::JOB_STATE_COMPLETING || isFinal(job.state());
    const std::string allocStr = str(j, "tres_alloc_str");
    const Tres tres = parseTres(allocated && !allocStr.empty() ? allocStr : str(j, "tres_req_str"));
    TresAccelerators acc = tresAccelerators(tres);
    if (acc.type.empty()) {
        // "gres:gpu:a100:2" names the type even when the TRES does not.
        const AcceleratorGres perNode = acceleratorGres(str(j, "tres_per_node"));
        acc.type = perNode.type;
    }
    r.gresType = acc.type;
    job.set_model(modelOfType(acc.type));
    job.set_model_name(modelNameOfType(acc.type));
    job.set_accelerators(int32_t(acc.count));
    job.set_nodes_requested(int32_t(num(j, "node_count")));

    if (job.state() == v1::JOB_STATE_RUNNING || job.state() == v1::JOB_STATE_COMPLETING) {
        const auto nodes = expandHostlist(str(j, "nodes"));
        for (const auto &n : nodes)
            job.add_nodes(n);
        const auto details = strings(j, "gres_detail");
        for (size_t i = 0; i < nodes.size() && i < details.size(); ++i)
            r.allocation.emplace_back(nodes[i], acceleratorGres(details[i]).indexes);
    } else if (isFinal(job.state())) {
        for (const auto &n : expandHostlist(str(j, "nodes")))
            job.add_nodes(n);
    }
    if (const int64_t t = num(j, "submit_time"); t > 0)
        setTime(job.mutable_submit_time(), t);
    // A job cancelled while it waited has Slurm's StartTime set to the cancel: it never ran
    // (no nodes), so it has no start, and its wait does not count as a start's.
    const bool ran = job.state() != v1::JOB_STATE_PENDING && job.state() != v1::JOB_STATE_HELD
        && (!isFinal(job.state()) || job.nodes_size() > 0);
    if (const int64_t t = num(j, "start_time"); t > 0 && ran)
        setTime(job.mutable_start_time(), t);
    if (const int64_t t = num(j, "end_time"); t > 0 && isFinal(job.state()))
        setTime(job.mutable_end_time(), t);
    if (const int64_t minutes = num(j, "time_limit", -1); minutes > 0)
        job.set_time_limit_seconds(minutes * 60);

    if (isFinal(job.state())) {
        // v0.0.38 gives the wait status: exit code in the high byte, signal in the low.
        const int64_t raw = num(j, "exit_code");
        const int exitCode = int(raw > 255 ? raw >> 8 : raw & 0x7f);
        job.set_exit_code(exitCode);
        job.set_failure_reason(failureWords(state, reason, exitCode));
    }
    return r;
}

PartitionRecord parsePartition(const Json &j)
{
    PartitionRecord p;
    p.name = str(j, "name");
    p.nodes = expandHostlist(str(j, "nodes"));
    const int64_t minutes = num(j, "max_time_limit", -1);
    p.maxTimeSeconds = minutes > 0 && minutes < 0xffffffffLL ? minutes * 60 : 0;
    for (const auto &f : strings(j, "flags"))
        if (f == "default" || f == "DEFAULT")
            p.isDefault = true;
    p.state = str(j, "state");
    return p;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    const size_t k = size_t(std::max(1.0, std::ceil(p * double(values.size())))) - 1;
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

v1::Queue buildQueue(const PartitionRecord &partition, const std::vector<const v1::Node *> &nodes,
    const std::vector<const v1::Job *> &jobs, std::vector<double> waits)
{
    v1::Queue q;
    q.set_name(partition.name);
    struct Counts {
        std::string name;
        int64_t inUse = 0, free = 0, down = 0, unavailable = 0;
    };
    std::map<int, Counts> byModel;
    int32_t available = 0;
    int64_t perNode = 0, wholeFree = 0, mostFree = 0;
    std::vector<int64_t> freeOf;
    for (const v1::Node *n : nodes) {
        perNode = std::max<int64_t>(perNode, n->accelerators_total());
        const bool schedulable = n->state() == v1::NODE_STATE_IDLE
            || n->state() == v1::NODE_STATE_MIXED || n->state() == v1::NODE_STATE_ALLOCATED;
        if (schedulable)
            ++available;
        const int64_t total = n->accelerators_total();
        const int64_t inUse = std::min<int64_t>(n->accelerators_allocated(), total);
        const int64_t rest = total - inUse;
        if (total > 0) {
            Counts &c = byModel[n->model()];
            c.name = n->model_name();
            c.inUse += inUse;
            if (n->state() == v1::NODE_STATE_DOWN)
                c.down += rest;
            else if (!schedulable)
                c.unavailable += rest;
            else
                c.free += rest;
        }
        if (schedulable) {
            freeOf.push_back(rest);
            mostFree = std::max(mostFree, rest);
            if (rest == total && total > 0 && n->cpus_allocated() == 0)
                ++wholeFree;
        }
    }
    for (const auto &[model, c] : byModel) {
        v1::AcceleratorCounts *out = q.add_accelerators();
        out->set_model(v1::AcceleratorModel(model));
        out->set_model_name(c.name);
        out->set_total(c.inUse + c.free + c.down + c.unavailable);
        out->set_in_use(c.inUse);
        out->set_free(c.free);
        out->set_down(c.down);
        out->set_unavailable(c.unavailable);
    }
    q.set_nodes_total(int32_t(nodes.size()));
    q.set_nodes_available(available);
    int64_t pending = 0, running = 0, held = 0, accPending = 0;
    for (const v1::Job *j : jobs) {
        if (j->queue() != partition.name)
            continue;
        if (j->state() == v1::JOB_STATE_PENDING) {
            ++pending;
            accPending += j->accelerators();
        } else if (j->state() == v1::JOB_STATE_HELD) {
            ++held;
        } else if (j->state() == v1::JOB_STATE_RUNNING || j->state() == v1::JOB_STATE_COMPLETING) {
            ++running;
        }
    }
    q.set_jobs_pending(pending);
    q.set_jobs_running(running);
    q.set_jobs_held(held);
    q.set_accelerators_pending(accPending);
    q.set_wait_seconds_p50(percentile(waits, 0.50));
    q.set_wait_seconds_p95(percentile(std::move(waits), 0.95));
    q.set_largest_startable_accelerators(std::max(wholeFree * perNode, mostFree));
    std::vector<int64_t> buckets(size_t(perNode + 1), 0);
    for (int64_t f : freeOf)
        ++buckets[size_t(std::clamp<int64_t>(f, 0, perNode))];
    for (int64_t b : buckets)
        q.add_nodes_by_free_accelerators(b);
    q.set_max_time_seconds(partition.maxTimeSeconds);
    q.set_is_default(partition.isDefault);
    q.set_state(partition.state);
    return q;
}

std::vector<Association> parseAssociations(const Json &j)
{
    std::vector<Association> out;
    const Json &list = path(j, { "associations" });
    if (!list.is_array())
        return out;
    for (const auto &a : list) {
        // Account-level associations only; users' own limits are not quotas.
        if (!str(a, "user").empty() || !str(a, "partition").empty())
            continue;
        Association assoc;
        assoc.account = str(a, "account");
        assoc.parent = str(a, "parent_account");
        assoc.grpTres = tresList(path(a, { "max", "tres", "total" }));
        assoc.grpTresMins = tresList(path(a, { "max", "tres", "group", "minutes" }));
        out.push_back(std::move(assoc));
    }
    return out;
}

std::map<std::string, std::string> parseAccountDescriptions(const Json &j)
{
    std::map<std::string, std::string> out;
    const Json &list = path(j, { "accounts" });
    if (!list.is_array())
        return out;
    for (const auto &a : list)
        out[str(a, "name")] = str(a, "description");
    return out;
}

namespace {

// Walks `scontrol show assoc_mgr flags=assoc` records like
//   ClusterName=suanli Account=tenantb UserName= Partition= Priority=0 ID=4
//       ParentAccount=root(1) Lft=14 DefAssoc=No
//       GrpTRES=cpu=N(1),...,gres/gpu:910b=4(3)
// calling `line(account, text)` for each indented line of an account's own
// record (empty UserName), with leading blanks removed.
void forEachAccountLine(const std::string &text,
    const std::function<void(const std::string &account, const std::string &line)> &line)
{
    std::string account;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos)
            end = text.size();
        std::string l = text.substr(pos, end - pos);
        pos = end + 1;
        const size_t first = l.find_first_not_of(' ');
        if (first == std::string::npos)
            continue;
        l.erase(0, first);
        if (l.rfind("ClusterName=", 0) == 0) {
            std::string named;
            bool user = true;
            std::istringstream words(l);
            for (std::string word; words >> word;) {
                if (word.rfind("Account=", 0) == 0)
                    named = word.substr(8);
                else if (word == "UserName=")
                    user = false;
            }
            account = user ? std::string() : named;
            if (!account.empty())
                line(account, {}); // the record starts
            continue;
        }
        if (!account.empty())
            line(account, l);
    }
}

// "key=limit(used)" items of a GrpTRES list; `limit` is "N" when there is none.
void forEachTresItem(const std::string &list,
    const std::function<void(
        const std::string &key, const std::string &limit, const std::string &used)> &item)
{
    std::istringstream items(list);
    for (std::string i; std::getline(items, i, ',');) {
        const size_t eq = i.find('=');
        const size_t open = i.find('(', eq);
        const size_t close = i.find(')', open);
        if (eq == std::string::npos || open == std::string::npos || close == std::string::npos)
            continue;
        item(
            i.substr(0, eq), i.substr(eq + 1, open - eq - 1), i.substr(open + 1, close - open - 1));
    }
}

Tres tresUsed(const std::string &list)
{
    Tres used;
    forEachTresItem(list, [&](const std::string &key, const std::string &, const std::string &n) {
        try {
            used[key] = std::stoll(n);
        } catch (...) {
        }
    });
    return used;
}

Tres tresLimits(const std::string &list)
{
    Tres limits;
    forEachTresItem(list, [&](const std::string &key, const std::string &n, const std::string &) {
        if (n.empty() || n == "N")
            return;
        try {
            limits[key] = std::stoll(n);
        } catch (...) {
        }
    });
    return limits;
}

} // namespace

std::map<std::string, AccountUsage> parseAssocMgr(const std::string &text)
{
    std::map<std::string, AccountUsage> out;
    forEachAccountLine(text, [&](const std::string &account, const std::string &line) {
        if (line.rfind("GrpTRES=", 0) == 0)
            out[account].inUse = tresUsed(line.substr(8));
        else if (line.rfind("GrpTRESMins=", 0) == 0)
            out[account].minutesUsed = tresUsed(line.substr(12));
    });
    return out;
}

std::vector<Association> parseAssocMgrAssociations(const std::string &text)
{
    // The same records as parseAssocMgr reads, for the tree and the limits.
    std::vector<Association> out;
    forEachAccountLine(text, [&](const std::string &account, const std::string &line) {
        if (line.empty()) {
            out.push_back(Association { account, {}, {}, {} });
            return;
        }
        Association &a = out.back();
        if (line.rfind("ParentAccount=", 0) == 0) {
            std::string parent = line.substr(14, line.find(' ') - 14);
            if (auto paren = parent.find('('); paren != std::string::npos)
                parent.resize(paren);
            a.parent = parent;
        } else if (line.rfind("GrpTRES=", 0) == 0) {
            a.grpTres = tresLimits(line.substr(8));
        } else if (line.rfind("GrpTRESMins=", 0) == 0) {
            a.grpTresMins = tresLimits(line.substr(12));
        }
    });
    return out;
}

namespace {

std::string typedKey(const std::string &type)
{
    return "gres/gpu:" + type;
}

std::optional<int64_t> findTres(const Tres &t, const std::string &key)
{
    auto it = t.find(key);
    if (it == t.end() || it->second < 0)
        return std::nullopt;
    return it->second;
}

// An account's limits from its GrpTRES and GrpTRESMins: one per model its typed TRES name
// (gres/gpu:a100), and one across all models from the untyped gres/gpu, which Slurm counts
// against the accelerators of every type together.
std::vector<v1::QuotaLimit> limitsOf(
    const Association *a, const std::map<std::string, int64_t> &types)
{
    std::vector<v1::QuotaLimit> out;
    if (!a)
        return out;
    // A limit on hours alone leaves the count at what the centre has.
    auto add = [&out](const std::optional<int64_t> &count, const std::optional<int64_t> &minutes,
                   int64_t total) -> v1::QuotaLimit * {
        if (!count && !minutes)
            return nullptr;
        v1::QuotaLimit &limit = out.emplace_back();
        limit.set_max_accelerators(count ? *count : total);
        if (minutes)
            limit.set_max_accelerator_hours((*minutes + 59) / 60);
        return &limit;
    };
    int64_t all = 0;
    for (const auto &[type, total] : types)
        all += total;
    if (auto *limit
        = add(findTres(a->grpTres, "gres/gpu"), findTres(a->grpTresMins, "gres/gpu"), all))
        limit->set_all_models(true);
    for (const auto &[type, total] : types)
        if (auto *limit = add(findTres(a->grpTres, typedKey(type)),
                findTres(a->grpTresMins, typedKey(type)), total))
            limit->set_model(modelOfType(type));
    return out;
}

// Use per model, and across all models where `allModels`: slurmctld's untyped count when it
// has one, else the sum of the types (pending untyped requests not yet named count there
// too, under the type "").
std::vector<v1::QuotaUsage> usageOf(const std::string &account,
    const std::map<std::string, AccountUsage> &usage,
    const std::map<std::string, int64_t> &pendingByType,
    const std::map<std::string, int64_t> &types, bool allModels)
{
    std::vector<v1::QuotaUsage> out;
    auto it = usage.find(account);
    v1::QuotaUsage sum;
    sum.set_all_models(true);
    for (const auto &[type, total] : types) {
        v1::QuotaUsage u;
        u.set_model(modelOfType(type));
        if (it != usage.end()) {
            if (auto t = it->second.inUse.find(typedKey(type)); t != it->second.inUse.end())
                u.set_accelerators_in_use(t->second);
            if (auto t = it->second.minutesUsed.find(typedKey(type));
                t != it->second.minutesUsed.end())
                u.set_accelerator_hours_used(double(t->second) / 60.0);
        }
        if (auto p = pendingByType.find(type); p != pendingByType.end())
            u.set_accelerators_pending(p->second);
        sum.set_accelerators_in_use(sum.accelerators_in_use() + u.accelerators_in_use());
        sum.set_accelerator_hours_used(sum.accelerator_hours_used() + u.accelerator_hours_used());
        out.push_back(u);
    }
    if (!allModels)
        return out;
    if (it != usage.end()) {
        if (auto t = it->second.inUse.find("gres/gpu"); t != it->second.inUse.end())
            sum.set_accelerators_in_use(t->second);
        if (auto t = it->second.minutesUsed.find("gres/gpu"); t != it->second.minutesUsed.end())
            sum.set_accelerator_hours_used(double(t->second) / 60.0);
    }
    for (const auto &[type, n] : pendingByType)
        sum.set_accelerators_pending(sum.accelerators_pending() + n);
    out.insert(out.begin(), sum);
    return out;
}

bool hasAllModelsLimit(const Association *a)
{
    return a && (findTres(a->grpTres, "gres/gpu") || findTres(a->grpTresMins, "gres/gpu"));
}

} // namespace

std::vector<v1::Tenant> buildTenants(const std::vector<Association> &associations,
    const std::map<std::string, std::string> &descriptions,
    const std::map<std::string, AccountUsage> &usage, const PendingByAccount &pending,
    const std::map<std::string, int64_t> &types)
{
    AccountTree tree;
    std::map<std::string, const Association *> byAccount;
    for (const auto &a : associations) {
        tree.add(a.account, a.parent);
        byAccount[a.account] = &a;
    }
    auto nameOf = [&](const std::string &account) {
        auto it = descriptions.find(account);
        return it == descriptions.end() || it->second.empty() ? account : it->second;
    };
    // Pending accelerators roll up to the tenant and to the project.
    std::map<std::string, std::map<std::string, int64_t>> pendingRolled;
    for (const auto &[account, byType] : pending) {
        auto [tenant, project] = tree.place(account);
        for (const auto &[type, n] : byType) {
            pendingRolled[tenant][type] += n;
            if (!project.empty())
                pendingRolled[project][type] += n;
        }
    }
    auto pendingFor = [&](const std::string &account) -> const std::map<std::string, int64_t> & {
        static const std::map<std::string, int64_t> none;
        auto it = pendingRolled.find(account);
        return it == pendingRolled.end() ? none : it->second;
    };

    // Use across all models is shown where such a limit applies: the account's own or its
    // tenant's.
    auto allModelsApply = [&](const std::string &tenant, const std::string &account) {
        auto t = byAccount.find(tenant);
        auto a = byAccount.find(account);
        return (t != byAccount.end() && hasAllModelsLimit(t->second))
            || (a != byAccount.end() && hasAllModelsLimit(a->second));
    };

    std::map<std::string, v1::Tenant> tenants;
    for (const auto &a : associations) {
        if (a.account == "root" || a.account.empty())
            continue;
        auto [tenant, project] = tree.place(a.account);
        if (project.empty() && tenant == a.account) {
            v1::Tenant &t = tenants[tenant];
            t.set_id(tenant);
            t.set_name(nameOf(tenant));
            for (const auto &l : limitsOf(&a, types))
                *t.add_quotas() = l;
            for (const auto &u :
                usageOf(tenant, usage, pendingFor(tenant), types, allModelsApply(tenant, tenant)))
                *t.add_usage() = u;
        }
    }
    for (const auto &a : associations) {
        auto [tenant, project] = tree.place(a.account);
        if (project.empty() || project != a.account || !tenants.count(tenant))
            continue;
        v1::Project *p = tenants[tenant].add_projects();
        p->set_id(project);
        p->set_tenant(tenant);
        p->set_name(nameOf(project));
        for (const auto &l : limitsOf(&a, types))
            *p->add_quotas() = l;
        for (const auto &u :
            usageOf(project, usage, pendingFor(project), types, allModelsApply(tenant, project)))
            *p->add_usage() = u;
    }
    std::vector<v1::Tenant> out;
    for (auto &[id, t] : tenants)
        out.push_back(std::move(t));
    return out;
}

QuotaBinding quotaThatBinds(const std::vector<Association> &associations,
    const std::map<std::string, AccountUsage> &usage, const std::string &tenant,
    const std::string &project, const std::string &gresType, int64_t accelerators, bool minutes)
{
    auto limitOf = [&](const std::string &account, bool allModels) -> std::optional<int64_t> {
        for (const auto &a : associations)
            if (a.account == account)
                return findTres(minutes ? a.grpTresMins : a.grpTres,
                    allModels ? std::string("gres/gpu") : typedKey(gresType));
        return std::nullopt;
    };
    auto usedOf = [&](const std::string &account, bool allModels) -> int64_t {
        auto it = usage.find(account);
        if (it == usage.end())
            return 0;
        const Tres &t = minutes ? it->second.minutesUsed : it->second.inUse;
        auto v = t.find(allModels ? std::string("gres/gpu") : typedKey(gresType));
        return v == t.end() ? 0 : v->second;
    };
    auto binding = [&](const std::string &account, bool allModels, int64_t limit) {
        QuotaBinding b;
        b.found = true;
        b.project = account != tenant;
        b.allModels = allModels;
        b.used = usedOf(account, allModels);
        b.limit = limit;
        if (minutes) {
            b.used /= 60;
            b.limit /= 60;
        }
        return b;
    };
    // Hours have no reason of their own for a project: only the tenant's are looked at.
    std::vector<std::string> accounts;
    if (!minutes && !project.empty())
        accounts.push_back(project);
    accounts.push_back(tenant);
    for (const std::string &account : accounts)
        for (const bool allModels : { true, false }) {
            if (!allModels && gresType.empty())
                continue;
            const auto limit = limitOf(account, allModels);
            if (!limit)
                continue;
            const int64_t used = usedOf(account, allModels);
            if (minutes ? used >= *limit : used + accelerators > *limit)
                return binding(account, allModels, *limit);
        }
    // Nothing passed by what slurmctld counted when last read: quote the tenant's own limit.
    if (!gresType.empty())
        if (const auto limit = limitOf(tenant, false))
            return binding(tenant, false, *limit);
    if (const auto limit = limitOf(tenant, true))
        return binding(tenant, true, *limit);
    return {};
}

std::vector<std::string> quotaSettings(const std::string &gresType, const v1::QuotaLimit &limit)
{
    const std::string key = gresType.empty() ? "gres/gpu" : typedKey(gresType);
    std::vector<std::string> out;
    out.push_back("GrpTRES=" + key + "=" + std::to_string(limit.max_accelerators()));
    out.push_back("GrpTRESMins=" + key + "="
        + (limit.max_accelerator_hours() > 0 ? std::to_string(limit.max_accelerator_hours() * 60)
                                             : std::string("-1")));
    return out;
}

} // namespace suanli::server::slurm
