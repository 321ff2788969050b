#pragma once

#include "app/models/CollectionTableModel.h"

namespace suanli::app {

// NodeTableModel is the nodes table: one row per node of the site, its state, accelerators and
// telemetry ("—" with "no data" where the backend has none, never 0).
class NodeTableModel : public CollectionTableModel<v1::Node> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeTableModel)
public:
    enum Column {
        NameColumn,
        RackColumn,
        StateColumn,
        AcceleratorsColumn, // "8 × H100"
        AllocatedColumn, // "6 / 8"
        UtilisationColumn,
        MemoryColumn, // accelerator memory in use
        TemperatureColumn,
        PowerColumn,
        JobsColumn,
        QueuesColumn,
        // When the reason was set (the state changed), as `sinfo -R` shows it.
        SinceColumn,
        // Why the node is draining, drained, down or in maintenance.
        ReasonColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit NodeTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~NodeTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cellData(const v1::Node &node, int column, int role) const override;
    ColumnMask changedColumns(const v1::Node &before, const v1::Node &after) const override;
};

} // namespace suanli::app
