#include "server/gateway/Gateway.h"

#include "common/ChannelConfig.h"
#include "common/Describe.h"
#include "common/MetricNames.h"
#include "server/gateway/BackendFactory.h"
#include "server/gateway/Log.h"
#include "server/services/AuditService.h"
#include "server/services/AuthService.h"
#include "server/services/ClusterService.h"
#include "server/services/EventsService.h"
#include "server/services/PlacementService.h"
#include "server/services/SchedulerService.h"
#include "server/services/TelemetryService.h"
#include "server/services/TenancyService.h"
#include "server/tls/CertificateAuthority.h"

#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <malloc.h>
#include <random>
#include <sstream>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace suanli::server {

namespace {
constexpr const char *kVersion = SUANLI_VERSION;

std::string randomEpoch()
{
    std::random_device rd;
    std::ostringstream out;
    out << std::hex << rd() << rd();
    return out.str();
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

Gateway::Gateway(GatewayOptions options)
    : m_options(std::move(options))
{
}

Gateway::Gateway(GatewayOptions options, std::unique_ptr<Backend> backend)
    : m_options(std::move(options))
    , m_backend(std::move(backend))
{
}

Gateway::~Gateway()
{
    shutdown();
}

std::string Gateway::describe() const
{
    std::ostringstream out;
    out << m_context->site.name << " (" << m_backend->kind() << ", " << m_cache->nodes().size()
        << " nodes, " << m_cache->jobs().size() << " active jobs)";
    return out.str();
}

void Gateway::start()
{
    m_store = std::make_unique<Store>(m_options.dataDir);
    // Never serve from a damaged store: its users, tokens or record of who did what could be
    // wrong without anyone seeing it.
    if (const std::string damage = m_store->damage(); !damage.empty()) {
        const std::string file = (std::filesystem::path(m_options.dataDir) / "suanli.db").string();
        m_store.reset();
        throw std::runtime_error("the store " + file + " is damaged (" + damage
            + "); not serving from it. Stop here and keep the file for inspection: restore "
              "suanli.db from a backup into "
            + m_options.dataDir + ", or move it aside to start with an empty store "
            + "(users and tokens must then be made again)");
    }
    if (!m_backend && m_options.backend == "sim" && !m_options.sim.startTime) {
        // A simulated centre whose clock ran ahead of the wall in an earlier run starts after
        // the records it already holds, so its audit log never goes back in time.
        const auto newest = m_store->auditEntries(0, 1);
        const auto now = std::chrono::system_clock::now();
        if (!newest.empty()) {
            const auto last = std::chrono::system_clock::time_point(
                std::chrono::duration_cast<std::chrono::system_clock::duration>(
                    std::chrono::seconds(newest.front().time().seconds() + 1)));
            if (last > now)
                m_options.sim.startTime = last;
        }
    }
    // A backend given by whoever embeds this gateway, else the one the options name.
    if (!m_backend)
        m_backend = makeBackend(m_options);
    // One clock for everything this centre serves: audit entries and quota requests are
    // stamped by the backend's clock, as its nodes, jobs and alerts are (the wall clock for a
    // real cluster, the simulated clock for a simulated centre, which may run ahead of it).
    m_store->setClock([backend = m_backend.get()] {
        return std::chrono::duration_cast<std::chrono::microseconds>(
            backend->now().time_since_epoch())
            .count();
    });
    m_cache = std::make_unique<ClusterCache>(randomEpoch());
    m_health = std::make_unique<BackendHealth>(m_backend->kind());
    // Sized by the nodes as they come (publishLocked), so a start while the backend is down
    // gets room for the centre when it answers.
    m_metrics = std::make_unique<MetricsHistory>();

    // Quotas applied through this gateway before a restart are re-applied
    // to a backend that does not keep them itself.
    for (const auto &q :
        m_backend->keepsQuotas() ? std::vector<StoredQuota>() : m_store->quotas()) {
        std::string error;
        if (!m_backend->setQuota(q.tenant, q.project, q.limit, &error))
            LOG_WARN("stored quota for " << q.tenant << "/" << q.project
                                         << " not re-applied: " << error);
    }

    {
        std::lock_guard lock(m_publishMutex);
        m_status.dataTime = std::chrono::system_clock::now();
        m_status.backendTime = m_backend->now();
        BackendChanges first = m_backend->snapshot();
        m_status.stale = !m_backend->reachable();
        if (m_status.stale) {
            // Why is told by the first tick that fails again.
            LOG_WARN(m_backend->kind() << " backend unreachable at start");
            m_health->failed(m_backend->now(), {});
        }
        publishLocked(std::move(first));
        // Nobody can resume into the initial load; keep none of it.
        m_cache->clearHistory();
    }
    std::vector<v1::QuotaRequest> requests = m_store->quotaRequests();
    m_cache->quotaRequests().apply(std::move(requests), {}, m_status);

    m_actions = std::make_unique<ActionExecutor>(
        size_t(std::max(1, m_options.actionThreads)), size_t(std::max(1, m_options.actionQueue)));
    m_context.reset(new GatewayContext { *m_store, *m_backend, *m_cache, *m_metrics, *m_health,
        *m_actions, m_backend->site(), kVersion,
        [this] {
            std::lock_guard lock(m_publishMutex);
            publishLocked(m_backend->collectChanges());
        },
        [this](const std::string &name) { return nodeIndex(name); }, {} });
    recordMetrics(m_cache->overview(m_context->site));
    replayHistory();
    // The initial snapshot's temporary copies are gone: give their pages back.
    malloc_trim(0);

    // TLS: operator-supplied certificate, or our own CA made on first start.
    TlsMaterial tls = m_options.tlsCert.empty()
        ? ensureServerCertificate(m_options.dataDir, m_options.tlsSans)
        : loadCertificateFiles(m_options.tlsCert, m_options.tlsKey);
    m_caFingerprint = tls.caFingerprint.empty() ? tls.serverFingerprint : tls.caFingerprint;
    m_caPath = m_options.tlsCert.empty() ? m_options.dataDir + "/tls/ca.pem" : m_options.tlsCert;

    grpc::SslServerCredentialsOptions ssl;
    // The chain includes our CA, so a console can show and pin its
    // fingerprint on first connect (trust on first use).
    ssl.pem_key_cert_pairs.push_back({ tls.serverKeyPem, tls.serverCertPem + tls.caCertPem });
    if (!m_options.clientCa.empty()) {
        ssl.pem_root_certs = readFile(m_options.clientCa);
        ssl.client_certificate_request = GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY;
    }

    grpc::EnableDefaultHealthCheckService(true);
    grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    grpc::ServerBuilder builder;
    builder.AddListeningPort(m_options.listen, grpc::SslServerCredentials(ssl), &m_port);
    // Requests are small; a huge one is refused before it is read whole.
    builder.SetMaxReceiveMessageSize(4 << 20);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIME_MS, 30000);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    builder.AddChannelArgument(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
    builder.AddChannelArgument(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 1);
    // Clients ping every few seconds while a call is open (common/ChannelConfig.h); without
    // this a gateway would answer their pings with GOAWAY "too_many_pings".
    builder.AddChannelArgument(
        GRPC_ARG_HTTP2_MIN_RECV_PING_INTERVAL_WITHOUT_DATA_MS, kKeepaliveMinReceivedMs);

    m_services.push_back(std::make_unique<AuthService>(*m_context));
    auto cluster = std::make_unique<ClusterService>(*m_context);
    m_cluster = cluster.get();
    m_services.push_back(std::move(cluster));
    m_services.push_back(std::make_unique<SchedulerService>(*m_context));
    m_services.push_back(std::make_unique<TenancyService>(*m_context));
    auto telemetry = std::make_unique<TelemetryService>(*m_context);
    m_telemetry = telemetry.get();
    m_services.push_back(std::move(telemetry));
    m_services.push_back(std::make_unique<EventsService>(*m_context));
    m_services.push_back(std::make_unique<AuditService>(*m_context));
    m_services.push_back(std::make_unique<PlacementService>(*m_context,
        std::chrono::milliseconds(std::llround(m_options.forecastEverySeconds * 1000.0))));
    for (auto &service : m_services)
        builder.RegisterService(service.get());

    m_server = builder.BuildAndStart();
    if (!m_server || m_port == 0)
        throw std::runtime_error(
            "cannot listen on " + m_options.listen + " (address in use, or not an address?)");
    m_server->GetHealthCheckService()->SetServingStatus(true);
    m_tickThread = std::thread([this] { tickLoop(); });
}

void Gateway::shutdown()
{
    {
        std::lock_guard lock(m_stopMutex);
        if (m_shutdown)
            return;
        m_shutdown = true;
        m_stopping = true;
    }
    m_stopCv.notify_all();
    if (m_tickThread.joinable())
        m_tickThread.join();
    if (m_server) {
        m_server->GetHealthCheckService()->SetServingStatus(false);
        const grpc::Status bye(grpc::StatusCode::UNAVAILABLE, "gateway shutting down");
        m_cache->nodes().finishAll(bye);
        m_cache->jobs().finishAll(bye);
        m_cache->queues().finishAll(bye);
        m_cache->alerts().finishAll(bye);
        m_cache->quotaRequests().finishAll(bye);
        m_cache->tenantCollection().finishAll(bye);
        if (m_cluster)
            m_cluster->finishStreams(bye);
        if (m_telemetry)
            m_telemetry->finishAll(bye);
        // Queued actions are answered that the gateway stops; running ones finish first.
        m_actions->stop();
        m_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(3));
        m_server->Wait();
        m_server.reset();
    }
}

void Gateway::publishLocked(BackendChanges changes)
{
    indexNodesLocked(changes.nodes);
    for (auto &alert : m_health->takeChanges())
        changes.alerts.push_back(std::move(alert));
    const bool tenantsChanged = changes.tenantsChanged;
    m_cache->apply(std::move(changes), m_status);
    if (tenantsChanged) {
        auto tenants = m_backend->tenants();
        // Usage changes every tick; the store keeps names and projects, so
        // it is written only when those change.
        std::string shape;
        for (const auto &t : tenants) {
            shape += t.id() + '\x1f' + t.name() + '\x1f' + t.name_zh();
            for (const auto &p : t.projects())
                shape += '\x1e' + p.id() + '\x1f' + p.name() + '\x1f' + p.name_zh();
            shape += '\x1d';
        }
        if (shape != m_tenantShape) {
            m_store->upsertTenants(tenants);
            m_tenantShape = std::move(shape);
        }
        m_cache->setTenants(std::move(tenants));
    }
}

void Gateway::indexNodesLocked(const std::vector<v1::Node> &nodes)
{
    std::vector<const std::string *> added;
    std::unordered_set<std::string_view> seen;
    size_t perNode = m_metrics->acceleratorsPerNode();
    {
        std::shared_lock read(m_nodeIndexMutex);
        for (const auto &node : nodes) {
            perNode = std::max<size_t>(perNode, node.accelerators_total());
            if (!m_nodeIndex.count(node.name()) && seen.insert(node.name()).second)
                added.push_back(&node.name());
        }
    }
    if (added.empty() && perNode == m_metrics->acceleratorsPerNode())
        return;
    // Room first, then the names: a telemetry call that finds a name finds its history.
    const size_t count = m_nodeIndex.size() + added.size();
    if (perNode != m_metrics->acceleratorsPerNode() && m_metrics->nodeCount() > 0)
        LOG_INFO("nodes with " << perNode << " accelerators appeared: the last hour of "
                               << "accelerator history starts again");
    m_metrics->resize(count, perNode);
    std::unique_lock write(m_nodeIndexMutex);
    for (const std::string *name : added)
        m_nodeIndex.emplace(*name, static_cast<uint32_t>(m_nodeIndex.size()));
}

std::optional<uint32_t> Gateway::nodeIndex(const std::string &name) const
{
    std::shared_lock lock(m_nodeIndexMutex);
    auto it = m_nodeIndex.find(name);
    if (it == m_nodeIndex.end())
        return std::nullopt;
    return it->second;
}

namespace {
// CPU time of the calling thread.
double threadCpuSeconds()
{
    timespec t {};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}
} // namespace

void Gateway::tickLoop()
{
    const auto period = std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(m_options.tickSeconds));
    auto next = std::chrono::steady_clock::now() + period;
    auto lastHeartbeat = std::chrono::steady_clock::now();
    bool wasStale = false;
    for (;;) {
        {
            std::unique_lock lock(m_stopMutex);
            if (m_stopCv.wait_until(lock, next, [this] { return m_stopping; }))
                return;
        }
        next += period;
        if (std::chrono::steady_clock::now() > next)
            next = std::chrono::steady_clock::now() + period;
        {
            // A real scheduler may take seconds to answer (or to time out):
            // actions publishing their effects meanwhile must not wait for it.
            std::string error;
            const auto wall0 = std::chrono::steady_clock::now();
            const double cpu0 = threadCpuSeconds();
            const bool answered = m_backend->tick(&error);
            std::lock_guard lock(m_publishMutex);
            if (answered) {
                if (m_status.stale)
                    LOG_INFO(m_backend->kind() << " backend answers again");
                wasStale = false;
                m_status.stale = false;
                m_status.dataTime = std::chrono::system_clock::now();
                m_status.backendTime = m_backend->now();
                m_health->answered(m_status.backendTime);
                publishLocked(m_backend->collectChanges());
            } else {
                if (!wasStale)
                    LOG_WARN(m_backend->kind() << " backend unreachable: " << error);
                wasStale = true;
                m_status.stale = true;
                m_health->failed(m_backend->now(), error);
                if (auto alerts = m_health->takeChanges(); !alerts.empty()) {
                    BackendChanges raised;
                    raised.alerts = std::move(alerts);
                    m_cache->apply(std::move(raised), m_status);
                }
                m_cache->heartbeat(m_status);
                lastHeartbeat = std::chrono::steady_clock::now();
            }
            // What reading the backend and publishing cost this tick (bench_slurm_scale reads it).
            LOG_DEBUG("tick: "
                << std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count()
                << " s wall, " << threadCpuSeconds() - cpu0 << " s CPU");
        }
        // One overview a tick serves the metrics history and every overview stream.
        const auto overview = m_cache->overview(m_context->site);
        recordMetrics(overview);
        m_cluster->publishOverview(overview);
        if (std::chrono::steady_clock::now() - lastHeartbeat > std::chrono::seconds(5)) {
            m_cache->heartbeat(m_status);
            lastHeartbeat = std::chrono::steady_clock::now();
        }
    }
}

void Gateway::replayHistory()
{
    using std::chrono::minutes;
    if (m_backend->unreplayed().count() <= 0)
        return;
    // The centre's past is published and recorded as if the gateway had watched it, before
    // anyone can connect: a sample a minute in the last hour, every two minutes before (the
    // finest a day's chart shows). Jobs are published once, at the end, as they are then
    // (charts are made of nodes, queues, alerts and tenants), which keeps the replay short.
    const auto wall0 = std::chrono::steady_clock::now();
    const auto span = m_backend->unreplayed();
    std::unordered_map<std::string, v1::Job> jobs;
    auto collect = [&] {
        BackendChanges changes = m_backend->collectChanges();
        for (auto &job : changes.jobs) {
            std::string id = job.id();
            jobs[std::move(id)] = std::move(job);
        }
        changes.jobs.clear();
        return changes;
    };
    for (auto left = span; left.count() > 0; left = m_backend->unreplayed()) {
        m_backend->replay(std::min<std::chrono::milliseconds>(
            left, left > minutes(60) ? minutes(2) : minutes(1)));
        {
            std::lock_guard lock(m_publishMutex);
            m_status.dataTime = std::chrono::system_clock::now();
            m_status.backendTime = m_backend->now();
            publishLocked(collect());
        }
        recordMetrics(m_cache->overview(m_context->site));
    }
    std::lock_guard lock(m_publishMutex);
    BackendChanges last = collect();
    // Jobs that came and went within the replayed time are not kept: the cache holds the
    // active ones and how those it knew ended.
    for (auto &[id, job] : jobs)
        if (!ClusterCache::isEnded(job.state()) || m_cache->jobs().get(id))
            last.jobs.push_back(std::move(job));
    jobs.clear();
    publishLocked(std::move(last));
    // Nobody can resume into the replayed past either.
    m_cache->clearHistory();
    LOG_INFO("replayed "
        << std::chrono::duration<double>(span).count() / 3600.0 << " h of the centre's history in "
        << std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count() << " s");
}

void Gateway::recordMetrics(const v1::Overview &o)
{
    namespace metric = ::suanli::metric;
    const int64_t minute
        = std::chrono::duration_cast<std::chrono::minutes>(m_backend->now().time_since_epoch())
              .count();
    if (minute == m_lastMinute)
        return;
    m_lastMinute = minute;

    std::vector<NodeSample> samples;
    const bool available = m_backend->sampleTelemetry(&samples);
    m_metrics->setNodeTelemetryAvailable(available);
    if (available)
        m_metrics->recordNodes(minute, samples);

    int64_t inUse = 0;
    for (const auto &c : o.accelerators())
        inUse += c.in_use();
    std::vector<std::pair<std::string, double>> site = {
        { metric::kJobsRunning, double(o.jobs_running()) },
        { metric::kJobsPending, double(o.jobs_pending()) },
        { metric::kAcceleratorsInUse, double(inUse) },
        { metric::kWaitSecondsP50, o.wait_seconds_p50() },
        { metric::kWaitSecondsP95, o.wait_seconds_p95() },
    };
    // Site facts nobody configured (and what follows from them) are never recorded: their
    // series say "no source", not a default and not a gap.
    std::set<std::string> unconfigured;
    if (o.has_pue())
        site.push_back({ metric::kPue, o.pue() });
    else
        unconfigured.insert(
            { metric::kPue, metric::kFacilityPowerWatts, metric::kEmissionsKgPerHour });
    if (o.has_carbon_intensity_g_per_kwh())
        site.push_back({ metric::kCarbonIntensityGPerKwh, o.carbon_intensity_g_per_kwh() });
    else
        unconfigured.insert({ metric::kCarbonIntensityGPerKwh, metric::kEmissionsKgPerHour });
    m_metrics->setUnavailableSeries(v1::METRIC_SCOPE_SITE, std::move(unconfigured));
    if (available) {
        site.push_back({ metric::kUtilisationPercent, o.utilisation_percent() });
        site.push_back({ metric::kItPowerWatts, o.it_power_watts() });
        if (o.has_facility_power_watts())
            site.push_back({ metric::kFacilityPowerWatts, o.facility_power_watts() });
        if (o.has_emissions_kg_per_hour())
            site.push_back({ metric::kEmissionsKgPerHour, o.emissions_kg_per_hour() });
    }
    m_metrics->recordSeries(v1::METRIC_SCOPE_SITE, "", minute, site);
    for (const auto &q : m_cache->queues().all()) {
        int64_t free = 0;
        for (const auto &c : q->accelerators())
            free += c.free();
        m_metrics->recordSeries(v1::METRIC_SCOPE_QUEUE, q->name(), minute,
            { { metric::kJobsPending, double(q->jobs_pending()) },
                { metric::kJobsRunning, double(q->jobs_running()) },
                { metric::kWaitSecondsP50, q->wait_seconds_p50() },
                { metric::kWaitSecondsP95, q->wait_seconds_p95() },
                { metric::kAcceleratorsFree, double(free) },
                { metric::kAcceleratorsPending, double(q->accelerators_pending()) } });
    }
    for (const auto &t : m_cache->tenants()) {
        std::vector<std::pair<std::string, double>> values;
        double inUseAll = 0, hours = 0;
        for (const auto &u : t.usage()) {
            values.push_back({ metric::perModel(metric::kAcceleratorsInUse, u.model()),
                double(u.accelerators_in_use()) });
            inUseAll += u.accelerators_in_use();
            hours += u.accelerator_hours_used();
        }
        values.push_back({ metric::kAcceleratorsInUse, inUseAll });
        values.push_back({ metric::kAcceleratorHours, hours });
        m_metrics->recordSeries(v1::METRIC_SCOPE_TENANT, t.id(), minute, values);
    }
    if (m_telemetry)
        m_telemetry->notify(minute);
}

} // namespace suanli::server
