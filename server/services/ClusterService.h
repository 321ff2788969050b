#pragma once

#include "server/gateway/ServiceBase.h"
#include "server/gateway/StreamSet.h"
#include "suanli/v1/cluster.grpc.pb.h"

namespace suanli::server {

// ClusterService serves the centre's overview, nodes and node actions.
class ClusterService final
    : public v1::Cluster::WithRawCallbackMethod_WatchNodes<v1::Cluster::CallbackService>,
      public ServiceBase {
public:
    explicit ClusterService(GatewayContext &ctx)
        : ServiceBase(ctx)
    {
    }

    grpc::ServerUnaryReactor *GetOverview(grpc::CallbackServerContext *call,
        const v1::GetOverviewRequest *, v1::Overview *response) override;
    grpc::ServerWriteReactor<v1::Overview> *WatchOverview(
        grpc::CallbackServerContext *call, const v1::GetOverviewRequest *) override;
    grpc::ServerUnaryReactor *ListNodes(grpc::CallbackServerContext *call,
        const v1::ListNodesRequest *request, v1::ListNodesResponse *response) override;
    grpc::ServerUnaryReactor *GetNode(grpc::CallbackServerContext *call,
        const v1::GetNodeRequest *request, v1::Node *response) override;
    grpc::ServerWriteReactor<grpc::ByteBuffer> *WatchNodes(
        grpc::CallbackServerContext *call, const grpc::ByteBuffer *request) override;
    grpc::ServerUnaryReactor *DrainNodes(grpc::CallbackServerContext *call,
        const v1::DrainNodesRequest *request, v1::NodeActionResponse *response) override;
    grpc::ServerUnaryReactor *ResumeNodes(grpc::CallbackServerContext *call,
        const v1::ResumeNodesRequest *request, v1::NodeActionResponse *response) override;
    grpc::ServerUnaryReactor *RebootNodes(grpc::CallbackServerContext *call,
        const v1::RebootNodesRequest *request, v1::NodeActionResponse *response) override;

    // Sends the site's current overview to every WatchOverview stream.
    void publishOverview(const v1::Overview &overview);
    void finishStreams(const grpc::Status &status) { m_overviewStreams.finishAll(status); }

private:
    StreamSet<v1::Overview> m_overviewStreams;
    using Action = TargetResults (Backend::*)(const std::vector<std::string> &, const Actor &);
    grpc::ServerUnaryReactor *nodeAction(grpc::CallbackServerContext *call, const char *method,
        Action action, const google::protobuf::RepeatedPtrField<std::string> &names,
        const std::string &reason, bool reasonRequired, const std::string &requestId,
        v1::NodeActionResponse *response);
};

} // namespace suanli::server
