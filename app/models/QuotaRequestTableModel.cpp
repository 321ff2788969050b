#include "models/QuotaRequestTableModel.h"

#include "models/Words.h"

#include <QLocale>

namespace suanli::app {

namespace {

QString hours(qint64 value)
{
    return value > 0 ? QLocale().toString(value) : QuotaRequestTableModel::tr("no limit");
}

} // namespace

QuotaRequestTableModel::QuotaRequestTableModel(client::SiteState *site, QObject *parent)
    : SiteTableModel(site, parent)
{
    connect(site, &client::SiteState::quotaRequestsReset, this, &QuotaRequestTableModel::resetRows);
    connect(site, &client::SiteState::quotaRequestsChanged, this,
        &QuotaRequestTableModel::applyChanges);
    resetRows();
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

const v1::QuotaRequest *QuotaRequestTableModel::requestAt(int row) const
{
    return static_cast<const v1::QuotaRequest *>(messageAt(row));
}

const google::protobuf::Message *QuotaRequestTableModel::find(const QString &key) const
{
    const auto &items = site()->quotaRequests().items;
    const auto it = items.constFind(key);
    return it == items.constEnd() ? nullptr : &it.value();
}

QStringList QuotaRequestTableModel::keys() const
{
    return site()->quotaRequests().items.keys();
}

QVariant QuotaRequestTableModel::cellData(
    const google::protobuf::Message &message, int column, int role) const
{
    const auto &request = static_cast<const v1::QuotaRequest &>(message);
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

} // namespace suanli::app
