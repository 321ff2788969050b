#include "client/Channel.h"

#include "common/ChannelConfig.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

namespace suanli::client {

std::shared_ptr<grpc::Channel> makeChannel(const ConnectionProfile &profile)
{
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = profile.caPem.toStdString();
    grpc::ChannelArguments args;
    // Unary calls are retried by the channel (common's policy); streams by the informers.
    args.SetServiceConfigJSON(suanli::channelServiceConfig());
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
    // A snapshot chunk of 1,000 nodes with accelerator detail exceeds gRPC's default 4 MB.
    args.SetMaxReceiveMessageSize(64 << 20);
    // Notice a gateway that stopped answering (a stopped process, laptop sleep, a dead link)
    // within seconds while watches are open; the gateway permits the pings.
    suanli::setClientKeepalive(args);
    // Each attempt gets its own connection, not one still in gRPC's reconnect backoff.
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 500);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 30000);
    args.SetUserAgentPrefix("suanli-console");
    return grpc::CreateCustomChannel(
        profile.address.toStdString(), grpc::SslCredentials(ssl), args);
}

} // namespace suanli::client
