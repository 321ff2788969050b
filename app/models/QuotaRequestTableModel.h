#pragma once

#include "models/SiteTableModel.h"

namespace suanli::app {

// QuotaRequestTableModel is the quota requests table: who asks for how much more of which
// model, why and until when, and whether a centre admin must decide. QuotaRequestProxyModel
// gives it its "pending first, then newest" order.
class QuotaRequestTableModel : public SiteTableModel {
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

    // The request shown in a row; nullptr when out of range.
    const v1::QuotaRequest *requestAt(int row) const;

protected:
    const google::protobuf::Message *find(const QString &key) const override;
    QStringList keys() const override;
    QVariant cellData(
        const google::protobuf::Message &message, int column, int role) const override;
};

} // namespace suanli::app
