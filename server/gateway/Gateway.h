#pragma once

#include "server/gateway/GatewayContext.h"
#include "server/gateway/GatewayOptions.h"

#include <atomic>
#include <condition_variable>
#include <grpcpp/grpcpp.h>
#include <memory>
#include <shared_mutex>
#include <thread>
#include <unordered_map>

namespace suanli::server {

class ClusterService;
class TelemetryService;

// Gateway is one running suanlid: the backend, the store, the cache fed by
// one tick thread, and the gRPC server with every service.
class Gateway {
public:
    explicit Gateway(GatewayOptions options);
    // Fronts `backend` instead of the one options.backend names (embedding, tests).
    Gateway(GatewayOptions options, std::unique_ptr<Backend> backend);
    ~Gateway();
    Gateway(const Gateway &) = delete;
    Gateway &operator=(const Gateway &) = delete;

    // Opens the store, starts the backend, loads the first snapshot and
    // starts serving. Throws std::runtime_error with a message on failure.
    void start();
    // Ends every stream, stops serving and the tick thread.
    void shutdown();

    int port() const { return m_port; }
    const std::string &caFingerprint() const { return m_caFingerprint; }
    const std::string &caPath() const { return m_caPath; }
    std::string describe() const;

private:
    void tickLoop();
    // Moves the backend's pending changes into the cache; the caller holds m_publishMutex.
    void publishLocked(BackendChanges changes);
    // Gives nodes seen for the first time a place in the metrics history; the caller holds
    // m_publishMutex.
    void indexNodesLocked(const std::vector<v1::Node> &nodes);
    std::optional<uint32_t> nodeIndex(const std::string &name) const;
    // Samples telemetry into the history once per backend minute.
    void recordMetrics(const v1::Overview &overview);
    void replayHistory();

    GatewayOptions m_options;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<Backend> m_backend;
    std::unique_ptr<ClusterCache> m_cache;
    std::unique_ptr<MetricsHistory> m_metrics;
    std::unique_ptr<BackendHealth> m_health;
    std::unique_ptr<ActionExecutor> m_actions;
    std::unique_ptr<GatewayContext> m_context;
    std::vector<std::unique_ptr<grpc::Service>> m_services;
    TelemetryService *m_telemetry = nullptr;
    ClusterService *m_cluster = nullptr;
    std::unique_ptr<grpc::Server> m_server;
    int m_port = 0;
    std::string m_caFingerprint;
    std::string m_caPath;

    std::mutex m_publishMutex;
    DataStatus m_status;
    // Position of each node ever seen in the metrics history, in the order first seen; written
    // under m_publishMutex, read by telemetry calls.
    mutable std::shared_mutex m_nodeIndexMutex;
    std::unordered_map<std::string, uint32_t> m_nodeIndex;
    int64_t m_lastMinute = 0;
    std::string m_tenantShape;

    std::thread m_tickThread;
    std::mutex m_stopMutex;
    std::condition_variable m_stopCv;
    bool m_stopping = false;
    bool m_shutdown = false;
};

} // namespace suanli::server
