#include "server/gateway/Log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace suanli::server {

namespace {
std::atomic<int> g_level { static_cast<int>(LogLevel::Info) };
std::mutex g_writeMutex;
const char *levelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return "DEBUG";
    case LogLevel::Info:
        return "INFO ";
    case LogLevel::Warn:
        return "WARN ";
    case LogLevel::Error:
        return "ERROR";
    }
    return "?";
}
} // namespace

void Log::setLevel(LogLevel level)
{
    g_level = static_cast<int>(level);
}

bool Log::parseLevel(const std::string &text, LogLevel *level)
{
    if (text == "debug")
        *level = LogLevel::Debug;
    else if (text == "info")
        *level = LogLevel::Info;
    else if (text == "warn" || text == "warning")
        *level = LogLevel::Warn;
    else if (text == "error")
        *level = LogLevel::Error;
    else
        return false;
    return true;
}

bool Log::enabled(LogLevel level)
{
    return static_cast<int>(level) >= g_level.load();
}

void Log::write(LogLevel level, const std::string &message)
{
    const auto now = std::chrono::system_clock::now();
    const std::time_t secs = std::chrono::system_clock::to_time_t(now);
    const auto millis
        = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()
        % 1000;
    std::tm tm {};
    gmtime_r(&secs, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
    std::lock_guard lock(g_writeMutex);
    std::fprintf(stderr, "%s.%03lldZ %s %s\n", stamp, static_cast<long long>(millis),
        levelName(level), message.c_str());
    std::fflush(stderr);
}

} // namespace suanli::server
