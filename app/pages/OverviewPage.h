#pragma once

#include <QWidget>

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class KpiTile;
}

namespace suanli::app {

// OverviewPage shows one centre at a glance: accelerators by state,
// utilisation, jobs, waits, power, PUE and carbon, as KPI tiles kept current
// by the gateway's overview stream.
class OverviewPage : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPage)
public:
    explicit OverviewPage(client::Connection *connection, QWidget *parent = nullptr);

private:
    void refresh();

    client::Connection *m_connection;
    widgets::KpiTile *m_accelerators;
    widgets::KpiTile *m_free;
    widgets::KpiTile *m_down;
    widgets::KpiTile *m_utilisation;
    widgets::KpiTile *m_running;
    widgets::KpiTile *m_pending;
    widgets::KpiTile *m_wait;
    widgets::KpiTile *m_power;
    widgets::KpiTile *m_pue;
    widgets::KpiTile *m_carbon;
    widgets::KpiTile *m_alerts;
    widgets::KpiTile *m_peak;
};

} // namespace suanli::app
