#pragma once

#include "server/gateway/ServiceBase.h"
#include "server/gateway/StreamSet.h"
#include "suanli/v1/telemetry.grpc.pb.h"

namespace suanli::server {

// TelemetryService serves metric history and live points for charts.
class TelemetryService final : public v1::Telemetry::CallbackService, public ServiceBase {
public:
    explicit TelemetryService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerUnaryReactor *QueryMetrics(grpc::CallbackServerContext *call,
        const v1::QueryMetricsRequest *request, v1::QueryMetricsResponse *response) override;
    grpc::ServerWriteReactor<v1::MetricsPoint> *StreamMetrics(
        grpc::CallbackServerContext *call, const v1::StreamMetricsRequest *request) override;

    // A new minute was recorded: every live stream gets its newest point.
    void notify(int64_t minute);
    void finishAll(const grpc::Status &status);

private:
    // What one live stream asked for.
    struct Subscription {
        v1::StreamMetricsRequest request;
        std::optional<uint32_t> nodeIndex;
    };
    void push(LatestValueReactor<v1::MetricsPoint> *stream, const Subscription &subscription);
    // The target of a series, checked: it exists, and a tenant's is one the caller may read
    // (seesTenant), else NOT_FOUND; a node's or accelerator's index in the metrics history.
    grpc::Status resolve(const Principal &who, v1::MetricScope scope, const std::string &target,
        std::optional<uint32_t> *nodeIndex) const;

    StreamSet<v1::MetricsPoint, Subscription> m_streams;
};

} // namespace suanli::server
