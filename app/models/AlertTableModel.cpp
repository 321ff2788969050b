#include "app/models/AlertTableModel.h"

#include "app/models/GatewayWords.h"
#include "app/models/Words.h"

#include <algorithm>

namespace suanli::app {

AlertTableModel::AlertTableModel(client::SiteState *site, QObject *parent)
    : CollectionTableModel(site, parent)
{
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
    case IdColumn:
        return tr("Alert");
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
    case CommentColumn:
        return tr("Comment");
    default:
        return {};
    }
}

QVariant AlertTableModel::cellData(const v1::Alert &alert, int column, int role) const
{
    if (role == StateRole)
        return static_cast<int>(alert.severity());

    switch (column) {
    case IdColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(alert.id());
        break;
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
            return GatewayWords::alertSummary(alert);
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
    case CommentColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return alert.acknowledged() ? QString::fromStdString(alert.acknowledge_comment())
                                        : QString();
        break;
    default:
        break;
    }
    return {};
}

ColumnMask AlertTableModel::changedColumns(const v1::Alert &a, const v1::Alert &b) const
{
    using A = v1::Alert;
    return ColumnMask()
        .set(IdColumn, differs(a, b, &A::id))
        .set(SeverityColumn, differs(a, b, &A::severity))
        .set(RaisedColumn, differs(a, b, &A::raise_time, &A::has_clear_time, &A::clear_time))
        .set(KindColumn, differs(a, b, &A::kind))
        .set(TargetColumn, differs(a, b, &A::target))
        .set(SummaryColumn,
            differs(a, b, &A::summary, &A::cause, &A::device, &A::kind, &A::target)
                || !std::equal(a.cause_args().begin(), a.cause_args().end(), b.cause_args().begin(),
                    b.cause_args().end()))
        .set(AcknowledgedByColumn,
            differs(a, b, &A::acknowledged, &A::acknowledged_by, &A::acknowledge_time,
                &A::acknowledge_comment))
        .set(CommentColumn, differs(a, b, &A::acknowledged, &A::acknowledge_comment));
}

} // namespace suanli::app
