#include "server/store/StoredTime.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

namespace suanli::server::stored {

int64_t nowMicros()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

std::string formatTime(int64_t micros)
{
    using namespace std::chrono;
    const sys_time<microseconds> tp { microseconds { micros } };
    const auto day = floor<days>(tp);
    const year_month_day ymd { day };
    const hh_mm_ss hms { tp - day };
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%06lldZ", int(ymd.year()),
        unsigned(ymd.month()), unsigned(ymd.day()), int(hms.hours().count()),
        int(hms.minutes().count()), int(hms.seconds().count()),
        static_cast<long long>(hms.subseconds().count()));
    return buf;
}

std::optional<int64_t> parseTime(std::string_view text)
{
    using namespace std::chrono;
    // Positions of the separators in "YYYY-MM-DDTHH:MM:SS.ffffffZ".
    constexpr std::string_view pattern = "dddd-dd-ddTdd:dd:dd.ddddddZ";
    if (text.size() != pattern.size())
        return std::nullopt;
    for (size_t i = 0; i < text.size(); ++i) {
        bool digit = text[i] >= '0' && text[i] <= '9';
        if (pattern[i] == 'd' ? !digit : text[i] != pattern[i])
            return std::nullopt;
    }
    auto num = [&](size_t pos, size_t len) {
        int64_t v = 0;
        for (size_t i = pos; i < pos + len; ++i)
            v = v * 10 + (text[i] - '0');
        return v;
    };
    const year_month_day ymd { year(int(num(0, 4))), month(unsigned(num(5, 2))),
        day(unsigned(num(8, 2))) };
    const int64_t h = num(11, 2), m = num(14, 2), s = num(17, 2);
    if (!ymd.ok() || h > 23 || m > 59 || s > 59)
        return std::nullopt;
    const int64_t daysSinceEpoch = sys_days(ymd).time_since_epoch().count();
    return ((daysSinceEpoch * 24 + h) * 60 + m) * 60 * kMicrosPerSecond + s * kMicrosPerSecond
        + num(20, 6);
}

google::protobuf::Timestamp toTimestamp(int64_t micros)
{
    int64_t seconds = micros / kMicrosPerSecond;
    int64_t rest = micros % kMicrosPerSecond;
    if (rest < 0) {
        rest += kMicrosPerSecond;
        --seconds;
    }
    google::protobuf::Timestamp ts;
    ts.set_seconds(seconds);
    ts.set_nanos(int32_t(rest * 1000));
    return ts;
}

std::string timestampText(std::string_view field, const google::protobuf::Timestamp &ts)
{
    // 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59Z, as google.protobuf.Timestamp defines.
    if (ts.seconds() < -62135596800LL || ts.seconds() > 253402300799LL || ts.nanos() < 0
        || ts.nanos() > 999999999)
        throw std::invalid_argument(std::string(field) + " is out of range (seconds "
            + std::to_string(ts.seconds()) + ", nanos " + std::to_string(ts.nanos()) + ")");
    return formatTime(ts.seconds() * kMicrosPerSecond + ts.nanos() / 1000);
}

} // namespace suanli::server::stored
