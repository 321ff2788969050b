#pragma once

#include <cstdint>
#include <google/protobuf/timestamp.pb.h>
#include <optional>
#include <string>
#include <string_view>

// Time as the store keeps it: microseconds since the Unix epoch, stored as fixed-width RFC 3339
// UTC text ("2024-05-01T08:30:00.123456Z"), which sorts like the times it names.
namespace suanli::server::stored {

inline constexpr int64_t kMicrosPerSecond = 1000000;

int64_t nowMicros();
std::string formatTime(int64_t micros);
// The micros a stored text names; nullopt when it is not one.
std::optional<int64_t> parseTime(std::string_view text);
google::protobuf::Timestamp toTimestamp(int64_t micros);
// A client-supplied time as stored text; out of the Timestamp range is bad input
// (std::invalid_argument naming `field`).
std::string timestampText(std::string_view field, const google::protobuf::Timestamp &ts);

} // namespace suanli::server::stored
