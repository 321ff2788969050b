#pragma once

#include "app/models/CollectionTableModel.h"

namespace suanli::app {

// QuotaRequestTableModel is the quota requests table: who asks for how much more of which
// model, why and until when, and whether a centre admin must decide. QuotaRequestProxyModel
// gives it its "pending first, then newest" order.
class QuotaRequestTableModel : public CollectionTableModel<v1::QuotaRequest> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotaRequestTableModel)
public:
    enum Column {
        IdColumn,
        OwnerColumn, // tenant / project
        RequesterColumn,
        ModelColumn,
        ChangeColumn, // "64 → 128" accelerators
        JustificationColumn,
        UntilColumn,
        StateColumn,
        NeedsAdminColumn,
        CreatedColumn, // when it was asked
        ColumnCount
    };
    Q_ENUM(Column)

    explicit QuotaRequestTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~QuotaRequestTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    QVariant cellData(const v1::QuotaRequest &request, int column, int role) const override;
    ColumnMask changedColumns(
        const v1::QuotaRequest &before, const v1::QuotaRequest &after) const override;
};

} // namespace suanli::app
