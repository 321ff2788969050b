#pragma once

#include "app/models/CollectionTableModel.h"

namespace suanli::app {

// QueueTableModel is the queues table: one row per queue (Slurm partition) with its
// accelerators by model, jobs pending, running and held, and how long jobs wait.
class QueueTableModel : public CollectionTableModel<v1::Queue> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueTableModel)
public:
    enum Column {
        NameColumn,
        TotalColumn, // accelerators by model: "512 × H100, 256 × Ascend 910B"
        FreeColumn, // free accelerators by model
        PendingColumn,
        RunningColumn,
        HeldColumn,
        WaitP50Column,
        WaitP95Column,
        LargestColumn, // largest job (accelerators) that could start now
        ColumnCount
    };
    Q_ENUM(Column)

    explicit QueueTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~QueueTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cellData(const v1::Queue &queue, int column, int role) const override;
    ColumnMask changedColumns(const v1::Queue &before, const v1::Queue &after) const override;
};

} // namespace suanli::app
