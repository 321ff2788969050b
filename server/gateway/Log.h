#pragma once

#include <sstream>
#include <string>

namespace suanli::server {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3 };

// Log writes one line per event to stderr: UTC time, level, message.
class Log {
public:
    static void setLevel(LogLevel level);
    static bool parseLevel(const std::string &text, LogLevel *level);
    static bool enabled(LogLevel level);
    static void write(LogLevel level, const std::string &message);
};

} // namespace suanli::server

#define SUANLI_LOG(level, expr)                                                                    \
    do {                                                                                           \
        if (::suanli::server::Log::enabled(level)) {                                               \
            std::ostringstream suanli_log_stream_;                                                 \
            suanli_log_stream_ << expr;                                                            \
            ::suanli::server::Log::write(level, suanli_log_stream_.str());                         \
        }                                                                                          \
    } while (0)
#define LOG_DEBUG(expr) SUANLI_LOG(::suanli::server::LogLevel::Debug, expr)
#define LOG_INFO(expr) SUANLI_LOG(::suanli::server::LogLevel::Info, expr)
#define LOG_WARN(expr) SUANLI_LOG(::suanli::server::LogLevel::Warn, expr)
#define LOG_ERROR(expr) SUANLI_LOG(::suanli::server::LogLevel::Error, expr)
