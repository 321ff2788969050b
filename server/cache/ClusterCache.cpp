#include "server/cache/ClusterCache.h"

#include "common/OverviewCounts.h"

#include <algorithm>
#include <cmath>
#include <google/protobuf/util/time_util.h>
#include <set>

namespace suanli::server {

namespace {
constexpr size_t kRetainBytes = 32u << 20;
constexpr size_t kEndedJobsKept = 20000;
constexpr size_t kClearedAlertsKept = 2000;

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const double rank = p * (values.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(rank));
    const size_t hi = std::min(values.size() - 1, lo + 1);
    return values[lo] + (values[hi] - values[lo]) * (rank - lo);
}

} // namespace

ClusterCache::ClusterCache(std::string epoch)
    : m_epoch(epoch)
    , m_nodes(
          epoch, [](const v1::Node &n) { return n.name(); }, kRetainBytes)
    , m_jobs(
          epoch, [](const v1::Job &j) { return j.id(); }, kRetainBytes)
    , m_queues(
          epoch, [](const v1::Queue &q) { return q.name(); }, kRetainBytes / 8)
    , m_alerts(
          epoch, [](const v1::Alert &a) { return a.id(); }, kRetainBytes / 8)
    , m_quotaRequests(
          epoch, [](const v1::QuotaRequest &r) { return r.id(); }, kRetainBytes / 8)
    , m_tenants(
          epoch, [](const v1::Tenant &t) { return t.id(); }, kRetainBytes / 8)
{
}

bool ClusterCache::isEnded(v1::JobState state)
{
    return state == v1::JOB_STATE_COMPLETED || state == v1::JOB_STATE_FAILED
        || state == v1::JOB_STATE_CANCELLED;
}

void ClusterCache::clearHistory()
{
    m_nodes.clearHistory();
    m_jobs.clearHistory();
    m_queues.clearHistory();
    m_alerts.clearHistory();
    m_tenants.clearHistory();
}

void ClusterCache::apply(BackendChanges changes, const DataStatus &status)
{
    std::vector<std::string> retire;
    std::vector<std::string> retireAlerts;
    {
        std::lock_guard lock(m_mutex);
        m_status = status;
        retire.swap(m_retireNext);
        for (const auto &job : changes.jobs) {
            if (!isEnded(job.state()))
                continue;
            m_retireNext.push_back(job.id());
            auto ended = std::make_shared<const v1::Job>(job);
            if (auto it = m_endedIndex.find(job.id()); it != m_endedIndex.end())
                m_ended.erase(it->second);
            m_ended.push_back(ended);
            m_endedIndex[job.id()] = std::prev(m_ended.end());
            while (m_ended.size() > kEndedJobsKept) {
                m_endedIndex.erase(m_ended.front()->id());
                m_ended.pop_front();
            }
        }
        for (const auto &alert : changes.alerts)
            if (alert.has_clear_time())
                m_clearedAlerts.push_back(alert.id());
        if (m_clearedAlerts.size() > kClearedAlertsKept) {
            const size_t excess = m_clearedAlerts.size() - kClearedAlertsKept;
            retireAlerts.assign(m_clearedAlerts.begin(), m_clearedAlerts.begin() + excess);
            m_clearedAlerts.erase(m_clearedAlerts.begin(), m_clearedAlerts.begin() + excess);
        }
    }
    // A job that ended in this batch and was retired from an earlier one
    // cannot collide: ids are never reused by a backend.
    m_nodes.apply(std::move(changes.nodes), changes.removedNodes, status);
    m_jobs.apply(std::move(changes.jobs), retire, status);
    m_queues.apply(std::move(changes.queues), changes.removedQueues, status);
    m_alerts.apply(std::move(changes.alerts), retireAlerts, status);
}

void ClusterCache::setTenants(std::vector<v1::Tenant> tenants)
{
    std::vector<v1::Tenant> changed;
    std::set<std::string> present;
    for (auto &t : tenants) {
        present.insert(t.id());
        auto old = m_tenants.get(t.id());
        if (!old || old->SerializeAsString() != t.SerializeAsString())
            changed.push_back(std::move(t));
    }
    std::vector<std::string> removed;
    for (const auto &old : m_tenants.all())
        if (!present.count(old->id()))
            removed.push_back(old->id());
    if (!changed.empty() || !removed.empty())
        m_tenants.apply(std::move(changed), removed, status());
}

void ClusterCache::heartbeat(const DataStatus &status)
{
    {
        std::lock_guard lock(m_mutex);
        m_status = status;
    }
    m_nodes.heartbeat(status);
    m_jobs.heartbeat(status);
    m_queues.heartbeat(status);
    m_alerts.heartbeat(status);
    m_quotaRequests.heartbeat(status);
    m_tenants.heartbeat(status);
}

std::shared_ptr<const v1::Job> ClusterCache::job(const std::string &id) const
{
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_endedIndex.find(id); it != m_endedIndex.end())
            return *it->second;
    }
    return m_jobs.get(id);
}

std::vector<std::shared_ptr<const v1::Job>> ClusterCache::endedJobs() const
{
    std::lock_guard lock(m_mutex);
    return { m_ended.begin(), m_ended.end() };
}

std::vector<v1::Tenant> ClusterCache::tenants() const
{
    std::vector<v1::Tenant> out;
    for (const auto &t : m_tenants.all())
        out.push_back(*t);
    return out;
}

std::optional<v1::Tenant> ClusterCache::tenant(const std::string &id) const
{
    if (auto t = m_tenants.get(id))
        return *t;
    return std::nullopt;
}

DataStatus ClusterCache::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

v1::Overview ClusterCache::overview(const SiteInfo &site) const
{
    v1::Overview o;
    o.set_site(site.name);
    o.set_site_name_zh(site.nameZh);
    o.set_province(site.province);
    const auto status = this->status();
    o.set_stale(status.stale);
    *o.mutable_data_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::nanoseconds>(status.dataTime.time_since_epoch())
            .count());

    std::map<v1::NodeState, int64_t> byState;
    std::map<int, v1::AcceleratorCounts> byModel;
    std::map<int, double> utilSum;
    double itPower = 0, utilAll = 0;
    int64_t usable = 0;
    bool telemetry = false;
    for (const auto &node : m_nodes.all()) {
        ++byState[node->state()];
        auto &c = byModel[node->model()];
        c.set_model(node->model());
        c.set_model_name(node->model_name());
        const int total = node->accelerators_total();
        const int used = node->accelerators_allocated();
        const int failed = node->accelerators_failed();
        c.set_total(c.total() + total);
        c.set_in_use(c.in_use() + used);
        const bool down = node->state() == v1::NODE_STATE_DOWN;
        const bool unavailable = node->state() == v1::NODE_STATE_DRAINING
            || node->state() == v1::NODE_STATE_DRAINED
            || node->state() == v1::NODE_STATE_MAINTENANCE;
        if (down)
            c.set_down(c.down() + total - used);
        else if (unavailable)
            c.set_unavailable(c.unavailable() + total - used);
        else {
            c.set_down(c.down() + failed);
            c.set_free(c.free() + std::max(0, total - used - failed));
        }
        if (node->has_telemetry()) {
            telemetry = true;
            itPower += node->power_watts();
            if (!down) {
                utilSum[node->model()] += node->utilisation_percent() * total;
                utilAll += node->utilisation_percent() * total;
                usable += total;
            }
        }
    }
    o.set_nodes_total(static_cast<int64_t>(m_nodes.size()));
    for (const auto &[state, count] : byState)
        ::suanli::addNodesInState(&o, state, count);
    for (auto &[model, c] : byModel) {
        const int64_t denom = c.total() - c.down();
        if (denom > 0)
            c.set_utilisation_percent(utilSum[model] / denom);
        *o.add_accelerators() = c;
    }
    if (telemetry && usable > 0)
        o.set_utilisation_percent(utilAll / usable);

    std::vector<double> waits;
    for (const auto &q : m_queues.all()) {
        o.set_jobs_running(o.jobs_running() + q->jobs_running());
        o.set_jobs_pending(o.jobs_pending() + q->jobs_pending());
        o.set_jobs_held(o.jobs_held() + q->jobs_held());
        // The site's median wait is the median of the queues' medians: queues
        // keep the start times, the cache does not keep them twice.
        if (q->jobs_running() > 0)
            waits.push_back(q->wait_seconds_p50());
    }
    o.set_wait_seconds_p50(percentile(waits, 0.5));
    double p95 = 0;
    for (const auto &q : m_queues.all())
        p95 = std::max(p95, q->wait_seconds_p95());
    o.set_wait_seconds_p95(p95);

    o.set_peak_tflops_fp16(site.peakTflopsFp16);
    // Site facts nobody configured stay absent, and so does what follows from them.
    if (site.pue)
        o.set_pue(*site.pue);
    if (site.carbonGPerKwh)
        o.set_carbon_intensity_g_per_kwh(*site.carbonGPerKwh);
    o.set_telemetry_available(telemetry);
    if (telemetry) {
        o.set_it_power_watts(itPower);
        if (site.pue)
            o.set_facility_power_watts(itPower * *site.pue);
        if (site.pue && site.carbonGPerKwh)
            o.set_emissions_kg_per_hour(
                itPower * *site.pue / 1000.0 * *site.carbonGPerKwh / 1000.0);
    }
    std::map<v1::Severity, int64_t> bySeverity;
    for (const auto &a : m_alerts.all())
        if (!a->has_clear_time() && !a->acknowledged())
            ++bySeverity[a->severity()];
    for (const auto &[severity, count] : bySeverity)
        ::suanli::addOpenAlerts(&o, severity, count);
    return o;
}

} // namespace suanli::server
