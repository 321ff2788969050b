#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QStringList>

namespace suanli::client {

// One collection of a centre as the console holds it: objects by key (in no
// particular order: item models keep their own row order), plus the epoch and
// revision it is at.
template <class T> struct Collection {
    QHash<QString, T> items;
    QString epoch;
    qint64 revision = 0;
    // True once the first snapshot has arrived.
    bool synced = false;
};

// SiteState is the console's copy of one centre, fed by the informers and
// read by item models on the GUI thread. Changes arrive in batches at most
// ten times a second: a storm of deltas is one signal, not thousands.
class SiteState : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteState)
public:
    explicit SiteState(QObject *parent = nullptr);

    const Collection<suanli::v1::Node> &nodes() const;
    const Collection<suanli::v1::Job> &jobs() const;
    const Collection<suanli::v1::Queue> &queues() const;
    const Collection<suanli::v1::Alert> &alerts() const;
    const Collection<suanli::v1::QuotaRequest> &quotaRequests() const;
    const Collection<suanli::v1::Tenant> &tenants() const;
    const suanli::v1::Overview &overview() const;

    // True while the gateway says its backend is unreachable, or while this
    // console cannot reach the gateway; dataTime() is then the age shown.
    bool stale() const;
    QDateTime dataTime() const;

    // The centre's clock now, in seconds since the epoch: the backend's time from the last
    // watch message, moved on by the time since it came (a simulated centre may run ahead of
    // the wall clock); the local clock until a message has said. What "waited for" and "ran
    // for" are measured against.
    qint64 nowSeconds() const;
    void setBackendTime(const QDateTime &time);

    // Batches from the informers (used by Connection; tests may feed it too).
    // A snapshot replaces the collection and emits *Reset. A delta applies the
    // upserts, then the removals, and emits *Changed once with each key at
    // most once: `upserted` holds keys present afterwards (new or changed, in
    // the order first seen), `removed` keys that were present before and are
    // gone now; a key both added and removed in one batch is in neither, and
    // a batch that changes nothing emits nothing.
    void applyNodes(bool snapshot, QList<suanli::v1::Node> upserts, const QStringList &removed,
        const QString &epoch, qint64 revision);
    void applyJobs(bool snapshot, QList<suanli::v1::Job> upserts, const QStringList &removed,
        const QString &epoch, qint64 revision);
    void applyQueues(bool snapshot, QList<suanli::v1::Queue> upserts, const QStringList &removed,
        const QString &epoch, qint64 revision);
    void applyAlerts(bool snapshot, QList<suanli::v1::Alert> upserts, const QStringList &removed,
        const QString &epoch, qint64 revision);
    void applyQuotaRequests(bool snapshot, QList<suanli::v1::QuotaRequest> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision);
    void applyTenants(bool snapshot, QList<suanli::v1::Tenant> upserts, const QStringList &removed,
        const QString &epoch, qint64 revision);
    // A snapshot already keyed, as the informers build it while the snapshot streams in:
    // replaces the collection and emits *Reset, like a snapshot batch.
    void replaceNodes(
        QHash<QString, suanli::v1::Node> items, const QString &epoch, qint64 revision);
    void replaceJobs(QHash<QString, suanli::v1::Job> items, const QString &epoch, qint64 revision);
    void replaceQueues(
        QHash<QString, suanli::v1::Queue> items, const QString &epoch, qint64 revision);
    void replaceAlerts(
        QHash<QString, suanli::v1::Alert> items, const QString &epoch, qint64 revision);
    void replaceQuotaRequests(
        QHash<QString, suanli::v1::QuotaRequest> items, const QString &epoch, qint64 revision);
    void replaceTenants(
        QHash<QString, suanli::v1::Tenant> items, const QString &epoch, qint64 revision);
    void setOverview(const suanli::v1::Overview &overview);
    // Emits freshnessChanged() only when either value changes.
    void setFreshness(bool stale, const QDateTime &dataTime);

Q_SIGNALS:
    void nodesReset();
    void nodesChanged(const QStringList &upserted, const QStringList &removed);
    void jobsReset();
    void jobsChanged(const QStringList &upserted, const QStringList &removed);
    void queuesReset();
    void queuesChanged(const QStringList &upserted, const QStringList &removed);
    void alertsReset();
    void alertsChanged(const QStringList &upserted, const QStringList &removed);
    void quotaRequestsReset();
    void quotaRequestsChanged(const QStringList &upserted, const QStringList &removed);
    void tenantsReset();
    void tenantsChanged(const QStringList &upserted, const QStringList &removed);
    void overviewChanged();
    void freshnessChanged();

private:
    Collection<suanli::v1::Node> m_nodes;
    Collection<suanli::v1::Job> m_jobs;
    Collection<suanli::v1::Queue> m_queues;
    Collection<suanli::v1::Alert> m_alerts;
    Collection<suanli::v1::QuotaRequest> m_quotaRequests;
    Collection<suanli::v1::Tenant> m_tenants;
    suanli::v1::Overview m_overview;
    bool m_stale = false;
    QDateTime m_dataTime;
    QDateTime m_backendTime;
    QElapsedTimer m_sinceBackendTime;
};

} // namespace suanli::client
