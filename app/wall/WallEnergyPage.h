#pragma once

#include "wall/WallPage.h"

class QVBoxLayout;

namespace suanli::widgets {
class KpiTile;
}

namespace suanli::app {

// WallEnergyPage shows one centre's power and carbon: facility and IT power, PUE, the grid's
// carbon intensity and the emissions at the current draw, per hour and per day.
class WallEnergyPage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallEnergyPage)
public:
    explicit WallEnergyPage(client::Connection *centre, QWidget *parent = nullptr);
    QString title() const override;

    widgets::KpiTile *facilityPower() const { return m_facility; }
    widgets::KpiTile *pue() const { return m_pue; }
    widgets::KpiTile *emissions() const { return m_emissions; }

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
};

} // namespace suanli::app
