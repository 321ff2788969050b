#include "app/models/JobTableModel.h"

#include "app/models/PendingReasonText.h"
#include "app/models/Words.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <algorithm>
#include <charconv>
#include <chrono>

namespace suanli::app {

namespace {

bool isSet(const google::protobuf::Timestamp &t)
{
    return t.seconds() != 0 || t.nanos() != 0;
}

bool isWaiting(const v1::Job &job)
{
    return job.state() == v1::JOB_STATE_PENDING || job.state() == v1::JOB_STATE_HELD;
}

// A job whose reason reads its tenant's current quota figures.
bool heldByQuota(const v1::Job &job)
{
    return job.state() == v1::JOB_STATE_PENDING
        && (job.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA
            || job.pending_reason() == v1::PENDING_REASON_PROJECT_QUOTA
            || job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS);
}

bool hasEnded(const v1::Job &job)
{
    return job.state() == v1::JOB_STATE_COMPLETED || job.state() == v1::JOB_STATE_FAILED
        || job.state() == v1::JOB_STATE_CANCELLED;
}

} // namespace

JobTableModel::JobTableModel(client::SiteState *site, QObject *parent)
    : CollectionTableModel(site, parent)
{
    m_clock.setInterval(std::chrono::minutes(1));
    connect(&m_clock, &QTimer::timeout, this, [this] {
        emitColumnsChanged(
            ElapsedColumn, ElapsedColumn, { Qt::DisplayRole, Qt::ToolTipRole, SortRole });
    });
    m_clock.start();
    // A quota's figures are the tenant's as it is now: they follow its changes, not the job's.
    const auto &tenants = site->tenants();
    connect(&tenants, &client::CollectionSignals::reset, this,
        [this] { emitColumnsChanged(ReasonColumn, ReasonColumn, reasonRoles()); });
    connect(&tenants, &client::CollectionSignals::changed, this,
        [this](const QStringList &upserted, const QStringList &removed) {
            tenantsChanged(upserted + removed);
        });
    const auto &jobs = site->jobs();
    auto reindex = [this, &jobs] {
        m_held.clear();
        for (auto it = jobs.items.cbegin(); it != jobs.items.cend(); ++it)
            holdChanged(it.key(), nullptr, &it.value());
    };
    reindex();
    connect(&jobs, &client::CollectionSignals::reset, this, reindex);
    connect(&jobs, &client::CollectionSignals::changed, this,
        [this, &jobs](const QStringList &upserted, const QStringList &removed) {
            for (qsizetype i = 0; i < upserted.size(); ++i)
                holdChanged(upserted.at(i), jobs.previous(i), jobs.find(upserted.at(i)));
            for (qsizetype i = 0; i < removed.size(); ++i)
                holdChanged(removed.at(i), jobs.removedItem(i), nullptr);
        });
}

void JobTableModel::holdChanged(const QString &key, const v1::Job *before, const v1::Job *after)
{
    const bool was = before && heldByQuota(*before);
    const bool is = after && heldByQuota(*after);
    if (was && is && before->tenant() == after->tenant())
        return;
    if (was) {
        const auto group = m_held.find(before->tenant());
        if (group != m_held.end()) {
            HeldJobs &held = group->second;
            --held.count;
            if (held.listed)
                held.keys.removeOne(key);
            if (held.count <= 0)
                m_held.erase(group);
        }
    }
    if (is) {
        HeldJobs &held = m_held[after->tenant()];
        ++held.count;
        if (held.listed && held.count > kWholeColumnRows) {
            held.listed = false;
            held.keys = {};
        } else if (held.listed) {
            held.keys.append(key);
        }
    }
}

QList<int> JobTableModel::reasonRoles()
{
    return { Qt::DisplayRole, SortRole };
}

void JobTableModel::tenantsChanged(const QStringList &tenants)
{
    std::vector<const HeldJobs *> groups;
    qsizetype held = 0;
    bool wholeColumn = false;
    for (const QString &tenant : QSet<QString>(tenants.cbegin(), tenants.cend())) {
        const auto group = m_held.find(tenant.toStdString());
        if (group == m_held.end())
            continue;
        groups.push_back(&group->second);
        held += group->second.count;
        wholeColumn = wholeColumn || !group->second.listed;
    }
    if (held == 0)
        return;
    // Many rows (a busy centre's tenants change every tick, with thousands of jobs waiting on
    // their quotas): the whole column at once costs a view and a proxy one signal, not one per
    // run of rows.
    if (wholeColumn || held > kWholeColumnRows) {
        emitColumnsChanged(ReasonColumn, ReasonColumn, reasonRoles());
        return;
    }
    // Otherwise the rows of jobs waiting on those tenants' quotas, in runs of neighbouring rows.
    QList<int> rows;
    rows.reserve(held);
    for (const HeldJobs *group : groups)
        for (const QString &key : group->keys)
            if (const int row = rowOf(key); row >= 0)
                rows.append(row);
    std::sort(rows.begin(), rows.end());
    for (qsizetype i = 0; i < rows.size();) {
        qsizetype j = i;
        while (j + 1 < rows.size() && rows.at(j + 1) == rows.at(j) + 1)
            ++j;
        Q_EMIT dataChanged(index(rows.at(i), ReasonColumn), index(rows.at(j), ReasonColumn),
            reasonRoles());
        i = j + 1;
    }
}

JobTableModel::~JobTableModel() = default;

int JobTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Job");
    case NameColumn:
        return tr("Name");
    case OwnerColumn:
        return tr("Tenant / project");
    case UserColumn:
        return tr("User");
    case QueueColumn:
        return tr("Queue");
    case StateColumn:
        return tr("State");
    case ReasonColumn:
        return tr("Why waiting");
    case AcceleratorsColumn:
        return tr("Accelerators");
    case ModelColumn:
        return tr("Model");
    case PriorityColumn:
        return tr("Priority");
    case SubmittedColumn:
        return tr("Submitted");
    case ElapsedColumn:
        return tr("Waited / ran for");
    default:
        return {};
    }
}

qint64 JobTableModel::elapsedSeconds(const v1::Job &job, qint64 nowSeconds)
{
    if (isWaiting(job))
        return isSet(job.submit_time()) ? nowSeconds - job.submit_time().seconds() : -1;
    if (!isSet(job.start_time()))
        return -1;
    const qint64 end
        = hasEnded(job) && isSet(job.end_time()) ? job.end_time().seconds() : nowSeconds;
    return end - job.start_time().seconds();
}

QVariant JobTableModel::cellData(const v1::Job &job, int column, int role) const
{
    if (role == StateRole)
        return static_cast<int>(job.state());
    if (role == Qt::TextAlignmentRole) {
        switch (column) {
        case AcceleratorsColumn:
        case PriorityColumn:
        case ElapsedColumn:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return {};
        }
    }

    switch (column) {
    case IdColumn:
        if (role == Qt::DisplayRole)
            return QString::fromStdString(job.id());
        // Scheduler ids are numbers: 99 before 100.
        if (role == SortRole) {
            const std::string &id = job.id();
            qint64 number = 0;
            const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), number);
            if (error == std::errc() && end == id.data() + id.size())
                return QVariant::fromValue<qint64>(number);
            return QString::fromStdString(id);
        }
        break;
    case NameColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return QString::fromStdString(job.name());
        break;
    case OwnerColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::owner(job.tenant(), job.project());
        break;
    case UserColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(job.user());
        break;
    case QueueColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(job.queue());
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return Words::jobState(job.state());
        if (role == SortRole)
            return static_cast<int>(job.state());
        if (role == Qt::ToolTipRole && !job.failure_reason().empty())
            return QString::fromStdString(job.failure_reason());
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return PendingReasonText::of(
                job, site()->tenants().find(QString::fromStdString(job.tenant())));
        if (role == Qt::ToolTipRole && isWaiting(job) && !job.pending_reason_raw().empty())
            return tr("The scheduler's reason: %1")
                .arg(QString::fromStdString(job.pending_reason_raw()));
        break;
    case AcceleratorsColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(job.accelerators());
        if (role == SortRole)
            return job.accelerators();
        if (role == Qt::ToolTipRole) {
            if (job.nodes_size() > 0) {
                QStringList nodes;
                for (const std::string &node : job.nodes())
                    nodes.append(QString::fromStdString(node));
                return tr("on %n node(s): %1", nullptr, job.nodes_size()).arg(Words::list(nodes));
            }
            if (job.nodes_requested() > 0)
                return tr("asks for %n node(s)", nullptr, job.nodes_requested());
        }
        break;
    case ModelColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::modelName(job.model(), job.model_name());
        break;
    case PriorityColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(job.priority());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(job.priority());
        break;
    case SubmittedColumn:
        if (role == Qt::DisplayRole)
            return Words::dateTime(job.submit_time());
        if (role == SortRole)
            return Words::seconds(job.submit_time());
        break;
    case ElapsedColumn: {
        if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
            break;
        const qint64 seconds = elapsedSeconds(job, site()->nowSeconds());
        if (role == SortRole)
            return seconds < 0 ? QVariant() : QVariant::fromValue<qint64>(seconds);
        if (role == Qt::DisplayRole)
            return seconds < 0 ? Words::noData() : Words::duration(seconds);
        if (isWaiting(job) && isSet(job.submit_time()))
            return tr("waiting since %1").arg(Words::dateTime(job.submit_time()));
        if (hasEnded(job) && isSet(job.start_time()) && isSet(job.end_time()))
            return tr("ran from %1 to %2")
                .arg(Words::dateTime(job.start_time()), Words::dateTime(job.end_time()));
        if (isSet(job.start_time())) {
            if (job.time_limit_seconds() > 0)
                return tr("running since %1, time limit %2")
                    .arg(Words::dateTime(job.start_time()),
                        Words::duration(job.time_limit_seconds()));
            return tr("running since %1").arg(Words::dateTime(job.start_time()));
        }
        break;
    }
    default:
        break;
    }
    return {};
}

ColumnMask JobTableModel::changedColumns(const v1::Job &a, const v1::Job &b) const
{
    using J = v1::Job;
    const auto nodes = [](const J &j) -> const auto &
    {
        return j.nodes();
    };
    return ColumnMask()
        .set(IdColumn, differs(a, b, &J::id))
        .set(NameColumn, differs(a, b, &J::name))
        .set(OwnerColumn, differs(a, b, &J::tenant, &J::project))
        .set(UserColumn, differs(a, b, &J::user))
        .set(QueueColumn, differs(a, b, &J::queue))
        .set(StateColumn, differs(a, b, &J::state, &J::failure_reason))
        .set(ReasonColumn,
            differs(a, b, &J::state, &J::pending_reason, &J::pending_reason_raw, &J::model,
                &J::model_name, &J::quota_all_models, &J::tenant, &J::project, &J::accelerators))
        .set(AcceleratorsColumn, differs(a, b, &J::accelerators, nodes, &J::nodes_requested))
        .set(ModelColumn, differs(a, b, &J::model, &J::model_name))
        .set(PriorityColumn, differs(a, b, &J::priority))
        .set(SubmittedColumn, differs(a, b, &J::submit_time))
        .set(ElapsedColumn,
            differs(a, b, &J::state, &J::submit_time, &J::start_time, &J::end_time,
                &J::time_limit_seconds));
}

} // namespace suanli::app
