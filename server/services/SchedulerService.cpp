#include "server/services/SchedulerService.h"

#include "common/Describe.h"
#include "server/gateway/ListQuery.h"
#include "server/gateway/Watch.h"

namespace suanli::server {

void SchedulerService::addWorded(const v1::Job &job, v1::Job *out,
    std::map<std::string, ClusterCache::Tenants::Ptr> *tenants) const
{
    *out = job;
    auto it = tenants->find(job.tenant());
    if (it == tenants->end())
        it = tenants->emplace(job.tenant(), m_ctx.cache.tenantCollection().get(job.tenant())).first;
    out->set_pending_reason_text(::suanli::pendingReasonText(job, it->second.get()));
}

grpc::ServerUnaryReactor *SchedulerService::ListQueues(grpc::CallbackServerContext *call,
    const v1::ListQueuesRequest *, v1::ListQueuesResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Scheduler.ListQueues", &who, false); !status.ok())
        return finish(call, status);
    for (const auto &queue : m_ctx.cache.queues().all())
        *response->add_queues() = *queue;
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *SchedulerService::WatchQueues(
    grpc::CallbackServerContext *call, const grpc::ByteBuffer *request)
{
    return openWatch(call, "Scheduler.WatchQueues", request, m_ctx.cache.queues());
}

grpc::ServerUnaryReactor *SchedulerService::ListJobs(grpc::CallbackServerContext *call,
    const v1::ListJobsRequest *request, v1::ListJobsResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Scheduler.ListJobs", &who, false); !status.ok())
        return finish(call, status);
    // Active jobs and those that ended recently, as squeue shows them.
    auto items = m_ctx.cache.jobs().all();
    for (auto &ended : m_ctx.cache.endedJobs())
        if (!m_ctx.cache.jobs().get(ended->id()))
            items.push_back(std::move(ended));
    if (::suanli::seesOnlyOwnTenants(who.role))
        std::erase_if(items, [&who](const auto &job) { return !seesTenant(who, job->tenant()); });
    std::vector<ClusterCache::Jobs::Ptr> page;
    std::string next;
    int32_t total = 0;
    ::suanli::MatchContext context;
    context.nowSeconds
        = std::chrono::duration_cast<std::chrono::seconds>(m_ctx.backend.now().time_since_epoch())
              .count();
    auto status
        = queryList(std::move(items), ::suanli::jobFields(), request->filter(), request->order_by(),
            request->page_size(), request->page_token(), 500, 5000, context, &page, &next, &total);
    if (!status.ok())
        return finish(call, status);
    std::map<std::string, ClusterCache::Tenants::Ptr> tenants;
    for (const auto &job : page)
        addWorded(*job, response->add_jobs(), &tenants);
    response->set_next_page_token(next);
    response->set_total_size(total);
    return finish(call, grpc::Status::OK);
}

grpc::ServerUnaryReactor *SchedulerService::GetJob(
    grpc::CallbackServerContext *call, const v1::GetJobRequest *request, v1::Job *response)
{
    Principal who;
    if (auto status = authorize(call, "Scheduler.GetJob", &who, false); !status.ok())
        return finish(call, status);
    if (request->id().empty())
        return finish(call, invalidArgument("id is required"));
    auto job = m_ctx.cache.job(request->id());
    // Another tenant's job is as unknown to a tenant manager as one that never was.
    if (!job || !seesTenant(who, job->tenant()))
        return finish(call,
            grpc::Status(grpc::StatusCode::NOT_FOUND,
                "job '" + request->id() + "' not found (not active, or ended long ago)"));
    std::map<std::string, ClusterCache::Tenants::Ptr> tenants;
    addWorded(*job, response, &tenants);
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *SchedulerService::WatchJobs(
    grpc::CallbackServerContext *call, const grpc::ByteBuffer *request)
{
    return openWatch<v1::Job, v1::JobsEvent>(call, "Scheduler.WatchJobs", request,
        m_ctx.cache.jobs(), &tenantScope<v1::Job, v1::JobsEvent>);
}

grpc::ServerUnaryReactor *SchedulerService::jobAction(grpc::CallbackServerContext *call,
    const char *method, const google::protobuf::RepeatedPtrField<std::string> &ids,
    const std::string &reason, const std::string &requestId,
    const std::function<TargetResults(const std::vector<std::string> &, const Actor &)> &apply,
    v1::JobActionResponse *response)
{
    return batchAction<v1::JobActionResponse>(
        call, method, ids, "ids", reason, false, "", requestId, apply,
        [this](const std::string &id, v1::JobActionResponse *out) {
            std::map<std::string, ClusterCache::Tenants::Ptr> tenants;
            if (auto job = m_ctx.cache.job(id))
                addWorded(*job, out->add_jobs(), &tenants);
        },
        response);
}

#define SUANLI_JOB_ACTION(Method, BackendCall)                                                     \
    grpc::ServerUnaryReactor *SchedulerService::Method(grpc::CallbackServerContext *call,          \
        const v1::JobActionRequest *request, v1::JobActionResponse *response)                      \
    {                                                                                              \
        return jobAction(                                                                          \
            call, "Scheduler." #Method, request->ids(), request->reason(), request->request_id(),  \
            [this](const auto &ids, const Actor &actor) {                                          \
                return m_ctx.backend.BackendCall(ids, actor);                                      \
            },                                                                                     \
            response);                                                                             \
    }

SUANLI_JOB_ACTION(CancelJobs, cancelJobs)
SUANLI_JOB_ACTION(HoldJobs, holdJobs)
SUANLI_JOB_ACTION(ReleaseJobs, releaseJobs)
SUANLI_JOB_ACTION(RequeueJobs, requeueJobs)

#undef SUANLI_JOB_ACTION

grpc::ServerUnaryReactor *SchedulerService::SetJobPriority(grpc::CallbackServerContext *call,
    const v1::SetJobPriorityRequest *request, v1::JobActionResponse *response)
{
    const int64_t priority = request->priority();
    if (priority < 0 || priority > 1000000) {
        Principal who;
        if (auto status = authorize(call, "Scheduler.SetJobPriority", &who, true); !status.ok())
            return finish(call, status);
        auto status = invalidArgument(
            "priority must be between 0 and 1000000 (got " + std::to_string(priority) + ")");
        std::vector<std::string> ids(request->ids().begin(), request->ids().end());
        audit(call, who, "Scheduler.SetJobPriority", joinTargets(ids), request->reason(), status);
        return finish(call, status);
    }
    return jobAction(
        call, "Scheduler.SetJobPriority", request->ids(), request->reason(), request->request_id(),
        [this, priority](const auto &ids, const Actor &actor) {
            return m_ctx.backend.setJobPriority(ids, priority, actor);
        },
        response);
}

} // namespace suanli::server
