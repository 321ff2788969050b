#pragma once

#include "app/models/OverviewFigures.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimer>

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class FederationModel;

// FederationTableModel lists the centres one per row, for a federation of 3 or 50: grouped,
// with a "needs attention" group first (a centre not live, with accelerators down, or with an
// open critical alert), then one group per province with its subtotals; each centre's row
// unfolds into its accelerator models. With totalOnly, it is the federation's Total alone (the
// line pinned under the table). Figures and their words come from the FederationModel it is
// given, which follows the centres; it follows that model's changes, once per event-loop turn.
class FederationTableModel : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationTableModel)
public:
    enum Column {
        CentreColumn,
        StateColumn,
        DataAgeColumn,
        InUseColumn,
        FreeColumn,
        DownColumn,
        DrainedColumn,
        UtilisationColumn,
        TrendColumn,
        RunningColumn,
        PendingColumn,
        PowerColumn,
        PueColumn,
        CarbonColumn,
        CriticalColumn,
        ColumnCount
    };
    Q_ENUM(Column)
    // What a row is.
    enum class Kind { Group, Centre, Model, Total };
    enum Role {
        // The row's Kind, as an int.
        KindRole = Qt::UserRole + 0x6100,
        // A group's rank: the attention group first, then provinces by name, the Total last.
        RankRole,
        // The centre of a centre's or model's row, as a client::Connection * in a QVariant.
        CentreRole,
        // The Trend column's utilisation samples, oldest first, as a QList<double>.
        TrendRole,
    };

    FederationTableModel(FederationModel *figures, bool totalOnly, QObject *parent = nullptr);

    // The row of a centre, or an invalid index.
    QModelIndex indexOf(client::Connection *centre, int column = CentreColumn) const;
    // The group a centre is listed under: "Needs attention" or its province.
    QString groupOf(client::Connection *centre) const;
    // Why a centre needs attention, in words; empty when it does not.
    QString attentionReason(client::Connection *centre) const;
    // Open critical alerts of a centre.
    int criticalAlerts(client::Connection *centre) const;
    // The utilisation samples the Trend column draws, one a sample interval while the console
    // runs (the last 15 minutes at most).
    QList<double> trend(client::Connection *centre) const;
    // Takes the centres' figures in now (normally once per event-loop turn after a change).
    void refresh();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Node {
        Kind kind = Kind::Group;
        int parent = -1;
        // Its place among its parent's children (or among the groups).
        int row = 0;
        QList<int> children;
        // A group's name and rank; a model row's model name.
        QString name;
        int rank = 0;
        client::Connection *centre = nullptr;
        // A group's subtotal, a centre's own figures.
        OverviewFigures figures;
    };
    void scheduleRefresh();
    // The tree for the centres as they are now; its shape, to tell whether it changed.
    QList<Node> buildNodes() const;
    static QStringList shapeOf(const QList<Node> &nodes);
    QVariant centreData(const Node &node, int column, int role) const;
    QVariant figuresData(const OverviewFigures &f, int column, int role) const;
    QVariant modelData(const Node &node, int column, int role) const;
    void sample();

    FederationModel *m_figures;
    bool m_totalOnly;
    QList<Node> m_nodes;
    // Top-level nodes, in order.
    QList<int> m_top;
    QHash<client::Connection *, int> m_criticals;
    QHash<client::Connection *, QList<double>> m_trends;
    qint64 m_lastSampleMs = 0;
    bool m_refreshPending = false;
};

} // namespace suanli::app
