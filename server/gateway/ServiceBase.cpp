#include "server/gateway/ServiceBase.h"

#include "common/ErrorInfo.h"
#include "common/StatusCodes.h"
#include "server/auth/BearerToken.h"
#include "server/gateway/Log.h"

#include <google/protobuf/util/time_util.h>
#include <set>

namespace suanli::server {

namespace {
// A caller refused because every action slot is taken is told to wait this long.
constexpr int kBusyRetrySeconds = 5;

std::string bearerToken(grpc::CallbackServerContext *call)
{
    const auto &md = call->client_metadata();
    auto it = md.find("authorization");
    if (it == md.end())
        return {};
    return bearerTokenOf(std::string_view(it->second.data(), it->second.size()));
}

void finishReactor(grpc::CallbackServerContext *call, grpc::ServerUnaryReactor *reactor,
    const grpc::Status &status)
{
    if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
        const auto info = ::suanli::decodeErrorInfo(status.error_details());
        // Retrying within a second cannot bring a scheduler back; it would only apply (and
        // audit) one click several times. A negative pushback tells gRPC not to (gRFC A6).
        if (info && info->reason == ::suanli::kSchedulerUnreachable)
            call->AddTrailingMetadata("grpc-retry-pushback-ms", "-1");
    }
    reactor->Finish(status);
}
} // namespace

grpc::Status ServiceBase::authorize(grpc::CallbackServerContext *call, const std::string &method,
    Principal *who, bool audited) const
{
    const std::string token = bearerToken(call);
    std::optional<Principal> principal;
    if (!token.empty()) {
        try {
            principal = m_ctx.store.authenticate(token);
        } catch (const std::exception &e) {
            LOG_ERROR("authenticate: " << e.what());
            return grpc::Status(
                grpc::StatusCode::UNAVAILABLE, "gateway store error: " + std::string(e.what()));
        }
    }
    if (!principal) {
        grpc::Status status(grpc::StatusCode::UNAUTHENTICATED,
            token.empty() ? "no bearer token: send 'authorization: Bearer <token>'"
                          : "token not recognised (revoked, or from another gateway)");
        if (audited)
            audit(call, Principal {}, method, {}, {}, status);
        return status;
    }
    *who = *principal;
    const Access access = Rbac::accessFor(method);
    if (!Rbac::roleAllows(who->role, access)) {
        grpc::Status status(grpc::StatusCode::PERMISSION_DENIED,
            "role " + Rbac::roleName(who->role) + " may not call " + method + " (needs "
                + Rbac::requiredRole(access) + ")");
        if (audited)
            audit(call, *who, method, {}, {}, status);
        return status;
    }
    return grpc::Status::OK;
}

void ServiceBase::audit(grpc::CallbackServerContext *call, const Principal &who,
    const std::string &method, const std::string &target, const std::string &reason,
    const grpc::Status &status, const std::string &detail) const
{
    AuditRecord record;
    record.user = who.user;
    record.role = who.role;
    record.action = method;
    record.target = target;
    record.reason = reason;
    record.result = ::suanli::statusCodeName(status.error_code());
    record.detail = detail.empty() ? status.error_message() : detail;
    record.peer = call ? call->peer() : std::string();
    try {
        m_ctx.store.appendAudit(record);
    } catch (const std::exception &e) {
        LOG_ERROR("audit log write failed for " << method << ": " << e.what());
    }
    LOG_INFO("audit " << method << " user=" << (who.user.empty() ? "-" : who.user) << " target="
                      << (target.size() > 120 ? target.substr(0, 120) + "..." : target)
                      << " result=" << record.result);
}

grpc::ServerUnaryReactor *ServiceBase::finish(
    grpc::CallbackServerContext *call, const grpc::Status &status)
{
    auto *reactor = call->DefaultReactor();
    finishReactor(call, reactor, status);
    return reactor;
}

grpc::ServerUnaryReactor *ServiceBase::runAction(grpc::CallbackServerContext *call,
    std::function<grpc::Status()> work, std::function<void(const grpc::Status &)> refused) const
{
    auto *reactor = call->DefaultReactor();
    auto refuse = [call, reactor, refused](const grpc::Status &status) {
        if (refused)
            refused(status);
        finishReactor(call, reactor, status);
    };
    ActionExecutor::Task task;
    task.run = [call, reactor, work = std::move(work)] {
        grpc::Status status;
        try {
            status = work();
        } catch (const std::exception &e) {
            LOG_ERROR("action failed: " << e.what());
            status = grpc::Status(
                grpc::StatusCode::INTERNAL, "gateway error: " + std::string(e.what()));
        }
        finishReactor(call, reactor, status);
    };
    const grpc::Status stopping(grpc::StatusCode::UNAVAILABLE,
        "the gateway is shutting down; the action was not applied: send it again once the "
        "gateway is back");
    task.drop = [refuse, stopping] { refuse(stopping); };
    switch (m_ctx.actions.submit(std::move(task))) {
    case ActionExecutor::Accepted::Queued:
        break;
    case ActionExecutor::Accepted::Full:
        refuse(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
            "the gateway is busy: " + std::to_string(m_ctx.actions.capacity())
                + " actions already wait for the scheduler; the action was not applied: retry "
                  "in "
                + std::to_string(kBusyRetrySeconds) + " s"));
        break;
    case ActionExecutor::Accepted::Stopped:
        refuse(stopping);
        break;
    }
    return reactor;
}

grpc::Status ServiceBase::schedulerUnavailable(const std::string &detail) const
{
    const auto outage = m_ctx.health.outage();
    const auto since = outage ? outage->since : m_ctx.backend.now();
    const int64_t seconds = outage ? std::max<int64_t>(0, outage->lasted().count()) : 0;
    const std::string kind = m_ctx.backend.kind();
    std::string message = BackendHealth::schedulerName(kind) + " (the centre's scheduler) ";
    if (outage)
        message += "has not answered for " + std::to_string(seconds) + " s, since "
            + BackendHealth::timeText(since);
    else
        message += "does not answer";
    message += "; this gateway is up and keeps asking";
    if (!detail.empty())
        message += ": " + detail;
    ::suanli::ErrorInfo info;
    info.reason = ::suanli::kSchedulerUnreachable;
    info.domain = ::suanli::kErrorDomain;
    info.metadata["backend"] = kind;
    if (outage) {
        info.metadata["unreachable_since"] = google::protobuf::util::TimeUtil::ToString(
            google::protobuf::util::TimeUtil::SecondsToTimestamp(
                std::chrono::duration_cast<std::chrono::seconds>(since.time_since_epoch())
                    .count()));
        info.metadata["unreachable_seconds"] = std::to_string(seconds);
    }
    return grpc::Status(grpc::StatusCode::UNAVAILABLE, message,
        ::suanli::encodeStatusDetails(grpc::StatusCode::UNAVAILABLE, message, info));
}

void ServiceBase::logReplay(
    const Principal &who, const std::string &method, const std::string &requestId)
{
    LOG_INFO("replayed " << method << " user=" << who.user << " request_id=" << requestId
                         << " (audited when first applied)");
}

std::string ServiceBase::joinTargets(const std::vector<std::string> &targets)
{
    std::string out;
    for (const auto &t : targets) {
        if (!out.empty())
            out += ',';
        out += t;
    }
    return out;
}

std::string ServiceBase::summarise(const TargetResults &results)
{
    int ok = 0;
    std::string failures;
    for (const auto &r : results) {
        if (r.ok()) {
            ++ok;
        } else if (failures.size() < 2000) {
            failures += (failures.empty() ? "" : "; ") + r.target() + ": " + r.message();
        }
    }
    return std::to_string(ok) + " of " + std::to_string(results.size()) + " applied"
        + (failures.empty() ? std::string() : "; " + failures);
}

grpc::Status invalidArgument(const std::string &message)
{
    return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, message);
}

grpc::Status checkTargets(const std::vector<std::string> &targets, const char *field)
{
    if (targets.empty())
        return invalidArgument(std::string(field) + " must name at least one target");
    if (targets.size() > ::suanli::kMaxTargets)
        return invalidArgument(std::string(field) + " names " + std::to_string(targets.size())
            + " targets; at most " + std::to_string(::suanli::kMaxTargets) + " per call");
    std::set<std::string> seen;
    for (const auto &t : targets) {
        if (t.empty())
            return invalidArgument(std::string(field) + " contains an empty name");
        if (!seen.insert(t).second)
            return invalidArgument(std::string(field) + " names '" + t + "' twice");
    }
    return grpc::Status::OK;
}

grpc::Status checkReason(const std::string &reason, bool required, const char *what)
{
    if (required && reason.find_first_not_of(" \t\n") == std::string::npos)
        return invalidArgument(std::string("reason is required: say why ") + what);
    return checkText(reason, ::suanli::kReasonLimit);
}

grpc::Status checkText(const std::string &text, const ::suanli::TextLimit &limit)
{
    const std::string tooLong = ::suanli::textTooLong(text, limit);
    return tooLong.empty() ? grpc::Status::OK : invalidArgument(tooLong);
}

} // namespace suanli::server
