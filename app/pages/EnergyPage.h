#pragma once

#include "app/pages/Page.h"

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class TimeSeriesPlot;
}

namespace suanli::app {

class MetricsFeed;

// EnergyPage shows one centre's energy over time: facility and IT power, PUE, the grid's carbon
// intensity and the emissions that follow, live and over 15 min to 7 days.
class EnergyPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EnergyPage)
public:
    explicit EnergyPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();

    widgets::TimeSeriesPlot *powerPlot() const { return m_power; }
    widgets::TimeSeriesPlot *puePlot() const { return m_pue; }
    widgets::TimeSeriesPlot *carbonPlot() const { return m_carbon; }
    widgets::TimeSeriesPlot *emissionsPlot() const { return m_emissions; }
    MetricsFeed *feed() const { return m_feed; }

private:
    MetricsFeed *m_feed;
    widgets::TimeSeriesPlot *m_power;
    widgets::TimeSeriesPlot *m_pue;
    widgets::TimeSeriesPlot *m_carbon;
    widgets::TimeSeriesPlot *m_emissions;
};

} // namespace suanli::app
