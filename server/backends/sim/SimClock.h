#pragma once

#include <chrono>
#include <cstdint>
#include <google/protobuf/timestamp.pb.h>

namespace suanli::server {

// Simulated durations, in milliseconds.
constexpr int64_t kSecond = 1000;
constexpr int64_t kMinute = 60 * kSecond;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

// SimClock is simulated time: milliseconds since a fixed start instant, so
// runs replay exactly whatever the wall clock says.
struct SimClock {
    int64_t epochMs = 0; // the start instant, milliseconds since 1970 (UTC)
    int64_t nowMs = 0; // simulated milliseconds since the start instant

    std::chrono::system_clock::time_point at(int64_t simMs) const
    {
        return std::chrono::system_clock::time_point(
            std::chrono::duration_cast<std::chrono::system_clock::duration>(
                std::chrono::milliseconds(epochMs + simMs)));
    }
    std::chrono::system_clock::time_point now() const { return at(nowMs); }
    void stamp(int64_t simMs, google::protobuf::Timestamp *ts) const
    {
        const int64_t ms = epochMs + simMs;
        int64_t seconds = ms / 1000;
        int64_t rest = ms % 1000;
        if (rest < 0) {
            rest += 1000;
            --seconds;
        }
        ts->set_seconds(seconds);
        ts->set_nanos(int32_t(rest * 1000000));
    }
};

} // namespace suanli::server
