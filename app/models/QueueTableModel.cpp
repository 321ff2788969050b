#include "app/models/QueueTableModel.h"

#include "app/models/Words.h"

#include <QLocale>

namespace suanli::app {

namespace {

using Counts = google::protobuf::RepeatedPtrField<v1::AcceleratorCounts>;

// "512 × H100, 256 × Ascend 910B" from one count per model.
QString byModel(const Counts &counts, int64_t (v1::AcceleratorCounts::*get)() const)
{
    QStringList parts;
    for (const v1::AcceleratorCounts &c : counts)
        parts.append(QueueTableModel::tr("%1 × %2").arg(
            QLocale().toString((c.*get)()), Words::modelName(c.model(), c.model_name())));
    return Words::list(parts);
}

qint64 sum(const Counts &counts, int64_t (v1::AcceleratorCounts::*get)() const)
{
    qint64 total = 0;
    for (const v1::AcceleratorCounts &c : counts)
        total += (c.*get)();
    return total;
}

QString countsDetail(const Counts &counts)
{
    const QLocale locale;
    QStringList lines;
    for (const v1::AcceleratorCounts &c : counts)
        lines.append(
            QueueTableModel::tr("%1: %2 free, %3 in use, %4 down, %5 unavailable, of %6")
                .arg(Words::modelName(c.model(), c.model_name()), locale.toString(c.free()),
                    locale.toString(c.in_use()), locale.toString(c.down()),
                    locale.toString(c.unavailable()), locale.toString(c.total())));
    return lines.join(u'\n');
}

} // namespace

QueueTableModel::QueueTableModel(client::SiteState *site, QObject *parent)
    : CollectionTableModel(site, parent)
{
}

QueueTableModel::~QueueTableModel() = default;

int QueueTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Queue");
    case TotalColumn:
        return tr("Accelerators");
    case FreeColumn:
        return tr("Free");
    case PendingColumn:
        return tr("Pending");
    case RunningColumn:
        return tr("Running");
    case HeldColumn:
        return tr("Held");
    case WaitP50Column:
        return tr("Wait (median)");
    case WaitP95Column:
        return tr("Wait (95th percentile)");
    case LargestColumn:
        return tr("Largest startable");
    default:
        return {};
    }
}

QVariant QueueTableModel::cellData(const v1::Queue &queue, int column, int role) const
{
    const QLocale locale;
    if (role == Qt::TextAlignmentRole) {
        if (column == NameColumn || column == TotalColumn || column == FreeColumn)
            return {};
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    }

    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(queue.name());
        if (role == Qt::ToolTipRole) {
            QStringList lines;
            if (!queue.state().empty())
                lines.append(tr("state: %1").arg(QString::fromStdString(queue.state())));
            if (queue.is_default())
                lines.append(tr("the default queue"));
            lines.append(tr("%1 of %n node(s) available", nullptr, queue.nodes_total())
                             .arg(locale.toString(queue.nodes_available())));
            if (queue.max_time_seconds() > 0)
                lines.append(
                    tr("jobs may run up to %1").arg(Words::duration(queue.max_time_seconds())));
            return lines.join(u'\n');
        }
        break;
    case TotalColumn:
        if (role == Qt::DisplayRole)
            return byModel(queue.accelerators(), &v1::AcceleratorCounts::total);
        if (role == SortRole)
            return sum(queue.accelerators(), &v1::AcceleratorCounts::total);
        if (role == Qt::ToolTipRole)
            return countsDetail(queue.accelerators());
        break;
    case FreeColumn:
        if (role == Qt::DisplayRole)
            return byModel(queue.accelerators(), &v1::AcceleratorCounts::free);
        if (role == SortRole)
            return sum(queue.accelerators(), &v1::AcceleratorCounts::free);
        if (role == Qt::ToolTipRole)
            return countsDetail(queue.accelerators());
        break;
    case PendingColumn:
        if (role == Qt::DisplayRole)
            return locale.toString(queue.jobs_pending());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(queue.jobs_pending());
        if (role == Qt::ToolTipRole)
            return tr("pending jobs ask for %1 accelerators")
                .arg(locale.toString(queue.accelerators_pending()));
        break;
    case RunningColumn:
        if (role == Qt::DisplayRole)
            return locale.toString(queue.jobs_running());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(queue.jobs_running());
        break;
    case HeldColumn:
        if (role == Qt::DisplayRole)
            return locale.toString(queue.jobs_held());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(queue.jobs_held());
        break;
    case WaitP50Column:
        if (role == Qt::DisplayRole)
            return Words::duration(qRound64(queue.wait_seconds_p50()));
        if (role == SortRole)
            return queue.wait_seconds_p50();
        if (role == Qt::ToolTipRole)
            return tr("half the jobs that started in the last hour waited less than this");
        break;
    case WaitP95Column:
        if (role == Qt::DisplayRole)
            return Words::duration(qRound64(queue.wait_seconds_p95()));
        if (role == SortRole)
            return queue.wait_seconds_p95();
        if (role == Qt::ToolTipRole)
            return tr("95 % of the jobs that started in the last hour waited less than this");
        break;
    case LargestColumn:
        if (role == Qt::DisplayRole)
            return locale.toString(queue.largest_startable_accelerators());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(queue.largest_startable_accelerators());
        if (role == Qt::ToolTipRole)
            return tr("the most accelerators a job could get if it started now");
        break;
    default:
        break;
    }
    return {};
}

ColumnMask QueueTableModel::changedColumns(const v1::Queue &a, const v1::Queue &b) const
{
    using Q = v1::Queue;
    const auto counts = [](const Q &q) -> const auto &
    {
        return q.accelerators();
    };
    return ColumnMask()
        .set(NameColumn,
            differs(a, b, &Q::name, &Q::state, &Q::is_default, &Q::nodes_total, &Q::nodes_available,
                &Q::max_time_seconds))
        .set(TotalColumn, differs(a, b, counts))
        .set(FreeColumn, differs(a, b, counts))
        .set(PendingColumn, differs(a, b, &Q::jobs_pending, &Q::accelerators_pending))
        .set(RunningColumn, differs(a, b, &Q::jobs_running))
        .set(HeldColumn, differs(a, b, &Q::jobs_held))
        .set(WaitP50Column, differs(a, b, &Q::wait_seconds_p50))
        .set(WaitP95Column, differs(a, b, &Q::wait_seconds_p95))
        .set(LargestColumn, differs(a, b, &Q::largest_startable_accelerators));
}

} // namespace suanli::app
