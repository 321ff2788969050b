#pragma once

#include "app/pages/Page.h"

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class KpiTile;
class TimeSeriesPlot;
} // namespace suanli::widgets

namespace suanli::app {

class MetricsFeed;

// OverviewPage shows one centre at a glance: accelerators by state,
// utilisation, jobs, waits, power, PUE and carbon, as KPI tiles kept current
// by the gateway's overview stream, over utilisation and power for the last 24 hours and each
// queue's depth and wait (p50, p95).
class OverviewPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)
public:
    explicit OverviewPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();

    widgets::TimeSeriesPlot *trendPlot() const { return m_trend; }
    widgets::TimeSeriesPlot *queueDepthPlot() const { return m_queueDepth; }
    widgets::TimeSeriesPlot *queueWaitPlot() const { return m_queueWait; }

private:
    void refresh();
    // The queue charts get a series per queue when the set of queues changes.
    void updateQueueCharts();

    client::Connection *m_connection;
    widgets::KpiTile *m_accelerators;
    widgets::KpiTile *m_free;
    widgets::KpiTile *m_down;
    widgets::KpiTile *m_unavailable;
    widgets::KpiTile *m_utilisation;
    widgets::KpiTile *m_running;
    widgets::KpiTile *m_pending;
    widgets::KpiTile *m_wait;
    widgets::KpiTile *m_power;
    widgets::KpiTile *m_pue;
    widgets::KpiTile *m_carbon;
    widgets::KpiTile *m_alerts;
    widgets::KpiTile *m_peak;
    MetricsFeed *m_siteFeed;
    MetricsFeed *m_queueFeed = nullptr;
    QStringList m_queues;
    widgets::TimeSeriesPlot *m_trend;
    widgets::TimeSeriesPlot *m_queueDepth;
    widgets::TimeSeriesPlot *m_queueWait;
};

} // namespace suanli::app
