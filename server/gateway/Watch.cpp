#include "server/gateway/Watch.h"

namespace suanli::server {

bool parseWatchRequest(const grpc::ByteBuffer *request, ::suanli::v1::WatchRequest *out)
{
    std::vector<grpc::Slice> slices;
    if (!request->Dump(&slices).ok())
        return false;
    std::string bytes;
    for (const auto &s : slices)
        bytes.append(reinterpret_cast<const char *>(s.begin()), s.size());
    return out->ParseFromString(bytes);
}

} // namespace suanli::server
