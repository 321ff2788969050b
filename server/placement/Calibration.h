#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace suanli::server::placement {

// Calibration corrects the replay's forecasts by how its earlier forecasts turned out, per
// queue (split conformal prediction): the replay cannot see work that has not arrived yet or
// the scheduler's own packing, so starts run later than it says in a way the record of real
// starts measures. From the ratios of real to forecast waits, for forecasts of about the same
// wait (under 10 minutes, under an hour, under 4 hours, longer), it takes the 5 %, 50 % and 95 %
// points and stretches each new forecast's wait by them, never narrowing the replay's own
// interval.
class Calibration {
public:
    // A forecast made at some moment and when the job really started, as waits from then.
    struct Sample {
        std::string queue;
        int64_t forecastWaitS = 0; // p50 - moment of forecast
        int64_t actualWaitS = 0; // start - moment of forecast
    };
    // A queue needs this many samples, else it borrows every queue's.
    static constexpr size_t kMinSamples = 30;
    // Waits are compared with this much added, so "now" and "in 5 minutes" compare sensibly.
    static constexpr int64_t kSlackSeconds = 600;

    Calibration() = default;
    explicit Calibration(const std::vector<Sample> &samples);

    // Waits p10 <= p50 <= p90 (seconds from now) corrected for the queue; unchanged without
    // samples.
    void apply(const std::string &queue, int64_t *p10, int64_t *p50, int64_t *p90) const;
    // Samples behind the correction of a queue (0: none applies).
    size_t samples(const std::string &queue, int64_t forecastWaitS) const;
    bool empty() const { return m_all[kBins].count == 0; }

private:
    struct Ratios {
        size_t count = 0;
        double low = 1, mid = 1, high = 1;
    };
    static Ratios ratios(std::vector<double> values);
    static int bin(int64_t forecastWaitS);
    // The queue's ratios for forecasts of that wait, else every queue's, else the queue's of
    // any wait, else every queue's of any wait.
    const Ratios &of(const std::string &queue, int64_t forecastWaitS) const;

    static constexpr int kBins = 4;
    // Per queue: ratios by wait bin, then of any wait (index kBins).
    std::vector<std::pair<std::string, std::array<Ratios, kBins + 1>>> m_queues;
    std::array<Ratios, kBins + 1> m_all;
};

} // namespace suanli::server::placement
