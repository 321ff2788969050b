#pragma once

#include <map>
#include <optional>
#include <string>

namespace suanli {

// ErrorInfo is google.rpc.ErrorInfo (AIP-193): why a call failed, as a code a program can act on
// rather than words to parse. The gateway sends it in a failed status's details (the
// grpc-status-details-bin trailer, a google.rpc.Status), so the console and suanlictl tell "the
// scheduler behind the gateway is unreachable" from "the gateway cannot be reached".
struct ErrorInfo {
    // UPPER_SNAKE_CASE, e.g. kSchedulerUnreachable.
    std::string reason;
    // Who defines the reason: kErrorDomain for the gateway's.
    std::string domain;
    // Facts about this occurrence, e.g. {"backend": "slurm", "unreachable_seconds": "42"}.
    std::map<std::string, std::string> metadata;

    // A metadata value, or `fallback` when absent.
    std::string value(const std::string &key, const std::string &fallback = {}) const;
};

inline constexpr const char *kErrorDomain = "suanli";
// The gateway is up but its backend (Slurm, the simulator) does not answer. Metadata: "backend"
// (its kind), "unreachable_since" (RFC 3339) and "unreachable_seconds".
inline constexpr const char *kSchedulerUnreachable = "SCHEDULER_UNREACHABLE";

// The bytes of a google.rpc.Status {code, message, details: [ErrorInfo]}, for grpc::Status's
// error details.
std::string encodeStatusDetails(int code, const std::string &message, const ErrorInfo &info);
// The ErrorInfo in a status's error details, if any; nullopt for empty or foreign bytes.
std::optional<ErrorInfo> decodeErrorInfo(const std::string &statusDetails);

} // namespace suanli
