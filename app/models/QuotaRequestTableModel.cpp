#include "app/models/QuotaRequestTableModel.h"

#include "app/models/Words.h"

#include <QLocale>

namespace suanli::app {

namespace {

QString hours(qint64 value)
{
    return value > 0 ? QLocale().toString(value) : QuotaRequestTableModel::tr("no limit");
}

} // namespace

QuotaRequestTableModel::QuotaRequestTableModel(client::SiteState *site, QObject *parent)
    : CollectionTableModel(site, parent)
{
}

QuotaRequestTableModel::~QuotaRequestTableModel() = default;

int QuotaRequestTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QuotaRequestTableModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == ChangeColumn)
        return tr("Accelerators at once: the limit in force when asked → the limit asked for");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Request");
    case OwnerColumn:
        return tr("Tenant / project");
    case RequesterColumn:
        return tr("Requested by");
    case ModelColumn:
        return tr("Model");
    case ChangeColumn:
        return tr("Now → asked");
    case JustificationColumn:
        return tr("Justification");
    case UntilColumn:
        return tr("Until");
    case StateColumn:
        return tr("State");
    case NeedsAdminColumn:
        return tr("Needs admin");
    case CreatedColumn:
        return tr("Asked");
    default:
        return {};
    }
}

QVariant QuotaRequestTableModel::cellData(
    const v1::QuotaRequest &request, int column, int role) const
{
    const QLocale locale;
    if (role == StateRole)
        return static_cast<int>(request.state());

    switch (column) {
    case IdColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(request.id());
        if (role == Qt::ToolTipRole && request.has_create_time())
            return tr("asked %1").arg(Words::dateTime(request.create_time()));
        break;
    case OwnerColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::owner(request.tenant(), request.project());
        if (role == Qt::ToolTipRole && request.project().empty())
            return tr("the tenant's own quota");
        break;
    case RequesterColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(request.requester());
        break;
    case ModelColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::quotaKindName(QuotaKind::of(request));
        if (role == Qt::ToolTipRole && request.all_models())
            return tr("one limit on the accelerators of every model together");
        break;
    case ChangeColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 → %2").arg(locale.toString(request.current_max_accelerators()),
                locale.toString(request.max_accelerators()));
        if (role == SortRole)
            return QVariant::fromValue<qint64>(request.max_accelerators());
        if (role == Qt::ToolTipRole)
            return tr("accelerator-hours a month: %1 → %2")
                .arg(hours(request.current_max_accelerator_hours()),
                    hours(request.max_accelerator_hours()));
        break;
    case JustificationColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return QString::fromStdString(request.justification());
        break;
    case UntilColumn:
        if (role == Qt::DisplayRole)
            return request.has_until_time() ? Words::date(request.until_time()) : tr("permanently");
        if (role == SortRole)
            return Words::seconds(request.until_time());
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return Words::quotaRequestState(request.state());
        if (role == SortRole)
            return static_cast<int>(request.state());
        if (role == Qt::ToolTipRole && !request.decider().empty()) {
            QString text = tr("decided by %1 on %2")
                               .arg(QString::fromStdString(request.decider()),
                                   Words::dateTime(request.decide_time()));
            if (!request.decision_comment().empty())
                text += u'\n' + QString::fromStdString(request.decision_comment());
            return text;
        }
        break;
    case NeedsAdminColumn:
        if (role == Qt::DisplayRole)
            return request.needs_admin() ? tr("yes") : QString();
        if (role == SortRole)
            return request.needs_admin() ? 1 : 0;
        if (role == Qt::ToolTipRole && request.needs_admin())
            return tr("approving would go beyond the tenant's own quota: only a centre admin "
                      "may approve");
        break;
    case CreatedColumn:
        if (role == Qt::DisplayRole)
            return Words::dateTime(request.create_time());
        if (role == SortRole)
            return Words::seconds(request.create_time());
        break;
    default:
        break;
    }
    return {};
}

ColumnMask QuotaRequestTableModel::changedColumns(
    const v1::QuotaRequest &a, const v1::QuotaRequest &b) const
{
    using R = v1::QuotaRequest;
    return ColumnMask()
        .set(IdColumn, differs(a, b, &R::id, &R::has_create_time, &R::create_time))
        .set(OwnerColumn, differs(a, b, &R::tenant, &R::project))
        .set(RequesterColumn, differs(a, b, &R::requester))
        .set(ModelColumn, differs(a, b, &R::model, &R::all_models))
        .set(ChangeColumn,
            differs(a, b, &R::current_max_accelerators, &R::max_accelerators,
                &R::current_max_accelerator_hours, &R::max_accelerator_hours))
        .set(JustificationColumn, differs(a, b, &R::justification))
        .set(UntilColumn, differs(a, b, &R::has_until_time, &R::until_time))
        .set(StateColumn,
            differs(a, b, &R::state, &R::decider, &R::decide_time, &R::decision_comment))
        .set(NeedsAdminColumn, differs(a, b, &R::needs_admin))
        .set(CreatedColumn, differs(a, b, &R::create_time));
}

} // namespace suanli::app
