#pragma once

#include <cstdint>
#include <google/protobuf/timestamp.pb.h>
#include <string>

// How suanlictl writes numbers, sizes, durations and times for people.
namespace suanli::ctl {

// "97.3%".
std::string formatPercent(double percent);
// "850 W", "5.6 kW", "1.23 MW".
std::string formatPower(double watts);
// "512 B", "80.0 GiB".
std::string formatBytes(std::int64_t bytes);
// Compute capability given in TFLOPS: "989 TFLOPS", "3.7 PFLOPS", "1.15 EFLOPS".
std::string formatFlops(double tflops);
// "45s", "12m", "3h 05m", "2d 04h"; "-" for negative.
std::string formatDuration(double seconds);
// Local time "2024-05-01 16:00:00"; "-" when unset.
std::string formatTime(const google::protobuf::Timestamp &time);
// Local time without seconds, for tables: "2024-05-01 16:00".
std::string formatTimeShort(const google::protobuf::Timestamp &time);
// "1.5" style: at most `decimals` decimals, trailing zeros dropped.
std::string formatNumber(double value, int decimals = 1);

} // namespace suanli::ctl
