#pragma once

#include "client/MetricSeries.h"
#include "suanli/v1/telemetry.pb.h"
#include "widgets/TimeSeriesPlot.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace suanli::client {
class Connection;
class MetricsQuery;
class MetricsStream;
} // namespace suanli::client

namespace suanli::app {

// MetricsFeed fills TimeSeriesPlots with one centre's metrics: history for the range shown
// (QueryMetrics) and live points after it (StreamMetrics), with one stream per target however
// many plots show it. The gateway's newest minute, not this computer's clock, is the end of the
// time axis (a simulated centre runs ahead of it). Plots fed together share their range: picking
// "24 h" on one shows 24 h on all. A metric the centre does not measure is "no data", never zero.
// The range set before the history comes is the longest the charts open on: when the centre's
// history is shorter (a gateway started minutes ago), they open on the smallest range that
// holds it, until the user picks one.
class MetricsFeed : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsFeed)
public:
    MetricsFeed(client::Connection *connection, QObject *parent);
    ~MetricsFeed() override;

    // Feeds series `key` of `plot` (already added) with `metric` of scope/target.
    void bind(widgets::TimeSeriesPlot *plot, suanli::v1::MetricScope scope, const QString &target,
        const QString &metric, const QString &key);
    // Opens the streams; history follows the first point of each.
    void start();
    void setRange(widgets::TimeSeriesPlot::Range range);
    // The smallest range of at most `longest` that shows `seconds` of history.
    static widgets::TimeSeriesPlot::Range fittingRange(
        double seconds, widgets::TimeSeriesPlot::Range longest);
    widgets::TimeSeriesPlot::Range range() const { return m_range; }
    // The newest time the gateway reported (seconds since the epoch); NaN before the first point.
    double newestTime() const { return m_newest; }

Q_SIGNALS:
    // History for every target has been loaded once (tests, screenshots).
    void historyLoaded();

private:
    struct Binding {
        QPointer<widgets::TimeSeriesPlot> plot;
        QString metric;
        QString key;
    };
    struct Target {
        suanli::v1::MetricScope scope = suanli::v1::METRIC_SCOPE_UNSPECIFIED;
        QString target;
        QStringList metrics;
        QList<Binding> bindings;
        client::MetricsStream *stream = nullptr;
        // Recent live points, put back after a history answer that ends before them.
        QList<client::MetricPoint> live;
        bool loaded = false;
        int generation = 0;
    };
    Target &targetFor(suanli::v1::MetricScope scope, const QString &target);
    void openStream(Target &t);
    void pointsArrived(Target &t, const QList<client::MetricPoint> &points);
    void load(Target &t);
    void loaded(Target &t, const client::MetricsResult &result);
    QList<widgets::TimeSeriesPlot *> plots() const;
    void userPickedRange(widgets::TimeSeriesPlot::Range range);
    // Once every target's first history is in: a shorter range when the history is shorter.
    bool fitRange();

    client::Connection *m_connection;
    client::MetricsQuery *m_query;
    QList<Target *> m_targets;
    widgets::TimeSeriesPlot::Range m_range = widgets::TimeSeriesPlot::Range::Hour;
    double m_newest;
    double m_oldest; // the oldest time with a value in the first history loaded
    bool m_started = false;
    bool m_fit = true; // until the range is fitted to the history or picked by the user
};

} // namespace suanli::app
