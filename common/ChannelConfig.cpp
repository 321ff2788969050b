#include "common/ChannelConfig.h"

#include <grpcpp/support/channel_arguments.h>
#include <string>

namespace suanli {

// Every unary call is retried on UNAVAILABLE (a dropped connection, a gateway restarting);
// mutations carry a request_id, so a retry that reaches the gateway twice is answered from
// the first, never applied twice. Four attempts with backoff 0.2 s doubling to at most 2 s
// wait, with gRPC's jitter, at most 0.2 + 0.4 + 0.8 = 1.4 s in all: enough to ride over a
// gateway restart, well inside the shortest deadline (10 s), and short enough that a gateway
// that is really gone is said so at once. A scheduler outage is not retried at all: the
// gateway answers it with a retry pushback of -1.
//
// Method entries win over service entries: CreateToken and CreateUser hand out a secret, and
// a retry after an answer was lost would hand out a second one nobody sees (or refuse the
// user as existing), so those two are tried once.
const std::string &channelServiceConfig()
{
    static const std::string config = R"({
  "methodConfig": [
    {
      "name": [
        {"service": "suanli.v1.Auth"}, {"service": "suanli.v1.Cluster"},
        {"service": "suanli.v1.Scheduler"}, {"service": "suanli.v1.Tenancy"},
        {"service": "suanli.v1.Telemetry"}, {"service": "suanli.v1.Events"},
        {"service": "suanli.v1.Audit"}
      ],
      "retryPolicy": {
        "maxAttempts": )"
        + std::to_string(kUnaryMaxAttempts) + R"(,
        "initialBackoff": "0.2s",
        "maxBackoff": "2s",
        "backoffMultiplier": 2,
        "retryableStatusCodes": ["UNAVAILABLE"]
      }
    },
    {
      "name": [
        {"service": "suanli.v1.Auth", "method": "CreateToken"},
        {"service": "suanli.v1.Auth", "method": "CreateUser"}
      ]
    }
  ]
})";
    return config;
}

void setClientKeepalive(grpc::ChannelArguments &args)
{
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, kKeepaliveMs);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, kKeepaliveTimeoutMs);
    // Pings while calls are open only: an idle console costs the gateway nothing.
    args.SetInt(GRPC_ARG_KEEPALIVE_PERMIT_WITHOUT_CALLS, 0);
    args.SetInt(GRPC_ARG_HTTP2_MAX_PINGS_WITHOUT_DATA, 0);
}

} // namespace suanli
