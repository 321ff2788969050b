#pragma once

#include "client/SiteState.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <string>

// Objects for the model tests, and a SiteState fed the way the informers feed it.
namespace fixtures {

using namespace suanli;

inline std::string str(const QString &text)
{
    return text.toStdString();
}

// "n0042": zero-padded so key order is number order.
inline QString nodeName(int i)
{
    return QStringLiteral("n%1").arg(i, 4, 10, QLatin1Char('0'));
}

inline v1::Node node(const QString &name, v1::NodeState state = v1::NODE_STATE_IDLE,
    double utilisation = 50.0, double powerWatts = 5600.0, bool telemetry = true)
{
    v1::Node n;
    n.set_name(str(name));
    n.set_rack(str(name.left(3)));
    n.set_state(state);
    n.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    n.set_accelerators_total(8);
    n.set_accelerators_allocated(state == v1::NODE_STATE_ALLOCATED ? 8 : 0);
    n.set_has_telemetry(telemetry);
    if (telemetry) {
        n.set_utilisation_percent(utilisation);
        n.set_power_watts(powerWatts);
        n.set_temperature_celsius(61.0);
        n.set_accelerator_memory_used_percent(40.0);
    }
    n.add_queues("gpu");
    return n;
}

inline google::protobuf::Timestamp secondsAgo(qint64 seconds)
{
    google::protobuf::Timestamp t;
    t.set_seconds(QDateTime::currentSecsSinceEpoch() - seconds);
    return t;
}

inline v1::Job job(const QString &id, v1::JobState state = v1::JOB_STATE_RUNNING,
    v1::PendingReason reason = v1::PENDING_REASON_UNSPECIFIED)
{
    v1::Job j;
    j.set_id(str(id));
    j.set_name("train-" + str(id));
    j.set_tenant("galaxy");
    j.set_project("llm70b");
    j.set_user("alice");
    j.set_queue("gpu");
    j.set_state(state);
    j.set_pending_reason(reason);
    j.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    j.set_accelerators(64);
    j.set_priority(1000);
    *j.mutable_submit_time() = secondsAgo(7200);
    if (state == v1::JOB_STATE_RUNNING)
        *j.mutable_start_time() = secondsAgo(3600);
    return j;
}

// Feeds a SiteState with increasing revisions, as an informer would.
class Feeder {
public:
    explicit Feeder(client::SiteState *site)
        : m_site(site)
    {
    }
    // One batch of any collection, at the next revision.
    template <class T>
    void feed(bool snapshot, const QList<T> &upserts, const QStringList &removed = {})
    {
        m_site->collection<T>().apply(snapshot, upserts, removed, epoch(), ++m_revision);
    }
    void nodes(bool snapshot, const QList<v1::Node> &upserts, const QStringList &removed = {})
    {
        feed(snapshot, upserts, removed);
    }
    void jobs(bool snapshot, const QList<v1::Job> &upserts, const QStringList &removed = {})
    {
        feed(snapshot, upserts, removed);
    }
    void queues(bool snapshot, const QList<v1::Queue> &upserts, const QStringList &removed = {})
    {
        feed(snapshot, upserts, removed);
    }
    void alerts(bool snapshot, const QList<v1::Alert> &upserts, const QStringList &removed = {})
    {
        feed(snapshot, upserts, removed);
    }
    void quotaRequests(
        bool snapshot, const QList<v1::QuotaRequest> &upserts, const QStringList &removed = {})
    {
        feed(snapshot, upserts, removed);
    }
    void tenants(bool snapshot, const QList<v1::Tenant> &upserts, const QStringList &removed = {})
    {
        feed(snapshot, upserts, removed);
    }

private:
    static QString epoch() { return QStringLiteral("test-epoch"); }
    client::SiteState *m_site;
    qint64 m_revision = 0;
};

} // namespace fixtures
