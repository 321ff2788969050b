#include "client/MetricsQuery.h"

#include "client/CallTracker.h"
#include "client/Connection.h"
#include "client/Log.h"
#include "suanli/v1/telemetry.grpc.pb.h"

#include <cmath>
#include <grpcpp/channel.h>

namespace suanli::client {

namespace v1 = suanli::v1;

namespace {

constexpr auto kQueryDeadline = std::chrono::seconds(30);

MetricsResult resultOf(const grpc::Status &status, const v1::QueryMetricsResponse &response)
{
    MetricsResult r;
    r.code = int(status.error_code());
    r.message = QString::fromStdString(status.error_message());
    if (!status.ok())
        return r;
    r.retentionSeconds = response.retention().seconds();
    for (const v1::Series &s : response.series()) {
        MetricSeries out;
        out.metric = QString::fromStdString(s.metric());
        out.unit = QString::fromStdString(s.unit());
        out.available = s.available();
        const int n = std::min(s.times_size(), s.values_size());
        out.times.reserve(n);
        out.values.reserve(n);
        for (int i = 0; i < n; ++i) {
            out.times.append(double(s.times(i)));
            out.values.append(s.values(i));
        }
        r.series.append(std::move(out));
    }
    return r;
}

} // namespace

MetricsQuery::MetricsQuery(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_calls(CallTracker::create(this))
{
}

MetricsQuery::~MetricsQuery()
{
    m_calls->shutdown();
}

v1::QueryMetricsRequest MetricsQuery::request(v1::MetricScope scope, const QString &target,
    const QStringList &metrics, double endTime, qint64 rangeSeconds, qint64 stepSeconds)
{
    v1::QueryMetricsRequest r;
    r.set_scope(scope);
    r.set_target(target.toStdString());
    for (const QString &m : metrics)
        r.add_metrics(m.toStdString());
    const auto end = qint64(std::ceil(endTime));
    r.mutable_end_time()->set_seconds(end);
    r.mutable_start_time()->set_seconds(end - rangeSeconds);
    r.mutable_step()->set_seconds(std::max<qint64>(60, stepSeconds / 60 * 60));
    return r;
}

qint64 MetricsQuery::stepFor(qint64 rangeSeconds, int maxPoints)
{
    for (qint64 step : { 60, 120, 300, 600, 900, 1800, 3600 })
        if (rangeSeconds / step <= maxPoints)
            return step;
    return 3600;
}

void MetricsQuery::query(const v1::QueryMetricsRequest &request, Done done)
{
    std::shared_ptr<grpc::Channel> channel = m_connection ? m_connection->channel() : nullptr;
    if (!channel) {
        answerNotConnected<MetricsResult>(
            this, m_connection ? m_connection->profile().name : QString(), done);
        return;
    }
    auto stub = std::shared_ptr<v1::Telemetry::Stub>(v1::Telemetry::NewStub(channel));
    m_calls->call<v1::QueryMetricsRequest, v1::QueryMetricsResponse>(
        m_connection->context(kQueryDeadline), request,
        [stub](grpc::ClientContext *context, const v1::QueryMetricsRequest *req,
            v1::QueryMetricsResponse *resp, std::function<void(grpc::Status)> callback) {
            stub->async()->QueryMetrics(context, req, resp, std::move(callback));
        },
        [done = std::move(done)](const grpc::Status &status, v1::QueryMetricsResponse &response) {
            const MetricsResult r = resultOf(status, response);
            if (!r.ok())
                qCInfo(lcClient).noquote() << "QueryMetrics failed:" << r.code << r.message;
            if (done)
                done(r);
        });
}

int MetricsQuery::inFlight() const
{
    return int(m_calls->inFlight());
}

} // namespace suanli::client
