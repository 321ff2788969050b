#pragma once

#include "server/backends/Backend.h"
#include "server/cache/Collection.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <list>
#include <unordered_map>

namespace suanli::server {

// ClusterCache is the gateway's revisioned copy of the centre: it is fed once
// per tick from the backend and serves every list, get and watch, so a
// hundred consoles cost the scheduler what one does.
class ClusterCache {
public:
    using Nodes = Collection<v1::Node, v1::NodesEvent>;
    using Jobs = Collection<v1::Job, v1::JobsEvent>;
    using Queues = Collection<v1::Queue, v1::QueuesEvent>;
    using Alerts = Collection<v1::Alert, v1::AlertsEvent>;
    using QuotaRequests = Collection<v1::QuotaRequest, v1::QuotaRequestsEvent>;
    using Tenants = Collection<v1::Tenant, v1::TenantsEvent>;

    explicit ClusterCache(std::string epoch);

    // Completed, failed or cancelled: a job the cache retires after reporting it once.
    static bool isEnded(v1::JobState state);

    // Forgets the deltas the backend's collections keep for watchers to resume from, after a
    // load nobody can resume into (the first snapshot, a replayed past).
    void clearHistory();

    // Applies a backend's changes: ended jobs are sent once with their final
    // state and removed from the active set on the next apply.
    void apply(BackendChanges changes, const DataStatus &status);
    // Replaces the tenant tree; only tenants that changed go to watchers.
    void setTenants(std::vector<v1::Tenant> tenants);
    void heartbeat(const DataStatus &status);

    Nodes &nodes() { return m_nodes; }
    Jobs &jobs() { return m_jobs; }
    Queues &queues() { return m_queues; }
    Alerts &alerts() { return m_alerts; }
    QuotaRequests &quotaRequests() { return m_quotaRequests; }
    Tenants &tenantCollection() { return m_tenants; }

    // An active job, or one that ended recently (kept for `jobs show`).
    std::shared_ptr<const v1::Job> job(const std::string &id) const;
    // Recently ended jobs, newest last.
    std::vector<std::shared_ptr<const v1::Job>> endedJobs() const;
    std::vector<v1::Tenant> tenants() const;
    std::optional<v1::Tenant> tenant(const std::string &id) const;
    DataStatus status() const;
    const std::string &epoch() const { return m_epoch; }

    // Site figures computed from the cached nodes, jobs and queues.
    v1::Overview overview(const SiteInfo &site) const;

private:
    const std::string m_epoch;
    Nodes m_nodes;
    Jobs m_jobs;
    Queues m_queues;
    Alerts m_alerts;
    QuotaRequests m_quotaRequests;
    Tenants m_tenants;

    mutable std::mutex m_mutex;
    std::vector<std::string> m_retireNext;
    std::list<std::shared_ptr<const v1::Job>> m_ended;
    std::unordered_map<std::string, std::list<std::shared_ptr<const v1::Job>>::iterator>
        m_endedIndex;
    std::vector<std::string> m_clearedAlerts;
    DataStatus m_status;
};

} // namespace suanli::server
