#pragma once

#include "app/wall/WallPage.h"

#include <QElapsedTimer>

class QVBoxLayout;

namespace suanli::client {
class MetricsQuery;
class MetricsStream;
} // namespace suanli::client
namespace suanli::widgets {
class KpiTile;
class TimeSeriesPlot;
} // namespace suanli::widgets

namespace suanli::app {

// WallEnergyPage shows one centre's power and carbon: facility and IT power, PUE, the grid's
// carbon intensity and the emissions at the current draw, per hour and per day, and a plot of
// facility power and emissions over the last 24 hours. The plot's history is asked for again at
// most once a minute while the page is on screen and replaced, never appended to, so it stays
// the same size however long the wall runs.
class WallEnergyPage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallEnergyPage)
public:
    explicit WallEnergyPage(client::Connection *centre, QWidget *parent = nullptr);
    QString title() const override;

    widgets::KpiTile *facilityPower() const { return m_facility; }
    widgets::KpiTile *pue() const { return m_pue; }
    widgets::KpiTile *emissions() const { return m_emissions; }
    widgets::TimeSeriesPlot *trend() const { return m_trend; }

protected:
    void refreshContent() override;

private:
    widgets::KpiTile *m_facility;
    widgets::KpiTile *m_it;
    widgets::KpiTile *m_pue;
    widgets::KpiTile *m_intensity;
    widgets::KpiTile *m_emissions;
    widgets::KpiTile *m_perDay;
    QVBoxLayout *m_layout;
    widgets::TimeSeriesPlot *m_trend;
    client::MetricsStream *m_stream;
    client::MetricsQuery *m_query;
    double m_newest; // the centre's newest minute (its "now"), from the stream
    QElapsedTimer m_loaded; // since the history was last asked for
    bool m_loading = false;
};

} // namespace suanli::app
