#pragma once

#include <string>

// The names of gRPC's status codes, as the gateway's audit log records a result and as the
// console and suanlictl show a refusal.
namespace suanli {

// "OK", "PERMISSION_DENIED", "UNAVAILABLE"...; "CODE_17" for a number gRPC does not define.
std::string statusCodeName(int code);

} // namespace suanli
