#pragma once

#include "server/placement/Forecaster.h"

#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace suanli::server::placement {

// ForecastTracker keeps the first forecast made for each waiting job and, when the job starts,
// how far off it was; it answers how good the forecasts of each queue and method have been over
// a window. Bounded: at most kMaxOpen forecasts wait for their jobs and kMaxScored outcomes are
// kept. Thread-safe.
class ForecastTracker {
public:
    static constexpr size_t kMaxOpen = 250'000;
    static constexpr size_t kMaxScored = 100'000;

    struct Accuracy {
        std::string queue;
        std::string method;
        int64_t scored = 0;
        double insideShare = 0;
        double p50ErrorMedian = 0;
        double intervalMedian = 0;
    };

    // Forecasts of `method` for jobs (id, queue) made at nowS; a job already forecast keeps
    // its first one.
    void forecast(const std::string &method, const std::string &id, const std::string &queue,
        const Forecaster::Forecast &f);
    // The job started at startS (seen at nowS): scores its forecasts.
    void started(const std::string &id, int64_t startS, int64_t nowS);
    // Forgets forecasts of jobs that are no longer waiting and did not start (cancelled, held).
    void forget(const std::string &id);
    // Ids with an open forecast.
    std::vector<std::string> open() const;
    // Per queue and method, over outcomes scored since nowS - windowS; sorted by queue, method.
    std::vector<Accuracy> accuracy(int64_t nowS, int64_t windowS) const;

private:
    struct Open {
        std::string queue;
        std::string method;
        Forecaster::Forecast forecast;
    };
    struct Outcome {
        std::string queue;
        std::string method;
        int64_t atS = 0;
        bool inside = false;
        double p50Error = 0;
        double interval = 0;
    };

    mutable std::mutex m_mutex;
    std::unordered_map<std::string, std::vector<Open>> m_open;
    std::deque<Outcome> m_scored;
};

} // namespace suanli::server::placement
