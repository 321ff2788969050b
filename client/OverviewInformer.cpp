#include "client/OverviewInformer.h"

#include "client/SiteState.h"

namespace suanli::client {

OverviewInformer::OverviewInformer()
    : StreamInformer(QStringLiteral("overview"))
{
}

suanli::v1::GetOverviewRequest OverviewInformer::request() const
{
    return {};
}

std::shared_ptr<void> OverviewInformer::startCall(const std::shared_ptr<grpc::Channel> &channel,
    grpc::ClientContext *context, const suanli::v1::GetOverviewRequest *request,
    grpc::ClientReadReactor<suanli::v1::Overview> *reactor)
{
    std::shared_ptr<suanli::v1::Cluster::Stub> stub = suanli::v1::Cluster::NewStub(channel);
    stub->async()->WatchOverview(context, request, reactor);
    return stub;
}

void OverviewInformer::handle(std::vector<suanli::v1::Overview> &messages, SiteState &site)
{
    const suanli::v1::Overview &latest = messages.back();
    noteFreshness(
        latest.stale(), toDateTime(latest.data_time().seconds(), latest.data_time().nanos()));
    site.setOverview(latest);
    markSynced();
}

} // namespace suanli::client
