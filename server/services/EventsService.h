#pragma once

#include "server/gateway/ServiceBase.h"
#include "suanli/v1/events.grpc.pb.h"

namespace suanli::server {

// EventsService serves alerts and their acknowledgement.
class EventsService final
    : public v1::Events::WithRawCallbackMethod_WatchAlerts<v1::Events::CallbackService>,
      public ServiceBase {
public:
    explicit EventsService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchAlerts(
        grpc::CallbackServerContext *call, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *ListAlerts(grpc::CallbackServerContext *call,
        const v1::ListAlertsRequest *request, v1::ListAlertsResponse *response) override;
    grpc::ServerUnaryReactor *AcknowledgeAlert(grpc::CallbackServerContext *call,
        const v1::AcknowledgeAlertRequest *request,
        v1::AcknowledgeAlertResponse *response) override;
};

} // namespace suanli::server
