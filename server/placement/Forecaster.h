#pragma once

#include "server/placement/Calibration.h"
#include "server/placement/ForecastInput.h"
#include "server/placement/RuntimeModel.h"

#include <cstdint>
#include <vector>

namespace suanli::server::placement {

// Forecaster says when pending work would start, from what the gateway's cache knows only.
// It replays the pending queue forward, in priority order, against the running jobs' expected
// ends (each job's time limit scaled by the observed share of its limit that jobs of its queue
// and size run, RuntimeModel): each job takes the earliest time its queue has the accelerators
// and its tenant and project the quota for its whole expected run, without delaying a job ahead
// of it (conservative backfill). Work keeps arriving while a job waits: the jobs submitted over
// the last two hours are replayed as arriving again over the next twelve, each from its arrival
// time, so later work of higher priority goes ahead as it would. The replay runs three times, with
// every run at the 10 %, 50 % and 90 % point of that distribution; the three starts are the
// forecast's p10, p50 and p90, then corrected by how the gateway's earlier forecasts of the queue
// turned out (Calibration). Deterministic for the same input. Work is bounded: at most
// kMaxReplayedPerQueue pending jobs per queue are replayed (behind them a forecast is unknown), and
// one replay costs O(J x (R + J)) step visits for J replayed jobs and R running ones.
class Forecaster {
public:
    static constexpr size_t kMaxReplayedPerQueue = 4000;
    static constexpr int64_t kArrivalWindowS = 2 * 3600;
    static constexpr int64_t kArrivalHorizonS = 12 * 3600;
    static constexpr size_t kMaxArrivals = 20000;
    // Runs shorter than this are counted as this long.
    static constexpr int64_t kMinRunSeconds = 60;
    // Time limit assumed for a job or queue with none: a day.
    static constexpr int64_t kDefaultLimitSeconds = 24 * 3600;

    // Start times, seconds since the epoch; known false when the job cannot start in the
    // replay (too large for its queue or quota, or behind the replayed jobs).
    struct Forecast {
        bool known = false;
        int64_t p10 = 0;
        int64_t p50 = 0;
        int64_t p90 = 0;
        // Real starts behind the correction (0: the replay alone).
        size_t calibratedOn = 0;
    };
    // Work that is not in the queue yet, for a quote.
    struct Virtual {
        uint16_t queue = 0;
        int32_t tenant = -1;
        int32_t project = -1;
        int32_t accelerators = 0;
        int64_t priority = 0;
        int64_t limitS = 0;
    };

    explicit Forecaster(const ForecastInput &input, Calibration calibration = {});

    // One forecast per input.pending job, in the same order.
    std::vector<Forecast> forecastPending() const;
    // The virtual job placed in the queue where its priority puts it (behind the jobs of the
    // same priority already waiting).
    Forecast forecast(const Virtual &job) const;
    // The priority such work would get: the median of the tenant's waiting jobs in the queue,
    // else of the queue's, else 0.
    int64_t typicalPriority(uint16_t queue, int32_t tenant) const;

    const RuntimeModel &runtimes() const { return m_runtimes; }

private:
    // Starts of the replayed pending jobs (-1: none), and of the virtual job when given.
    std::vector<int64_t> replay(double q, const Virtual *job, int64_t *virtualStart) const;
    int64_t limitOf(uint16_t queue, int64_t limitS) const;
    Forecast combine(uint16_t queue, int64_t p10, int64_t p50, int64_t p90) const;

    const ForecastInput &m_input;
    RuntimeModel m_runtimes;
    Calibration m_calibration;
    // Work expected to arrive: the jobs submitted over the last kArrivalWindowS, submitted again
    // every window from now on, up to kArrivalHorizonS ahead and at most kMaxArrivals jobs.
    struct Arrival {
        int64_t atS = 0;
        uint16_t queue = 0;
        int32_t tenant = -1;
        int32_t project = -1;
        int32_t accelerators = 0;
        int64_t priority = 0;
        int64_t limitS = 0;
    };
    std::vector<Arrival> m_arrivals;
    // Pending jobs (index < pending.size()) and arrivals (the rest) in the order the replay
    // places them: by priority, then time of submission, then index.
    std::vector<uint32_t> m_order;
};

} // namespace suanli::server::placement
