#include "server/backends/slurm/SlurmBackend.h"
#include "server/backends/slurm/SlurmBackendParts.h"

#include <algorithm>
#include <nlohmann/json.hpp>

// SlurmBackend's poller: what each tick reads from Slurm (libslurm or slurmrestd, the accounts,
// the exporter's readings) and the samples of telemetry taken from it.

namespace suanli::server {

using slurm::Json;
using namespace slurm::parts;

// ---- reading -----------------------------------------------------------------

namespace {

// Merges a listing into the records: maps only entries whose fingerprint
// changed, drops the ones gone, and names both in `changed`.
template <class Record>
void mergeListing(slurm::Listing<Record> &listing, std::map<std::string, Record> &records,
    std::unordered_map<std::string, uint64_t> &prints, std::set<std::string> *changed)
{
    std::unordered_map<std::string_view, bool> present;
    present.reserve(listing.keys.size());
    std::vector<std::pair<std::string, Record>> fresh;
    for (size_t i = 0; i < listing.keys.size(); ++i) {
        const std::string &key = listing.keys[i];
        present.emplace(key, true);
        auto it = prints.find(key);
        if (it != prints.end() && it->second == listing.fingerprints[i])
            continue;
        fresh.emplace_back(key, listing.map(i));
        prints[key] = listing.fingerprints[i];
    }
    std::vector<std::string> gone;
    for (const auto &[key, print] : prints)
        if (!present.count(key))
            gone.push_back(key);
    for (const auto &key : gone) {
        prints.erase(key);
        records.erase(key);
        changed->insert(key);
    }
    for (auto &[key, record] : fresh) {
        changed->insert(key);
        records.insert_or_assign(key, std::move(record));
    }
}

} // namespace

template <class Record>
slurm::Listing<Record> SlurmBackend::restListing(const std::string &path, const char *arrayKey,
    const std::function<std::string(const Json &)> &keyOf,
    const std::function<Record(const Json &)> &parse)
{
    slurm::Listing<Record> out;
    Reply reply = rest("GET", path);
    out.status = reply.status;
    out.error = reply.error;
    out.unreachable = reply.unreachable;
    if (reply.status != Fetch::Changed)
        return out;
    auto body = std::make_shared<Json>(std::move(reply.body));
    auto items = std::make_shared<std::vector<const Json *>>();
    if (auto it = body->find(arrayKey); it != body->end() && it->is_array())
        for (const auto &j : *it) {
            std::string key = keyOf(j);
            if (key.empty())
                continue;
            slurm::Fingerprint f;
            f.add(j.dump());
            out.keys.push_back(std::move(key));
            out.fingerprints.push_back(f.value());
            items->push_back(&j);
        }
    out.map = [items, parse](size_t k) { return parse(*(*items)[k]); };
    out.holder = body;
    return out;
}

bool SlurmBackend::readPartitionsLocked(bool full, Dirty *dirty, std::string *error)
{
    slurm::Listing<slurm::PartitionRecord> listing;
    if (!useRest()) {
        listing = m_lib->partitions(full ? 0 : m_lib->partitionsTime());
    } else {
        const int64_t started = wallSeconds();
        const std::string query = full || m_partitionsSince <= 0
            ? ""
            : "?update_time=" + std::to_string(m_partitionsSince);
        listing = restListing<slurm::PartitionRecord>(
            std::string(kApi) + "/partitions" + query, "partitions",
            [](const Json &j) { return j.value("name", std::string()); },
            [](const Json &j) { return slurm::parsePartition(j); });
        if (listing.status != Fetch::Failed)
            m_partitionsSince = started - 1;
    }
    if (listing.status == Fetch::Failed) {
        *error = listing.error;
        return false;
    }
    if (listing.status == Fetch::Unchanged)
        return true;
    std::set<std::string> changed;
    std::lock_guard lock(m_mutex);
    mergeListing(listing, m_partitions, m_partitionPrints, &changed);
    if (changed.empty())
        return true;
    dirty->partitions = true;
    if (!useRest()) {
        // slurmctld leaves partitions out of node records: give them from here.
        std::map<std::string, std::vector<std::string>> partitionsOf;
        for (const auto &[name, p] : m_partitions)
            for (const auto &n : p.nodes)
                partitionsOf[n].push_back(name);
        m_lib->setNodePartitions(std::move(partitionsOf));
        m_nodesStale = true;
    }
    return true;
}

bool SlurmBackend::readNodesLocked(bool full, Dirty *dirty, std::string *error)
{
    slurm::Listing<slurm::NodeRecord> listing;
    if (!useRest()) {
        listing = m_lib->nodes(full || m_nodesStale ? 0 : m_lib->nodesTime(), m_topology);
    } else {
        const int64_t started = wallSeconds();
        const std::string path = std::string(kApi) + "/nodes";
        const std::string query
            = full || m_nodesSince <= 0 ? "" : "?update_time=" + std::to_string(m_nodesSince);
        auto keyOf = [](const Json &j) { return j.value("name", std::string()); };
        auto parse = [this](const Json &j) { return slurm::parseNode(j, m_topology); };
        listing = restListing<slurm::NodeRecord>(path + query, "nodes", keyOf, parse);
        if (listing.status == Fetch::Failed && !query.empty() && !listing.unreachable) {
            // slurmrestd 22.05 loads nodes and partitions with the same
            // update_time and answers 500 "Unspecified error" when the nodes
            // changed but the partitions did not: read the nodes whole then.
            // (It says the same when slurmctld is down; the partitions were
            // read just before, so slurmctld answers.)
            listing = restListing<slurm::NodeRecord>(path, "nodes", keyOf, parse);
        }
        if (listing.status != Fetch::Failed)
            m_nodesSince = started - 1;
    }
    if (listing.status == Fetch::Failed) {
        *error = listing.error;
        return false;
    }
    m_nodesStale = false;
    if (listing.status == Fetch::Unchanged)
        return true;
    std::lock_guard lock(m_mutex);
    mergeListing(listing, m_nodes, m_nodePrints, &dirty->nodes);
    return true;
}

bool SlurmBackend::readJobsLocked(bool full, Dirty *dirty, std::string *error)
{
    // slurmctld changes pending reasons (None -> Resources, BeginTime ->
    // Priority, ...) without counting it as a change, so "changed since" never
    // shows them: the jobs are read whole now and then. How often follows what
    // a whole read costs here, so it stays about 2 % of the gateway's time:
    // every 2 s on a small cluster, every few seconds at 20,000 jobs, and never
    // less often than every fullReadEverySeconds.
    const auto now = std::chrono::steady_clock::now();
    const auto interval = std::clamp<std::chrono::steady_clock::duration>(m_jobsWholeCost * 50,
        std::chrono::seconds(2),
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(m_options.fullReadEverySeconds)));
    const bool whole = full || now - m_lastJobsWhole >= interval;
    slurm::AccountTree tree;
    {
        std::lock_guard lock(m_mutex);
        tree = m_accountTree;
    }
    slurm::Listing<slurm::JobRecord> listing;
    if (!useRest()) {
        listing = m_lib->jobs(whole ? 0 : m_lib->jobsTime(), tree);
    } else {
        const int64_t started = wallSeconds();
        const std::string query
            = whole || m_jobsSince <= 0 ? "" : "?update_time=" + std::to_string(m_jobsSince);
        listing = restListing<slurm::JobRecord>(
            std::string(kApi) + "/jobs" + query, "jobs",
            [](const Json &j) {
                auto it = j.find("job_id");
                return it != j.end() && it->is_number() ? std::to_string(it->get<int64_t>())
                                                        : std::string();
            },
            [&tree](const Json &j) { return slurm::parseJob(j, tree); });
        if (listing.status != Fetch::Failed)
            m_jobsSince = started - 1;
    }
    if (listing.status == Fetch::Failed) {
        *error = listing.error;
        return false;
    }
    if (listing.status == Fetch::Unchanged)
        return true;
    {
        std::lock_guard lock(m_mutex);
        mergeListing(listing, m_jobs, m_jobPrints, &dirty->jobs);
    }
    if (whole) {
        m_lastJobsWhole = now;
        m_jobsWholeCost = std::chrono::steady_clock::now() - now;
    }
    return true;
}

bool SlurmBackend::pollAccountsLocked(Dirty *dirty, std::string *error)
{
    std::vector<slurm::Association> associations;
    std::map<std::string, std::string> descriptions;
    std::string cluster;
    bool haveDescriptions = false;
    // What counts against the limits now (and the TRES-minutes used) lives
    // only in slurmctld's association manager, which also has the tree and
    // the limits; slurmrestd 22.05 has no call for it.
    const CommandResult mgr = m_commands.run("scontrol", { "show", "assoc_mgr", "flags=assoc" });
    if (!useRest()) {
        if (!mgr.ok()) {
            *error = "cannot read accounts: " + mgr.describe("scontrol show assoc_mgr");
            return false;
        }
        associations = slurm::parseAssocMgrAssociations(mgr.out);
        // Descriptions (tenants' full names) are slurmdbd's alone; they change
        // rarely, so they are read once a minute.
        const auto now = std::chrono::steady_clock::now();
        if (m_descriptions.empty() || now - m_lastDescriptions >= std::chrono::minutes(1)) {
            m_lastDescriptions = now;
            const CommandResult d = m_commands.run(
                "sacctmgr", { "-n", "-P", "show", "account", "format=Account,Description" });
            if (d.ok()) {
                std::istringstream lines(d.out);
                for (std::string line; std::getline(lines, line);)
                    if (auto bar = line.find('|'); bar != std::string::npos)
                        descriptions[line.substr(0, bar)] = line.substr(bar + 1);
                haveDescriptions = true;
            } else if (m_options.warn) {
                m_options.warn("account descriptions not read: " + d.describe("sacctmgr"));
            }
        }
    } else {
        // The account tree and its limits come from slurmdbd through slurmrestd.
        Reply assoc = rest("GET", std::string(kDbApi) + "/associations");
        if (assoc.status != Fetch::Changed) {
            *error = "cannot read accounts: "
                + (assoc.error.empty() ? std::string("no answer") : assoc.error);
            return false;
        }
        Reply accounts = rest("GET", std::string(kDbApi) + "/accounts");
        if (auto it = assoc.body.find("associations"); it != assoc.body.end() && it->is_array())
            for (const auto &a : *it)
                if (auto c = a.find("cluster"); c != a.end() && c->is_string()) {
                    const std::string name = c->get<std::string>();
                    if (m_options.cluster.empty() || name == m_options.cluster) {
                        cluster = name;
                        break;
                    }
                }
        // Only this cluster's associations count.
        if (!cluster.empty()) {
            auto &list = assoc.body["associations"];
            Json kept = Json::array();
            for (auto &a : list)
                if (a.value("cluster", std::string()) == cluster)
                    kept.push_back(std::move(a));
            list = std::move(kept);
        }
        associations = slurm::parseAssociations(assoc.body);
        if (accounts.status == Fetch::Changed) {
            descriptions = slurm::parseAccountDescriptions(accounts.body);
            haveDescriptions = !descriptions.empty();
        }
    }
    std::map<std::string, slurm::AccountUsage> usage;
    const bool haveUsage = mgr.ok();
    if (haveUsage)
        usage = slurm::parseAssocMgr(mgr.out);
    else if (m_options.warn)
        m_options.warn("account usage not read: " + mgr.describe("scontrol show assoc_mgr"));

    std::lock_guard lock(m_mutex);
    slurm::AccountTree tree;
    for (const auto &a : associations)
        tree.add(a.account, a.parent);
    m_accountTree = std::move(tree);
    m_associations = std::move(associations);
    if (haveDescriptions)
        m_descriptions = std::move(descriptions);
    if (haveUsage)
        m_usage = std::move(usage);
    if (!cluster.empty())
        m_clusterName = cluster;
    // Jobs read before the tree was known (or moved since) get their tenant now.
    for (auto &[id, job] : m_jobs) {
        auto [tenant, project] = m_accountTree.place(job.account);
        if (tenant != job.job.tenant() || project != job.job.project()) {
            job.job.set_tenant(tenant);
            job.job.set_project(project);
            dirty->jobs.insert(id);
        }
    }
    dirty->accounts = true;
    return true;
}

void SlurmBackend::scrapeMetricsLocked(Dirty *dirty)
{
    if (m_options.metricsUrl.empty())
        return;
    HttpResponse r = m_http.get(m_options.metricsUrl);
    const bool ok = r.answered && r.status == 200;
    ExporterReadings readings;
    if (ok)
        readings = parseExporterMetrics(r.body);
    else if (m_options.warn && m_readingsOk)
        m_options.warn("metrics exporter " + m_options.metricsUrl
            + " does not answer: " + (r.answered ? "HTTP " + std::to_string(r.status) : r.error));
    std::lock_guard lock(m_mutex);
    m_readingsOk = ok;
    m_readings = std::move(readings);
    dirty->readings = true;
}

bool SlurmBackend::pollLocked(bool full, std::string *error)
{
    // Partitions first: the nodes read after them carry their partitions.
    // When slurmctld is down, the tick ends after one request.
    Dirty dirty;
    // What each part of the read took, for the warning below.
    ReadTimes times;
    auto lap = times.start();
    if (!readPartitionsLocked(full, &dirty, error))
        return false;
    times.partitions = lap();
    if (!readNodesLocked(full, &dirty, error))
        return false;
    times.nodes = lap();
    if (!readJobsLocked(full, &dirty, error))
        return false;
    times.jobs = lap();
    if (full)
        m_lastFull = std::chrono::steady_clock::now();
    const auto now = std::chrono::steady_clock::now();
    if (m_accountsDirty
        || now - m_lastAccounts >= std::chrono::duration<double>(m_options.accountsEverySeconds)) {
        std::string accountsError;
        if (pollAccountsLocked(&dirty, &accountsError)) {
            m_accountsDirty = false;
        } else if (m_options.warn) {
            m_options.warn(accountsError);
        }
        m_lastAccounts = now;
    }
    times.accounts = lap();
    scrapeMetricsLocked(&dirty);
    times.exporter = lap();
    const bool first = !m_polled;
    m_polled = true;
    {
        std::lock_guard lock(m_mutex);
        if (first || dirty.any())
            updateModel(dirty);
    }
    times.model = lap();
    warnIfSlow(times, first);
    return true;
}

void SlurmBackend::warnIfSlow(const ReadTimes &t, bool first)
{
    // A read longer than two ticks delays what consoles see: say where the time went (at most
    // once a minute), so an operator can tell a busy slurmctld from a slow exporter.
    const double total = t.partitions + t.nodes + t.jobs + t.accounts + t.exporter + t.model;
    const auto now = std::chrono::steady_clock::now();
    if (first || !m_options.warn || total <= 2 * m_options.tickSeconds
        || now - m_lastSlowWarning < std::chrono::minutes(1))
        return;
    m_lastSlowWarning = now;
    char text[256];
    std::snprintf(text, sizeof text,
        "reading Slurm took %.1f s, more than two ticks (partitions %.2f s, nodes %.2f s, "
        "jobs %.2f s, accounts %.2f s, exporter %.2f s, mapping %.2f s)",
        total, t.partitions, t.nodes, t.jobs, t.accounts, t.exporter, t.model);
    m_options.warn(text);
}

bool SlurmBackend::tick(std::string *error)
{
    std::lock_guard io(m_io);
    const auto started = std::chrono::steady_clock::now();
    // After a read that failed, wait at least as long as it took before the
    // next: a Slurm that answers slowly (or times out) gets at most half the
    // gateway's attention, instead of a new request every tick piling up
    // behind the ones it is still working on.
    if (started < m_retryAt) {
        if (error)
            *error = m_retryError;
        return false;
    }
    const bool full = !m_polled
        || started - m_lastFull >= std::chrono::duration<double>(m_options.fullReadEverySeconds);
    std::string why;
    const bool ok = pollLocked(full, &why);
    markReachable(ok, why);
    const auto ended = std::chrono::steady_clock::now();
    m_retryAt = ok ? std::chrono::steady_clock::time_point {} : ended + (ended - started);
    m_retryError = ok ? std::string() : why;
    if (!ok && error)
        *error = why;
    return ok;
}

bool SlurmBackend::sampleTelemetry(std::vector<NodeSample> *out)
{
    std::lock_guard lock(m_mutex);
    if (m_options.metricsUrl.empty() || !m_readingsOk)
        return false;
    for (uint32_t i = 0; i < m_nodeOrder.size(); ++i) {
        auto it = m_nodeView.find(m_nodeOrder[i]);
        if (it == m_nodeView.end() || !it->second.has_telemetry())
            continue; // no reading for this node: no sample, never a zero
        const v1::Node &n = it->second;
        NodeSample s;
        s.nodeIndex = i;
        s.utilisationPercent = float(n.utilisation_percent());
        s.temperatureCelsius = float(n.temperature_celsius());
        s.powerWatts = float(n.power_watts());
        s.memoryUsedPercent = float(n.accelerator_memory_used_percent());
        for (const auto &a : n.accelerators()) {
            NodeSample::Acc acc;
            acc.utilisationPercent = float(a.utilisation_percent());
            acc.temperatureCelsius = float(a.temperature_celsius());
            acc.powerWatts = float(a.power_watts());
            acc.memoryUsedPercent = a.memory_total_bytes() > 0
                ? float(100.0 * double(a.memory_used_bytes()) / double(a.memory_total_bytes()))
                : 0.0f;
            s.accelerators.push_back(acc);
        }
        out->push_back(std::move(s));
    }
    return true;
}

} // namespace suanli::server
