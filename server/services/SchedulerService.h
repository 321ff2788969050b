#pragma once

#include "server/gateway/ServiceBase.h"
#include "suanli/v1/scheduler.grpc.pb.h"

namespace suanli::server {

// SchedulerService serves queues, jobs and job actions.
class SchedulerService final
    : public v1::Scheduler::WithRawCallbackMethod_WatchQueues<
          v1::Scheduler::WithRawCallbackMethod_WatchJobs<v1::Scheduler::CallbackService>>,
      public ServiceBase {
public:
    explicit SchedulerService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerUnaryReactor *ListQueues(grpc::CallbackServerContext *call,
        const v1::ListQueuesRequest *, v1::ListQueuesResponse *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchQueues(
        grpc::CallbackServerContext *call, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *ListJobs(grpc::CallbackServerContext *call,
        const v1::ListJobsRequest *request, v1::ListJobsResponse *response) override;
    grpc::ServerUnaryReactor *GetJob(grpc::CallbackServerContext *call,
        const v1::GetJobRequest *request, v1::Job *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchJobs(
        grpc::CallbackServerContext *call, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *CancelJobs(grpc::CallbackServerContext *call,
        const v1::JobActionRequest *request, v1::JobActionResponse *response) override;
    grpc::ServerUnaryReactor *HoldJobs(grpc::CallbackServerContext *call,
        const v1::JobActionRequest *request, v1::JobActionResponse *response) override;
    grpc::ServerUnaryReactor *ReleaseJobs(grpc::CallbackServerContext *call,
        const v1::JobActionRequest *request, v1::JobActionResponse *response) override;
    grpc::ServerUnaryReactor *RequeueJobs(grpc::CallbackServerContext *call,
        const v1::JobActionRequest *request, v1::JobActionResponse *response) override;
    grpc::ServerUnaryReactor *SetJobPriority(grpc::CallbackServerContext *call,
        const v1::SetJobPriorityRequest *request, v1::JobActionResponse *response) override;

private:
    // Appends a job as an answer gives it: with its plain-words reason worded from its tenant's
    // figures as the cache has them now (`tenants` keeps those looked up for one answer).
    void addWorded(const v1::Job &job, v1::Job *out,
        std::map<std::string, ClusterCache::Tenants::Ptr> *tenants) const;

    grpc::ServerUnaryReactor *jobAction(grpc::CallbackServerContext *call, const char *method,
        const google::protobuf::RepeatedPtrField<std::string> &ids, const std::string &reason,
        const std::string &requestId,
        const std::function<TargetResults(const std::vector<std::string> &, const Actor &)> &apply,
        v1::JobActionResponse *response);
};

} // namespace suanli::server
