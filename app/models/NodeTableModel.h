#pragma once

#include "models/SiteTableModel.h"

namespace suanli::app {

// NodeTableModel is the nodes table: one row per node of the site, its state, accelerators and
// telemetry ("—" with "no data" where the backend has none, never 0).
class NodeTableModel : public SiteTableModel {
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
        ColumnCount
    };
    Q_ENUM(Column)

    explicit NodeTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~NodeTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The node shown in a row; nullptr when out of range.
    const v1::Node *nodeAt(int row) const;

protected:
    const google::protobuf::Message *find(const QString &key) const override;
    QStringList keys() const override;
    QVariant cellData(
        const google::protobuf::Message &message, int column, int role) const override;
};

} // namespace suanli::app
