#pragma once

#include <QList>
#include <QWidget>

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class TimeSeriesPlot;
}

namespace suanli::app {

class MetricsFeed;

// FederationEnergyChart compares several centres on one time axis: facility power and CO2
// emissions, one colour per centre in both. For the federation overview to embed.
class FederationEnergyChart : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationEnergyChart)
public:
    explicit FederationEnergyChart(
        const QList<client::Connection *> &centres, QWidget *parent = nullptr);

    widgets::TimeSeriesPlot *powerPlot() const { return m_power; }
    widgets::TimeSeriesPlot *emissionsPlot() const { return m_emissions; }

private:
    QList<MetricsFeed *> m_feeds;
    widgets::TimeSeriesPlot *m_power;
    widgets::TimeSeriesPlot *m_emissions;
};

} // namespace suanli::app
