#include "app/ConnectionStatus.h"

#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"

#include <QDateTime>

namespace suanli::app {

ConnectionStatus ConnectionStatus::of(const client::Connection &connection)
{
    using State = client::Connection::State;
    using widgets::SeverityColour;
    const QString name = Words::centreName(&connection);
    ConnectionStatus status;
    status.detail = connection.stateDetail();
    switch (connection.state()) {
    case State::Live: {
        status.text = tr("%1: live").arg(name);
        const QDateTime data = connection.site()->dataTime();
        if (connection.site()->stale() && data.isValid()) {
            status.text = tr("%1: backend unreachable, data %2 s old")
                              .arg(name)
                              .arg(data.secsTo(QDateTime::currentDateTimeUtc()));
            status.tone = SeverityColour::Warning;
        }
        break;
    }
    case State::Connecting:
        status.text = tr("%1: connecting…").arg(name);
        status.tone = SeverityColour::Info;
        break;
    case State::Reconnecting:
        status.text = tr("%1: reconnecting in %2 s").arg(name).arg(connection.retryInSeconds());
        status.tone = SeverityColour::Warning;
        break;
    case State::Unauthenticated:
        status.text = tr("%1: token refused").arg(name);
        status.tone = SeverityColour::Critical;
        break;
    case State::CertificateUnknown:
        status.text = tr("%1: certificate not trusted yet").arg(name);
        status.tone = SeverityColour::Warning;
        break;
    case State::CertificateChanged:
        status.text = tr("%1: certificate changed — blocked").arg(name);
        status.tone = SeverityColour::Critical;
        break;
    case State::Disconnected:
        status.text = tr("%1: disconnected").arg(name);
        status.tone = SeverityColour::None;
        break;
    }
    return status;
}

} // namespace suanli::app
