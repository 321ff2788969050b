#pragma once

#include <string>

// The service config of every channel to a gateway, the console's and suanlictl's alike:
// which calls gRPC itself retries, how often and how soon (grpc's examples/cpp/retry).
namespace suanli {

// Attempts of a unary call that meets UNAVAILABLE, the first one included.
inline constexpr int kUnaryMaxAttempts = 4;

// The JSON for grpc::ChannelArguments::SetServiceConfigJSON (with GRPC_ARG_ENABLE_RETRIES).
const std::string &channelServiceConfig();

} // namespace suanli
