#pragma once

#include "server/gateway/ServiceBase.h"
#include "suanli/v1/audit.grpc.pb.h"

namespace suanli::server {

// AuditService reads and verifies the hash-chained audit log.
class AuditService final : public v1::Audit::CallbackService, public ServiceBase {
public:
    explicit AuditService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerUnaryReactor *ListAuditEntries(grpc::CallbackServerContext *call,
        const v1::ListAuditEntriesRequest *request,
        v1::ListAuditEntriesResponse *response) override;
    grpc::ServerUnaryReactor *VerifyAuditLog(grpc::CallbackServerContext *call,
        const v1::VerifyAuditLogRequest *, v1::VerifyAuditLogResponse *response) override;
};

} // namespace suanli::server
