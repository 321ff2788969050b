// The forecaster's parts on hand-made centres whose answers are worked out by hand: the room
// profile, the runtime distribution, and a replay with backfill, quotas and priorities.
#include "server/placement/Forecaster.h"
#include "server/placement/Profile.h"
#include "server/placement/RuntimeModel.h"

#include <gtest/gtest.h>

namespace {

using namespace suanli::server::placement;

constexpr int64_t kNow = 1'000'000;

TEST(Profile, EarliestStartNeedsRoomForTheWholeRun)
{
    // 4 free now, 8 more at +100, 4 more at +300.
    Profile p(kNow, 4, { { kNow + 300, 4 }, { kNow + 100, 8 } });
    EXPECT_EQ(p.earliest(kNow, 4, 1000), kNow);
    EXPECT_EQ(p.earliest(kNow, 12, 1000), kNow + 100);
    EXPECT_EQ(p.earliest(kNow, 16, 10), kNow + 300);
    EXPECT_EQ(p.earliest(kNow, 17, 10), -1);
    EXPECT_EQ(p.peak(), 16);

    // 12 taken over [+100, +200): a 10-wide run of 10 fits only from +200 on.
    p.reserve(kNow + 100, 12, 100);
    EXPECT_EQ(p.roomAt(kNow + 150), 0);
    EXPECT_EQ(p.roomAt(kNow + 200), 12);
    EXPECT_EQ(p.earliest(kNow, 10, 50), kNow + 200);
    // 4 fits before it, for up to 100 s.
    EXPECT_EQ(p.earliest(kNow, 4, 100), kNow);
    EXPECT_EQ(p.earliest(kNow, 4, 101), kNow + 200);
}

ForecastInput oneQueue()
{
    ForecastInput in;
    in.nowS = kNow;
    in.models = { { "910b", 5 } };
    in.queues = { { "910b", 0, 7 * 86400 } };
    // Two nodes of 8: one busy with a running job.
    in.nodes = { { { 0 }, 8, 8, true }, { { 0 }, 8, 0, true } };
    ForecastInput::Job running;
    running.id = "r";
    running.accelerators = 8;
    running.startS = kNow - 1800;
    running.limitS = 3600;
    in.running = { running };
    return in;
}

ForecastInput::Job pending(const char *id, int32_t accelerators, int64_t priority, int64_t limit)
{
    ForecastInput::Job j;
    j.id = id;
    j.accelerators = accelerators;
    j.priority = priority;
    j.limitS = limit;
    j.submitS = kNow - 3 * 3600; // before the arrival window: no arrivals in these cases
    return j;
}

TEST(Forecaster, ReplaysByPriorityWithBackfill)
{
    // No history: every job runs to its limit, so p10 = p50 = p90.
    ForecastInput in = oneQueue();
    in.pending = { pending("a", 16, 10, 3600), pending("b", 8, 5, 1000), pending("c", 8, 1, 3600) };
    const Forecaster f(in);
    const auto out = f.forecastPending();
    ASSERT_EQ(out.size(), 3u);
    // a waits for the running job to end at +1800; b backfills now, ending before a needs the
    // room; c finds no 3600 s gap before a ends at +5400.
    EXPECT_TRUE(out[0].known);
    EXPECT_EQ(out[0].p50, kNow + 1800);
    EXPECT_EQ(out[1].p50, kNow);
    EXPECT_EQ(out[2].p50, kNow + 5400);
    EXPECT_EQ(out[2].p10, out[2].p90);

    // A virtual job of 8 at priority 3 lands between b and c: after a, like c.
    Forecaster::Virtual v;
    v.accelerators = 8;
    v.priority = 3;
    v.limitS = 3600;
    const auto quote = f.forecast(v);
    EXPECT_TRUE(quote.known);
    EXPECT_EQ(quote.p50, kNow + 5400);
    // Ahead of everyone it takes the free node now.
    v.priority = 100;
    EXPECT_EQ(f.forecast(v).p50, kNow);
    // Larger than the queue: never.
    v.accelerators = 24;
    EXPECT_FALSE(f.forecast(v).known);
    EXPECT_EQ(f.typicalPriority(0, -1), 5);
}

TEST(Forecaster, QuotaHoldsAJobBackUntilTheTenantsOwnJobEnds)
{
    ForecastInput in = oneQueue();
    in.accounts = { { "t:galaxy", { 8 }, -1 } };
    in.running[0].tenant = 0;
    // The free node would take it now, but the tenant holds its whole quota of 8.
    in.pending = { pending("q", 8, 5, 600) };
    in.pending[0].tenant = 0;
    const auto out = Forecaster(in).forecastPending();
    EXPECT_EQ(out[0].p50, kNow + 1800);
}

TEST(Forecaster, HistoryGivesTheIntervalAndTheSameInputTheSameAnswer)
{
    ForecastInput in = oneQueue();
    // Jobs of this size ran 10 % to 100 % of their limits.
    for (int i = 1; i <= 10; ++i)
        for (int k = 0; k < 3; ++k)
            in.finished.push_back({ 0, 8, 360 * i, 3600 });
    in.pending = { pending("a", 16, 10, 3600) };
    const RuntimeModel runtimes(in);
    EXPECT_EQ(runtimes.samples(0, 8), 30u);
    EXPECT_NEAR(runtimes.quantile(0, 8, 0.1), 0.1, 1e-6);
    EXPECT_NEAR(runtimes.quantile(0, 8, 0.9), 0.9, 1e-6);
    // Having run half its limit, the running job's 10 % point is 0.6 of it.
    EXPECT_NEAR(runtimes.conditionalQuantile(0, 8, 0.5, 0.1), 0.6, 1e-6);

    const auto out = Forecaster(in).forecastPending();
    ASSERT_TRUE(out[0].known);
    // The running job (started 1800 s ago, limit 3600) ends at +360, +1080 or +1800.
    EXPECT_EQ(out[0].p10, kNow + 360);
    EXPECT_EQ(out[0].p50, kNow + 1080);
    EXPECT_EQ(out[0].p90, kNow + 1800);
    const auto again = Forecaster(in).forecastPending();
    EXPECT_EQ(again[0].p10, out[0].p10);
    EXPECT_EQ(again[0].p90, out[0].p90);
}

TEST(Forecaster, WorkThatKeepsArrivingGoesAheadByPriority)
{
    // The node that is free now; the other is busy until +1800. A job of 8 at priority 9 was
    // submitted 30 minutes ago and started: the same is expected again at +1h30 (two hours
    // later), ahead of a waiting job of priority 1 that needs both nodes for two hours.
    ForecastInput in = oneQueue();
    in.running[0].submitS = kNow - 1800;
    in.running[0].priority = 9;
    in.running[0].limitS = 3600;
    in.pending = { pending("low", 16, 1, 7200) };
    const auto out = Forecaster(in).forecastPending();
    // Without arrivals it would start at +1800, when the running job ends. The same job is
    // expected again every two hours (+5400, +12600, ... +41400, within the 12 h horizon), an
    // hour each, ahead of it: the gaps between are one hour, too short for its two, so it
    // starts when the last expected arrival ends, at +45000.
    EXPECT_EQ(out[0].p50, kNow + 45000);
    in.running[0].priority = 0; // the same stream behind it: no delay
    EXPECT_EQ(Forecaster(in).forecastPending()[0].p50, kNow + 1800);
}

} // namespace
