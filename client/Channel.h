#pragma once

#include "client/ConnectionProfile.h"

#include <memory>

namespace grpc {
class Channel;
}

namespace suanli::client {

// The TLS channel to a profile's gateway, trusting only the profile's CA (caPem), with the
// console's channel settings: unary retries, keepalive, message size, reconnect backoff.
std::shared_ptr<grpc::Channel> makeChannel(const ConnectionProfile &profile);

} // namespace suanli::client
