#include "tools/suanlictl/Format.h"

#include <cmath>
#include <cstdio>
#include <ctime>

namespace suanli::ctl {

namespace {

std::string printf1(const char *format, double value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::string localTime(const google::protobuf::Timestamp &time, const char *format)
{
    if (time.seconds() == 0 && time.nanos() == 0)
        return "-";
    const std::time_t seconds = static_cast<std::time_t>(time.seconds());
    std::tm tm {};
    localtime_r(&seconds, &tm);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &tm);
    return buffer;
}

} // namespace

std::string formatNumber(double value, int decimals)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (!text.empty() && text.back() == '0')
            text.pop_back();
        if (!text.empty() && text.back() == '.')
            text.pop_back();
    }
    if (text == "-0")
        text = "0";
    return text;
}

std::string formatPercent(double percent)
{
    return printf1("%.1f%%", percent);
}

std::string formatPower(double watts)
{
    const double a = std::fabs(watts);
    if (a < 1000)
        return printf1("%.0f W", watts);
    if (a < 1e6)
        return printf1("%.1f kW", watts / 1e3);
    return printf1("%.2f MW", watts / 1e6);
}

std::string formatFlops(double tflops)
{
    const double a = std::fabs(tflops);
    if (a < 1e3)
        return printf1("%.0f TFLOPS", tflops);
    if (a < 1e6)
        return printf1("%.1f PFLOPS", tflops / 1e3);
    return printf1("%.2f EFLOPS", tflops / 1e6);
}

std::string formatBytes(std::int64_t bytes)
{
    const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };
    double value = static_cast<double>(bytes);
    int unit = 0;
    while (std::fabs(value) >= 1024 && unit < 5) {
        value /= 1024;
        ++unit;
    }
    if (unit == 0)
        return std::to_string(bytes) + " B";
    return printf1("%.1f", value) + " " + units[unit];
}

std::string formatDuration(double seconds)
{
    if (seconds < 0 || std::isnan(seconds))
        return "-";
    const auto total = static_cast<std::int64_t>(std::llround(seconds));
    const std::int64_t days = total / 86400, hours = total % 86400 / 3600,
                       minutes = total % 3600 / 60, secs = total % 60;
    char buffer[64];
    if (days > 0)
        std::snprintf(buffer, sizeof buffer, "%lldd %02lldh", static_cast<long long>(days),
            static_cast<long long>(hours));
    else if (hours > 0)
        std::snprintf(buffer, sizeof buffer, "%lldh %02lldm", static_cast<long long>(hours),
            static_cast<long long>(minutes));
    else if (minutes > 0)
        std::snprintf(buffer, sizeof buffer, "%lldm", static_cast<long long>(minutes));
    else
        std::snprintf(buffer, sizeof buffer, "%llds", static_cast<long long>(secs));
    return buffer;
}

std::string formatTime(const google::protobuf::Timestamp &time)
{
    return localTime(time, "%Y-%m-%d %H:%M:%S");
}

std::string formatTimeShort(const google::protobuf::Timestamp &time)
{
    return localTime(time, "%Y-%m-%d %H:%M");
}

} // namespace suanli::ctl
