#include "tools/suanlictl/Connection.h"

#include "common/ChannelConfig.h"

#include <chrono>
#include <cstdio>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <random>

namespace suanli::ctl {

Connection::Connection(const GlobalOptions &options, const std::string &caPem)
    : m_options(options)
{
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = caPem;
    grpc::ChannelArguments args;
    args.SetServiceConfigJSON(channelServiceConfig());
    args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
    // A page of 5,000 nodes with accelerator detail is larger than gRPC's default 4 MB.
    args.SetMaxReceiveMessageSize(64 * 1024 * 1024);
    // `watch` notices a gateway that stopped answering within seconds.
    setClientKeepalive(args);
    args.SetUserAgentPrefix("suanlictl");
    m_channel = grpc::CreateCustomChannel(options.server, grpc::SslCredentials(ssl), args);
}

void Connection::prepare(grpc::ClientContext &context, bool unary) const
{
    if (!m_options.token.empty())
        context.AddMetadata("authorization", "Bearer " + m_options.token);
    if (unary) {
        const auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::duration<double>(m_options.timeoutSeconds));
        context.set_deadline(std::chrono::system_clock::now() + timeout);
    }
}

std::string Connection::newRequestId()
{
    std::random_device device;
    std::mt19937_64 random((static_cast<std::uint64_t>(device()) << 32) ^ device());
    const std::uint64_t a = random(), b = random();
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%016llx%016llx", static_cast<unsigned long long>(a),
        static_cast<unsigned long long>(b));
    return buffer;
}

} // namespace suanli::ctl
