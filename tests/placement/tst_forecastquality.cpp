// Forecast quality on simulated centres over fixed seeds: the forecaster sees only what a
// gateway's cache holds; the centre then runs on and each forecast is checked against when the
// job really started. Prints the figures the docs quote (docs/placement.md).
#include "server/placement/Calibration.h"
#include "server/placement/Forecaster.h"
#include "tests/placement/SimMirror.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <gtest/gtest.h>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace suanli::server;
using namespace suanli::server::placement;
namespace v1 = suanli::v1;

// 2026-03-10 08:00:00 UTC.
const auto kStart = std::chrono::system_clock::time_point(std::chrono::seconds(1773129600));
constexpr int kSeeds = 20;
constexpr double kWarmUpSeconds = 3 * 3600;
constexpr double kWatchSeconds = 6 * 3600;

struct Scored {
    int64_t p10 = 0, p50 = 0, p90 = 0, baseline = 0, actual = 0;
};

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

SimOptions options(const std::string &site, uint64_t seed)
{
    SimOptions o;
    o.site = site;
    o.nodes = 160;
    o.jobs = 1600;
    o.seed = seed;
    o.speed = 1;
    o.startTime = kStart;
    return o;
}

// When each watched job started over the next `seconds` (-1: not by then); cancelled or held
// jobs are left out.
std::map<std::string, int64_t> watch(
    test::SimMirror &mirror, const std::map<std::string, bool> &ids, double seconds)
{
    std::map<std::string, int64_t> started;
    for (const auto &[id, unused] : ids)
        started[id] = -1;
    std::map<std::string, bool> gone;
    mirror.advance(seconds, 60, [&](const v1::Job &j) {
        auto it = started.find(j.id());
        if (it == started.end() || it->second >= 0)
            return;
        if (j.has_start_time() && j.start_time().seconds() > 0)
            it->second = j.start_time().seconds();
        else if (j.state() == v1::JOB_STATE_CANCELLED || j.state() == v1::JOB_STATE_HELD)
            gone[j.id()] = true;
    });
    for (const auto &[id, unused] : gone)
        started.erase(id);
    return started;
}

// Forecasts every waiting job of one centre, watches them start, and does it again with the
// first round's outcomes as the calibration (as the gateway's running record gives it); the
// second round is scored. `raw` gets the second round scored without calibration.
std::vector<Scored> run(const std::string &site, uint64_t seed, std::string *fingerprint,
    std::vector<Scored> *raw = nullptr)
{
    SimBackend sim(options(site, seed));
    test::SimMirror mirror(sim);
    mirror.advance(kWarmUpSeconds);

    // Round one: the calibration.
    std::vector<Calibration::Sample> samples;
    {
        const ForecastInput input = mirror.input();
        const auto forecasts = Forecaster(input).forecastPending();
        std::map<std::string, bool> ids;
        std::map<std::string, size_t> index;
        for (size_t i = 0; i < forecasts.size(); ++i)
            if (forecasts[i].known) {
                ids[input.pending[i].id] = true;
                index[input.pending[i].id] = i;
            }
        // A job not started by the end counts as starting then: a wait at least that long.
        for (const auto &[id, start] : watch(mirror, ids, kWatchSeconds)) {
            const size_t i = index[id];
            samples.push_back(
                { input.queues[input.pending[i].queue].name, forecasts[i].p50 - input.nowS,
                    start < 0 ? int64_t(kWatchSeconds) : start - input.nowS });
        }
    }

    // Round two, scored.
    const ForecastInput input = mirror.input();
    const auto forecasts = Forecaster(input, Calibration(samples)).forecastPending();
    const auto uncalibrated = Forecaster(input).forecastPending();
    for (size_t i = 0; i < forecasts.size(); ++i)
        *fingerprint += input.pending[i].id + ":" + std::to_string(forecasts[i].p10) + ","
            + std::to_string(forecasts[i].p50) + "," + std::to_string(forecasts[i].p90) + ";";
    std::map<std::string, bool> ids;
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < forecasts.size(); ++i)
        if (forecasts[i].known) {
            ids[input.pending[i].id] = true;
            index[input.pending[i].id] = i;
        }
    const int64_t end = input.nowS + int64_t(kWatchSeconds);
    std::vector<Scored> out;
    for (const auto &[id, start] : watch(mirror, ids, kWatchSeconds)) {
        const size_t i = index[id];
        const auto &job = input.pending[i];
        const auto &queue = mirror.queues().at(input.queues[job.queue].name);
        // The naive baseline: a job starts its queue's median wait after it was submitted.
        const int64_t baseline
            = std::max(input.nowS, job.submitS + int64_t(queue.wait_seconds_p50()));
        auto score = [&](const Forecaster::Forecast &f, std::vector<Scored> *into) {
            // Not started by the end: scored only when the forecast said it would have.
            if (start < 0 && f.p90 >= end)
                return;
            into->push_back({ f.p10, f.p50, f.p90, baseline, start < 0 ? end : start });
        };
        score(forecasts[i], &out);
        if (raw)
            score(uncalibrated[i], raw);
    }
    return out;
}

struct Summary {
    int64_t scored = 0;
    double inside = 0, late = 0, p50Error = 0, baselineError = 0, width = 0;
};

Summary summarise(const std::vector<Scored> &all)
{
    std::vector<double> errors, baselineErrors, widths;
    int64_t inside = 0, late = 0;
    for (const auto &s : all) {
        inside += s.actual >= s.p10 && s.actual <= s.p90;
        late += s.actual > s.p90;
        errors.push_back(std::abs(double(s.actual - s.p50)));
        baselineErrors.push_back(std::abs(double(s.actual - s.baseline)));
        widths.push_back(double(s.p90 - s.p10));
    }
    const double n = double(std::max<size_t>(1, all.size()));
    return { int64_t(all.size()), double(inside) / n, double(late) / n, median(errors),
        median(baselineErrors), median(widths) };
}

TEST(ForecastQuality, MostStartsFallInsideTheIntervalAndP50BeatsTheQueuesMedianWait)
{
    for (const std::string site : { "lingang", "xian" }) {
        std::vector<Scored> calibrated, raw;
        for (int seed = 1; seed <= kSeeds; ++seed) {
            std::string print;
            for (const auto &s : run(site, uint64_t(seed), &print, &raw))
                calibrated.push_back(s);
        }
        const Summary c = summarise(calibrated);
        const Summary r = summarise(raw);
        std::printf("%s, %d seeds, %lld starts scored: inside [p10,p90] %.1f %% (replay alone "
                    "%.1f %%, %.1f %% later than its p90); p50 median |error| %.0f s (replay "
                    "alone %.0f s); queue median-wait baseline %.0f s; median interval %.0f s "
                    "(replay alone %.0f s)\n",
            site.c_str(), kSeeds, (long long)c.scored, 100 * c.inside, 100 * r.inside, 100 * r.late,
            c.p50Error, r.p50Error, c.baselineError, c.width, r.width);
        EXPECT_GE(c.scored, 200) << site;
        EXPECT_GE(c.inside, 0.80) << site;
        // Where jobs wait (saturated Lingang) the p50 must beat the queue's median wait. At
        // Xi'an the few jobs that wait are mostly held by their tenant's quota, and the p50
        // does not beat that baseline yet (docs/placement.md gives the figures).
        if (site == "lingang") {
            EXPECT_LT(c.p50Error, c.baselineError) << site;
        }
    }
}

TEST(ForecastQuality, TheSameSeedAndStateGiveTheSameForecast)
{
    std::string a, b;
    run("lingang", 7, &a);
    run("lingang", 7, &b);
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, b);
}

} // namespace
