#include "models/AlertTableModel.h"

#include "models/Words.h"

namespace suanli::app {

AlertTableModel::AlertTableModel(client::SiteState *site, QObject *parent)
    : SiteTableModel(site, parent)
{
    connect(site, &client::SiteState::alertsReset, this, &AlertTableModel::resetRows);
    connect(site, &client::SiteState::alertsChanged, this, &AlertTableModel::applyChanges);
    resetRows();
}

AlertTableModel::~AlertTableModel() = default;

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RaisedColumn:
        return tr("Raised");
    case KindColumn:
        return tr("Kind");
    case TargetColumn:
        return tr("Target");
    case SummaryColumn:
        return tr("Summary");
    case AcknowledgedByColumn:
        return tr("Acknowledged by");
    default:
        return {};
    }
}

const v1::Alert *AlertTableModel::alertAt(int row) const
{
    return static_cast<const v1::Alert *>(messageAt(row));
}

const google::protobuf::Message *AlertTableModel::find(const QString &key) const
{
    const auto &items = site()->alerts().items;
    const auto it = items.constFind(key);
    return it == items.constEnd() ? nullptr : &it.value();
}

QStringList AlertTableModel::keys() const
{
    return site()->alerts().items.keys();
}

QVariant AlertTableModel::cellData(
    const google::protobuf::Message &message, int column, int role) const
{
    const auto &alert = static_cast<const v1::Alert &>(message);
    if (role == StateRole)
        return static_cast<int>(alert.severity());

    switch (column) {
    case SeverityColumn:
        if (role == Qt::DisplayRole)
            return Words::severity(alert.severity());
        if (role == SortRole)
            return static_cast<int>(alert.severity());
        break;
    case RaisedColumn:
        if (role == Qt::DisplayRole)
            return Words::dateTime(alert.raise_time());
        if (role == SortRole)
            return Words::seconds(alert.raise_time());
        if (role == Qt::ToolTipRole && alert.has_clear_time())
            return tr("cleared %1").arg(Words::dateTime(alert.clear_time()));
        break;
    case KindColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::alertKind(QString::fromStdString(alert.kind()));
        break;
    case TargetColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(alert.target());
        break;
    case SummaryColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return QString::fromStdString(alert.summary());
        break;
    case AcknowledgedByColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return alert.acknowledged() ? QString::fromStdString(alert.acknowledged_by())
                                        : QString();
        if (role == Qt::ToolTipRole && alert.acknowledged()) {
            QString text = tr("acknowledged %1").arg(Words::dateTime(alert.acknowledge_time()));
            if (!alert.acknowledge_comment().empty())
                text += u'\n' + QString::fromStdString(alert.acknowledge_comment());
            return text;
        }
        break;
    default:
        break;
    }
    return {};
}

} // namespace suanli::app
