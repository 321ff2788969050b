#pragma once

#include "suanli/v1/audit.pb.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/telemetry.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <memory>

namespace suanli::client {

class CallTracker;
class Connection;

// What came back from an action: the call's status and, for batch actions,
// one result per target.
struct ActionResult {
    // What the targets are, for the words of summary().
    enum class TargetKind { None, Node, Job, Alert };

    // What was asked, in the user's words: "Drain", "Cancel", "Approve".
    QString action;
    TargetKind targetKind = TargetKind::None;
    // 0 (OK) or a grpc::StatusCode.
    int code = 0;
    // Status code name ("PERMISSION_DENIED") and the gateway's message.
    QString codeName;
    QString message;
    // Batch actions: one result per target, in the order asked.
    QList<suanli::v1::TargetResult> targets;
    // UNAVAILABLE from a gateway that is up while the centre's scheduler behind it is not (the
    // gateway's SCHEDULER_UNREACHABLE error info): the backend's kind ("slurm") and for how
    // long it has not answered, -1 when the gateway did not say.
    bool schedulerUnreachable = false;
    QString backend;
    qint64 unreachableSeconds = -1;
    bool ok() const { return code == 0; }
    // True when the call succeeded and every target was applied.
    bool allApplied() const;
    // One line for a notification, translated in the "Actions" context:
    // "Drain: 3 of 4 nodes; lg-r0001-n2: node 'lg-r0001-n2' not found",
    // "Drain not allowed: role viewer may not call Cluster.DrainNodes (needs operator)",
    // "Drain failed: the centre's scheduler (Slurm) has not answered for 42 s; the gateway is
    // up" (the gateway's message, in English, is for the details).
    QString summary() const;
    // How the console names the scheduler behind a backend kind: "Slurm" for "slurm".
    static QString schedulerName(const QString &backend);
};

// Wraps an action's callback so that it does nothing once `receiver` is gone: the answer may
// come after the page that asked was closed or made again (a language switch), while the
// centre's Actions, and so the call, live on.
template <class Callback> auto whileAlive(QObject *receiver, Callback callback)
{
    return [receiver = QPointer<QObject>(receiver), callback = std::move(callback)](
               const auto &...args) {
        if (receiver)
            callback(args...);
    };
}

// Actions sends one centre's actions asynchronously; each callback runs on
// the thread that owns this object (the GUI thread), never on a gRPC thread,
// exactly once (unless this object is destroyed first: then calls in flight
// are cancelled and their callbacks dropped). Every call carries a deadline
// and the connection's token; every mutation whose request has a request_id
// gets a new random one, so gRPC's retry of a lost answer is not applied twice.
class Actions : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Actions)
public:
    using Done = std::function<void(const ActionResult &)>;

    explicit Actions(Connection *connection);
    ~Actions() override;

    void drainNodes(const QStringList &names, const QString &reason, Done done);
    void resumeNodes(const QStringList &names, const QString &reason, Done done);
    void rebootNodes(const QStringList &names, const QString &reason, Done done);
    void cancelJobs(const QStringList &ids, const QString &reason, Done done);
    void holdJobs(const QStringList &ids, const QString &reason, Done done);
    void releaseJobs(const QStringList &ids, const QString &reason, Done done);
    void requeueJobs(const QStringList &ids, const QString &reason, Done done);
    void setJobPriority(const QStringList &ids, qint64 priority, const QString &reason, Done done);
    void acknowledgeAlerts(const QStringList &ids, const QString &comment, Done done);
    void setQuota(const QString &tenant, const QString &project,
        const suanli::v1::QuotaLimit &limit, const QString &reason, Done done);
    // An empty request.request_id gets a random one.
    void createQuotaRequest(const suanli::v1::CreateQuotaRequestRequest &request,
        std::function<void(const ActionResult &, const suanli::v1::QuotaRequest &)> done);
    void approveQuotaRequest(const QString &id, const QString &comment, Done done);
    void rejectQuotaRequest(const QString &id, const QString &comment, Done done);
    void queryMetrics(const suanli::v1::QueryMetricsRequest &request,
        std::function<void(const ActionResult &, const suanli::v1::QueryMetricsResponse &)> done);
    void listAuditEntries(const suanli::v1::ListAuditEntriesRequest &request,
        std::function<void(const ActionResult &, const suanli::v1::ListAuditEntriesResponse &)>
            done);

private:
    template <class Service, class Request, class Response, class Invoke, class Deliver>
    void send(const QString &action, ActionResult::TargetKind kind, Request request,
        std::chrono::milliseconds deadline, Invoke invoke, Deliver deliver);

    Connection *m_connection;
    std::shared_ptr<CallTracker> m_calls;
};

} // namespace suanli::client
