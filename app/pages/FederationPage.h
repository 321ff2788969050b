#pragma once

#include "app/pages/Page.h"

class QLabel;
class QLineEdit;
class QTreeView;
class QVBoxLayout;

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class KpiTile;
}

namespace suanli::app {

class FederationModel;
class FederationProxyModel;
class FederationTableModel;

// FederationPage shows every connected centre, for 3 centres or 50: totals as tiles on top, then
// a table with one row per centre (state, data age, accelerators in use, free, down and
// drained, utilisation with its trend, jobs, power, PUE, carbon, critical alerts), sortable and
// filterable, grouped with subtotals — centres needing attention first, then by province — each
// row unfolding into its accelerator models, and the federation's Total pinned under it; the
// power and emissions chart of the centres selected (of every centre while there are few).
// Activating a centre (double click, Enter) asks to open its overview. Hidden, it takes in no
// figures.
class FederationPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationPage)
public:
    explicit FederationPage(QWidget *parent = nullptr);
    QString title() const override;

    // The centre's column at `place` among the centres (-1: after the last).
    void addCentre(client::Connection *centre, int place = -1);
    void removeCentre(client::Connection *centre);

    // Every centre's figures, and the table's rows made of them.
    FederationModel *model() const { return m_model; }
    FederationTableModel *rows() const { return m_rows; }
    FederationProxyModel *proxy() const { return m_proxy; }
    QTreeView *table() const { return m_table; }
    QTreeView *totalRow() const { return m_totalView; }
    QLineEdit *filter() const { return m_filter; }
    // The centres the chart under the table shows.
    QList<client::Connection *> chartedCentres() const { return m_charted; }

    widgets::KpiTile *tile(const QString &objectName) const;

Q_SIGNALS:
    void centreActivated(suanli::client::Connection *centre);

protected:
    // A hidden page takes no figures in and repaints nothing; shown, it catches up at once.
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void refreshTiles();
    // The chart for the centres selected, or for all while there are few; made again only when
    // they change.
    void updateChart();
    void fitColumns();

    FederationModel *m_model;
    FederationTableModel *m_rows;
    FederationTableModel *m_total;
    FederationProxyModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_table;
    QTreeView *m_totalView;
    QVBoxLayout *m_chartSlot;
    QLabel *m_chartHint;
    QWidget *m_chart = nullptr;
    QList<client::Connection *> m_charted;
    bool m_chartPending = false;
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
