#pragma once

#include "server/gateway/LatestValueReactor.h"
#include "server/gateway/WatchReactor.h"
#include "suanli/v1/common.pb.h"

#include <grpcpp/grpcpp.h>

namespace suanli::server {

// A watch that ends at once with `status` (refused or malformed).
using RefusedWatch = RefusedStream<grpc::ByteBuffer>;

// Decodes a raw WatchRequest (watch methods take raw bytes so deltas are
// serialised once for all watchers).
bool parseWatchRequest(const grpc::ByteBuffer *request, ::suanli::v1::WatchRequest *out);

} // namespace suanli::server
