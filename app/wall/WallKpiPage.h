#pragma once

#include "app/wall/WallPage.h"

namespace suanli::widgets {
class KpiTile;
}

namespace suanli::app {

// WallKpiPage shows one centre's key figures as large tiles: accelerators in use, free and
// down, utilisation, jobs running and pending, the median wait, nodes and open alerts.
class WallKpiPage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallKpiPage)
public:
    explicit WallKpiPage(client::Connection *centre, QWidget *parent = nullptr);
    QString title() const override;

    widgets::KpiTile *inUse() const { return m_inUse; }
    widgets::KpiTile *free() const { return m_free; }
    widgets::KpiTile *down() const { return m_down; }
    widgets::KpiTile *unavailable() const { return m_unavailable; }
    widgets::KpiTile *utilisation() const { return m_utilisation; }
    widgets::KpiTile *running() const { return m_running; }
    widgets::KpiTile *pending() const { return m_pending; }

protected:
    void refreshContent() override;

private:
    widgets::KpiTile *m_inUse;
    widgets::KpiTile *m_free;
    widgets::KpiTile *m_down;
    widgets::KpiTile *m_unavailable;
    widgets::KpiTile *m_utilisation;
    widgets::KpiTile *m_running;
    widgets::KpiTile *m_pending;
    widgets::KpiTile *m_wait;
    widgets::KpiTile *m_alerts;
    widgets::KpiTile *m_nodes;
};

} // namespace suanli::app
