#include "backends/slurm/SlurmBackend.h"

#include "Describe.h"
#include "backends/sim/AcceleratorSpec.h"
#include "backends/slurm/Jwt.h"

#include <algorithm>
#include <cmath>
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
    if (m_options.url.empty())
        throw std::invalid_argument("--slurm-url is required with --backend slurm "
                                    "(slurmrestd's address, e.g. http://127.0.0.1:6820)");
    if (m_options.user.empty())
        throw std::invalid_argument("--slurm-user is required with --backend slurm "
                                    "(the Slurm user the gateway acts as)");
    if (m_options.jwtKeyFile.empty() == m_options.tokenFile.empty())
        throw std::invalid_argument("give exactly one of --slurm-jwt-key FILE (the gateway mints "
                                    "its own tokens) or --slurm-token-file FILE");
    if (!m_options.jwtKeyFile.empty()) {
        m_jwtKey = readWhole(m_options.jwtKeyFile, "Slurm JWT key");
        if (m_jwtKey.size() < 16)
            throw std::invalid_argument("the Slurm JWT key " + m_options.jwtKeyFile
                + " is too short to be slurm's jwt_key");
    } else {
        m_token = trimmed(readWhole(m_options.tokenFile, "Slurm token file"));
        if (m_token.empty())
            throw std::invalid_argument(
                "the Slurm token file " + m_options.tokenFile + " is empty");
    }
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
    std::lock_guard lock(m_mutex);
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now() - m_unreachableSince)
                             .count();
    return "slurm backend unreachable for " + std::to_string(seconds) + " s: " + m_lastError;
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
        reply.error = "slurmrestd at " + m_options.url + " does not answer (" + r.error
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

// ---- polling ---------------------------------------------------------------

bool SlurmBackend::pollNodesLocked(bool full, bool controllerAnswered, std::string *error)
{
    const int64_t started = wallSeconds();
    const std::string query = full || m_nodesSince <= 0
        ? std::string()
        : "?update_time=" + std::to_string(m_nodesSince);
    Reply reply = rest("GET", std::string(kApi) + "/nodes" + query);
    if (reply.status == Fetch::Failed && !query.empty() && !reply.unreachable
        && controllerAnswered) {
        // slurmrestd 22.05 loads nodes and partitions with the same
        // update_time and answers 500 "Unspecified error" when the nodes
        // changed but the partitions did not: read the nodes whole then.
        // (It says the same when slurmctld is down, hence controllerAnswered:
        // the jobs were read just before.)
        reply = rest("GET", std::string(kApi) + "/nodes");
    }
    if (reply.status == Fetch::Failed) {
        *error = reply.error;
        return false;
    }
    // update_time compares whole seconds: ask again from a second before this
    // request, so a change in the same second is never missed.
    m_nodesSince = started - 1;
    if (reply.status == Fetch::Unchanged)
        return true;
    std::map<std::string, slurm::NodeRecord> nodes;
    if (auto it = reply.body.find("nodes"); it != reply.body.end() && it->is_array())
        for (const auto &j : *it) {
            auto record = slurm::parseNode(j, m_topology);
            if (!record.node.name().empty())
                nodes.emplace(record.node.name(), std::move(record));
        }
    std::lock_guard lock(m_mutex);
    m_nodes = std::move(nodes);
    return true;
}

bool SlurmBackend::pollJobsLocked(bool full, std::string *error)
{
    const int64_t started = wallSeconds();
    // slurmctld sets a new job's first pending reason (and changes reasons
    // later) without counting it as a change for update_time: while a job
    // still says "None", read the jobs whole.
    const std::string query = full || m_jobsSince <= 0 || m_jobsUnsettled
        ? std::string()
        : "?update_time=" + std::to_string(m_jobsSince);
    Reply reply = rest("GET", std::string(kApi) + "/jobs" + query);
    if (reply.status == Fetch::Failed) {
        *error = reply.error;
        return false;
    }
    m_jobsSince = started - 1;
    if (reply.status == Fetch::Unchanged)
        return true;
    slurm::AccountTree tree;
    {
        std::lock_guard lock(m_mutex);
        tree = m_accountTree;
    }
    std::map<std::string, slurm::JobRecord> jobs;
    bool unsettled = false;
    if (auto it = reply.body.find("jobs"); it != reply.body.end() && it->is_array())
        for (const auto &j : *it) {
            auto record = slurm::parseJob(j, tree);
            unsettled
                = unsettled || record.job.pending_reason() == v1::PENDING_REASON_NOT_EVALUATED;
            jobs.emplace(record.job.id(), std::move(record));
        }
    m_jobsUnsettled = unsettled;
    std::lock_guard lock(m_mutex);
    m_jobs = std::move(jobs);
    return true;
}

bool SlurmBackend::pollPartitionsLocked(bool full, std::string *error)
{
    const int64_t started = wallSeconds();
    const std::string query = full || m_partitionsSince <= 0
        ? std::string()
        : "?update_time=" + std::to_string(m_partitionsSince);
    Reply reply = rest("GET", std::string(kApi) + "/partitions" + query);
    if (reply.status == Fetch::Failed) {
        *error = reply.error;
        return false;
    }
    m_partitionsSince = started - 1;
    if (reply.status == Fetch::Unchanged)
        return true;
    std::map<std::string, slurm::PartitionRecord> partitions;
    if (auto it = reply.body.find("partitions"); it != reply.body.end() && it->is_array())
        for (const auto &j : *it) {
            auto p = slurm::parsePartition(j);
            if (!p.name.empty())
                partitions.emplace(p.name, std::move(p));
        }
    std::lock_guard lock(m_mutex);
    m_partitions = std::move(partitions);
    return true;
}

bool SlurmBackend::pollAccountsLocked(std::string *error)
{
    // The account tree and its limits come from slurmdbd through slurmrestd.
    Reply assoc = rest("GET", std::string(kDbApi) + "/associations");
    if (assoc.status != Fetch::Changed) {
        *error = "cannot read accounts: "
            + (assoc.error.empty() ? std::string("no answer") : assoc.error);
        return false;
    }
    Reply accounts = rest("GET", std::string(kDbApi) + "/accounts");
    std::string cluster;
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
    auto associations = slurm::parseAssociations(assoc.body);
    auto descriptions = accounts.status == Fetch::Changed
        ? slurm::parseAccountDescriptions(accounts.body)
        : std::map<std::string, std::string>();

    // What counts against the limits now (and the TRES-minutes used) lives
    // only in slurmctld's association manager; slurmrestd 22.05 has no call
    // for it, so it is read from scontrol's text.
    std::map<std::string, slurm::AccountUsage> usage;
    bool haveUsage = false;
    const CommandResult mgr = m_commands.run("scontrol", { "show", "assoc_mgr", "flags=assoc" });
    if (mgr.ok()) {
        usage = slurm::parseAssocMgr(mgr.out);
        haveUsage = true;
    } else if (m_options.warn) {
        m_options.warn("account usage not read: " + mgr.describe("scontrol show assoc_mgr"));
    }

    std::lock_guard lock(m_mutex);
    slurm::AccountTree tree;
    for (const auto &a : associations)
        tree.add(a.account, a.parent);
    m_accountTree = std::move(tree);
    m_associations = std::move(associations);
    if (!descriptions.empty())
        m_descriptions = std::move(descriptions);
    if (haveUsage)
        m_usage = std::move(usage);
    if (!cluster.empty())
        m_clusterName = cluster;
    // Jobs read before the tree was known get their tenant now.
    for (auto &[id, job] : m_jobs) {
        auto [tenant, project] = m_accountTree.place(job.account);
        job.job.set_tenant(tenant);
        job.job.set_project(project);
    }
    return true;
}

void SlurmBackend::scrapeMetricsLocked()
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
}

bool SlurmBackend::pollLocked(bool full, std::string *error)
{
    // Jobs first: when slurmctld is down, the tick ends after one request.
    if (!pollJobsLocked(full, error) || !pollNodesLocked(full, true, error)
        || !pollPartitionsLocked(full, error))
        return false;
    if (full)
        m_lastFull = std::chrono::steady_clock::now();
    const auto now = std::chrono::steady_clock::now();
    if (m_accountsDirty
        || now - m_lastAccounts >= std::chrono::duration<double>(m_options.accountsEverySeconds)) {
        std::string accountsError;
        if (pollAccountsLocked(&accountsError)) {
            m_accountsDirty = false;
        } else if (m_options.warn) {
            m_options.warn(accountsError);
        }
        m_lastAccounts = now;
    }
    scrapeMetricsLocked();
    m_polled = true;
    std::lock_guard lock(m_mutex);
    rebuildModel();
    return true;
}

bool SlurmBackend::tick(std::string *error)
{
    std::lock_guard io(m_io);
    const bool full = !m_polled
        || std::chrono::steady_clock::now() - m_lastFull
            >= std::chrono::duration<double>(m_options.fullReadEverySeconds);
    std::string why;
    const bool ok = pollLocked(full, &why);
    markReachable(ok, why);
    if (!ok && error)
        *error = why;
    return ok;
}

// ---- the model --------------------------------------------------------------

void SlurmBackend::rebuildModel()
{
    const int64_t now = wallSeconds();
    std::map<std::string, int64_t> types; // GRES type -> accelerators in the centre
    for (const auto &[name, r] : m_nodes)
        if (r.node.accelerators_total() > 0)
            types[r.gresType] += r.node.accelerators_total();

    // Account limits, for the figures of quota reasons.
    std::map<std::string, const slurm::Association *> assocOf;
    for (const auto &a : m_associations)
        assocOf[a.account] = &a;
    auto limitOf
        = [&](const std::string &account, const std::string &type, bool minutes) -> int64_t {
        auto it = assocOf.find(account);
        if (it == assocOf.end())
            return -1;
        const slurm::Tres &t = minutes ? it->second->grpTresMins : it->second->grpTres;
        if (auto v = t.find("gres/gpu:" + type); v != t.end() && v->second >= 0)
            return v->second;
        if (auto v = t.find("gres/gpu"); v != t.end() && v->second >= 0)
            return v->second;
        return -1;
    };
    auto usedOf
        = [&](const std::string &account, const std::string &type, bool minutes) -> int64_t {
        auto it = m_usage.find(account);
        if (it == m_usage.end())
            return 0;
        const slurm::Tres &t = minutes ? it->second.minutesUsed : it->second.inUse;
        if (auto v = t.find("gres/gpu:" + type); v != t.end())
            return v->second;
        if (auto v = t.find("gres/gpu"); v != t.end())
            return v->second;
        return 0;
    };

    // Jobs: name untyped requests after the nodes they run on or the queue's only model.
    std::map<std::string, std::set<std::string>> queueTypes;
    for (const auto &[name, p] : m_partitions)
        for (const auto &n : p.nodes)
            if (auto it = m_nodes.find(n);
                it != m_nodes.end() && it->second.node.accelerators_total() > 0)
                queueTypes[name].insert(it->second.gresType);
    std::map<std::string, v1::Job> jobView;
    std::map<std::string, std::vector<const slurm::JobRecord *>> jobsOnNode;
    slurm::PendingByAccount pendingByAccount;
    for (auto &[id, record] : m_jobs) {
        v1::Job &job = record.job;
        std::string type = record.gresType;
        if (type.empty() && job.accelerators() > 0) {
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
        if (job.state() == v1::JOB_STATE_PENDING || job.state() == v1::JOB_STATE_HELD) {
            if (job.accelerators() > 0)
                pendingByAccount[record.account][type] += job.accelerators();
        }
        if (job.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA
            || job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS) {
            const bool minutes = job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS;
            // Slurm names the limit, not whose: the project's when it would be
            // passed, else the tenant's.
            const int64_t projectLimit
                = job.project().empty() ? -1 : limitOf(job.project(), type, minutes);
            const int64_t projectUsed
                = job.project().empty() ? 0 : usedOf(job.project(), type, minutes);
            const int64_t ask = minutes ? 0 : job.accelerators();
            if (!minutes && projectLimit >= 0 && projectUsed + ask > projectLimit) {
                job.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
                job.set_quota_used(projectUsed);
                job.set_quota_limit(projectLimit);
            } else if (const int64_t limit = limitOf(job.tenant(), type, minutes); limit >= 0) {
                const int64_t used = usedOf(job.tenant(), type, minutes);
                job.set_quota_used(minutes ? used / 60 : used);
                job.set_quota_limit(minutes ? limit / 60 : limit);
            }
        }
        if (job.state() == v1::JOB_STATE_RUNNING || job.state() == v1::JOB_STATE_COMPLETING)
            for (const auto &n : job.nodes())
                jobsOnNode[n].push_back(&record);
        // Waits of jobs that started in the last hour feed the queue percentiles.
        if (job.has_start_time() && job.has_submit_time() && !m_seenStarted.count(id)) {
            m_seenStarted.insert(id);
            if (job.start_time().seconds() > now - 3600)
                m_waits[job.queue()].emplace_back(job.start_time().seconds(),
                    double(std::max<int64_t>(
                        0, job.start_time().seconds() - job.submit_time().seconds())));
        }
        jobView.emplace(id, job);
    }
    for (auto it = m_seenStarted.begin(); it != m_seenStarted.end();)
        it = m_jobs.count(*it) ? std::next(it) : m_seenStarted.erase(it);
    for (auto &[queue, waits] : m_waits)
        while (!waits.empty() && waits.front().first < now - 3600)
            waits.pop_front();

    // Nodes, with their jobs and, where an exporter is configured, accelerator telemetry.
    std::map<std::string, v1::Node> nodeView;
    for (const auto &[name, record] : m_nodes) {
        v1::Node node = record.node;
        std::vector<std::string> ids;
        for (const slurm::JobRecord *j : jobsOnNode[name]) {
            ids.push_back(j->job.id());
            for (const auto &[n, indexes] : j->allocation)
                if (n == name)
                    for (int i : indexes)
                        if (i >= 0 && i < node.accelerators_size())
                            node.mutable_accelerators(i)->set_job_id(j->job.id());
        }
        std::sort(ids.begin(), ids.end());
        for (const auto &id : ids)
            node.add_job_ids(id);
        if (m_readingsOk) {
            if (auto it = m_readings.find(name); it != m_readings.end()) {
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
            }
        }
        nodeView.emplace(name, std::move(node));
    }

    // Nodes: send what changed.
    std::map<std::string, std::string> publishedNodes;
    for (const auto &[name, node] : nodeView) {
        std::string bytes = node.SerializeAsString();
        auto it = m_publishedNodes.find(name);
        if (it == m_publishedNodes.end() || it->second != bytes)
            m_pending.nodes.push_back(node);
        publishedNodes.emplace(name, std::move(bytes));
    }
    for (const auto &[name, bytes] : m_publishedNodes)
        if (!publishedNodes.count(name))
            m_pending.removedNodes.push_back(name);
    m_publishedNodes = std::move(publishedNodes);

    // Jobs: active ones when they change; a job that ends once with its final state.
    std::map<std::string, std::string> publishedJobs;
    for (const auto &[id, job] : jobView) {
        std::string bytes = job.SerializeAsString();
        auto it = m_publishedJobs.find(id);
        if (slurm::isFinal(job.state()) && it == m_publishedJobs.end())
            continue; // ended before the gateway saw it run
        if (it == m_publishedJobs.end() || it->second != bytes)
            m_pending.jobs.push_back(job);
        publishedJobs.emplace(id, std::move(bytes));
    }
    for (const auto &[id, bytes] : m_publishedJobs) {
        if (publishedJobs.count(id))
            continue;
        v1::Job last;
        if (last.ParseFromString(bytes) && !slurm::isFinal(last.state())) {
            // Slurm dropped it without the gateway seeing how it ended (the
            // gateway was cut off longer than MinJobAge).
            last.set_state(v1::JOB_STATE_COMPLETED);
            last.set_failure_reason("ended while the gateway could not reach Slurm; see sacct");
            m_pending.jobs.push_back(last);
        }
    }
    m_publishedJobs = std::move(publishedJobs);

    // Queues.
    std::vector<const v1::Job *> active;
    for (const auto &[id, job] : jobView)
        if (!slurm::isFinal(job.state()))
            active.push_back(&job);
    std::map<std::string, std::string> publishedQueues;
    for (const auto &[name, partition] : m_partitions) {
        std::vector<const v1::Node *> nodes;
        for (const auto &n : partition.nodes)
            if (auto it = nodeView.find(n); it != nodeView.end())
                nodes.push_back(&it->second);
        std::vector<double> waits;
        if (auto it = m_waits.find(name); it != m_waits.end())
            for (const auto &w : it->second)
                waits.push_back(w.second);
        v1::Queue queue = slurm::buildQueue(partition, nodes, active, std::move(waits));
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

    // Tenants. Accelerators in use come from the running jobs read this tick
    // (fresher than the association manager's counts, read less often).
    std::map<std::string, slurm::AccountUsage> usage = m_usage;
    for (auto &[account, u] : usage)
        for (auto it = u.inUse.begin(); it != u.inUse.end();)
            it = it->first.rfind("gres/", 0) == 0 ? u.inUse.erase(it) : std::next(it);
    for (const auto &[id, record] : m_jobs) {
        const v1::Job &job = jobView[id];
        if (job.state() != v1::JOB_STATE_RUNNING && job.state() != v1::JOB_STATE_COMPLETING)
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
    auto tenants
        = slurm::buildTenants(m_associations, m_descriptions, usage, pendingByAccount, types);
    std::string bytes;
    for (const auto &t : tenants)
        bytes += t.SerializeAsString() + '\x1d';
    if (bytes != m_publishedTenants) {
        m_publishedTenants = std::move(bytes);
        m_tenantView = std::move(tenants);
        m_pending.tenantsChanged = true;
    }
    m_nodeView = std::move(nodeView);
    m_jobView = std::move(jobView);
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
    if (m_nodeOrder.empty())
        for (const auto &[name, node] : m_nodeView)
            m_nodeOrder.push_back(name);
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
    if (pollJobsLocked(false, &error) && pollNodesLocked(false, true, &error)) {
        std::lock_guard lock(m_mutex);
        rebuildModel();
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

TargetResults SlurmBackend::jobRest(const std::vector<std::string> &ids, const char *method,
    const std::string &body, const char *verb, const std::set<v1::JobState> &allowed)
{
    if (!reachable())
        return unavailableResults(ids);
    TargetResults results;
    for (const auto &id : ids) {
        if (!numericId(id)) {
            results.push_back(result(id, false, "NOT_FOUND", "'" + id + "' is not a Slurm job id"));
            continue;
        }
        if (!allowed.empty()) {
            // Slurm accepts some of these on jobs where they mean nothing
            // (a hold on a running job takes effect only if it is requeued).
            std::lock_guard lock(m_mutex);
            auto it = m_jobs.find(id);
            if (it != m_jobs.end() && !allowed.count(it->second.job.state())) {
                results.push_back(result(id, false, "FAILED_PRECONDITION",
                    "job " + id + " is " + ::suanli::stateName(it->second.job.state()) + "; cannot "
                        + verb + " it"));
                continue;
            }
        }
        Reply reply = rest(method, std::string(kApi) + "/job/" + id, body);
        if (reply.status != Fetch::Failed)
            results.push_back(result(id, true));
        else if (reply.unreachable)
            results.push_back(result(id, false, "UNAVAILABLE", "slurm backend: " + reply.error));
        else if (contains(reply.error, "Invalid job id"))
            results.push_back(result(id, false, "NOT_FOUND", "Slurm has no job " + id));
        else
            results.push_back(result(id, false, "FAILED_PRECONDITION",
                std::string("Slurm refused to ") + verb + " job " + id + ": " + reply.error));
    }
    refreshAfterAction();
    return results;
}

TargetResults SlurmBackend::cancelJobs(const std::vector<std::string> &ids, const Actor &)
{
    return jobRest(ids, "DELETE", {}, "cancel", {});
}

TargetResults SlurmBackend::holdJobs(const std::vector<std::string> &ids, const Actor &)
{
    return jobRest(
        ids, "POST", R"({"hold":true})", "hold", { v1::JOB_STATE_PENDING, v1::JOB_STATE_HELD });
}

TargetResults SlurmBackend::releaseJobs(const std::vector<std::string> &ids, const Actor &)
{
    return jobRest(ids, "POST", R"({"hold":false})", "release", { v1::JOB_STATE_HELD });
}

TargetResults SlurmBackend::setJobPriority(
    const std::vector<std::string> &ids, int64_t priority, const Actor &)
{
    return jobRest(ids, "POST", "{\"priority\":" + std::to_string(priority) + "}",
        "set the priority of", { v1::JOB_STATE_PENDING, v1::JOB_STATE_HELD });
}

TargetResults SlurmBackend::requeueJobs(const std::vector<std::string> &ids, const Actor &)
{
    // slurmrestd v0.0.38 cannot requeue; scontrol can.
    if (!reachable())
        return unavailableResults(ids);
    TargetResults results;
    for (const auto &id : ids) {
        if (!numericId(id)) {
            results.push_back(result(id, false, "NOT_FOUND", "'" + id + "' is not a Slurm job id"));
            continue;
        }
        results.push_back(
            commandResult(id, m_commands.run("scontrol", { "requeue", id }), "scontrol requeue"));
    }
    refreshAfterAction();
    return results;
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
        if (types.empty()) {
            *error = "this Slurm cluster has no " + ::suanli::modelDisplayName(limit.model())
                + " accelerators (no node has GRES of that model)";
            return false;
        }
        if (types.size() > 1 || types.begin()->empty()) {
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
    if (pollAccountsLocked(&pollError)) {
        m_accountsDirty = false;
        std::lock_guard lock(m_mutex);
        rebuildModel();
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
