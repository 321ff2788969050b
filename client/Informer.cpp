#include "client/Informer.h"

#include "client/Log.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

namespace suanli::client {

Informer::Informer(QString name)
    : m_name(std::move(name))
{
}

Informer::~Informer() = default;

void Informer::start(std::shared_ptr<grpc::Channel> channel, std::string token)
{
    stop();
    m_channel = std::move(channel);
    m_token = std::move(token);
    m_backoff.reset();
    open();
}

void Informer::open()
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + m_token);
    // A watch has no deadline: it lasts as long as the console shows the centre.
    m_state = State::Connecting;
    qCDebug(lcClient) << "watch" << m_name << "opening";
    openStream(m_channel, std::move(context));
}

void Informer::stop()
{
    cancelStream();
    m_state = State::Stopped;
}

void Informer::markSynced()
{
    if (m_state != State::Connecting)
        return;
    m_state = State::Live;
    m_backoff.reset();
    qCDebug(lcClient) << "watch" << m_name << "live";
}

void Informer::noteFreshness(bool stale, const QDateTime &dataTime)
{
    m_stale = stale;
    if (dataTime.isValid())
        m_dataTime = dataTime;
}

QDateTime Informer::toDateTime(qint64 seconds, int nanos)
{
    if (seconds == 0 && nanos == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(seconds * 1000 + nanos / 1000000, Qt::UTC);
}

Informer::Report Informer::drain(SiteState &site)
{
    Report report;
    grpc::Status status;
    if (consume(site, &status)) {
        const int code = status.error_code();
        const QString text = QString::fromStdString(status.error_message());
        switch (status.error_code()) {
        case grpc::StatusCode::UNAUTHENTICATED: // The token was revoked: retrying would not help.
            m_state = State::Stopped;
            report = { Report::Kind::Unauthenticated, code, text };
            break;
        case grpc::StatusCode::PERMISSION_DENIED:
        case grpc::StatusCode::UNIMPLEMENTED: // An older gateway without this watch.
        case grpc::StatusCode::INVALID_ARGUMENT:
            qCWarning(lcClient) << "watch" << m_name << "refused:" << code << text;
            m_state = State::Refused;
            break;
        case grpc::StatusCode::OK: // The gateway ended the stream: resume.
        case grpc::StatusCode::RESOURCE_EXHAUSTED: // This watcher fell behind: resume.
        case grpc::StatusCode::ABORTED: {
            const auto wait = m_backoff.next();
            qCInfo(lcClient) << "watch" << m_name << "ended by the gateway (" << code << text
                             << "); resuming in" << wait.count() << "ms";
            m_state = State::Backoff;
            m_retryAt = QDeadlineTimer(wait.count());
            break;
        }
        default: // UNAVAILABLE, CANCELLED by the peer, INTERNAL ...: the link is gone.
            qCInfo(lcClient) << "watch" << m_name << "lost:" << code << text;
            m_state = State::Stopped;
            report = { Report::Kind::LinkLost, code, text };
            break;
        }
    } else if (m_state == State::Backoff && m_retryAt.hasExpired()) {
        open();
    }
    reapStreams(false);
    return report;
}

} // namespace suanli::client
