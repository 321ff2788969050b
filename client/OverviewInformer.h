#pragma once

#include "client/StreamInformer.h"
#include "suanli/v1/cluster.grpc.pb.h"

namespace suanli::client {

// OverviewInformer follows WatchOverview: the site's figures, replaced
// whole at most once a tick; of the values that arrive between two drains
// only the newest is applied.
class OverviewInformer final
    : public StreamInformer<suanli::v1::GetOverviewRequest, suanli::v1::Overview> {
public:
    OverviewInformer();

protected:
    suanli::v1::GetOverviewRequest request() const override;
    std::shared_ptr<void> startCall(const std::shared_ptr<grpc::Channel> &channel,
        grpc::ClientContext *context, const suanli::v1::GetOverviewRequest *request,
        grpc::ClientReadReactor<suanli::v1::Overview> *reactor) override;
    void handle(std::vector<suanli::v1::Overview> &messages, SiteState &site) override;
};

} // namespace suanli::client
