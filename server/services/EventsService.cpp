#include "server/services/EventsService.h"

#include "server/backends/PerTarget.h"
#include "server/gateway/ListQuery.h"
#include "server/gateway/Watch.h"

#include <algorithm>
#include <google/protobuf/util/time_util.h>

namespace suanli::server {

grpc::ServerWriteReactor<grpc::ByteBuffer> *EventsService::WatchAlerts(
    grpc::CallbackServerContext *call, const grpc::ByteBuffer *request)
{
    return openWatch(call, "Events.WatchAlerts", request, m_ctx.cache.alerts());
}

grpc::ServerUnaryReactor *EventsService::ListAlerts(grpc::CallbackServerContext *call,
    const v1::ListAlertsRequest *request, v1::ListAlertsResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Events.ListAlerts", &who, false); !status.ok())
        return finish(call, status);
    auto items = m_ctx.cache.alerts().all();
    // Newest first. The backend's and the gateway's ids each grow with time, but not together.
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        const auto ta = google::protobuf::util::TimeUtil::TimestampToNanoseconds(a->raise_time());
        const auto tb = google::protobuf::util::TimeUtil::TimestampToNanoseconds(b->raise_time());
        return ta != tb ? ta > tb : a->id() > b->id();
    });
    std::vector<ClusterCache::Alerts::Ptr> page;
    std::string next;
    int32_t total = 0;
    auto status = queryList(std::move(items), ::suanli::alertFields(), request->filter(), {},
        request->page_size(), request->page_token(), 500, 5000, {}, &page, &next, &total);
    if (!status.ok())
        return finish(call, status);
    for (const auto &alert : page)
        *response->add_alerts() = *alert;
    response->set_next_page_token(next);
    response->set_total_size(total);
    return finish(call, grpc::Status::OK);
}

grpc::ServerUnaryReactor *EventsService::AcknowledgeAlert(grpc::CallbackServerContext *call,
    const v1::AcknowledgeAlertRequest *request, v1::AcknowledgeAlertResponse *response)
{
    constexpr const char *method = "Events.AcknowledgeAlert";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    const std::vector<std::string> ids(request->ids().begin(), request->ids().end());
    grpc::Status status = checkTargets(ids, "ids");
    if (status.ok())
        status = checkReason(request->comment(), false, "");
    if (!status.ok()) {
        audit(call, who, method, joinTargets(ids), request->comment(), status);
        return finish(call, status);
    }
    return runAction(
        call,
        [this, call, who, method, ids, request, response] {
            const TargetResults results = perTarget(ids, [&](const std::string &id) {
                // The gateway's own alerts (its scheduler unreachable) first, then the backend's.
                if (m_ctx.health.acknowledge(id, who.user, request->comment(), m_ctx.backend.now())
                    || m_ctx.backend.acknowledgeAlert(id, who.user, request->comment()))
                    return targetOk(id);
                return targetFailed(id, "NOT_FOUND", "alert '" + id + "' not found");
            });
            m_ctx.publishNow();
            for (const auto &r : results) {
                *response->add_results() = r;
                if (auto alert = m_ctx.cache.alerts().get(r.target()))
                    *response->add_alerts() = *alert;
            }
            audit(call, who, method, joinTargets(ids), request->comment(), grpc::Status::OK,
                summarise(results));
            return grpc::Status::OK;
        },
        auditing(call, who, method, joinTargets(ids), request->comment()));
}

} // namespace suanli::server
