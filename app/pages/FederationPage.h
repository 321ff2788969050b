#pragma once

#include "app/pages/Page.h"

class QTableView;
class QVBoxLayout;

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class KpiTile;
}

namespace suanli::app {

class FederationModel;

// FederationPage shows every connected centre side by side and summed: totals
// as tiles on top, then a table with a column per centre and a Total column
// (accelerators by model and state, utilisation, jobs, power, PUE, carbon,
// each centre's connection and data age). It follows the centres' overview
// streams; clicking a centre asks to open its overview.
class FederationPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationPage)
public:
    explicit FederationPage(QWidget *parent = nullptr);
    QString title() const override;

    // The centre's column at `place` among the centres (-1: after the last).
    void addCentre(client::Connection *centre, int place = -1);
    void removeCentre(client::Connection *centre);

    FederationModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The federation's energy chart goes under the table once there is one.
    void setEnergyChart(QWidget *chart);

    widgets::KpiTile *tile(const QString &objectName) const;

Q_SIGNALS:
    void centreActivated(suanli::client::Connection *centre);

private:
    void refreshTiles();

    FederationModel *m_model;
    QTableView *m_table;
    QVBoxLayout *m_chartSlot;
    QWidget *m_chart = nullptr;
    widgets::KpiTile *m_inUse;
    widgets::KpiTile *m_free;
    widgets::KpiTile *m_down;
    widgets::KpiTile *m_unavailable;
    widgets::KpiTile *m_utilisation;
    widgets::KpiTile *m_running;
    widgets::KpiTile *m_pending;
    widgets::KpiTile *m_power;
    widgets::KpiTile *m_carbon;
};

} // namespace suanli::app
