#pragma once

#include <string>

namespace grpc {
class ChannelArguments;
}

// The service config of every channel to a gateway, the console's and suanlictl's alike:
// which calls gRPC itself retries, how often and how soon (grpc's examples/cpp/retry).
namespace suanli {

// Attempts of a unary call that meets UNAVAILABLE, the first one included.
inline constexpr int kUnaryMaxAttempts = 4;

// The JSON for grpc::ChannelArguments::SetServiceConfigJSON (with GRPC_ARG_ENABLE_RETRIES).
const std::string &channelServiceConfig();

// How soon a channel notices a gateway that stopped answering while a call or stream is open (a
// stopped or hung process, a dead link): a ping after kKeepaliveMs without anything received,
// and the connection is given up when the ping is not answered within kKeepaliveTimeoutMs, so
// open streams end UNAVAILABLE within about 6 s instead of waiting for TCP (minutes). The timeout
// leaves a gateway busy on both cores (serving many snapshots at once) room to answer a ping.
inline constexpr int kKeepaliveMs = 3000;
inline constexpr int kKeepaliveTimeoutMs = 3000;
// The gateway accepts pings this often (half the interval, for timers that fire early).
inline constexpr int kKeepaliveMinReceivedMs = kKeepaliveMs / 2;

// Sets the keepalive above on a client channel's arguments.
void setClientKeepalive(grpc::ChannelArguments &args);

} // namespace suanli
