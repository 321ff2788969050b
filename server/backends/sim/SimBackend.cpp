#include "server/backends/sim/SimBackend.h"

#include "server/backends/sim/SimEngine.h"
#include "server/backends/sim/SiteProfile.h"

#include <algorithm>
#include <cmath>

namespace suanli::server {

SimBackend::SimBackend(const SimOptions &options)
    : m_engine(std::make_unique<SimEngine>(options))
{
}

SimBackend::~SimBackend() = default;

SiteInfo SimBackend::site() const
{
    std::lock_guard lock(m_mutex);
    SiteInfo info = m_engine->site().info();
    const auto &cluster = m_engine->cluster();
    for (const auto &queue : cluster.queues())
        for (uint32_t n : queue.nodes)
            info.peakTflopsFp16 += queue.spec->fp16Tflops * cluster.nodes()[n].accCount;
    return info;
}

bool SimBackend::tick(std::string *)
{
    std::lock_guard lock(m_mutex);
    m_engine->tick();
    return true;
}

std::chrono::system_clock::time_point SimBackend::now() const
{
    std::lock_guard lock(m_mutex);
    return m_engine->now();
}

std::chrono::milliseconds SimBackend::unreplayed() const
{
    std::lock_guard lock(m_mutex);
    return std::chrono::milliseconds(m_engine->unreplayedMs());
}

void SimBackend::replay(std::chrono::milliseconds time)
{
    std::lock_guard lock(m_mutex);
    // The past in one-minute steps (a scheduler pass and a telemetry sample a minute), so a
    // day of a large centre replays in seconds; the present runs in 10 s steps.
    m_engine->advance(std::min<int64_t>(time.count(), m_engine->unreplayedMs()), 60 * 1000);
}

BackendChanges SimBackend::snapshot()
{
    std::lock_guard lock(m_mutex);
    return m_engine->snapshot();
}

BackendChanges SimBackend::collectChanges()
{
    std::lock_guard lock(m_mutex);
    return m_engine->collectChanges();
}

std::vector<v1::Tenant> SimBackend::tenants()
{
    std::lock_guard lock(m_mutex);
    return m_engine->tenants();
}

TargetResults SimBackend::drainNodes(const std::vector<std::string> &names, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->drainNodes(names, actor);
}

TargetResults SimBackend::resumeNodes(const std::vector<std::string> &names, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->resumeNodes(names, actor);
}

TargetResults SimBackend::rebootNodes(const std::vector<std::string> &names, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->rebootNodes(names, actor);
}

TargetResults SimBackend::cancelJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->cancelJobs(ids, actor);
}

TargetResults SimBackend::holdJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->holdJobs(ids, actor);
}

TargetResults SimBackend::releaseJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->releaseJobs(ids, actor);
}

TargetResults SimBackend::requeueJobs(const std::vector<std::string> &ids, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->requeueJobs(ids, actor);
}

TargetResults SimBackend::setJobPriority(
    const std::vector<std::string> &ids, int64_t priority, const Actor &actor)
{
    std::lock_guard lock(m_mutex);
    return m_engine->setJobPriority(ids, priority, actor);
}

bool SimBackend::setQuota(const std::string &tenant, const std::string &project,
    const v1::QuotaLimit &limit, std::string *error)
{
    std::lock_guard lock(m_mutex);
    return m_engine->setQuota(tenant, project, limit, error);
}

bool SimBackend::acknowledgeAlert(
    const std::string &id, const std::string &user, const std::string &comment)
{
    std::lock_guard lock(m_mutex);
    return m_engine->acknowledgeAlert(id, user, comment);
}

bool SimBackend::sampleTelemetry(std::vector<NodeSample> *out)
{
    std::lock_guard lock(m_mutex);
    m_engine->sampleTelemetry(out);
    return true;
}

double SimBackend::speed() const
{
    std::lock_guard lock(m_mutex);
    return m_engine->speed();
}

void SimBackend::setSpeed(double speed)
{
    std::lock_guard lock(m_mutex);
    m_engine->setSpeed(speed);
}

void SimBackend::advance(double seconds)
{
    std::lock_guard lock(m_mutex);
    if (seconds > 0)
        m_engine->advance(int64_t(std::llround(seconds * 1000.0)));
}

size_t SimBackend::activeJobs() const
{
    std::lock_guard lock(m_mutex);
    return m_engine->activeJobs();
}

bool SimBackend::injectNodeFailure(const std::string &node)
{
    std::lock_guard lock(m_mutex);
    return m_engine->failNode(node);
}

bool SimBackend::injectAcceleratorFailure(const std::string &node, int index)
{
    std::lock_guard lock(m_mutex);
    return m_engine->failAccelerator(node, index);
}

std::vector<std::string> SimBackend::siteIds()
{
    std::vector<std::string> ids;
    for (const auto &s : SiteProfile::all())
        ids.push_back(s.id);
    return ids;
}

} // namespace suanli::server
