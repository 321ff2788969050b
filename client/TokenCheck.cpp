#include "client/TokenCheck.h"

#include "client/CallTracker.h"
#include "client/Channel.h"
#include "suanli/v1/auth.grpc.pb.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>

namespace suanli::client {

TokenCheck::TokenCheck(QObject *parent)
    : QObject(parent)
    , m_calls(CallTracker::create(this))
{
}

TokenCheck::~TokenCheck()
{
    m_calls->shutdown();
}

void TokenCheck::check(const ConnectionProfile &profile, int timeoutMs)
{
    const quint64 number = ++m_number;
    m_running = true;
    auto context = std::make_unique<grpc::ClientContext>();
    context->AddMetadata("authorization", "Bearer " + profile.token.toStdString());
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::milliseconds(timeoutMs));
    std::shared_ptr<suanli::v1::Auth::Stub> stub = suanli::v1::Auth::NewStub(makeChannel(profile));
    m_calls->call<suanli::v1::WhoAmIRequest, suanli::v1::WhoAmIResponse>(
        std::move(context), {},
        [stub](grpc::ClientContext *ctx, const suanli::v1::WhoAmIRequest *request,
            suanli::v1::WhoAmIResponse *response, std::function<void(grpc::Status)> done) {
            stub->async()->WhoAmI(ctx, request, response, std::move(done));
        },
        // The answer holds the stub, and with it the channel: the channel's last reference then
        // goes with the call, on this thread, never on one of gRPC's (gRPC 1.51 aborts there).
        [this, number, stub](const grpc::Status &status, suanli::v1::WhoAmIResponse &response) {
            if (number != m_number)
                return;
            m_running = false;
            Result result;
            result.ok = status.ok();
            if (result.ok)
                result.identity = response;
            result.error = QString::fromStdString(status.error_message());
            result.refused = status.error_code() == grpc::StatusCode::UNAUTHENTICATED;
            Q_EMIT finished(result);
        });
}

} // namespace suanli::client
