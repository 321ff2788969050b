#pragma once

#include "common/QuotaRules.h"
#include "server/gateway/ServiceBase.h"
#include "suanli/v1/tenancy.grpc.pb.h"

namespace suanli::server {

// TenancyService serves tenants, quotas and quota requests, with approvals
// applied to the backend exactly once.
class TenancyService final
    : public v1::Tenancy::WithRawCallbackMethod_WatchTenants<
          v1::Tenancy::WithRawCallbackMethod_WatchQuotaRequests<v1::Tenancy::CallbackService>>,
      public ServiceBase {
public:
    explicit TenancyService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerUnaryReactor *ListTenants(grpc::CallbackServerContext *call,
        const v1::ListTenantsRequest *request, v1::ListTenantsResponse *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchTenants(
        grpc::CallbackServerContext *call, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *SetQuota(grpc::CallbackServerContext *call,
        const v1::SetQuotaRequest *request, v1::Tenant *response) override;
    grpc::ServerUnaryReactor *ListQuotaRequests(grpc::CallbackServerContext *call,
        const v1::ListQuotaRequestsRequest *request,
        v1::ListQuotaRequestsResponse *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchQuotaRequests(
        grpc::CallbackServerContext *call, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *CreateQuotaRequest(grpc::CallbackServerContext *call,
        const v1::CreateQuotaRequestRequest *request, v1::QuotaRequest *response) override;
    grpc::ServerUnaryReactor *ApproveQuotaRequest(grpc::CallbackServerContext *call,
        const v1::DecideQuotaRequestRequest *request, v1::QuotaRequest *response) override;
    grpc::ServerUnaryReactor *RejectQuotaRequest(grpc::CallbackServerContext *call,
        const v1::DecideQuotaRequestRequest *request, v1::QuotaRequest *response) override;

    // True when granting `maxAccelerators` of a kind (a model, or all models)
    // to `project` would take the tenant's projects past the tenant's own
    // quota of that kind (or the request is for the tenant's own quota): only
    // an admin may approve it. `why` says so.
    static bool needsAdmin(const v1::Tenant &tenant, const std::string &project,
        ::suanli::QuotaKind kind, int64_t maxAccelerators, std::string *why);
    // FAILED_PRECONDITION when a model's limit of `maxAccelerators` would
    // change nothing, a limit across all models below it being reached
    // first; OK otherwise.
    static grpc::Status checkTakesEffect(const v1::Tenant &tenant, const std::string &project,
        ::suanli::QuotaKind kind, int64_t maxAccelerators);

private:
    grpc::Status approve(grpc::CallbackServerContext *call, const Principal &who,
        const v1::DecideQuotaRequestRequest &request, v1::QuotaRequest *response);
    grpc::Status reject(grpc::CallbackServerContext *call, const Principal &who,
        const v1::DecideQuotaRequestRequest &request, v1::QuotaRequest *response);
    // INVALID_ARGUMENT when a rejection names no request or gives the requester no reason.
    static grpc::Status checkRejection(const v1::DecideQuotaRequestRequest &request);
    // Audits and answers a decision refused by `checked`, or runs `apply` on the action
    // executor and audits its outcome there.
    grpc::ServerUnaryReactor *decide(grpc::CallbackServerContext *call, const char *method,
        const Principal &who, const grpc::Status &checked, std::function<grpc::Status()> apply,
        const v1::DecideQuotaRequestRequest &request);
    grpc::Status applyQuota(
        const std::string &tenant, const std::string &project, const v1::QuotaLimit &limit);
    static bool inScope(const Principal &who, const std::string &tenant);
};

} // namespace suanli::server
