#pragma once

#include <chrono>

namespace suanli::client {

// Backoff spaces out reconnection attempts: exponential (0.5 s doubling to
// 30 s by default) with ±20 % jitter, so a hundred consoles that lost the same
// gateway do not all come back in the same instant.
class Backoff {
public:
    explicit Backoff(std::chrono::milliseconds initial = std::chrono::milliseconds(500),
        std::chrono::milliseconds maximum = std::chrono::seconds(30), double jitter = 0.2);

    // The wait before the next attempt; each call doubles the base delay up to the maximum.
    std::chrono::milliseconds next();
    // After a success: the next failure waits the initial delay again.
    void reset();
    // Attempts counted since the last reset().
    int failures() const { return m_failures; }

private:
    std::chrono::milliseconds m_initial;
    std::chrono::milliseconds m_maximum;
    double m_jitter;
    std::chrono::milliseconds m_current;
    int m_failures = 0;
};

} // namespace suanli::client
