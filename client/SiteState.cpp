#include "SiteState.h"

namespace suanli::client {

namespace {

QString keyOf(const suanli::v1::Node &n)
{
    return QString::fromStdString(n.name());
}
QString keyOf(const suanli::v1::Job &j)
{
    return QString::fromStdString(j.id());
}
QString keyOf(const suanli::v1::Queue &q)
{
    return QString::fromStdString(q.name());
}
QString keyOf(const suanli::v1::Alert &a)
{
    return QString::fromStdString(a.id());
}
QString keyOf(const suanli::v1::QuotaRequest &r)
{
    return QString::fromStdString(r.id());
}
QString keyOf(const suanli::v1::Tenant &t)
{
    return QString::fromStdString(t.id());
}

// A snapshot: the collection becomes `items`.
template <class T>
void replace(
    Collection<T> &collection, QHash<QString, T> items, const QString &epoch, qint64 revision)
{
    collection.items = std::move(items);
    collection.epoch = epoch;
    collection.revision = revision;
    collection.synced = true;
}

// Applies one batch to `collection`. Returns false when nothing observable
// changed (a delta that only moved the revision); fills the changed keys for
// deltas.
template <class T>
bool applyBatch(Collection<T> &collection, bool snapshot, QList<T> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision, QStringList *upserted,
    QStringList *gone)
{
    if (snapshot) {
        QHash<QString, T> items;
        items.reserve(upserts.size());
        // Moved, not copied, when the caller handed the batch over (a 200,000-job snapshot
        // would otherwise be held twice).
        for (T &item : upserts) {
            QString key = keyOf(item);
            items.emplace(std::move(key), std::move(item));
        }
        replace(collection, std::move(items), epoch, revision);
        return true;
    }
    collection.epoch = epoch;
    collection.revision = revision;
    // Whether each key touched by the batch existed before it, in the order first touched.
    QHash<QString, bool> existed;
    QStringList touched;
    auto touch = [&](const QString &key) {
        if (existed.contains(key))
            return;
        existed.insert(key, collection.items.contains(key));
        touched.append(key);
    };
    for (T &item : upserts) {
        const QString key = keyOf(item);
        touch(key);
        collection.items.emplace(key, std::move(item));
    }
    for (const QString &key : removed) {
        touch(key);
        collection.items.remove(key);
    }
    for (const QString &key : std::as_const(touched)) {
        if (collection.items.contains(key))
            upserted->append(key);
        else if (existed.value(key))
            gone->append(key);
    }
    return !upserted->isEmpty() || !gone->isEmpty();
}

// Applies the batch and emits the collection's reset or changed signal.
template <class T>
void applyAndNotify(SiteState *site, Collection<T> &collection, bool snapshot, QList<T> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision, void (SiteState::*reset)(),
    void (SiteState::*changed)(const QStringList &, const QStringList &))
{
    QStringList upserted, gone;
    if (!applyBatch(
            collection, snapshot, std::move(upserts), removed, epoch, revision, &upserted, &gone))
        return;
    if (snapshot)
        Q_EMIT(site->*reset)();
    else
        Q_EMIT(site->*changed)(upserted, gone);
}

} // namespace

SiteState::SiteState(QObject *parent)
    : QObject(parent)
{
}

const Collection<suanli::v1::Node> &SiteState::nodes() const
{
    return m_nodes;
}
const Collection<suanli::v1::Job> &SiteState::jobs() const
{
    return m_jobs;
}
const Collection<suanli::v1::Queue> &SiteState::queues() const
{
    return m_queues;
}
const Collection<suanli::v1::Alert> &SiteState::alerts() const
{
    return m_alerts;
}
const Collection<suanli::v1::QuotaRequest> &SiteState::quotaRequests() const
{
    return m_quotaRequests;
}
const Collection<suanli::v1::Tenant> &SiteState::tenants() const
{
    return m_tenants;
}
const suanli::v1::Overview &SiteState::overview() const
{
    return m_overview;
}

bool SiteState::stale() const
{
    return m_stale;
}

QDateTime SiteState::dataTime() const
{
    return m_dataTime;
}

void SiteState::applyNodes(bool snapshot, QList<suanli::v1::Node> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision)
{
    applyAndNotify(this, m_nodes, snapshot, std::move(upserts), removed, epoch, revision,
        &SiteState::nodesReset, &SiteState::nodesChanged);
}

void SiteState::applyJobs(bool snapshot, QList<suanli::v1::Job> upserts, const QStringList &removed,
    const QString &epoch, qint64 revision)
{
    applyAndNotify(this, m_jobs, snapshot, std::move(upserts), removed, epoch, revision,
        &SiteState::jobsReset, &SiteState::jobsChanged);
}

void SiteState::applyQueues(bool snapshot, QList<suanli::v1::Queue> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision)
{
    applyAndNotify(this, m_queues, snapshot, std::move(upserts), removed, epoch, revision,
        &SiteState::queuesReset, &SiteState::queuesChanged);
}

void SiteState::applyAlerts(bool snapshot, QList<suanli::v1::Alert> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision)
{
    applyAndNotify(this, m_alerts, snapshot, std::move(upserts), removed, epoch, revision,
        &SiteState::alertsReset, &SiteState::alertsChanged);
}

void SiteState::applyQuotaRequests(bool snapshot, QList<suanli::v1::QuotaRequest> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision)
{
    applyAndNotify(this, m_quotaRequests, snapshot, std::move(upserts), removed, epoch, revision,
        &SiteState::quotaRequestsReset, &SiteState::quotaRequestsChanged);
}

void SiteState::applyTenants(bool snapshot, QList<suanli::v1::Tenant> upserts,
    const QStringList &removed, const QString &epoch, qint64 revision)
{
    applyAndNotify(this, m_tenants, snapshot, std::move(upserts), removed, epoch, revision,
        &SiteState::tenantsReset, &SiteState::tenantsChanged);
}

void SiteState::replaceNodes(
    QHash<QString, suanli::v1::Node> items, const QString &epoch, qint64 revision)
{
    replace(m_nodes, std::move(items), epoch, revision);
    Q_EMIT nodesReset();
}

void SiteState::replaceJobs(
    QHash<QString, suanli::v1::Job> items, const QString &epoch, qint64 revision)
{
    replace(m_jobs, std::move(items), epoch, revision);
    Q_EMIT jobsReset();
}

void SiteState::replaceQueues(
    QHash<QString, suanli::v1::Queue> items, const QString &epoch, qint64 revision)
{
    replace(m_queues, std::move(items), epoch, revision);
    Q_EMIT queuesReset();
}

void SiteState::replaceAlerts(
    QHash<QString, suanli::v1::Alert> items, const QString &epoch, qint64 revision)
{
    replace(m_alerts, std::move(items), epoch, revision);
    Q_EMIT alertsReset();
}

void SiteState::replaceQuotaRequests(
    QHash<QString, suanli::v1::QuotaRequest> items, const QString &epoch, qint64 revision)
{
    replace(m_quotaRequests, std::move(items), epoch, revision);
    Q_EMIT quotaRequestsReset();
}

void SiteState::replaceTenants(
    QHash<QString, suanli::v1::Tenant> items, const QString &epoch, qint64 revision)
{
    replace(m_tenants, std::move(items), epoch, revision);
    Q_EMIT tenantsReset();
}

qint64 SiteState::nowSeconds() const
{
    if (!m_backendTime.isValid())
        return QDateTime::currentSecsSinceEpoch();
    return m_backendTime.addMSecs(m_sinceBackendTime.elapsed()).toSecsSinceEpoch();
}

void SiteState::setBackendTime(const QDateTime &time)
{
    if (!time.isValid())
        return;
    m_backendTime = time;
    m_sinceBackendTime.start();
}

void SiteState::setOverview(const suanli::v1::Overview &overview)
{
    m_overview = overview;
    Q_EMIT overviewChanged();
}

void SiteState::setFreshness(bool stale, const QDateTime &dataTime)
{
    if (stale == m_stale && dataTime == m_dataTime)
        return;
    m_stale = stale;
    m_dataTime = dataTime;
    Q_EMIT freshnessChanged();
}

} // namespace suanli::client
