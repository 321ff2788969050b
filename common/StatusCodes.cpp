#include "common/StatusCodes.h"

#include <array>

namespace suanli {

std::string statusCodeName(int code)
{
    // In the order of their numbers (grpc::StatusCode, google.rpc.Code).
    static constexpr std::array<const char *, 17> names = { "OK", "CANCELLED", "UNKNOWN",
        "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED",
        "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED" };
    if (code >= 0 && code < int(names.size()))
        return names[size_t(code)];
    return "CODE_" + std::to_string(code);
}

} // namespace suanli
