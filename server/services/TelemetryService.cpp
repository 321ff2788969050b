#include "server/services/TelemetryService.h"

#include "server/gateway/Watch.h"

namespace suanli::server {

grpc::Status TelemetryService::resolve(const Principal &who, v1::MetricScope scope,
    const std::string &target, std::optional<uint32_t> *nodeIndex) const
{
    switch (scope) {
    case v1::METRIC_SCOPE_SITE:
        return grpc::Status::OK;
    case v1::METRIC_SCOPE_NODE:
    case v1::METRIC_SCOPE_ACCELERATOR: {
        const std::string node
            = scope == v1::METRIC_SCOPE_NODE ? target : target.substr(0, target.find('/'));
        if (scope == v1::METRIC_SCOPE_ACCELERATOR && target.find('/') == std::string::npos)
            return invalidArgument(
                "target for an accelerator is NODE/INDEX, e.g. lg-r0001-n1/3 (got '" + target
                + "')");
        *nodeIndex = m_ctx.nodeIndex(node);
        if (!*nodeIndex)
            return grpc::Status(grpc::StatusCode::NOT_FOUND, "node '" + node + "' not found");
        return grpc::Status::OK;
    }
    case v1::METRIC_SCOPE_QUEUE:
        if (!m_ctx.cache.queues().get(target))
            return grpc::Status(grpc::StatusCode::NOT_FOUND, "queue '" + target + "' not found");
        return grpc::Status::OK;
    case v1::METRIC_SCOPE_TENANT:
        if (!m_ctx.cache.tenant(target) || !seesTenant(who, target))
            return grpc::Status(grpc::StatusCode::NOT_FOUND, "tenant '" + target + "' not found");
        return grpc::Status::OK;
    default:
        return invalidArgument("scope is required (site, node, accelerator, tenant or queue)");
    }
}

grpc::ServerUnaryReactor *TelemetryService::QueryMetrics(grpc::CallbackServerContext *call,
    const v1::QueryMetricsRequest *request, v1::QueryMetricsResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Telemetry.QueryMetrics", &who, false); !status.ok())
        return finish(call, status);
    std::optional<uint32_t> nodeIndex;
    if (auto status = resolve(who, request->scope(), request->target(), &nodeIndex); !status.ok())
        return finish(call, status);
    int code = 0;
    std::string error;
    *response = m_ctx.metrics.query(*request, nodeIndex, &code, &error);
    if (code != 0)
        return finish(call, grpc::Status(static_cast<grpc::StatusCode>(code), error));
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<v1::MetricsPoint> *TelemetryService::StreamMetrics(
    grpc::CallbackServerContext *call, const v1::StreamMetricsRequest *request)
{
    Principal who;
    if (auto status = authorize(call, "Telemetry.StreamMetrics", &who, false); !status.ok())
        return new RefusedStream<v1::MetricsPoint>(status);
    std::optional<uint32_t> nodeIndex;
    if (auto status = resolve(who, request->scope(), request->target(), &nodeIndex); !status.ok())
        return new RefusedStream<v1::MetricsPoint>(status);
    int code = 0;
    std::string error;
    m_ctx.metrics.latest(*request, nodeIndex, &code, &error);
    if (code != 0)
        return new RefusedStream<v1::MetricsPoint>(
            grpc::Status(static_cast<grpc::StatusCode>(code), error));
    Subscription subscription { *request, nodeIndex };
    auto *reactor = m_streams.open(subscription);
    push(reactor, subscription);
    return reactor;
}

void TelemetryService::push(
    LatestValueReactor<v1::MetricsPoint> *stream, const Subscription &subscription)
{
    int code = 0;
    std::string error;
    if (auto point
        = m_ctx.metrics.latest(subscription.request, subscription.nodeIndex, &code, &error))
        stream->push(std::move(*point));
}

void TelemetryService::notify(int64_t)
{
    m_streams.forEach(
        [this](auto *stream, const Subscription &subscription) { push(stream, subscription); });
}

void TelemetryService::finishAll(const grpc::Status &status)
{
    m_streams.finishAll(status);
}

} // namespace suanli::server
