#include "client/MetricsStream.h"

#include "client/Connection.h"
#include "client/Log.h"
#include "client/WatchStream.h"
#include "suanli/v1/telemetry.grpc.pb.h"

#include <QTimer>
#include <grpcpp/channel.h>

namespace suanli::client {

namespace v1 = suanli::v1;

namespace {
constexpr int kDrainMs = 100;
// A stream lasts as long as its chart: no deadline worth the name.
constexpr auto kStreamLifetime = std::chrono::hours(24 * 365);

bool permanent(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::PERMISSION_DENIED:
    case grpc::StatusCode::UNAUTHENTICATED:
    case grpc::StatusCode::UNIMPLEMENTED:
        return true;
    default:
        return false;
    }
}
} // namespace

MetricsStream::MetricsStream(
    Connection *connection, v1::StreamMetricsRequest request, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_request(std::move(request))
    , m_drain(new QTimer(this))
    , m_retry(new QTimer(this))
{
    m_drain->setInterval(kDrainMs);
    connect(m_drain, &QTimer::timeout, this, &MetricsStream::drain);
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &MetricsStream::open);
    if (connection) {
        connect(connection, &Connection::stateChanged, this, [this](Connection::State state) {
            if (!m_wanted)
                return;
            if (state == Connection::State::Live && !m_current && !m_retry->isActive())
                open();
            else if (state != Connection::State::Live && state != Connection::State::Connecting)
                retire();
        });
    }
}

MetricsStream::~MetricsStream()
{
    retire();
    reap(true);
}

void MetricsStream::start()
{
    m_wanted = true;
    m_backoff.reset();
    if (!m_current)
        open();
}

void MetricsStream::stop()
{
    m_wanted = false;
    m_retry->stop();
    retire();
}

bool MetricsStream::isOpen() const
{
    return m_current != nullptr;
}

void MetricsStream::open()
{
    if (!m_wanted || !m_connection)
        return;
    std::shared_ptr<grpc::Channel> channel = m_connection->channel();
    if (!channel || m_connection->state() != Connection::State::Live)
        return; // stateChanged() to Live opens it.
    retire();
    m_current = std::make_unique<Stream>(m_connection->context(kStreamLifetime), m_request);
    m_current->start([&](grpc::ClientContext *context, const v1::StreamMetricsRequest *request,
                         grpc::ClientReadReactor<v1::MetricsPoint> *reactor) {
        auto stub = std::shared_ptr<v1::Telemetry::Stub>(v1::Telemetry::NewStub(channel));
        stub->async()->StreamMetrics(context, request, reactor);
        return std::shared_ptr<void>(stub);
    });
    m_drain->start();
}

void MetricsStream::drain()
{
    reap(false);
    if (!m_current) {
        if (m_retired.empty())
            m_drain->stop();
        return;
    }
    std::vector<v1::MetricsPoint> messages;
    grpc::Status status;
    const bool ended = m_current->take(&messages, &status);
    if (!messages.empty()) {
        m_backoff.reset();
        QList<MetricPoint> points;
        points.reserve(qsizetype(messages.size()));
        for (const v1::MetricsPoint &m : messages) {
            MetricPoint p;
            p.time = double(m.time().seconds()) + m.time().nanos() / 1e9;
            for (const auto &[name, value] : m.values())
                p.values.insert(QString::fromStdString(name), value);
            points.append(std::move(p));
        }
        Q_EMIT pointsArrived(points);
    }
    if (!ended)
        return;
    m_retired.push_back(std::move(m_current));
    const QString message = QString::fromStdString(status.error_message());
    if (permanent(status.error_code())) {
        qCWarning(lcClient).noquote()
            << "StreamMetrics refused:" << int(status.error_code()) << message;
        m_wanted = false;
        Q_EMIT failed(int(status.error_code()), message);
        return;
    }
    const auto wait = m_backoff.next();
    qCInfo(lcClient).noquote() << "StreamMetrics ended (" << int(status.error_code()) << message
                               << "); again in" << wait.count() << "ms";
    m_retry->start(int(wait.count()));
}

void MetricsStream::retire()
{
    if (!m_current)
        return;
    m_current->cancel();
    m_retired.push_back(std::move(m_current));
}

void MetricsStream::reap(bool wait)
{
    // Freed here, on this thread: the stub holds the channel (see Connection::channel()).
    std::erase_if(m_retired, [wait](const std::unique_ptr<Stream> &s) {
        if (wait)
            s->waitDone();
        return s->done();
    });
}

} // namespace suanli::client
