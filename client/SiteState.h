#pragma once

#include "client/SiteCollection.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>

namespace suanli::client {

// SiteState is the console's copy of one centre, fed by the informers and
// read by item models on the GUI thread. Changes arrive in batches at most
// ten times a second: a storm of deltas is one signal, not thousands.
class SiteState : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteState)
public:
    explicit SiteState(QObject *parent = nullptr);

    // The collections, each with its own reset() and changed() signals.
    const SiteCollection<v1::Node> &nodes() const { return m_nodes; }
    const SiteCollection<v1::Job> &jobs() const { return m_jobs; }
    const SiteCollection<v1::Queue> &queues() const { return m_queues; }
    const SiteCollection<v1::Alert> &alerts() const { return m_alerts; }
    const SiteCollection<v1::QuotaRequest> &quotaRequests() const { return m_quotaRequests; }
    const SiteCollection<v1::Tenant> &tenants() const { return m_tenants; }
    // The collection of objects of type T, to feed it (informers, tests): SiteCollection's
    // apply() and replace().
    template <class T> SiteCollection<T> &collection();
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

    void setOverview(const suanli::v1::Overview &overview);
    // Emits freshnessChanged() only when either value changes.
    void setFreshness(bool stale, const QDateTime &dataTime);

Q_SIGNALS:
    void overviewChanged();
    void freshnessChanged();

private:
    SiteCollection<v1::Node> m_nodes;
    SiteCollection<v1::Job> m_jobs;
    SiteCollection<v1::Queue> m_queues;
    SiteCollection<v1::Alert> m_alerts;
    SiteCollection<v1::QuotaRequest> m_quotaRequests;
    SiteCollection<v1::Tenant> m_tenants;
    suanli::v1::Overview m_overview;
    bool m_stale = false;
    QDateTime m_dataTime;
    QDateTime m_backendTime;
    QElapsedTimer m_sinceBackendTime;
};

template <> inline SiteCollection<v1::Node> &SiteState::collection()
{
    return m_nodes;
}
template <> inline SiteCollection<v1::Job> &SiteState::collection()
{
    return m_jobs;
}
template <> inline SiteCollection<v1::Queue> &SiteState::collection()
{
    return m_queues;
}
template <> inline SiteCollection<v1::Alert> &SiteState::collection()
{
    return m_alerts;
}
template <> inline SiteCollection<v1::QuotaRequest> &SiteState::collection()
{
    return m_quotaRequests;
}
template <> inline SiteCollection<v1::Tenant> &SiteState::collection()
{
    return m_tenants;
}

} // namespace suanli::client
