#include "client/PlacementQuery.h"

#include "client/CallTracker.h"
#include "client/Connection.h"
#include "client/Log.h"
#include "suanli/v1/placement.grpc.pb.h"

#include <grpcpp/channel.h>

namespace suanli::client {

namespace v1 = suanli::v1;

PlacementQuery::PlacementQuery(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_calls(CallTracker::create(this))
{
}

PlacementQuery::~PlacementQuery()
{
    m_calls->shutdown();
}

void PlacementQuery::quote(const v1::QuotePlacementRequest &request, Done done, int deadlineSeconds)
{
    std::shared_ptr<grpc::Channel> channel = m_connection ? m_connection->channel() : nullptr;
    if (!channel) {
        answerNotConnected<PlacementResult>(
            this, m_connection ? m_connection->profile().name : QString(), done);
        return;
    }
    auto stub = std::shared_ptr<v1::Placement::Stub>(v1::Placement::NewStub(channel));
    m_calls->call<v1::QuotePlacementRequest, v1::QuotePlacementResponse>(
        m_connection->context(std::chrono::seconds(deadlineSeconds)), request,
        [stub](grpc::ClientContext *context, const v1::QuotePlacementRequest *req,
            v1::QuotePlacementResponse *resp, std::function<void(grpc::Status)> callback) {
            stub->async()->QuotePlacement(context, req, resp, std::move(callback));
        },
        [done = std::move(done)](const grpc::Status &status, v1::QuotePlacementResponse &response) {
            PlacementResult r;
            r.code = int(status.error_code());
            r.message = QString::fromStdString(status.error_message());
            if (status.ok())
                r.response.Swap(&response);
            else
                qCInfo(lcClient).noquote() << "QuotePlacement failed:" << r.code << r.message;
            if (done)
                done(r);
        });
}

int PlacementQuery::inFlight() const
{
    return int(m_calls->inFlight());
}

} // namespace suanli::client
