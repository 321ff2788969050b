#pragma once

#include "server/backends/Backend.h"
#include "server/backends/slurm/CommandRunner.h"
#include "server/backends/slurm/ExporterMetrics.h"
#include "server/backends/slurm/HttpClient.h"
#include "server/backends/slurm/LibSlurm.h"
#include "server/backends/slurm/Listing.h"
#include "server/backends/slurm/SlurmMapping.h"
#include "server/backends/slurm/SlurmOptions.h"
#include "server/backends/slurm/Topology.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace suanli::server {

// SlurmBackend fronts a real Slurm 22.05 cluster. Each tick reads nodes,
// jobs and partitions changed since the last answer, through libslurm (as
// squeue and sinfo do; slurmctld answers "no change" for an unchanged
// cluster) or, for sites that expose only slurmrestd, through its REST API;
// every few seconds the accounts, their limits and what slurmctld counts
// against them. Only records whose fingerprint changed are mapped, and only
// views that changed are sent, so a tick costs what changed. One read per
// tick serves every console. Actions run scontrol, scancel and sacctmgr (or
// slurmrestd on the REST path). Reads are serialised by one lock and the
// model behind them by another; an action never waits for a read in progress.
class SlurmBackend : public Backend {
public:
    // Reads the token or key and the topology file; throws
    // std::invalid_argument naming what is wrong. Contacts Slurm only on the
    // first snapshot() or tick().
    explicit SlurmBackend(SlurmOptions options);
    ~SlurmBackend() override;
    SlurmBackend(const SlurmBackend &) = delete;
    SlurmBackend &operator=(const SlurmBackend &) = delete;

    std::string kind() const override { return "slurm"; }
    SiteInfo site() const override;
    bool tick(std::string *error) override;
    std::chrono::system_clock::time_point now() const override;
    bool reachable() const override;
    bool keepsQuotas() const override { return true; }
    std::string startEstimateMethod() const override { return "slurm sbatch --test-only"; }
    // sbatch --test-only: Slurm's own estimate, submitting nothing.
    std::optional<std::chrono::system_clock::time_point> estimateStart(
        const StartQuestion &question, std::string *error) override;

    BackendChanges snapshot() override;
    BackendChanges collectChanges() override;
    std::vector<v1::Tenant> tenants() override;

    TargetResults drainNodes(const std::vector<std::string> &names, const Actor &actor) override;
    TargetResults resumeNodes(const std::vector<std::string> &names, const Actor &actor) override;
    TargetResults rebootNodes(const std::vector<std::string> &names, const Actor &actor) override;

    TargetResults cancelJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults holdJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults releaseJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults requeueJobs(const std::vector<std::string> &ids, const Actor &actor) override;
    TargetResults setJobPriority(
        const std::vector<std::string> &ids, int64_t priority, const Actor &actor) override;

    bool setQuota(const std::string &tenant, const std::string &project,
        const v1::QuotaLimit &limit, std::string *error) override;
    bool acknowledgeAlert(
        const std::string &id, const std::string &user, const std::string &comment) override;
    bool sampleTelemetry(std::vector<NodeSample> *out) override;

private:
    using Fetch = slurm::Fetch;
    struct Reply {
        Fetch status = Fetch::Failed;
        slurm::Json body;
        std::string error;
        bool unreachable = false; // no answer from slurmrestd or slurmctld
    };
    // What a read changed, for the model to redo only that.
    struct Dirty {
        std::set<std::string> nodes, jobs;
        bool partitions = false, accounts = false, readings = false;
        bool any() const
        {
            return !nodes.empty() || !jobs.empty() || partitions || accounts || readings;
        }
    };

    bool useRest() const { return m_options.api == "rest"; }
    // One slurmrestd request, with a fresh token.
    Reply rest(const char *method, const std::string &path, const std::string &body = {});
    std::vector<std::pair<std::string, std::string>> authHeaders(std::string *error);
    // A whole collection from slurmrestd as a listing (REST path only).
    template <class Record>
    slurm::Listing<Record> restListing(const std::string &path, const char *arrayKey,
        const std::function<std::string(const slurm::Json &)> &keyOf,
        const std::function<Record(const slurm::Json &)> &parse);
    // Everything below with "Locked" needs m_io held.
    bool pollLocked(bool full, std::string *error);
    // Seconds each part of one read took.
    struct ReadTimes {
        double partitions = 0, nodes = 0, jobs = 0, accounts = 0, exporter = 0, model = 0;
        // A stopwatch: each call returns the seconds since the previous one (or since start()).
        static auto start()
        {
            return [t = std::chrono::steady_clock::now()]() mutable {
                const auto now = std::chrono::steady_clock::now();
                const double seconds = std::chrono::duration<double>(now - t).count();
                t = now;
                return seconds;
            };
        }
    };
    void warnIfSlow(const ReadTimes &times, bool first);
    bool readPartitionsLocked(bool full, Dirty *dirty, std::string *error);
    bool readNodesLocked(bool full, Dirty *dirty, std::string *error);
    bool readJobsLocked(bool full, Dirty *dirty, std::string *error);
    bool pollAccountsLocked(Dirty *dirty, std::string *error);
    void scrapeMetricsLocked(Dirty *dirty);

    // Redoes the views of what `dirty` names and queues what changed for the
    // cache; needs m_mutex.
    void updateModel(const Dirty &dirty);
    v1::Job jobView(slurm::JobRecord &record,
        const std::map<std::string, std::set<std::string>> &queueTypes) const;
    v1::Node nodeView(const slurm::NodeRecord &record) const;

    // Runs a Slurm command; on failure sets a per-target result.
    v1::TargetResult commandResult(
        const std::string &target, const CommandResult &r, const std::string &program) const;
    TargetResults nodeCommand(const std::vector<std::string> &names, const Actor &actor,
        const std::function<std::vector<std::string>(const std::string &list)> &args);
    // A job action through scontrol or scancel, one call for the batch.
    TargetResults jobCommand(const std::vector<std::string> &ids, const std::string &program,
        const std::function<std::vector<std::string>(const std::string &list)> &args,
        const char *verb, const std::set<v1::JobState> &allowed);
    // A job action through slurmrestd; jobs the model knows in a state not in
    // `allowed` (empty: any) are refused without asking Slurm.
    TargetResults jobRest(const std::vector<std::string> &ids, const char *method,
        const std::string &body, const char *verb, const std::set<v1::JobState> &allowed);
    // The result of an id that is not a Slurm job id, or of a known job in a
    // state not in `allowed`; std::nullopt for a job to ask Slurm about.
    std::optional<v1::TargetResult> screenJob(
        const std::string &id, const char *verb, const std::set<v1::JobState> &allowed) const;
    TargetResults unavailableResults(const std::vector<std::string> &targets) const;
    std::string unavailableMessage() const;
    void markReachable(bool ok, const std::string &error);
    // Reads what an action changed, unless a tick is reading already.
    void refreshAfterAction();

    SlurmOptions m_options;
    HttpClient m_http;
    CommandRunner m_commands;
    Topology m_topology;

    // m_io serialises the reads of Slurm (ticks, and refreshes after actions).
    std::mutex m_io;
    std::mutex m_tokenMutex;
    std::string m_jwtKey;
    std::string m_token;
    int64_t m_tokenExpiry = 0;
    int64_t m_tokenFileMtime = -1;
    std::unique_ptr<slurm::LibSlurm> m_lib; // the libslurm read path (default)
    int64_t m_nodesSince = 0, m_jobsSince = 0, m_partitionsSince = 0; // REST path
    std::chrono::steady_clock::time_point m_lastFull {}, m_lastAccounts {}, m_lastDescriptions {};
    bool m_accountsDirty = true;
    std::chrono::steady_clock::time_point m_lastSlowWarning {};
    // When the jobs were last read whole, and what that took (see readJobsLocked).
    std::chrono::steady_clock::time_point m_lastJobsWhole {};
    std::chrono::steady_clock::duration m_jobsWholeCost {};
    bool m_nodesStale = true; // partitions changed: nodes must be read whole
    bool m_polled = false;
    // After a failed read, no new one before m_retryAt (see tick()).
    std::chrono::steady_clock::time_point m_retryAt {};
    std::string m_retryError;
    bool m_polledTenants = false;

    // m_mutex guards the model and what is queued for the cache.
    mutable std::mutex m_mutex;
    std::map<std::string, slurm::NodeRecord> m_nodes;
    std::map<std::string, slurm::JobRecord> m_jobs;
    std::map<std::string, slurm::PartitionRecord> m_partitions;
    // Fingerprints of what each record was made from (see Listing).
    std::unordered_map<std::string, uint64_t> m_nodePrints, m_jobPrints, m_partitionPrints;
    std::vector<slurm::Association> m_associations;
    std::map<std::string, std::string> m_descriptions;
    std::map<std::string, slurm::AccountUsage> m_usage;
    slurm::AccountTree m_accountTree;
    ExporterReadings m_readings;
    bool m_readingsOk = false;
    std::string m_clusterName;

    // The views the cache has, and what it has been given, to send only differences.
    std::map<std::string, std::string> m_publishedNodes;
    std::map<std::string, std::string> m_publishedJobs; // active, or final and not yet gone
    std::map<std::string, std::string> m_publishedQueues;
    std::string m_publishedTenants;
    // Nodes in the order they were first reported (the first snapshot's, then
    // later ones'), as the gateway numbers them for telemetry.
    std::vector<std::string> m_nodeOrder;
    std::set<std::string> m_nodeNumbered;
    std::map<std::string, v1::Node> m_nodeView;
    std::map<std::string, v1::Job> m_jobView;
    std::map<std::string, std::set<std::string>> m_jobsOnNode; // running jobs by node
    std::map<std::string, int64_t> m_gresTotals; // GRES type -> accelerators in the centre
    std::map<std::string, std::set<std::string>> m_queueTypes; // GRES types per partition
    std::vector<v1::Tenant> m_tenantView;
    // Waits of jobs that started in the last hour: (start, wait seconds) per queue.
    std::map<std::string, std::deque<std::pair<int64_t, double>>> m_waits;
    std::set<std::string> m_seenStarted;
    BackendChanges m_pending;

    bool m_reachable = true;
    std::string m_lastError;
    std::chrono::system_clock::time_point m_unreachableSince {};
};

} // namespace suanli::server
