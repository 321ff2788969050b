#include "backends/slurm/SlurmBackend.h"

#include "Describe.h"
#include "backends/facts/AcceleratorSpec.h"
#include "backends/slurm/Jwt.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace suanli::server {

using slurm::Json;

namespace {

// slurmrestd's plugin for Slurm 22.05.
constexpr const char *kApi = "/slurm/v0.0.38";
constexpr const char *kDbApi = "/slurmdb/v0.0.38";
// Minted tokens live this long and are renewed when less than kRenewSeconds is left.
constexpr int64_t kTokenSeconds = 1800;
constexpr int64_t kRenewSeconds = 300;

int64_t wallSeconds()
{
    return int64_t(std::time(nullptr));
}

std::string readWhole(const std::string &path, const char *what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::invalid_argument(std::string("cannot read the ") + what + " " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string s)
{
    while (!s.empty() && std::isspace(uint8_t(s.back())))
        s.pop_back();
    while (!s.empty() && std::isspace(uint8_t(s.front())))
        s.erase(0, 1);
    return s;
}

bool contains(const std::string &text, const char *needle)
{
    return text.find(needle) != std::string::npos;
}

// Slurm's words for "slurmctld does not answer", as slurmrestd and the commands print them.
bool controllerUnreachable(const std::string &text)
{
    return contains(text, "Unable to contact slurm controller") || contains(text, "connect failure")
        || contains(text, "Socket timed out") || contains(text, "Connection refused")
        || contains(text, "Unable to connect to database") || contains(text, "slurmdbd");
}

v1::TargetResult result(
    const std::string &target, bool ok, const char *code = "", const std::string &message = {})
{
    v1::TargetResult r;
    r.set_target(target);
    r.set_ok(ok);
    if (!ok) {
        r.set_code(code);
        r.set_message(message);
    }
    return r;
}

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

} // namespace

SlurmBackend::SlurmBackend(SlurmOptions options)
    : m_options(std::move(options))
    , m_http(std::chrono::milliseconds(int64_t(m_options.timeoutSeconds * 1000)))
    , m_commands(m_options.binDir, m_options.slurmConf,
          std::chrono::milliseconds(int64_t(m_options.timeoutSeconds * 1000)))
{
    while (!m_options.url.empty() && m_options.url.back() == '/')
        m_options.url.pop_back();
    if (m_options.api != "libslurm" && m_options.api != "rest")
        throw std::invalid_argument("--slurm-api must be libslurm (Slurm's client library) or "
                                    "rest (slurmrestd), not '" + m_options.api + "'");
    if (useRest()) {
        if (m_options.url.empty())
            throw std::invalid_argument("--slurm-url is required with --slurm-api rest "
                                        "(slurmrestd's address, e.g. http://127.0.0.1:6820)");
        if (m_options.user.empty())
            throw std::invalid_argument("--slurm-user is required with --slurm-api rest "
                                        "(the Slurm user the gateway acts as)");
        if (m_options.jwtKeyFile.empty() == m_options.tokenFile.empty())
            throw std::invalid_argument("give exactly one of --slurm-jwt-key FILE (the gateway "
                                        "mints its own tokens) or --slurm-token-file FILE");
    }
    if (!m_options.jwtKeyFile.empty()) {
        m_jwtKey = readWhole(m_options.jwtKeyFile, "Slurm JWT key");
        if (m_jwtKey.size() < 16)
            throw std::invalid_argument("the Slurm JWT key " + m_options.jwtKeyFile
                + " is too short to be slurm's jwt_key");
    } else if (!m_options.tokenFile.empty()) {
        m_token = trimmed(readWhole(m_options.tokenFile, "Slurm token file"));
        if (m_token.empty())
            throw std::invalid_argument(
                "the Slurm token file " + m_options.tokenFile + " is empty");
    }
    if (!useRest())
        m_lib = std::make_unique<slurm::LibSlurm>(m_options.slurmConf);
    if (!m_options.topologyFile.empty())
        m_topology = Topology::fromFile(m_options.topologyFile);
    m_clusterName = m_options.cluster;
}

SlurmBackend::~SlurmBackend() = default;

SiteInfo SlurmBackend::site() const
{
    std::lock_guard lock(m_mutex);
    SiteInfo info;
    info.name = !m_options.siteName.empty() ? m_options.siteName
        : !m_clusterName.empty()            ? m_clusterName
                                            : std::string("Slurm cluster");
    for (const auto &[name, r] : m_nodes) {
        const auto model = r.node.model();
        if (model == v1::ACCELERATOR_MODEL_OTHER || model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
            continue;
        info.peakTflopsFp16 += AcceleratorSpec::of(model).fp16Tflops * r.node.accelerators_total();
    }
    // Slurm knows neither the PUE nor the grid: only what the site configured.
    m_options.site.applyTo(&info);
    return info;
}

std::chrono::system_clock::time_point SlurmBackend::now() const
{
    return std::chrono::system_clock::now();
}

bool SlurmBackend::reachable() const
{
    std::lock_guard lock(m_mutex);
    return m_reachable;
}

void SlurmBackend::markReachable(bool ok, const std::string &error)
{
    std::lock_guard lock(m_mutex);
    if (!ok && m_reachable)
        m_unreachableSince = std::chrono::system_clock::now();
    m_reachable = ok;
    m_lastError = ok ? std::string() : error;
}

std::string SlurmBackend::unavailableMessage() const
{
    // The gateway says for how long and since when; this says why.
    std::lock_guard lock(m_mutex);
    return m_lastError.empty() ? std::string("Slurm does not answer") : m_lastError;
}

TargetResults SlurmBackend::unavailableResults(const std::vector<std::string> &targets) const
{
    const std::string message = unavailableMessage();
    TargetResults out;
    for (const auto &t : targets)
        out.push_back(result(t, false, "UNAVAILABLE", message));
    return out;
}

// ---- talking to slurmrestd ------------------------------------------------

std::vector<std::pair<std::string, std::string>> SlurmBackend::authHeaders(std::string *error)
{
    std::lock_guard lock(m_tokenMutex);
    const int64_t now = wallSeconds();
    if (!m_jwtKey.empty()) {
        if (m_token.empty() || now + kRenewSeconds >= m_tokenExpiry) {
            m_tokenExpiry = now + kTokenSeconds;
            m_token = mintSlurmJwt(m_jwtKey, m_options.user, now, m_tokenExpiry);
        }
    } else {
        // A token file may be renewed by someone else: re-read it when it changes.
        std::error_code ec;
        const auto mtime = std::filesystem::last_write_time(m_options.tokenFile, ec);
        const int64_t stamp = ec ? -1 : int64_t(mtime.time_since_epoch().count());
        if (!ec && stamp != m_tokenFileMtime) {
            m_tokenFileMtime = stamp;
            try {
                if (auto token = trimmed(readWhole(m_options.tokenFile, "Slurm token file"));
                    !token.empty())
                    m_token = token;
            } catch (const std::exception &e) {
                *error = e.what();
            }
        }
    }
    return { { "X-SLURM-USER-NAME", m_options.user }, { "X-SLURM-USER-TOKEN", m_token } };
}

SlurmBackend::Reply SlurmBackend::rest(
    const char *method, const std::string &path, const std::string &body)
{
    Reply reply;
    std::string authError;
    const auto headers = authHeaders(&authError);
    const std::string url = m_options.url + path;
    HttpResponse r;
    if (std::string_view(method) == "GET")
        r = m_http.get(url, headers);
    else if (std::string_view(method) == "DELETE")
        r = m_http.del(url, headers);
    else
        r = m_http.post(url, body, headers);
    if (!r.answered) {
        reply.unreachable = true;
        if (contains(r.error, "timed out") || contains(r.error, "Timeout"))
            reply.error = "slurmrestd at " + m_options.url + " did not answer " + path
                + " within --slurm-timeout (" + r.error
                + "); it is running but slow: a large cluster's answer can take slurmrestd "
                  "longer than that (--slurm-api libslurm reads it without slurmrestd)";
        else
            reply.error = "cannot reach slurmrestd at " + m_options.url + " (" + r.error
                + "); is slurmrestd running?";
        return reply;
    }
    if (r.status == 304) {
        reply.status = Fetch::Unchanged;
        return reply;
    }
    reply.body = Json::parse(r.body, nullptr, false);
    std::string errors;
    if (reply.body.is_object()) {
        if (auto it = reply.body.find("errors"); it != reply.body.end() && it->is_array()) {
            for (const auto &e : *it) {
                std::string text = e.value("error", std::string());
                const std::string description = e.value("description", std::string());
                if (!description.empty() && description != text)
                    text += text.empty() ? description : " (" + description + ")";
                if (!errors.empty())
                    errors += "; ";
                errors += text;
            }
        }
    }
    if (r.status == 200 && errors.empty() && !reply.body.is_discarded()) {
        reply.status = Fetch::Changed;
        return reply;
    }
    if (!errors.empty()) {
        reply.error = "slurmrestd " + std::string(method) + " " + path + ": " + errors;
        reply.unreachable = controllerUnreachable(errors);
        // slurmrestd 22.05 says only "Unspecified error" when slurmctld does not answer it.
        if (contains(errors, "Unspecified error") && r.status >= 500)
            reply.error += " (is slurmctld running and reachable from slurmrestd?)";
    } else if (reply.body.is_discarded() && r.status < 300) {
        reply.error = "slurmrestd answered " + path + " with something that is not JSON";
    } else {
        std::string snippet = trimmed(r.body.substr(0, 200));
        reply.error = "slurmrestd answered " + std::string(method) + " " + path + " with HTTP "
            + std::to_string(r.status) + (snippet.empty() ? std::string() : ": " + snippet);
        if (r.status == 401 || r.status == 403 || r.status == 500)
            reply.error += " (slurmrestd answers 500 to a token it does not accept: check "
                           "--slurm-user and the --slurm-jwt-key or --slurm-token-file)";
    }
    if (!authError.empty())
        reply.error += "; " + authError;
    return reply;
}

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
        const std::string query
            = full || m_partitionsSince <= 0 ? "" : "?update_time=" + std::to_string(m_partitionsSince);
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
    const auto interval = std::clamp<std::chrono::steady_clock::duration>(
        m_jobsWholeCost * 50, std::chrono::seconds(2),
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

// ---- the model --------------------------------------------------------------

v1::Job SlurmBackend::jobView(
    slurm::JobRecord &record, const std::map<std::string, std::set<std::string>> &queueTypes) const
{
    v1::Job job = record.job;
    std::string type = record.gresType;
    if (type.empty() && job.accelerators() > 0) {
        // Name an untyped request after the nodes it runs on or the queue's only model.
        if (job.nodes_size() > 0) {
            if (auto it = m_nodes.find(job.nodes(0)); it != m_nodes.end())
                type = it->second.gresType;
        } else if (auto it = queueTypes.find(job.queue());
                   it != queueTypes.end() && it->second.size() == 1) {
            type = *it->second.begin();
        }
        job.set_model(slurm::modelOfType(type));
        job.set_model_name(slurm::modelNameOfType(type));
    }
    record.resolvedType = type;
    if (job.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA
        || job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS) {
        // Slurm names the kind of limit, not whose or of which model: the one the job passes.
        const bool minutes = job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS;
        const slurm::QuotaBinding binding = slurm::quotaThatBinds(m_associations, m_usage,
            job.tenant(), job.project(), type, job.accelerators(), minutes);
        if (binding.found) {
            if (binding.project)
                job.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
            job.set_quota_used(binding.used);
            job.set_quota_limit(binding.limit);
            job.set_quota_all_models(binding.allModels);
        }
    }
    return job;
}

v1::Node SlurmBackend::nodeView(const slurm::NodeRecord &record) const
{
    v1::Node node = record.node;
    const std::string &name = node.name();
    if (auto on = m_jobsOnNode.find(name); on != m_jobsOnNode.end()) {
        for (const auto &id : on->second) { // a set: in order
            node.add_job_ids(id);
            auto j = m_jobs.find(id);
            if (j == m_jobs.end())
                continue;
            for (const auto &[n, indexes] : j->second.allocation)
                if (n == name)
                    for (int i : indexes)
                        if (i >= 0 && i < node.accelerators_size())
                            node.mutable_accelerators(i)->set_job_id(id);
        }
    }
    if (!m_readingsOk)
        return node;
    auto it = m_readings.find(name);
    if (it == m_readings.end())
        return node;
    double util = 0, temp = 0, power = 0, mem = 0;
    int utilN = 0, memN = 0;
    bool any = false;
    for (auto &a : *node.mutable_accelerators()) {
        auto r = it->second.find(a.index());
        if (r == it->second.end())
            continue;
        const AcceleratorReading &x = r->second;
        a.set_has_telemetry(true);
        any = true;
        if (x.hasUtilisation) {
            a.set_utilisation_percent(x.utilisationPercent);
            util += x.utilisationPercent;
            ++utilN;
        }
        if (x.hasTemperature) {
            a.set_temperature_celsius(x.temperatureCelsius);
            temp = std::max(temp, x.temperatureCelsius);
        }
        if (x.hasPower) {
            a.set_power_watts(x.powerWatts);
            power += x.powerWatts;
        }
        if (x.hasMemory && x.memoryTotalBytes > 0) {
            a.set_memory_used_bytes(int64_t(x.memoryUsedBytes));
            a.set_memory_total_bytes(int64_t(x.memoryTotalBytes));
            mem += 100.0 * x.memoryUsedBytes / x.memoryTotalBytes;
            ++memN;
        }
    }
    if (any) {
        node.set_has_telemetry(true);
        node.set_utilisation_percent(utilN ? util / utilN : 0);
        node.set_temperature_celsius(temp);
        node.set_power_watts(power);
        node.set_accelerator_memory_used_percent(memN ? mem / memN : 0);
    }
    return node;
}

void SlurmBackend::updateModel(const Dirty &dirty)
{
    const int64_t now = wallSeconds();
    const bool nodesChanged = !dirty.nodes.empty();
    bool typesChanged = false;
    if (nodesChanged || dirty.partitions) {
        std::map<std::string, int64_t> totals;
        for (const auto &[name, r] : m_nodes)
            if (r.node.accelerators_total() > 0)
                totals[r.gresType] += r.node.accelerators_total();
        std::map<std::string, std::set<std::string>> queueTypes;
        for (const auto &[name, p] : m_partitions)
            for (const auto &n : p.nodes)
                if (auto it = m_nodes.find(n);
                    it != m_nodes.end() && it->second.node.accelerators_total() > 0)
                    queueTypes[name].insert(it->second.gresType);
        typesChanged = totals != m_gresTotals || queueTypes != m_queueTypes;
        m_gresTotals = std::move(totals);
        m_queueTypes = std::move(queueTypes);
    }

    // Which jobs to look at again: those read anew; with new limits or usage,
    // the ones whose reason quotes them; when the models of nodes or queues
    // changed, all (an untyped request is named after them).
    std::set<std::string> jobs = dirty.jobs;
    if (typesChanged) {
        for (const auto &[id, r] : m_jobs)
            jobs.insert(id);
    } else if (dirty.accounts) {
        for (const auto &[id, r] : m_jobs)
            if (r.job.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA
                || r.job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS)
                jobs.insert(id);
    }

    std::set<std::string> nodes = dirty.nodes;
    auto running = [](const v1::Job &j) {
        return j.state() == v1::JOB_STATE_RUNNING || j.state() == v1::JOB_STATE_COMPLETING;
    };
    for (const auto &id : jobs) {
        // Off the nodes it ran on...
        if (auto old = m_jobView.find(id); old != m_jobView.end() && running(old->second))
            for (const auto &n : old->second.nodes()) {
                m_jobsOnNode[n].erase(id);
                nodes.insert(n);
            }
        auto it = m_jobs.find(id);
        if (it == m_jobs.end()) {
            m_jobView.erase(id);
            m_seenStarted.erase(id);
            continue;
        }
        v1::Job job = jobView(it->second, m_queueTypes);
        // ...and onto the ones it runs on now.
        if (running(job))
            for (const auto &n : job.nodes()) {
                m_jobsOnNode[n].insert(id);
                nodes.insert(n);
            }
        // Waits of jobs that started in the last hour feed the queue percentiles.
        if (job.has_start_time() && job.has_submit_time() && !m_seenStarted.count(id)) {
            m_seenStarted.insert(id);
            if (job.start_time().seconds() > now - 3600)
                m_waits[job.queue()].emplace_back(job.start_time().seconds(),
                    double(std::max<int64_t>(
                        0, job.start_time().seconds() - job.submit_time().seconds())));
        }
        m_jobView.insert_or_assign(id, std::move(job));
    }
    for (auto &[queue, waits] : m_waits)
        while (!waits.empty() && waits.front().first < now - 3600)
            waits.pop_front();

    // Nodes: with their jobs and, where an exporter is configured, accelerator telemetry.
    if (dirty.readings && (m_readingsOk || !m_readings.empty()))
        for (const auto &[name, r] : m_nodes)
            nodes.insert(name);
    for (const auto &name : nodes) {
        auto it = m_nodes.find(name);
        if (it == m_nodes.end()) {
            m_nodeView.erase(name);
            continue;
        }
        m_nodeView.insert_or_assign(name, nodeView(it->second));
    }

    // Nodes: send what changed.
    for (const auto &name : nodes) {
        auto view = m_nodeView.find(name);
        auto published = m_publishedNodes.find(name);
        if (view == m_nodeView.end()) {
            if (published != m_publishedNodes.end()) {
                m_pending.removedNodes.push_back(name);
                m_publishedNodes.erase(published);
            }
            continue;
        }
        std::string bytes = view->second.SerializeAsString();
        if (published == m_publishedNodes.end() || published->second != bytes) {
            // Telemetry samples number nodes in the order they were first reported.
            if (published == m_publishedNodes.end() && m_nodeNumbered.insert(name).second)
                m_nodeOrder.push_back(name);
            m_pending.nodes.push_back(view->second);
            m_publishedNodes.insert_or_assign(name, std::move(bytes));
        }
    }

    // Jobs: active ones when they change; a job that ends once with its final state.
    for (const auto &id : jobs) {
        auto view = m_jobView.find(id);
        auto published = m_publishedJobs.find(id);
        if (view == m_jobView.end()) {
            if (published == m_publishedJobs.end())
                continue;
            v1::Job last;
            if (last.ParseFromString(published->second) && !slurm::isFinal(last.state())) {
                // Slurm dropped it without the gateway seeing how it ended (the
                // gateway was cut off longer than MinJobAge).
                last.set_state(v1::JOB_STATE_COMPLETED);
                last.set_failure_reason("ended while the gateway could not reach Slurm; see sacct");
                m_pending.jobs.push_back(last);
            }
            m_publishedJobs.erase(published);
            continue;
        }
        if (slurm::isFinal(view->second.state()) && published == m_publishedJobs.end())
            continue; // ended before the gateway saw it run
        std::string bytes = view->second.SerializeAsString();
        if (published == m_publishedJobs.end() || published->second != bytes) {
            m_pending.jobs.push_back(view->second);
            m_publishedJobs.insert_or_assign(id, std::move(bytes));
        }
    }

    // Queues and tenants: sums over every node and job, redone when any changed.
    if (!jobs.empty() || !nodes.empty() || dirty.partitions) {
        std::vector<const v1::Job *> active;
        active.reserve(m_jobView.size());
        for (const auto &[id, job] : m_jobView)
            if (!slurm::isFinal(job.state()))
                active.push_back(&job);
        std::map<std::string, std::string> publishedQueues;
        for (const auto &[name, partition] : m_partitions) {
            std::vector<const v1::Node *> members;
            members.reserve(partition.nodes.size());
            for (const auto &n : partition.nodes)
                if (auto it = m_nodeView.find(n); it != m_nodeView.end())
                    members.push_back(&it->second);
            std::vector<double> waits;
            if (auto it = m_waits.find(name); it != m_waits.end())
                for (const auto &w : it->second)
                    waits.push_back(w.second);
            v1::Queue queue = slurm::buildQueue(partition, members, active, std::move(waits));
            std::string bytes = queue.SerializeAsString();
            auto it = m_publishedQueues.find(name);
            if (it == m_publishedQueues.end() || it->second != bytes)
                m_pending.queues.push_back(queue);
            publishedQueues.emplace(name, std::move(bytes));
        }
        for (const auto &[name, bytes] : m_publishedQueues)
            if (!publishedQueues.count(name))
                m_pending.removedQueues.push_back(name);
        m_publishedQueues = std::move(publishedQueues);
    }
    if (jobs.empty() && !dirty.accounts && !typesChanged && m_polledTenants)
        return;
    m_polledTenants = true;

    // Tenants. Accelerators in use come from the running jobs read this tick
    // (fresher than the association manager's counts, read less often).
    std::map<std::string, slurm::AccountUsage> usage = m_usage;
    for (auto &[account, u] : usage)
        for (auto it = u.inUse.begin(); it != u.inUse.end();)
            it = it->first.rfind("gres/", 0) == 0 ? u.inUse.erase(it) : std::next(it);
    slurm::PendingByAccount pendingByAccount;
    for (const auto &[id, record] : m_jobs) {
        const v1::Job &job = m_jobView[id];
        if ((job.state() == v1::JOB_STATE_PENDING || job.state() == v1::JOB_STATE_HELD)
            && job.accelerators() > 0)
            pendingByAccount[record.account][record.resolvedType] += job.accelerators();
        if (!running(job))
            continue;
        std::string type;
        for (const auto &n : job.nodes())
            if (auto it = m_nodes.find(n); it != m_nodes.end())
                type = it->second.gresType;
        if (type.empty() || job.accelerators() <= 0)
            continue;
        auto [tenant, project] = m_accountTree.place(record.account);
        // The job's own account may be the tenant or the project: count each once.
        const std::set<std::string> accounts = { tenant, project, record.account };
        for (const std::string &account : accounts)
            if (!account.empty())
                usage[account].inUse["gres/gpu:" + type] += job.accelerators();
    }
    auto tenants = slurm::buildTenants(
        m_associations, m_descriptions, usage, pendingByAccount, m_gresTotals);
    std::string bytes;
    for (const auto &t : tenants)
        bytes += t.SerializeAsString() + '\x1d';
    if (bytes != m_publishedTenants) {
        m_publishedTenants = std::move(bytes);
        m_tenantView = std::move(tenants);
        m_pending.tenantsChanged = true;
    }
}

BackendChanges SlurmBackend::snapshot()
{
    {
        std::lock_guard io(m_io);
        if (!m_polled) {
            std::string error;
            const bool ok = pollLocked(true, &error);
            markReachable(ok, error);
            if (!ok && m_options.warn)
                m_options.warn("first read of the Slurm cluster failed: " + error);
        }
    }
    std::lock_guard lock(m_mutex);
    BackendChanges out;
    for (const auto &[name, node] : m_nodeView)
        out.nodes.push_back(node);
    for (const auto &[id, job] : m_jobView)
        if (!slurm::isFinal(job.state()))
            out.jobs.push_back(job);
    for (const auto &[name, bytes] : m_publishedQueues) {
        v1::Queue q;
        if (q.ParseFromString(bytes))
            out.queues.push_back(std::move(q));
    }
    out.tenantsChanged = true;
    m_pending = BackendChanges();
    return out;
}

BackendChanges SlurmBackend::collectChanges()
{
    std::lock_guard lock(m_mutex);
    BackendChanges out = std::move(m_pending);
    m_pending = BackendChanges();
    return out;
}

std::vector<v1::Tenant> SlurmBackend::tenants()
{
    std::lock_guard lock(m_mutex);
    return m_tenantView;
}

// ---- actions ----------------------------------------------------------------

v1::TargetResult SlurmBackend::commandResult(
    const std::string &target, const CommandResult &r, const std::string &program) const
{
    if (r.ok())
        return result(target, true);
    const std::string message = r.describe(program);
    if (!r.started || r.timedOut || controllerUnreachable(r.err))
        return result(target, false, "UNAVAILABLE", "slurm backend: " + message);
    if (contains(r.err, "Invalid node name") || contains(r.err, "Invalid job id"))
        return result(target, false, "NOT_FOUND", message);
    return result(target, false, "FAILED_PRECONDITION", message);
}

TargetResults SlurmBackend::nodeCommand(const std::vector<std::string> &names, const Actor &actor,
    const std::function<std::vector<std::string>(const std::string &list)> &args)
{
    if (!reachable())
        return unavailableResults(names);
    TargetResults results(names.size());
    std::vector<size_t> known;
    {
        std::lock_guard lock(m_mutex);
        for (size_t i = 0; i < names.size(); ++i) {
            if (m_nodes.count(names[i]))
                known.push_back(i);
            else
                results[i] = result(names[i], false, "NOT_FOUND",
                    "node '" + names[i] + "' is not in the Slurm cluster");
        }
    }
    if (!known.empty()) {
        std::vector<std::string> list;
        for (size_t i : known)
            list.push_back(names[i]);
        // One scontrol for the whole batch; one per node only to tell which failed.
        const CommandResult all = m_commands.run("scontrol", args(join(list)));
        if (all.ok() || known.size() == 1 || all.timedOut) {
            for (size_t i : known)
                results[i] = commandResult(names[i], all, "scontrol");
        } else {
            for (size_t i : known)
                results[i] = commandResult(
                    names[i], m_commands.run("scontrol", args(names[i])), "scontrol");
        }
        refreshAfterAction();
    }
    return results;
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

std::vector<size_t> SlurmBackend::screenJobs(const std::vector<std::string> &ids, const char *verb,
    const std::set<v1::JobState> &allowed, TargetResults *results) const
{
    std::vector<size_t> left;
    std::lock_guard lock(m_mutex);
    for (size_t i = 0; i < ids.size(); ++i) {
        const std::string &id = ids[i];
        if (!numericId(id)) {
            (*results)[i] = result(id, false, "NOT_FOUND", "'" + id + "' is not a Slurm job id");
            continue;
        }
        if (!allowed.empty()) {
            // Slurm accepts some of these on jobs where they mean nothing
            // (a hold on a running job takes effect only if it is requeued).
            auto it = m_jobs.find(id);
            if (it != m_jobs.end() && !allowed.count(it->second.job.state())) {
                (*results)[i] = result(id, false, "FAILED_PRECONDITION",
                    "job " + id + " is " + ::suanli::stateName(it->second.job.state()) + "; cannot "
                        + verb + " it");
                continue;
            }
        }
        left.push_back(i);
    }
    return left;
}

TargetResults SlurmBackend::jobCommand(const std::vector<std::string> &ids,
    const std::string &program,
    const std::function<std::vector<std::string>(const std::string &list)> &args, const char *verb,
    const std::set<v1::JobState> &allowed)
{
    if (!reachable())
        return unavailableResults(ids);
    TargetResults results(ids.size());
    const std::vector<size_t> left = screenJobs(ids, verb, allowed, &results);
    if (left.empty())
        return results;
    auto outcome = [&](size_t i, const CommandResult &r) {
        v1::TargetResult t = commandResult(ids[i], r, program);
        // scancel and scontrol say "Invalid job id specified" for a job Slurm has forgotten.
        if (!t.ok() && contains(r.err, "Invalid job id"))
            t = result(ids[i], false, "NOT_FOUND", "Slurm has no job " + ids[i]);
        else if (!t.ok() && t.code() == "FAILED_PRECONDITION")
            t.set_message(std::string("Slurm refused to ") + verb + " job " + ids[i] + ": "
                + t.message());
        return t;
    };
    std::vector<std::string> list;
    for (size_t i : left)
        list.push_back(ids[i]);
    // One command for the batch; one per job only to tell which failed.
    const CommandResult all = m_commands.run(program, args(join(list)));
    if (all.ok() || left.size() == 1 || all.timedOut || !all.started) {
        for (size_t i : left)
            results[i] = outcome(i, all);
    } else {
        for (size_t i : left)
            results[i] = outcome(i, m_commands.run(program, args(ids[i])));
    }
    refreshAfterAction();
    return results;
}

TargetResults SlurmBackend::jobRest(const std::vector<std::string> &ids, const char *method,
    const std::string &body, const char *verb, const std::set<v1::JobState> &allowed)
{
    if (!reachable())
        return unavailableResults(ids);
    TargetResults results(ids.size());
    for (size_t i : screenJobs(ids, verb, allowed, &results)) {
        const std::string &id = ids[i];
        Reply reply = rest(method, std::string(kApi) + "/job/" + id, body);
        if (reply.status != Fetch::Failed)
            results[i] = result(id, true);
        else if (reply.unreachable)
            results[i] = result(id, false, "UNAVAILABLE", "slurm backend: " + reply.error);
        else if (contains(reply.error, "Invalid job id"))
            results[i] = result(id, false, "NOT_FOUND", "Slurm has no job " + id);
        else
            results[i] = result(id, false, "FAILED_PRECONDITION",
                std::string("Slurm refused to ") + verb + " job " + id + ": " + reply.error);
    }
    refreshAfterAction();
    return results;
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
    return jobCommand(ids, "scontrol",
        [](const std::string &list) { return std::vector<std::string> { "hold", list }; }, "hold",
        allowed);
}

TargetResults SlurmBackend::releaseJobs(const std::vector<std::string> &ids, const Actor &)
{
    if (useRest())
        return jobRest(ids, "POST", R"({"hold":false})", "release", { v1::JOB_STATE_HELD });
    return jobCommand(ids, "scontrol",
        [](const std::string &list) { return std::vector<std::string> { "release", list }; },
        "release", { v1::JOB_STATE_HELD });
}

TargetResults SlurmBackend::setJobPriority(
    const std::vector<std::string> &ids, int64_t priority, const Actor &)
{
    const std::set<v1::JobState> allowed = { v1::JOB_STATE_PENDING, v1::JOB_STATE_HELD };
    if (useRest())
        return jobRest(ids, "POST", "{\"priority\":" + std::to_string(priority) + "}",
            "set the priority of", allowed);
    return jobCommand(ids, "scontrol",
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
        [](const std::string &list) { return std::vector<std::string> { "requeue", list }; },
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
