#pragma once

#include "tools/suanlictl/GlobalOptions.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <memory>
#include <string>

namespace suanli::ctl {

// The TLS channel to suanlid, and what every call carries: the bearer token and, for unary
// calls, a deadline. Retries of UNAVAILABLE live in the channel's service config.
class Connection {
public:
    // caPem: the gateway's CA certificate(s); empty to trust the system's roots.
    Connection(const GlobalOptions &options, const std::string &caPem);

    const std::shared_ptr<grpc::Channel> &channel() const { return m_channel; }
    const GlobalOptions &options() const { return m_options; }

    // Adds the token and, when unary, the --timeout deadline to a call's context.
    void prepare(grpc::ClientContext &context, bool unary = true) const;

    // A fresh id for a mutation, so a retried call is applied once (AIP-155).
    static std::string newRequestId();

private:
    GlobalOptions m_options;
    std::shared_ptr<grpc::Channel> m_channel;
};

} // namespace suanli::ctl
