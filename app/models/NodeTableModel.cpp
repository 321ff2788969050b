#include "app/models/NodeTableModel.h"

#include "app/models/Words.h"

#include <QLocale>

namespace suanli::app {

namespace {

QVariant telemetryText(const v1::Node &node, const QString &text)
{
    return node.has_telemetry() ? QVariant(text) : QVariant(Words::noData());
}

QVariant telemetryValue(const v1::Node &node, double value)
{
    return node.has_telemetry() ? QVariant(value) : QVariant();
}

QStringList toStringList(const google::protobuf::RepeatedPtrField<std::string> &items)
{
    QStringList out;
    out.reserve(items.size());
    for (const std::string &item : items)
        out.append(QString::fromStdString(item));
    return out;
}

} // namespace

NodeTableModel::NodeTableModel(client::SiteState *site, QObject *parent)
    : CollectionTableModel(site, parent)
{
}

NodeTableModel::~NodeTableModel() = default;

int NodeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Node");
    case RackColumn:
        return tr("Rack");
    case StateColumn:
        return tr("State");
    case AcceleratorsColumn:
        return tr("Accelerators");
    case AllocatedColumn:
        return tr("Allocated");
    case UtilisationColumn:
        return tr("Utilisation");
    case MemoryColumn:
        return tr("Accelerator memory");
    case TemperatureColumn:
        return tr("Temperature");
    case PowerColumn:
        return tr("Power");
    case JobsColumn:
        return tr("Jobs");
    case QueuesColumn:
        return tr("Queues");
    case SinceColumn:
        return tr("Since");
    case ReasonColumn:
        return tr("Reason");
    default:
        return {};
    }
}

QVariant NodeTableModel::cellData(const v1::Node &node, int column, int role) const
{
    if (role == StateRole)
        return static_cast<int>(node.state());
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case AllocatedColumn:
        case UtilisationColumn:
        case MemoryColumn:
        case TemperatureColumn:
        case PowerColumn:
        case JobsColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return {};
        }
    }

    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(node.name());
        break;
    case RackColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(node.rack());
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return Words::nodeState(node.state());
        if (role == SortRole)
            return static_cast<int>(node.state());
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            if (!node.reason().empty()) {
                lines.append(QString::fromStdString(node.reason()));
                const QString when = Words::dateTime(node.reason_time());
                if (!node.reason_user().empty() && !when.isEmpty())
                    lines.append(tr("set by %1 on %2")
                                     .arg(QString::fromStdString(node.reason_user()), when));
                else if (!node.reason_user().empty())
                    lines.append(tr("set by %1").arg(QString::fromStdString(node.reason_user())));
            }
            if (node.reboot_pending())
                lines.append(tr("reboot pending: the node restarts when its jobs end"));
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
        }
        break;
    case AcceleratorsColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 × %2").arg(QLocale().toString(node.accelerators_total()),
                Words::modelName(node.model(), node.model_name()));
        // Grouped by model, then by count.
        if (role == SortRole)
            return QVariant::fromValue<qint64>(
                qint64(node.model()) * 100000 + node.accelerators_total());
        break;
    case AllocatedColumn:
        if (role == Qt::DisplayRole)
            return tr("%1 / %2").arg(QLocale().toString(node.accelerators_allocated()),
                QLocale().toString(node.accelerators_total()));
        if (role == SortRole)
            return node.accelerators_allocated();
        if (role == Qt::ToolTipRole && node.accelerators_failed() > 0)
            return tr("%n accelerator(s) failed", nullptr, node.accelerators_failed());
        break;
    case UtilisationColumn:
        if (role == Qt::DisplayRole)
            return telemetryText(node, Words::percent(node.utilisation_percent()));
        if (role == SortRole)
            return telemetryValue(node, node.utilisation_percent());
        if (role == Qt::ToolTipRole && !node.has_telemetry())
            return Words::noDataTooltip();
        break;
    case MemoryColumn:
        if (role == Qt::DisplayRole)
            return telemetryText(node, Words::percent(node.accelerator_memory_used_percent()));
        if (role == SortRole)
            return telemetryValue(node, node.accelerator_memory_used_percent());
        if (role == Qt::ToolTipRole && !node.has_telemetry())
            return Words::noDataTooltip();
        break;
    case TemperatureColumn:
        if (role == Qt::DisplayRole)
            return telemetryText(node, Words::temperature(node.temperature_celsius()));
        if (role == SortRole)
            return telemetryValue(node, node.temperature_celsius());
        if (role == Qt::ToolTipRole && !node.has_telemetry())
            return Words::noDataTooltip();
        break;
    case PowerColumn:
        if (role == Qt::DisplayRole)
            return telemetryText(node, Words::power(node.power_watts()));
        if (role == SortRole)
            return telemetryValue(node, node.power_watts());
        if (role == Qt::ToolTipRole && !node.has_telemetry())
            return Words::noDataTooltip();
        break;
    case JobsColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(node.job_ids_size());
        if (role == SortRole)
            return node.job_ids_size();
        if (role == Qt::ToolTipRole && node.job_ids_size() > 0)
            return Words::list(toStringList(node.job_ids()));
        break;
    case QueuesColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::list(toStringList(node.queues()));
        break;
    case SinceColumn:
        if (!node.has_reason_time())
            break;
        if (role == Qt::DisplayRole)
            return Words::dateTime(node.reason_time());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(node.reason_time().seconds());
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(node.reason());
        if (role == Qt::ToolTipRole && !node.reason().empty()) {
            const QString reason = QString::fromStdString(node.reason());
            if (node.reason_user().empty())
                return reason;
            return QString(
                reason + u'\n' + tr("set by %1").arg(QString::fromStdString(node.reason_user())));
        }
        break;
    default:
        break;
    }
    return {};
}

ColumnMask NodeTableModel::changedColumns(const v1::Node &a, const v1::Node &b) const
{
    using N = v1::Node;
    const auto queues = [](const N &n) -> const auto &
    {
        return n.queues();
    };
    const auto jobIds = [](const N &n) -> const auto &
    {
        return n.job_ids();
    };
    return ColumnMask()
        .set(NameColumn, differs(a, b, &N::name))
        .set(RackColumn, differs(a, b, &N::rack))
        .set(StateColumn,
            differs(
                a, b, &N::state, &N::reason, &N::reason_user, &N::reason_time, &N::reboot_pending))
        .set(AcceleratorsColumn, differs(a, b, &N::accelerators_total, &N::model, &N::model_name))
        .set(AllocatedColumn,
            differs(
                a, b, &N::accelerators_allocated, &N::accelerators_total, &N::accelerators_failed))
        .set(UtilisationColumn, differs(a, b, &N::has_telemetry, &N::utilisation_percent))
        .set(MemoryColumn, differs(a, b, &N::has_telemetry, &N::accelerator_memory_used_percent))
        .set(TemperatureColumn, differs(a, b, &N::has_telemetry, &N::temperature_celsius))
        .set(PowerColumn, differs(a, b, &N::has_telemetry, &N::power_watts))
        .set(JobsColumn, differs(a, b, jobIds))
        .set(QueuesColumn, differs(a, b, queues))
        .set(SinceColumn, differs(a, b, &N::reason_time))
        .set(ReasonColumn, differs(a, b, &N::reason, &N::reason_user));
}

} // namespace suanli::app
