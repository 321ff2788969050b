#pragma once

#include <QString>
#include <QWidget>

class QTimer;

namespace suanli::client {
class Connection;
class MetricsQuery;
} // namespace suanli::client
namespace suanli::widgets {
class TimeSeriesPlot;
}

namespace suanli::app {

class MetricsFeed;

// TenantUsageChart shows one tenant of a centre over time: accelerators in use per accelerator
// model against that model's quota (a dashed line in the model's colour), and the
// accelerator-hours used on each of the last seven days. For tenant and quota pages to embed.
class TenantUsageChart : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantUsageChart)
public:
    TenantUsageChart(
        client::Connection *connection, const QString &tenant, QWidget *parent = nullptr);

    QString tenant() const { return m_tenant; }
    widgets::TimeSeriesPlot *usagePlot() const { return m_usage; }
    widgets::TimeSeriesPlot *hoursPlot() const { return m_hours; }

private:
    void updateModels();
    void loadDailyHours();

    client::Connection *m_connection;
    QString m_tenant;
    MetricsFeed *m_feed = nullptr;
    client::MetricsQuery *m_query;
    QTimer *m_dailyRefresh;
    QList<int> m_models;
    widgets::TimeSeriesPlot *m_usage;
    widgets::TimeSeriesPlot *m_hours;
};

} // namespace suanli::app
