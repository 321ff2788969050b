#pragma once

#include "common/QuotaRules.h"
#include "common/RequestLimits.h"
#include "server/auth/Rbac.h"
#include "server/gateway/GatewayContext.h"
#include "server/gateway/Watch.h"

#include <algorithm>
#include <functional>
#include <grpcpp/grpcpp.h>
#include <string>
#include <vector>

namespace suanli::server {

grpc::Status invalidArgument(const std::string &message);
// INVALID_ARGUMENT naming the field when a batch or a text is too large or empty; the limits
// are common's (RequestLimits.h), the ones the console checks before it sends.
grpc::Status checkTargets(const std::vector<std::string> &targets, const char *field);
grpc::Status checkReason(const std::string &reason, bool required, const char *what);
grpc::Status checkText(const std::string &text, const ::suanli::TextLimit &limit);

// ServiceBase gives every service the same front door: authenticate the
// bearer token, check the role for the method, and write the audit log.
class ServiceBase {
public:
    explicit ServiceBase(GatewayContext &ctx)
        : m_ctx(ctx)
    {
    }

protected:
    // Checks token and role for `method` ("Cluster.DrainNodes"). On refusal
    // returns UNAUTHENTICATED or PERMISSION_DENIED and, when `audited`, writes
    // the refusal to the audit log.
    grpc::Status authorize(grpc::CallbackServerContext *call, const std::string &method,
        Principal *who, bool audited) const;

    // Writes one audit entry for an action, allowed or refused.
    void audit(grpc::CallbackServerContext *call, const Principal &who, const std::string &method,
        const std::string &target, const std::string &reason, const grpc::Status &status,
        const std::string &detail = {}) const;

    // What audits one call's outcome: for runAction's `refused`, and for work that ends
    // in more than one place.
    std::function<void(const grpc::Status &)> auditing(grpc::CallbackServerContext *call,
        const Principal &who, const char *method, std::string target, std::string reason = {}) const
    {
        return
            [this, call, who, method, target = std::move(target), reason = std::move(reason)](
                const grpc::Status &status) { audit(call, who, method, target, reason, status); };
    }

    // The one scope rule for what a caller reads: a tenant manager reads the tenant-owned
    // records (tenants, quota requests, jobs, tenant metrics) of the tenants named on their
    // account only; every other role, and everyone for the centre-wide records (overview,
    // nodes, queues, alerts, site and queue metrics), reads the whole centre.
    static bool seesTenant(const Principal &who, const std::string &tenant)
    {
        return !::suanli::seesOnlyOwnTenants(who.role)
            || ::suanli::actsForTenant(who.role, who.tenants, tenant);
    }
    // A watch's filter under that rule: none for who sees every tenant.
    template <class T, class Event>
    static typename WatchReactor<T, Event>::Filter tenantScope(const Principal &who)
    {
        if (!::suanli::seesOnlyOwnTenants(who.role))
            return {};
        return [who](const T &object) { return seesTenant(who, object.tenant()); };
    }

    // Finishes a unary call with `status`. A scheduler outage (schedulerUnavailable()) also
    // asks the client's channel not to retry: gRPC's retry pushback of -1.
    static grpc::ServerUnaryReactor *finish(
        grpc::CallbackServerContext *call, const grpc::Status &status);

    // Runs `work` (the backend call, publishing, the idempotency record and the audit) on the
    // gateway's action executor and finishes the call with its status from there, so no gRPC
    // thread waits for a scheduler or the store. A call whose work cannot wait its turn (the
    // gateway is busy: RESOURCE_EXHAUSTED; it is stopping: UNAVAILABLE) is finished at once,
    // and queued work the gateway drops when it stops is finished UNAVAILABLE; either way
    // `refused` is told the status first (to audit it).
    grpc::ServerUnaryReactor *runAction(grpc::CallbackServerContext *call,
        std::function<grpc::Status()> work,
        std::function<void(const grpc::Status &)> refused = {}) const;

    // UNAVAILABLE because the backend's scheduler does not answer, while this gateway does:
    // says which scheduler and since when, followed by the backend's `detail`, and carries an
    // ErrorInfo (SCHEDULER_UNREACHABLE) so clients tell it from an unreachable gateway.
    grpc::Status schedulerUnavailable(const std::string &detail) const;

    // AIP-155: a mutation retried with the same request_id returns the first
    // answer instead of being applied twice.
    template <class Response>
    bool replay(const Principal &who, const std::string &requestId, Response *response) const
    {
        if (requestId.empty())
            return false;
        auto stored = m_ctx.store.idempotentResponse(who.user, requestId);
        return stored && response->ParseFromString(*stored);
    }
    template <class Response>
    void remember(
        const Principal &who, const std::string &requestId, const Response &response) const
    {
        if (!requestId.empty())
            m_ctx.store.rememberResponse(who.user, requestId, response.SerializeAsString());
    }

    // A watch stream on one collection: checks token and role, reads the
    // request, and starts the stream; `scopeFor` may limit what the caller
    // sees (a tenant-manager's tenants).
    template <class T, class Event>
    grpc::ServerWriteReactor<grpc::ByteBuffer> *openWatch(grpc::CallbackServerContext *call,
        const char *method, const grpc::ByteBuffer *request, Collection<T, Event> &collection,
        const std::function<typename WatchReactor<T, Event>::Filter(const Principal &)> &scopeFor
        = {})
    {
        Principal who;
        if (auto status = authorize(call, method, &who, false); !status.ok())
            return new RefusedWatch(status);
        v1::WatchRequest watch;
        if (!parseWatchRequest(request, &watch))
            return new RefusedWatch(invalidArgument("malformed WatchRequest"));
        return new WatchReactor<T, Event>(collection, watch.since_revision(), watch.epoch(),
            scopeFor ? scopeFor(who) : typename WatchReactor<T, Event>::Filter());
    }

    // A batch action on named targets (drain nodes, cancel jobs): checks the
    // role, the targets and the reason, replays a retried request_id, then on
    // the action executor applies the action, publishes its effect, fills the
    // response with per-target results plus `addObject(target)` for each, and
    // audits it all.
    template <class Response>
    grpc::ServerUnaryReactor *batchAction(grpc::CallbackServerContext *call, const char *method,
        const google::protobuf::RepeatedPtrField<std::string> &names, const char *field,
        const std::string &reason, bool reasonRequired, const char *why,
        const std::string &requestId,
        std::function<TargetResults(const std::vector<std::string> &, const Actor &)> apply,
        std::function<void(const std::string &, Response *)> addObject, Response *response)
    {
        Principal who;
        if (auto status = authorize(call, method, &who, true); !status.ok())
            return finish(call, status);
        std::vector<std::string> targets(names.begin(), names.end());
        const std::string target = joinTargets(targets);
        grpc::Status status = checkTargets(targets, field);
        if (status.ok())
            status = checkReason(reason, reasonRequired, why);
        if (!status.ok()) {
            audit(call, who, method, target, reason, status);
            return finish(call, status);
        }
        // A retry of an answered request was audited when it was applied.
        if (replay(who, requestId, response)) {
            logReplay(who, method, requestId);
            return finish(call, grpc::Status::OK);
        }
        return runAction(
            call,
            [this, call, who, method, target, reason, requestId, response,
                targets = std::move(targets), apply = std::move(apply),
                addObject = std::move(addObject)]() {
                // A retry that waited behind the request it repeats gets that one's answer.
                if (replay(who, requestId, response)) {
                    logReplay(who, method, requestId);
                    return grpc::Status::OK;
                }
                const auto results = apply(targets, Actor { who.user, reason });
                // When the backend could be reached for none of the targets, the call itself
                // is UNAVAILABLE, not to be retried by the channel (see finish()); nothing is
                // remembered, so the same request may be sent again once the scheduler is back.
                if (!results.empty()
                    && std::all_of(results.begin(), results.end(), [](const v1::TargetResult &r) {
                           return !r.ok() && r.code() == "UNAVAILABLE";
                       })) {
                    grpc::Status unavailable = schedulerUnavailable(results.front().message());
                    audit(call, who, method, target, reason, unavailable);
                    return unavailable;
                }
                m_ctx.publishNow();
                for (const auto &r : results) {
                    *response->add_results() = r;
                    addObject(r.target(), response);
                }
                remember(who, requestId, *response);
                audit(call, who, method, target, reason, grpc::Status::OK, summarise(results));
                return grpc::Status::OK;
            },
            auditing(call, who, method, target, reason));
    }

    // Logs (does not audit) a request answered again from its request_id.
    static void logReplay(
        const Principal &who, const std::string &method, const std::string &requestId);
    static std::string joinTargets(const std::vector<std::string> &targets);
    // "3 of 4 applied; n9: not found" for the audit detail.
    static std::string summarise(const TargetResults &results);

    GatewayContext &m_ctx;
};

} // namespace suanli::server
