#pragma once

#include "models/SiteTableModel.h"

namespace suanli::app {

// AlertTableModel is the alerts table: one row per alert of the site, its severity as
// StateRole for colouring, and who acknowledged it.
class AlertTableModel : public SiteTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertTableModel)
public:
    enum Column {
        SeverityColumn,
        RaisedColumn,
        KindColumn,
        TargetColumn,
        SummaryColumn,
        AcknowledgedByColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AlertTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~AlertTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The alert shown in a row; nullptr when out of range.
    const v1::Alert *alertAt(int row) const;

protected:
    const google::protobuf::Message *find(const QString &key) const override;
    QStringList keys() const override;
    QVariant cellData(
        const google::protobuf::Message &message, int column, int role) const override;
};

} // namespace suanli::app
