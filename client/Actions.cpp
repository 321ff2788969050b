#include "client/Actions.h"

#include "client/CallTracker.h"
#include "client/Connection.h"
#include "client/Log.h"
#include "common/ErrorInfo.h"
#include "common/StatusCodes.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"

#include <QCoreApplication>
#include <QUuid>
#include <climits>
#include <grpcpp/channel.h>

namespace suanli::client {

namespace v1 = suanli::v1;

namespace {

constexpr auto kActionDeadline = std::chrono::seconds(15);
constexpr auto kQueryDeadline = std::chrono::seconds(30);
constexpr int kFailuresShown = 3;

std::string newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

template <class Repeated> void addAll(Repeated *field, const QStringList &values)
{
    for (const QString &v : values)
        field->Add(v.toStdString());
}

ActionResult resultOf(const QString &action, ActionResult::TargetKind kind, const grpc::Status &s)
{
    ActionResult r;
    r.action = action;
    r.targetKind = kind;
    r.code = int(s.error_code());
    r.codeName = QString::fromStdString(suanli::statusCodeName(r.code));
    r.message = QString::fromStdString(s.error_message());
    if (s.error_code() == grpc::StatusCode::UNAVAILABLE) {
        const auto info = suanli::decodeErrorInfo(s.error_details());
        if (info && info->reason == suanli::kSchedulerUnreachable) {
            r.schedulerUnreachable = true;
            r.backend = QString::fromStdString(info->value("backend"));
            bool ok = false;
            const qint64 seconds
                = QString::fromStdString(info->value("unreachable_seconds")).toLongLong(&ok);
            r.unreachableSeconds = ok ? seconds : -1;
        }
    }
    return r;
}

} // namespace

QString ActionResult::schedulerName(const QString &backend)
{
    if (backend == u"slurm")
        return QStringLiteral("Slurm");
    if (backend == u"sim")
        return QCoreApplication::translate("Actions", "simulator");
    return backend;
}

bool ActionResult::allApplied() const
{
    return ok()
        && std::all_of(targets.begin(), targets.end(),
            [](const suanli::v1::TargetResult &t) { return t.ok(); });
}

QString ActionResult::summary() const
{
    if (!ok()) {
        switch (grpc::StatusCode(code)) {
        case grpc::StatusCode::PERMISSION_DENIED:
            return QCoreApplication::translate("Actions", "%1 not allowed: %2")
                .arg(action, message);
        case grpc::StatusCode::UNAUTHENTICATED:
            return QCoreApplication::translate(
                "Actions", "%1 refused: the gateway does not accept this console's token (%2)")
                .arg(action, message);
        case grpc::StatusCode::UNAVAILABLE:
            // The gateway's own words (its message) go with the notification's details.
            if (schedulerUnreachable && unreachableSeconds >= 0) {
                const int seconds = int(std::min<qint64>(unreachableSeconds, INT_MAX));
                return QCoreApplication::translate("Actions",
                    "%1 failed: the centre's scheduler (%2) has not answered for %n s; the "
                    "gateway is up",
                    nullptr, seconds)
                    .arg(action, schedulerName(backend));
            }
            if (schedulerUnreachable)
                return QCoreApplication::translate("Actions",
                    "%1 failed: the centre's scheduler (%2) does not answer; the gateway is up")
                    .arg(action, schedulerName(backend));
            return QCoreApplication::translate(
                "Actions", "%1 failed: the gateway cannot be reached (%2)")
                .arg(action, message);
        case grpc::StatusCode::DEADLINE_EXCEEDED:
            return QCoreApplication::translate(
                "Actions", "%1 failed: the gateway did not answer in time")
                .arg(action);
        case grpc::StatusCode::CANCELLED:
            return QCoreApplication::translate("Actions", "%1 cancelled").arg(action);
        case grpc::StatusCode::INVALID_ARGUMENT:
            return QCoreApplication::translate("Actions", "%1 refused: %2").arg(action, message);
        case grpc::StatusCode::FAILED_PRECONDITION:
            return QCoreApplication::translate("Actions", "%1 not possible now: %2")
                .arg(action, message);
        case grpc::StatusCode::NOT_FOUND:
            return QCoreApplication::translate("Actions", "%1 failed: %2").arg(action, message);
        default:
            return QCoreApplication::translate("Actions", "%1 failed: %2 (%3)")
                .arg(action, message, codeName);
        }
    }
    if (targets.isEmpty())
        return QCoreApplication::translate("Actions", "%1: done").arg(action);
    const int total = int(targets.size());
    const int applied = int(std::count_if(
        targets.begin(), targets.end(), [](const suanli::v1::TargetResult &t) { return t.ok(); }));
    QString line;
    switch (targetKind) {
    case TargetKind::Node:
        line = QCoreApplication::translate("Actions", "%1: %2 of %n node(s)", nullptr, total);
        break;
    case TargetKind::Job:
        line = QCoreApplication::translate("Actions", "%1: %2 of %n job(s)", nullptr, total);
        break;
    case TargetKind::Alert:
        line = QCoreApplication::translate("Actions", "%1: %2 of %n alert(s)", nullptr, total);
        break;
    case TargetKind::None:
        line = QCoreApplication::translate("Actions", "%1: %2 of %n", nullptr, total);
        break;
    }
    line = line.arg(action, QString::number(applied));
    int shown = 0;
    for (const auto &t : targets) {
        if (t.ok())
            continue;
        if (shown == kFailuresShown) {
            line += QCoreApplication::translate(
                "Actions", "; and %n more", nullptr, total - applied - shown);
            break;
        }
        const QString why = t.message().empty() ? QString::fromStdString(t.code())
                                                : QString::fromStdString(t.message());
        line += QStringLiteral("; ") + QString::fromStdString(t.target()) + QStringLiteral(": ")
            + why;
        ++shown;
    }
    return line;
}

Actions::Actions(Connection *connection)
    : QObject(nullptr)
    , m_connection(connection)
    , m_calls(CallTracker::create(this))
{
}

Actions::~Actions()
{
    m_calls->shutdown();
}

template <class Service, class Request, class Response, class Invoke, class Deliver>
void Actions::send(const QString &action, ActionResult::TargetKind kind, Request request,
    std::chrono::milliseconds deadline, Invoke invoke, Deliver deliver)
{
    std::shared_ptr<grpc::Channel> channel = m_connection->channel();
    if (!channel) {
        // Same contract as a call: the answer comes later, on this thread.
        const ActionResult r = resultOf(action, kind,
            grpc::Status(grpc::StatusCode::UNAVAILABLE,
                QCoreApplication::translate("Actions", "not connected to %1")
                    .arg(m_connection->profile().name)
                    .toStdString()));
        QMetaObject::invokeMethod(
            this, [r, deliver]() mutable { deliver(r, Response {}); }, Qt::QueuedConnection);
        return;
    }
    std::shared_ptr<typename Service::Stub> stub = Service::NewStub(channel);
    qCDebug(lcClient) << "action" << action;
    m_calls->template call<Request, Response>(
        m_connection->context(deadline), std::move(request),
        [stub, invoke](grpc::ClientContext *context, const Request *req, Response *resp,
            std::function<void(grpc::Status)> done) {
            invoke(*stub->async(), context, req, resp, std::move(done));
        },
        [action, kind, deliver](const grpc::Status &status, Response &response) mutable {
            ActionResult r = resultOf(action, kind, status);
            if constexpr (requires { response.results(); }) {
                if (r.ok())
                    for (const auto &t : response.results())
                        r.targets.append(t);
            }
            if (!r.ok())
                qCInfo(lcClient).noquote() << r.summary();
            deliver(r, response);
        });
}

namespace {
// Adapts a Done to the (result, response) form send() delivers.
auto resultOnly(Actions::Done done)
{
    return [done = std::move(done)](const ActionResult &r, const auto &) {
        if (done)
            done(r);
    };
}
} // namespace

void Actions::drainNodes(const QStringList &names, const QString &reason, Done done)
{
    v1::DrainNodesRequest req;
    addAll(req.mutable_names(), names);
    req.set_reason(reason.toStdString());
    req.set_request_id(newRequestId());
    send<v1::Cluster, v1::DrainNodesRequest, v1::NodeActionResponse>(
        QCoreApplication::translate("Actions", "Drain"), ActionResult::TargetKind::Node,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.DrainNodes(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::resumeNodes(const QStringList &names, const QString &reason, Done done)
{
    v1::ResumeNodesRequest req;
    addAll(req.mutable_names(), names);
    req.set_reason(reason.toStdString());
    req.set_request_id(newRequestId());
    send<v1::Cluster, v1::ResumeNodesRequest, v1::NodeActionResponse>(
        QCoreApplication::translate("Actions", "Resume"), ActionResult::TargetKind::Node,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.ResumeNodes(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::rebootNodes(const QStringList &names, const QString &reason, Done done)
{
    v1::RebootNodesRequest req;
    addAll(req.mutable_names(), names);
    req.set_reason(reason.toStdString());
    req.set_request_id(newRequestId());
    send<v1::Cluster, v1::RebootNodesRequest, v1::NodeActionResponse>(
        QCoreApplication::translate("Actions", "Reboot"), ActionResult::TargetKind::Node,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.RebootNodes(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

namespace {
v1::JobActionRequest jobRequest(const QStringList &ids, const QString &reason)
{
    v1::JobActionRequest req;
    addAll(req.mutable_ids(), ids);
    req.set_reason(reason.toStdString());
    req.set_request_id(newRequestId());
    return req;
}
} // namespace

void Actions::cancelJobs(const QStringList &ids, const QString &reason, Done done)
{
    send<v1::Scheduler, v1::JobActionRequest, v1::JobActionResponse>(
        QCoreApplication::translate("Actions", "Cancel"), ActionResult::TargetKind::Job,
        jobRequest(ids, reason), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.CancelJobs(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::holdJobs(const QStringList &ids, const QString &reason, Done done)
{
    send<v1::Scheduler, v1::JobActionRequest, v1::JobActionResponse>(
        QCoreApplication::translate("Actions", "Hold"), ActionResult::TargetKind::Job,
        jobRequest(ids, reason), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.HoldJobs(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::releaseJobs(const QStringList &ids, const QString &reason, Done done)
{
    send<v1::Scheduler, v1::JobActionRequest, v1::JobActionResponse>(
        QCoreApplication::translate("Actions", "Release"), ActionResult::TargetKind::Job,
        jobRequest(ids, reason), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.ReleaseJobs(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::requeueJobs(const QStringList &ids, const QString &reason, Done done)
{
    send<v1::Scheduler, v1::JobActionRequest, v1::JobActionResponse>(
        QCoreApplication::translate("Actions", "Requeue"), ActionResult::TargetKind::Job,
        jobRequest(ids, reason), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.RequeueJobs(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::setJobPriority(
    const QStringList &ids, qint64 priority, const QString &reason, Done done)
{
    v1::SetJobPriorityRequest req;
    addAll(req.mutable_ids(), ids);
    req.set_priority(priority);
    req.set_reason(reason.toStdString());
    req.set_request_id(newRequestId());
    send<v1::Scheduler, v1::SetJobPriorityRequest, v1::JobActionResponse>(
        QCoreApplication::translate("Actions", "Set priority"), ActionResult::TargetKind::Job,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.SetJobPriority(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::acknowledgeAlerts(const QStringList &ids, const QString &comment, Done done)
{
    v1::AcknowledgeAlertRequest req;
    addAll(req.mutable_ids(), ids);
    req.set_comment(comment.toStdString());
    send<v1::Events, v1::AcknowledgeAlertRequest, v1::AcknowledgeAlertResponse>(
        QCoreApplication::translate("Actions", "Acknowledge"), ActionResult::TargetKind::Alert,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.AcknowledgeAlert(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::setQuota(const QString &tenant, const QString &project,
    const suanli::v1::QuotaLimit &limit, const QString &reason, Done done)
{
    v1::SetQuotaRequest req;
    req.set_tenant(tenant.toStdString());
    req.set_project(project.toStdString());
    *req.mutable_limit() = limit;
    req.set_reason(reason.toStdString());
    req.set_request_id(newRequestId());
    send<v1::Tenancy, v1::SetQuotaRequest, v1::Tenant>(
        QCoreApplication::translate("Actions", "Set quota"), ActionResult::TargetKind::None,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.SetQuota(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::createQuotaRequest(const suanli::v1::CreateQuotaRequestRequest &request,
    std::function<void(const ActionResult &, const suanli::v1::QuotaRequest &)> done)
{
    v1::CreateQuotaRequestRequest req = request;
    if (req.request_id().empty())
        req.set_request_id(newRequestId());
    send<v1::Tenancy, v1::CreateQuotaRequestRequest, v1::QuotaRequest>(
        QCoreApplication::translate("Actions", "Request quota"), ActionResult::TargetKind::None,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.CreateQuotaRequest(c, rq, rs, std::move(cb));
        },
        [done = std::move(done)](const ActionResult &r, const v1::QuotaRequest &response) {
            if (done)
                done(r, response);
        });
}

void Actions::approveQuotaRequest(const QString &id, const QString &comment, Done done)
{
    v1::DecideQuotaRequestRequest req;
    req.set_id(id.toStdString());
    req.set_comment(comment.toStdString());
    send<v1::Tenancy, v1::DecideQuotaRequestRequest, v1::QuotaRequest>(
        QCoreApplication::translate("Actions", "Approve"), ActionResult::TargetKind::None,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.ApproveQuotaRequest(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::rejectQuotaRequest(const QString &id, const QString &comment, Done done)
{
    v1::DecideQuotaRequestRequest req;
    req.set_id(id.toStdString());
    req.set_comment(comment.toStdString());
    send<v1::Tenancy, v1::DecideQuotaRequestRequest, v1::QuotaRequest>(
        QCoreApplication::translate("Actions", "Reject"), ActionResult::TargetKind::None,
        std::move(req), kActionDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.RejectQuotaRequest(c, rq, rs, std::move(cb));
        },
        resultOnly(std::move(done)));
}

void Actions::queryMetrics(const suanli::v1::QueryMetricsRequest &request,
    std::function<void(const ActionResult &, const suanli::v1::QueryMetricsResponse &)> done)
{
    send<v1::Telemetry, v1::QueryMetricsRequest, v1::QueryMetricsResponse>(
        QCoreApplication::translate("Actions", "Query metrics"), ActionResult::TargetKind::None,
        request, kQueryDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.QueryMetrics(c, rq, rs, std::move(cb));
        },
        [done = std::move(done)](const ActionResult &r, const v1::QueryMetricsResponse &response) {
            if (done)
                done(r, response);
        });
}

void Actions::listAuditEntries(const suanli::v1::ListAuditEntriesRequest &request,
    std::function<void(const ActionResult &, const suanli::v1::ListAuditEntriesResponse &)> done)
{
    send<v1::Audit, v1::ListAuditEntriesRequest, v1::ListAuditEntriesResponse>(
        QCoreApplication::translate("Actions", "List audit entries"),
        ActionResult::TargetKind::None, request, kQueryDeadline,
        [](auto &async, auto *c, auto *rq, auto *rs, auto cb) {
            async.ListAuditEntries(c, rq, rs, std::move(cb));
        },
        [done = std::move(done)](
            const ActionResult &r, const v1::ListAuditEntriesResponse &response) {
            if (done)
                done(r, response);
        });
}

} // namespace suanli::client
