#pragma once

#include "client/Backoff.h"
#include "client/MetricSeries.h"
#include "suanli/v1/telemetry.pb.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <memory>
#include <vector>

class QTimer;

namespace suanli::client {

class Connection;
template <class Request, class Message> class WatchStream;

// MetricsStream follows live points of one target (Telemetry.StreamMetrics) for one receiver:
// make it a child of the chart it feeds. The first point is the newest the gateway holds (its
// "now"), then one a minute. gRPC reactions only fill a buffer that a 100 ms timer hands over on
// this object's thread as one batch; a stream that breaks is reopened after a backoff once the
// connection is live, and destroying the object cancels the call and waits for gRPC to let go.
class MetricsStream : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsStream)
public:
    MetricsStream(
        Connection *connection, suanli::v1::StreamMetricsRequest request, QObject *parent);
    ~MetricsStream() override;

    // Opens the stream now, or as soon as the connection is live.
    void start();
    void stop();
    bool isOpen() const;
    const suanli::v1::StreamMetricsRequest &request() const { return m_request; }

Q_SIGNALS:
    // Points in time order, on this object's thread.
    void pointsArrived(const QList<suanli::client::MetricPoint> &points);
    // The gateway refused the stream for good (unknown metric, no such node, not allowed).
    void failed(int code, const QString &message);

private:
    using Stream = WatchStream<suanli::v1::StreamMetricsRequest, suanli::v1::MetricsPoint>;
    void open();
    void drain();
    void retire();
    void reap(bool wait);

    QPointer<Connection> m_connection;
    suanli::v1::StreamMetricsRequest m_request;
    QTimer *m_drain;
    QTimer *m_retry;
    Backoff m_backoff;
    bool m_wanted = false;
    std::unique_ptr<Stream> m_current;
    std::vector<std::unique_ptr<Stream>> m_retired;
};

} // namespace suanli::client
