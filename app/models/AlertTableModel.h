#pragma once

#include "app/models/CollectionTableModel.h"

namespace suanli::app {

// AlertTableModel is the alerts table: one row per alert of the site with its id (the one
// the Acknowledge dialog names), its severity as StateRole for colouring, who acknowledged
// it and with what comment.
class AlertTableModel : public CollectionTableModel<v1::Alert> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTableModel)
public:
    enum Column {
        IdColumn,
        SeverityColumn,
        RaisedColumn,
        KindColumn,
        TargetColumn,
        SummaryColumn,
        AcknowledgedByColumn,
        CommentColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AlertTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~AlertTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cellData(const v1::Alert &alert, int column, int role) const override;
    ColumnMask changedColumns(const v1::Alert &before, const v1::Alert &after) const override;
};

} // namespace suanli::app
