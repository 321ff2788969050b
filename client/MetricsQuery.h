#pragma once

#include "client/MetricSeries.h"
#include "suanli/v1/telemetry.pb.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <functional>
#include <memory>

namespace suanli::client {

class CallTracker;
class Connection;

// MetricsQuery asks one centre for metric history (Telemetry.QueryMetrics) on behalf of one
// receiver: make it a child of the widget that shows the answer. Answers arrive on this object's
// thread (the GUI thread), never on a gRPC thread; destroying it (with its parent) cancels what
// is in flight and drops the answers, so a closed chart is never called back.
class MetricsQuery : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsQuery)
public:
    using Done = std::function<void(const MetricsResult &)>;

    MetricsQuery(Connection *connection, QObject *parent);
    ~MetricsQuery() override;

    // The request for [end - rangeSeconds, end] at `stepSeconds` (a multiple of 60).
    static suanli::v1::QueryMetricsRequest request(suanli::v1::MetricScope scope,
        const QString &target, const QStringList &metrics, double endTime, qint64 rangeSeconds,
        qint64 stepSeconds);
    // A step that gives at most `maxPoints` points over the range, from 1 min up to 1 h.
    static qint64 stepFor(qint64 rangeSeconds, int maxPoints = 720);

    void query(const suanli::v1::QueryMetricsRequest &request, Done done);
    // Calls not answered yet.
    int inFlight() const;

private:
    QPointer<Connection> m_connection;
    std::shared_ptr<CallTracker> m_calls;
};

} // namespace suanli::client
