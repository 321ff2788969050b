#include "server/services/ClusterService.h"

#include "server/gateway/ListQuery.h"
#include "server/gateway/Watch.h"

#include <google/protobuf/util/time_util.h>

namespace suanli::server {

namespace {
::suanli::MatchContext matchContext(const Backend &backend)
{
    ::suanli::MatchContext context;
    context.nowSeconds
        = std::chrono::duration_cast<std::chrono::seconds>(backend.now().time_since_epoch())
              .count();
    return context;
}
} // namespace

grpc::ServerUnaryReactor *ClusterService::GetOverview(
    grpc::CallbackServerContext *call, const v1::GetOverviewRequest *, v1::Overview *response)
{
    Principal who;
    if (auto status = authorize(call, "Cluster.GetOverview", &who, false); !status.ok())
        return finish(call, status);
    *response = m_ctx.cache.overview(m_ctx.site);
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<v1::Overview> *ClusterService::WatchOverview(
    grpc::CallbackServerContext *call, const v1::GetOverviewRequest *)
{
    Principal who;
    if (auto status = authorize(call, "Cluster.WatchOverview", &who, false); !status.ok())
        return new RefusedStream<v1::Overview>(status);
    auto *stream = m_overviewStreams.open();
    stream->push(m_ctx.cache.overview(m_ctx.site));
    return stream;
}

void ClusterService::publishOverview(const v1::Overview &overview)
{
    m_overviewStreams.forEach([&](auto *stream, const auto &) { stream->push(overview); });
}

grpc::ServerUnaryReactor *ClusterService::ListNodes(grpc::CallbackServerContext *call,
    const v1::ListNodesRequest *request, v1::ListNodesResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Cluster.ListNodes", &who, false); !status.ok())
        return finish(call, status);
    std::vector<ClusterCache::Nodes::Ptr> page;
    std::string next;
    int32_t total = 0;
    // Accelerator detail makes a node about eight times larger: smaller pages keep answers far from
    // 4 MB.
    const size_t maxSize = request->include_accelerators() ? 1000 : 5000;
    auto status = queryList(m_ctx.cache.nodes().all(), ::suanli::nodeFields(), request->filter(),
        request->order_by(), request->page_size(), request->page_token(), 500, maxSize,
        matchContext(m_ctx.backend), &page, &next, &total);
    if (!status.ok())
        return finish(call, status);
    for (const auto &node : page) {
        auto *out = response->add_nodes();
        *out = *node;
        if (!request->include_accelerators())
            out->clear_accelerators();
    }
    response->set_next_page_token(next);
    response->set_total_size(total);
    return finish(call, grpc::Status::OK);
}

grpc::ServerUnaryReactor *ClusterService::GetNode(
    grpc::CallbackServerContext *call, const v1::GetNodeRequest *request, v1::Node *response)
{
    Principal who;
    if (auto status = authorize(call, "Cluster.GetNode", &who, false); !status.ok())
        return finish(call, status);
    if (request->name().empty())
        return finish(call, invalidArgument("name is required"));
    auto node = m_ctx.cache.nodes().get(request->name());
    if (!node)
        return finish(call,
            grpc::Status(grpc::StatusCode::NOT_FOUND, "node '" + request->name() + "' not found"));
    *response = *node;
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *ClusterService::WatchNodes(
    grpc::CallbackServerContext *call, const grpc::ByteBuffer *request)
{
    return openWatch(call, "Cluster.WatchNodes", request, m_ctx.cache.nodes());
}

grpc::ServerUnaryReactor *ClusterService::nodeAction(grpc::CallbackServerContext *call,
    const char *method, Action action, const google::protobuf::RepeatedPtrField<std::string> &names,
    const std::string &reason, bool reasonRequired, const std::string &requestId,
    v1::NodeActionResponse *response)
{
    return batchAction<v1::NodeActionResponse>(
        call, method, names, "names", reason, reasonRequired, "the nodes are taken out of service",
        requestId,
        [this, action](const auto &targets, const Actor &actor) {
            return (m_ctx.backend.*action)(targets, actor);
        },
        [this](const std::string &name, v1::NodeActionResponse *out) {
            if (auto node = m_ctx.cache.nodes().get(name))
                *out->add_nodes() = *node;
        },
        response);
}

grpc::ServerUnaryReactor *ClusterService::DrainNodes(grpc::CallbackServerContext *call,
    const v1::DrainNodesRequest *request, v1::NodeActionResponse *response)
{
    return nodeAction(call, "Cluster.DrainNodes", &Backend::drainNodes, request->names(),
        request->reason(), true, request->request_id(), response);
}

grpc::ServerUnaryReactor *ClusterService::ResumeNodes(grpc::CallbackServerContext *call,
    const v1::ResumeNodesRequest *request, v1::NodeActionResponse *response)
{
    return nodeAction(call, "Cluster.ResumeNodes", &Backend::resumeNodes, request->names(),
        request->reason(), false, request->request_id(), response);
}

grpc::ServerUnaryReactor *ClusterService::RebootNodes(grpc::CallbackServerContext *call,
    const v1::RebootNodesRequest *request, v1::NodeActionResponse *response)
{
    return nodeAction(call, "Cluster.RebootNodes", &Backend::rebootNodes, request->names(),
        request->reason(), false, request->request_id(), response);
}

} // namespace suanli::server
