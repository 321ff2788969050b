#pragma once

#include "models/SiteTableModel.h"

namespace suanli::app {

// QueueTableModel is the queues table: one row per queue (Slurm partition) with its
// accelerators by model, jobs pending, running and held, and how long jobs wait.
class QueueTableModel : public SiteTableModel {
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

    // The queue shown in a row; nullptr when out of range.
    const v1::Queue *queueAt(int row) const;

protected:
    const google::protobuf::Message *find(const QString &key) const override;
    QStringList keys() const override;
    QVariant cellData(
        const google::protobuf::Message &message, int column, int role) const override;
};

} // namespace suanli::app
