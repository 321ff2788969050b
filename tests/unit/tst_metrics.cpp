// Tests of the telemetry history behind QueryMetrics and StreamMetrics: what
// a chart asks for comes back at the right times, gaps stay gaps, rings wrap,
// bad requests get messages a person can act on, and memory stays bounded.
#include "server/metrics/MetricsHistory.h"

#include <atomic>
#include <cmath>
#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <vector>

using namespace suanli::server;

namespace {

// A minute in 2023, a multiple of 60 so 5- and 60-minute buckets start on it.
constexpr int64_t kBase = 28'000'020;
static_assert(kBase % 60 == 0);

v1::QueryMetricsRequest request(v1::MetricScope scope, const std::string &target,
    std::vector<std::string> metrics, int64_t startMinute, int64_t endMinute,
    int64_t stepSeconds = 60)
{
    v1::QueryMetricsRequest r;
    r.set_scope(scope);
    r.set_target(target);
    for (const std::string &m : metrics)
        r.add_metrics(m);
    r.mutable_start_time()->set_seconds(startMinute * 60);
    r.mutable_end_time()->set_seconds(endMinute * 60);
    r.mutable_step()->set_seconds(stepSeconds);
    return r;
}

NodeSample sample(uint32_t node, float utilisation, float temperature = 40, float power = 1000,
    float memory = 50, size_t accelerators = 0)
{
    NodeSample s;
    s.nodeIndex = node;
    s.utilisationPercent = utilisation;
    s.temperatureCelsius = temperature;
    s.powerWatts = power;
    s.memoryUsedPercent = memory;
    for (size_t a = 0; a < accelerators; ++a)
        s.accelerators.push_back(
            { utilisation + static_cast<float>(a), temperature, power / 8, memory });
    return s;
}

// Runs a query that must succeed.
v1::QueryMetricsResponse ok(const MetricsHistory &h, const v1::QueryMetricsRequest &r,
    std::optional<uint32_t> node = std::nullopt)
{
    int code = -1;
    std::string error;
    v1::QueryMetricsResponse response = h.query(r, node, &code, &error);
    EXPECT_EQ(code, MetricsHistory::kOk) << error;
    EXPECT_TRUE(error.empty()) << error;
    return response;
}

// Runs a query that must fail; returns the message.
std::string failure(const MetricsHistory &h, const v1::QueryMetricsRequest &r, int expectedCode,
    std::optional<uint32_t> node = std::nullopt)
{
    int code = -1;
    std::string error;
    const v1::QueryMetricsResponse response = h.query(r, node, &code, &error);
    EXPECT_EQ(code, expectedCode) << error;
    EXPECT_EQ(response.series_size(), 0);
    EXPECT_FALSE(error.empty());
    return error;
}

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

TEST(MetricsHistory, PointsRecordedComeBackAtTheirTimes)
{
    MetricsHistory h(4, 2);
    for (int i = 0; i < 10; ++i)
        ASSERT_TRUE(
            h.recordNodes(kBase + i, { sample(1, 10.0f + i, 50.5f + i, 1000.0f + i, 20.5f + i) }));

    const auto r = ok(h,
        request(v1::METRIC_SCOPE_NODE, "lg-r0001-n2",
            { "power_watts", "utilisation_percent", "temperature_celsius", "memory_used_percent" },
            kBase, kBase + 9),
        1);
    EXPECT_EQ(r.retention().seconds(), 24 * 3600);
    ASSERT_EQ(r.series_size(), 4);
    const char *units[] = { "watts", "percent", "celsius", "percent" };
    for (int s = 0; s < 4; ++s) {
        EXPECT_EQ(r.series(s).unit(), units[s]);
        EXPECT_TRUE(r.series(s).available());
        ASSERT_EQ(r.series(s).times_size(), 10);
        ASSERT_EQ(r.series(s).values_size(), 10);
    }
    EXPECT_EQ(r.series(0).metric(), "power_watts");
    for (int i = 0; i < 10; ++i) {
        EXPECT_EQ(r.series(0).times(i), (kBase + i) * 60);
        EXPECT_DOUBLE_EQ(r.series(0).values(i), 1000.0 + i);
        EXPECT_DOUBLE_EQ(r.series(1).values(i), 10.0 + i);
        EXPECT_DOUBLE_EQ(r.series(2).values(i), 50.5 + i);
        EXPECT_DOUBLE_EQ(r.series(3).values(i), 20.5 + i);
    }

    // A node that sent nothing has no values, not zeros.
    const auto other = ok(h, request(v1::METRIC_SCOPE_NODE, "n0", {}, kBase, kBase + 9), 0);
    ASSERT_EQ(other.series_size(), 4); // empty list: every node metric
    EXPECT_EQ(other.series(0).metric(), "utilisation_percent");
    for (double v : other.series(0).values())
        EXPECT_TRUE(std::isnan(v));
}

TEST(MetricsHistory, ValuesAreQuantisedClampedAndNaNKept)
{
    MetricsHistory h(3, 0);
    h.recordNodes(kBase,
        { sample(0, 33.3f, 71.26f, 812.4f, 99.9f), sample(1, 140.0f, 300.0f, 90000.0f, -5.0f),
            sample(2, NAN, NAN, NAN, NAN) });
    auto at = [&](uint32_t node, int metric) {
        return ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), node)
            .series(metric)
            .values(0);
    };
    EXPECT_NEAR(at(0, 0), 33.3, 0.25);
    EXPECT_NEAR(at(0, 1), 71.26, 0.25);
    EXPECT_NEAR(at(0, 2), 812.4, 0.5);
    EXPECT_NEAR(at(0, 3), 99.9, 0.25);
    EXPECT_DOUBLE_EQ(at(1, 0), 100.0);
    EXPECT_DOUBLE_EQ(at(1, 1), 127.0);
    EXPECT_DOUBLE_EQ(at(1, 2), 65534.0);
    EXPECT_DOUBLE_EQ(at(1, 3), 0.0);
    for (int m = 0; m < 4; ++m)
        EXPECT_TRUE(std::isnan(at(2, m))) << m;
}

TEST(MetricsHistory, FiveMinuteStepIsTheMeanOfItsMinutes)
{
    MetricsHistory h(1, 0);
    for (int i = 0; i < 10; ++i)
        h.recordNodes(kBase + i, { sample(0, static_cast<float>(i)) });

    const auto r = ok(h,
        request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase, kBase + 9, 300), 0);
    ASSERT_EQ(r.series(0).values_size(), 2);
    EXPECT_EQ(r.series(0).times(0), kBase * 60);
    EXPECT_EQ(r.series(0).times(1), (kBase + 5) * 60);
    EXPECT_DOUBLE_EQ(r.series(0).values(0), 2.0); // mean of 0..4
    EXPECT_DOUBLE_EQ(r.series(0).values(1), 7.0); // mean of 5..9

    // A start inside a bucket reports the whole bucket, at its start.
    const auto shifted = ok(h,
        request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase + 2, kBase + 9, 300),
        0);
    ASSERT_EQ(shifted.series(0).times_size(), 2);
    EXPECT_EQ(shifted.series(0).times(0), kBase * 60);
    EXPECT_DOUBLE_EQ(shifted.series(0).values(0), 2.0);
}

TEST(MetricsHistory, SkippedMinutesAreGaps)
{
    MetricsHistory h(1, 0);
    h.recordNodes(kBase, { sample(0, 10) });
    h.recordNodes(kBase + 1, { sample(0, 20) });
    h.recordNodes(kBase + 3, { sample(0, 40) });
    h.recordNodes(kBase + 11, { sample(0, 90) });

    const auto r = ok(
        h, request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase, kBase + 11), 0);
    const auto &v = r.series(0).values();
    ASSERT_EQ(v.size(), 12);
    EXPECT_DOUBLE_EQ(v[0], 10);
    EXPECT_DOUBLE_EQ(v[1], 20);
    EXPECT_TRUE(std::isnan(v[2]));
    EXPECT_DOUBLE_EQ(v[3], 40);
    for (int i = 4; i < 11; ++i)
        EXPECT_TRUE(std::isnan(v[i])) << i;
    EXPECT_DOUBLE_EQ(v[11], 90);

    // Gaps do not pull a mean down; a bucket with no sample is NaN.
    const auto five = ok(h,
        request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase, kBase + 14, 300), 0);
    ASSERT_EQ(five.series(0).values_size(), 3);
    EXPECT_DOUBLE_EQ(five.series(0).values(0), (10 + 20 + 40) / 3.0);
    EXPECT_TRUE(std::isnan(five.series(0).values(1)));
    EXPECT_DOUBLE_EQ(five.series(0).values(2), 90);

    // Times in the future of the history are NaN too.
    const auto future = ok(h,
        request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase + 12, kBase + 20), 0);
    for (double x : future.series(0).values())
        EXPECT_TRUE(std::isnan(x));
}

TEST(MetricsHistory, RecordingAMinuteAgainOverwrites)
{
    MetricsHistory h(2, 0);
    h.recordNodes(kBase, { sample(0, 10), sample(1, 30) });
    h.recordNodes(kBase, { sample(0, 15) }); // a later tick of the same minute
    const auto r0 = ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), 0);
    const auto r1 = ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), 1);
    EXPECT_DOUBLE_EQ(r0.series(0).values(0), 15);
    EXPECT_DOUBLE_EQ(r1.series(0).values(0), 30); // not in the second call: kept
}

TEST(MetricsHistory, RingWrapsKeepingOnlyTheLast24Hours)
{
    MetricsHistory h(2, 0);
    const int64_t total = MetricsHistory::kNodeMinutes + 100;
    auto valueOf = [](int64_t minute) { return static_cast<float>(minute % 200) / 2; };
    for (int64_t m = kBase; m < kBase + total; ++m) {
        std::vector<NodeSample> samples
            = { sample(1, valueOf(m), 40, static_cast<float>(m % 5000)) };
        if (m < kBase + 100)
            samples.push_back(sample(0, 77)); // node 0 reports only during the first lap
        ASSERT_TRUE(h.recordNodes(m, samples));
    }
    const int64_t newest = kBase + total - 1;

    // The slots node 0 wrote were reused in the second lap: none of it shows.
    const auto silent = ok(h, request(v1::METRIC_SCOPE_NODE, "n0", {}, kBase, newest), 0);
    for (const auto &series : silent.series()) {
        for (double v : series.values())
            ASSERT_TRUE(std::isnan(v)) << series.metric();
    }

    // 1540 minutes: the first 100 have been overwritten by the second lap.
    const auto r = ok(h,
        request(
            v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent", "power_watts" }, kBase, newest),
        1);
    ASSERT_EQ(r.series(0).values_size(), total);
    for (int64_t i = 0; i < total; ++i) {
        const int64_t m = kBase + i;
        ASSERT_EQ(r.series(0).times(i), m * 60);
        if (m <= newest - MetricsHistory::kNodeMinutes) {
            EXPECT_TRUE(std::isnan(r.series(0).values(i))) << "minute " << i;
            EXPECT_TRUE(std::isnan(r.series(1).values(i))) << "minute " << i;
        } else if (m <= newest - MetricsHistory::kNodeFineMinutes) {
            // Older than an hour: the mean of the minute's five-minute slot.
            const int64_t first = m - (m % MetricsHistory::kNodeBucketMinutes);
            double utilisation = 0, power = 0;
            for (int64_t k = first; k < first + MetricsHistory::kNodeBucketMinutes; ++k) {
                utilisation += valueOf(k) / 5.0;
                power += static_cast<double>(k % 5000) / 5.0;
            }
            EXPECT_NEAR(r.series(0).values(i), utilisation, 0.25) << "minute " << i;
            EXPECT_NEAR(r.series(1).values(i), power, 0.5) << "minute " << i;
        } else {
            EXPECT_DOUBLE_EQ(r.series(0).values(i), valueOf(m)) << "minute " << i;
            EXPECT_DOUBLE_EQ(r.series(1).values(i), static_cast<double>(m % 5000)) << i;
        }
    }
    // A minute older than the history is refused and changes nothing.
    EXPECT_FALSE(h.recordNodes(kBase + 5, { sample(1, 99) }));
    EXPECT_TRUE(std::isnan(ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase + 5, kBase + 6), 1)
                               .series(0)
                               .values(0)));

    // A jump of more than a day leaves nothing of the old lap visible.
    h.recordNodes(newest + 2000, { sample(1, 1) });
    const auto after = ok(h,
        request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, newest + 2000 - 1439,
            newest + 2000),
        1);
    int present = 0;
    for (double x : after.series(0).values())
        present += !std::isnan(x);
    EXPECT_EQ(present, 1);
}

TEST(MetricsHistory, NodeMinutesOlderThanAnHourReadAsFiveMinuteMeans)
{
    MetricsHistory h(1, 0);
    // Minutes 0..179 from kBase, skipping 10..14 (a silent five minutes) and 20..21.
    auto valueOf = [](int64_t i) { return static_cast<float>((i * 7) % 40); };
    for (int64_t i = 0; i < 180; ++i) {
        if ((i >= 10 && i < 15) || i == 20 || i == 21)
            continue;
        ASSERT_TRUE(h.recordNodes(kBase + i, { sample(0, valueOf(i), 40, 1000 + i) }));
    }
    const int64_t newest = kBase + 179;
    auto at = [&](int64_t first, int64_t last, int64_t step) {
        return ok(h,
            request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent", "power_watts" }, first,
                last, step),
            0);
    };
    auto meanOf = [&](int64_t from, int64_t to) { // minutes [from, to) of those recorded
        double sum = 0;
        int n = 0;
        for (int64_t i = from; i < to; ++i) {
            if ((i >= 10 && i < 15) || i == 20 || i == 21)
                continue;
            sum += valueOf(i);
            ++n;
        }
        return n ? sum / n : std::numeric_limits<double>::quiet_NaN();
    };
    // One-minute points over the first hours: each minute reads its slot's mean.
    const auto minutes = at(kBase, kBase + 29, 60);
    for (int64_t i = 0; i < 30; ++i) {
        const double expected = meanOf(i - i % 5, i - i % 5 + 5);
        if (std::isnan(expected))
            EXPECT_TRUE(std::isnan(minutes.series(0).values(int(i)))) << "minute " << i;
        else
            EXPECT_NEAR(minutes.series(0).values(int(i)), expected, 0.25) << "minute " << i;
    }
    // A slot with two minutes missing is the mean of the three it has.
    EXPECT_NEAR(at(kBase + 20, kBase + 21, 300).series(1).values(0), 1000 + 23, 0.5);
    // Five-minute points are the slots themselves.
    EXPECT_NEAR(at(kBase + 25, kBase + 26, 300).series(0).values(0), meanOf(25, 30), 0.25);
    // The last hour keeps every minute.
    const auto recent = at(newest - 59, newest, 60);
    for (int64_t i = 0; i < 60; ++i)
        EXPECT_DOUBLE_EQ(recent.series(0).values(int(i)), valueOf(120 + i)) << "minute " << i;
    // A minute older than the hour recorded late sets its slot.
    ASSERT_TRUE(h.recordNodes(kBase + 12, { sample(0, 33, 40, 1500) }));
    EXPECT_DOUBLE_EQ(at(kBase + 10, kBase + 14, 60).series(0).values(0), 33);
    EXPECT_DOUBLE_EQ(at(kBase + 10, kBase + 14, 60).series(1).values(4), 1500);
}

TEST(MetricsHistory, AcceleratorsKeepTheLastHour)
{
    MetricsHistory h(2, 4);
    for (int i = 0; i < 90; ++i)
        h.recordNodes(kBase + i, { sample(1, static_cast<float>(i % 50), 40, 800, 50, 6) });

    const auto r = ok(h,
        request(v1::METRIC_SCOPE_ACCELERATOR, "lg-r0001-n2/2", { "utilisation_percent" }, kBase,
            kBase + 89),
        1);
    EXPECT_EQ(r.retention().seconds(), 3600);
    ASSERT_EQ(r.series(0).values_size(), 90);
    for (int i = 0; i < 90; ++i) {
        if (i < 30)
            EXPECT_TRUE(std::isnan(r.series(0).values(i))) << i;
        else
            EXPECT_DOUBLE_EQ(r.series(0).values(i), i % 50 + 2.0) << i; // accelerator 2: +2
    }
    // The node itself keeps all 90 minutes, the first half hour as five-minute means.
    const auto node
        = ok(h, request(v1::METRIC_SCOPE_NODE, "lg-r0001-n2", {}, kBase, kBase + 89), 1);
    EXPECT_DOUBLE_EQ(node.series(0).values(0), 2.0); // (0 + 1 + 2 + 3 + 4) / 5
    EXPECT_DOUBLE_EQ(node.series(0).values(89), 89 % 50);
    const auto power = ok(h,
        request(v1::METRIC_SCOPE_ACCELERATOR, "lg-r0001-n2/3", { "power_watts" }, kBase + 89,
            kBase + 90),
        1);
    EXPECT_DOUBLE_EQ(power.series(0).values(0), 100.0);

    // Accelerator 4 and 5 were sent but the history keeps 4 per node.
    EXPECT_TRUE(
        has(failure(h, request(v1::METRIC_SCOPE_ACCELERATOR, "lg-r0001-n2/4", {}, kBase, kBase + 1),
                MetricsHistory::kNotFound, 1),
            "\"lg-r0001-n2/4\" not found"));
    EXPECT_TRUE(
        has(failure(h, request(v1::METRIC_SCOPE_ACCELERATOR, "lg-r0001-n2", {}, kBase, kBase + 1),
                MetricsHistory::kInvalidArgument, 1),
            "node/index"));
    EXPECT_TRUE(
        has(failure(h, request(v1::METRIC_SCOPE_ACCELERATOR, "ghost/1", {}, kBase, kBase + 1),
                MetricsHistory::kNotFound, std::nullopt),
            "node \"ghost\" not found"));
}

TEST(MetricsHistory, BadRequestsNameTheField)
{
    MetricsHistory h(1, 1);
    const auto node = v1::METRIC_SCOPE_NODE;
    EXPECT_EQ(failure(h, request(node, "n", {}, kBase, kBase + 10, 10),
                  MetricsHistory::kInvalidArgument, 0),
        "step must be at least 60s (got 10s)");
    EXPECT_EQ(failure(h, request(node, "n", {}, kBase, kBase + 10, 0),
                  MetricsHistory::kInvalidArgument, 0),
        "step must be at least 60s (got 0s)");
    EXPECT_EQ(failure(h, request(node, "n", {}, kBase, kBase + 10, 90),
                  MetricsHistory::kInvalidArgument, 0),
        "step must be a multiple of 60s (got 90s)");
    auto halfMinute = request(node, "n", {}, kBase, kBase + 10, 60);
    halfMinute.mutable_step()->set_nanos(500'000'000);
    EXPECT_EQ(failure(h, halfMinute, MetricsHistory::kInvalidArgument, 0),
        "step must be a multiple of 60s (got 60.5s)");

    EXPECT_TRUE(has(
        failure(h, request(node, "n", {}, kBase + 10, kBase), MetricsHistory::kInvalidArgument, 0),
        "start_time must be before end_time"));
    EXPECT_TRUE(
        has(failure(h, request(node, "n", {}, kBase, kBase), MetricsHistory::kInvalidArgument, 0),
            "start_time must be before end_time"));
    auto noEnd = request(node, "n", {}, kBase, kBase + 10);
    noEnd.clear_end_time();
    EXPECT_EQ(failure(h, noEnd, MetricsHistory::kInvalidArgument, 0), "end_time must be set");

    // Eight days at one minute: 11,521 points.
    const std::string tooMany = failure(
        h, request(node, "n", {}, kBase, kBase + 8 * 1440), MetricsHistory::kInvalidArgument, 0);
    EXPECT_TRUE(has(tooMany, "11521 points")) << tooMany;
    EXPECT_TRUE(has(tooMany, "11000")) << tooMany;
    EXPECT_TRUE(has(tooMany, "step of at least 120s")) << tooMany;
    // ... which the suggested step fixes.
    ok(h, request(node, "n", {}, kBase, kBase + 8 * 1440, 120), 0);
    // Seven days at one minute fit.
    ok(h, request(v1::METRIC_SCOPE_SITE, "", {}, kBase, kBase + 7 * 1440));

    const std::string unknown
        = failure(h, request(node, "n", { "power_watts", "gpu_util" }, kBase, kBase + 10),
            MetricsHistory::kInvalidArgument, 0);
    EXPECT_TRUE(has(unknown, "metrics[1]: unknown metric \"gpu_util\"")) << unknown;
    EXPECT_TRUE(has(unknown,
        "known: utilisation_percent, temperature_celsius, power_watts, "
        "memory_used_percent"))
        << unknown;
    const std::string queueUnknown
        = failure(h, request(v1::METRIC_SCOPE_QUEUE, "gpu", { "pue" }, kBase, kBase + 10),
            MetricsHistory::kInvalidArgument);
    EXPECT_TRUE(has(queueUnknown, "wait_seconds_p95")) << queueUnknown;

    EXPECT_TRUE(has(failure(h, request(v1::METRIC_SCOPE_UNSPECIFIED, "", {}, kBase, kBase + 10),
                        MetricsHistory::kInvalidArgument),
        "scope must be one of"));
    EXPECT_TRUE(has(failure(h, request(v1::METRIC_SCOPE_SITE, "Wuhan", {}, kBase, kBase + 10),
                        MetricsHistory::kInvalidArgument),
        "target must be empty"));
    EXPECT_TRUE(has(failure(h, request(v1::METRIC_SCOPE_TENANT, "", {}, kBase, kBase + 10),
                        MetricsHistory::kInvalidArgument),
        "target must name a tenant"));
    EXPECT_EQ(failure(h, request(node, "ghost", {}, kBase, kBase + 10), MetricsHistory::kNotFound,
                  std::nullopt),
        "node \"ghost\" not found");
    EXPECT_EQ(
        failure(h, request(node, "ghost", {}, kBase, kBase + 10), MetricsHistory::kNotFound, 7),
        "node \"ghost\" not found");

    // Null out-parameters are allowed.
    EXPECT_EQ(
        h.query(request(node, "n", {}, kBase, kBase + 10, 10), 0, nullptr, nullptr).series_size(),
        0);
}

TEST(MetricsHistory, UnavailableTelemetryIsReportedNotZeroed)
{
    MetricsHistory h(1, 2);
    h.recordNodes(kBase, { sample(0, 10, 40, 500, 50, 2) });
    h.recordSeries(v1::METRIC_SCOPE_SITE, "", kBase, { { "pue", 1.25 } });
    h.setNodeTelemetryAvailable(false);
    EXPECT_FALSE(h.nodeTelemetryAvailable());

    for (auto [scope, target] : { std::pair { v1::METRIC_SCOPE_NODE, "n" },
             std::pair { v1::METRIC_SCOPE_ACCELERATOR, "n/1" } }) {
        const auto r = ok(h, request(scope, target, {}, kBase, kBase + 5), 0);
        ASSERT_EQ(r.series_size(), 4);
        for (const auto &s : r.series()) {
            EXPECT_FALSE(s.available());
            EXPECT_EQ(s.times_size(), 0);
            EXPECT_EQ(s.values_size(), 0);
            EXPECT_FALSE(s.unit().empty());
        }
    }
    // Requests are still checked.
    failure(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 5, 30),
        MetricsHistory::kInvalidArgument, 0);
    // Site series do not depend on the accelerator exporter.
    const auto site = ok(h, request(v1::METRIC_SCOPE_SITE, "", { "pue" }, kBase, kBase + 1));
    EXPECT_TRUE(site.series(0).available());
    EXPECT_DOUBLE_EQ(site.series(0).values(0), 1.25);

    v1::StreamMetricsRequest stream;
    stream.set_scope(v1::METRIC_SCOPE_NODE);
    stream.set_target("n");
    int code = -1;
    const auto point = h.latest(stream, 0, &code, nullptr);
    ASSERT_TRUE(point.has_value());
    EXPECT_TRUE(point->values().empty());

    h.setNodeTelemetryAvailable(true);
    const auto back = ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), 0);
    EXPECT_TRUE(back.series(0).available());
    EXPECT_DOUBLE_EQ(back.series(0).values(0), 10);
}

// A Slurm centre without an accelerator exporter never records node samples: its node charts
// still learn the gateway's time from the stream and then hear that there is no source, rather
// than waiting for a point that never comes.
TEST(MetricsHistory, NodesWithoutASourceStillGetTheGatewaysTime)
{
    MetricsHistory h(2, 8);
    h.setNodeTelemetryAvailable(false);
    v1::StreamMetricsRequest stream;
    stream.set_scope(v1::METRIC_SCOPE_ACCELERATOR);
    stream.set_target("n1/3");
    int code = -1;
    std::string error;
    // Nothing recorded at all yet: nothing to say the time with.
    EXPECT_FALSE(h.latest(stream, 1, &code, &error).has_value());
    EXPECT_EQ(code, MetricsHistory::kOk);

    h.recordSeries(v1::METRIC_SCOPE_SITE, "", kBase + 4, { { "jobs_running", 3 } });
    for (auto scope : { v1::METRIC_SCOPE_NODE, v1::METRIC_SCOPE_ACCELERATOR }) {
        stream.set_scope(scope);
        stream.set_target(scope == v1::METRIC_SCOPE_NODE ? "n1" : "n1/3");
        const auto point = h.latest(stream, 1, &code, &error);
        ASSERT_TRUE(point.has_value()) << error;
        EXPECT_EQ(point->time().seconds(), (kBase + 4) * 60);
        EXPECT_TRUE(point->values().empty());
        const auto r = ok(h, request(scope, stream.target(), {}, kBase, kBase + 4), 1);
        for (const auto &s : r.series())
            EXPECT_FALSE(s.available()) << s.metric();
    }
    // With a source and no sample yet there is nothing to stream: a point comes with the first.
    h.setNodeTelemetryAvailable(true);
    EXPECT_FALSE(h.latest(stream, 1, &code, &error).has_value());
}

// A site's PUE and grid carbon nobody configured have no series: the API says so (available
// false, no points), in queries and in the stream, rather than a default or a gap.
TEST(MetricsHistory, UnconfiguredSiteSeriesAreUnavailable)
{
    MetricsHistory h;
    h.recordSeries(v1::METRIC_SCOPE_SITE, "", kBase, { { "pue", 1.25 }, { "jobs_running", 5 } });
    h.setUnavailableSeries(v1::METRIC_SCOPE_SITE,
        { "pue", "carbon_intensity_g_per_kwh", "facility_power_watts", "emissions_kg_per_hour" });
    h.recordSeries(v1::METRIC_SCOPE_SITE, "", kBase + 1, { { "jobs_running", 6 } });

    const auto r = ok(h,
        request(v1::METRIC_SCOPE_SITE, "",
            { "pue", "carbon_intensity_g_per_kwh", "emissions_kg_per_hour", "jobs_running" }, kBase,
            kBase + 1));
    ASSERT_EQ(r.series_size(), 4);
    for (int i = 0; i < 3; ++i) {
        EXPECT_FALSE(r.series(i).available()) << r.series(i).metric();
        EXPECT_EQ(r.series(i).values_size(), 0) << r.series(i).metric();
    }
    EXPECT_EQ(r.series(0).unit(), "ratio");
    EXPECT_TRUE(r.series(3).available());
    EXPECT_DOUBLE_EQ(r.series(3).values(1), 6);
    // Asking for every metric says the same of each.
    const auto all = ok(h, request(v1::METRIC_SCOPE_SITE, "", {}, kBase, kBase + 1));
    for (const auto &s : all.series())
        EXPECT_EQ(s.available(),
            s.metric() != "pue" && s.metric() != "facility_power_watts"
                && s.metric() != "carbon_intensity_g_per_kwh"
                && s.metric() != "emissions_kg_per_hour")
            << s.metric();

    v1::StreamMetricsRequest stream;
    stream.set_scope(v1::METRIC_SCOPE_SITE);
    stream.add_metrics("pue");
    stream.add_metrics("jobs_running");
    int code = -1;
    std::string error;
    auto point = h.latest(stream, std::nullopt, &code, &error);
    ASSERT_TRUE(point.has_value()) << error;
    EXPECT_EQ(point->values().size(), 1u);
    EXPECT_EQ(point->values().count("pue"), 0u);

    // Configured again (the set is replaced): the series is back, with what was recorded.
    h.setUnavailableSeries(v1::METRIC_SCOPE_SITE, {});
    const auto back = ok(h, request(v1::METRIC_SCOPE_SITE, "", { "pue" }, kBase, kBase + 1));
    EXPECT_TRUE(back.series(0).available());
    EXPECT_DOUBLE_EQ(back.series(0).values(0), 1.25);
}

TEST(MetricsHistory, SiteQueueAndTenantSeriesKeepSevenDays)
{
    MetricsHistory h;
    EXPECT_FALSE(h.recordSeries(v1::METRIC_SCOPE_NODE, "n", kBase, { { "pue", 1 } }));
    EXPECT_FALSE(h.recordSeries(v1::METRIC_SCOPE_SITE, "Wuhan", kBase, { { "pue", 1 } }));
    EXPECT_FALSE(h.recordSeries(v1::METRIC_SCOPE_QUEUE, "", kBase, { { "jobs_pending", 1 } }));

    ASSERT_TRUE(h.recordSeries(
        v1::METRIC_SCOPE_SITE, "", kBase, { { "pue", 1.31 }, { "it_power_watts", 2.5e6 } }));
    ASSERT_TRUE(h.recordSeries(v1::METRIC_SCOPE_SITE, "", kBase + 1, { { "pue", 1.29 } }));
    const auto site
        = ok(h, request(v1::METRIC_SCOPE_SITE, "", { "pue", "it_power_watts" }, kBase, kBase + 2));
    EXPECT_EQ(site.retention().seconds(), 7 * 24 * 3600);
    EXPECT_EQ(site.series(0).unit(), "ratio");
    EXPECT_EQ(site.series(1).unit(), "watts");
    EXPECT_NEAR(site.series(0).values(0), 1.31, 1e-6);
    EXPECT_NEAR(site.series(0).values(1), 1.29, 1e-6);
    EXPECT_TRUE(std::isnan(site.series(0).values(2)));
    EXPECT_DOUBLE_EQ(site.series(1).values(0), 2.5e6);
    // Not recorded in minute 1: a gap, not the previous value.
    EXPECT_TRUE(std::isnan(site.series(1).values(1)));

    // Every site metric when none is named, known ones first.
    const auto all = ok(h, request(v1::METRIC_SCOPE_SITE, "", {}, kBase, kBase + 1));
    ASSERT_GE(all.series_size(), 9);
    EXPECT_EQ(all.series(0).metric(), "utilisation_percent");
    EXPECT_EQ(all.series(4).metric(), "carbon_intensity_g_per_kwh");
    EXPECT_EQ(all.series(4).unit(), "g_per_kwh");
    EXPECT_EQ(all.series(5).unit(), "kg_per_hour");

    // Per-model tenant metrics; another tenant, or another model, is NaN.
    h.recordSeries(v1::METRIC_SCOPE_TENANT, "t-ai-lab", kBase,
        { { "accelerators_in_use:H100", 64 }, { "accelerator_hours", 1024.5 } });
    const auto tenant = ok(h,
        request(v1::METRIC_SCOPE_TENANT, "t-ai-lab",
            { "accelerators_in_use:H100", "accelerators_in_use:910B", "accelerator_hours" }, kBase,
            kBase + 1));
    EXPECT_EQ(tenant.series(0).unit(), "count");
    EXPECT_EQ(tenant.series(2).unit(), "hours");
    EXPECT_DOUBLE_EQ(tenant.series(0).values(0), 64);
    EXPECT_TRUE(std::isnan(tenant.series(1).values(0)));
    EXPECT_DOUBLE_EQ(tenant.series(2).values(0), 1024.5);
    const auto otherTenant = ok(h,
        request(
            v1::METRIC_SCOPE_TENANT, "t-new", { "accelerators_in_use:H100" }, kBase, kBase + 1));
    EXPECT_TRUE(std::isnan(otherTenant.series(0).values(0)));

    h.recordSeries(v1::METRIC_SCOPE_QUEUE, "gpu-a100", kBase, { { "wait_seconds_p95", 840 } });
    const auto queue = ok(
        h, request(v1::METRIC_SCOPE_QUEUE, "gpu-a100", { "wait_seconds_p95" }, kBase, kBase + 1));
    EXPECT_EQ(queue.series(0).unit(), "seconds");
    EXPECT_DOUBLE_EQ(queue.series(0).values(0), 840);
}

TEST(MetricsHistory, SeriesRingWrapsAfterSevenDays)
{
    MetricsHistory h;
    const int64_t week = MetricsHistory::kSeriesMinutes;
    for (int64_t m = kBase; m < kBase + week + 30; ++m) {
        std::vector<std::pair<std::string, double>> values
            = { { "jobs_pending", static_cast<double>(m - kBase) } };
        if (m < kBase + 30)
            values.emplace_back("jobs_running", 5); // only during the first lap
        h.recordSeries(v1::METRIC_SCOPE_QUEUE, "gpu", m, values);
    }
    const int64_t newest = kBase + week + 29;
    const auto r
        = ok(h, request(v1::METRIC_SCOPE_QUEUE, "gpu", { "jobs_pending" }, newest - week, newest));
    ASSERT_EQ(r.series(0).values_size(), week + 1);
    EXPECT_TRUE(std::isnan(r.series(0).values(0))); // one minute beyond seven days
    for (int64_t i = 1; i <= week; ++i)
        ASSERT_DOUBLE_EQ(r.series(0).values(i), static_cast<double>(newest - week + i - kBase));
    const auto running
        = ok(h, request(v1::METRIC_SCOPE_QUEUE, "gpu", { "jobs_running" }, newest - week, newest));
    for (double v : running.series(0).values())
        ASSERT_TRUE(std::isnan(v));
    EXPECT_FALSE(
        h.recordSeries(v1::METRIC_SCOPE_QUEUE, "gpu", kBase + 3, { { "jobs_pending", 1 } }));
}

TEST(MetricsHistory, QuietTargetsAreDroppedAfterTheRetention)
{
    MetricsHistory h;
    h.recordSeries(v1::METRIC_SCOPE_QUEUE, "old", kBase, { { "jobs_pending", 3 } });
    h.recordSeries(v1::METRIC_SCOPE_QUEUE, "live", kBase, { { "jobs_pending", 4 } });
    const size_t withBoth = h.memoryBytes();
    h.recordSeries(v1::METRIC_SCOPE_QUEUE, "live", kBase + MetricsHistory::kSeriesMinutes,
        { { "jobs_pending", 5 } });
    EXPECT_LT(h.memoryBytes(), withBoth);
    // The name stays a known metric, the dropped queue simply has no values.
    const auto r = ok(h,
        request(v1::METRIC_SCOPE_QUEUE, "old", { "jobs_pending" }, kBase,
            kBase + MetricsHistory::kSeriesMinutes));
    for (double v : r.series(0).values())
        EXPECT_TRUE(std::isnan(v));
}

TEST(MetricsHistory, LatestIsTheNewestMinute)
{
    MetricsHistory h(2, 2);
    v1::StreamMetricsRequest stream;
    stream.set_scope(v1::METRIC_SCOPE_NODE);
    stream.set_target("n1");
    int code = -1;
    std::string error;
    EXPECT_FALSE(h.latest(stream, 1, &code, &error).has_value());
    EXPECT_EQ(code, MetricsHistory::kOk);

    h.recordNodes(kBase, { sample(1, 10, 40, 700, 30, 2) });
    h.recordNodes(kBase + 1, { sample(1, 20, 41, 710, 31, 2) });
    auto point = h.latest(stream, 1, &code, &error);
    ASSERT_TRUE(point.has_value()) << error;
    EXPECT_EQ(point->time().seconds(), (kBase + 1) * 60);
    EXPECT_EQ(point->values().size(), 4u);
    EXPECT_DOUBLE_EQ(point->values().at("utilisation_percent"), 20);
    EXPECT_DOUBLE_EQ(point->values().at("power_watts"), 710);

    // A node silent in the newest minute has no values in it.
    point = h.latest(stream, 0, &code, &error);
    ASSERT_TRUE(point.has_value());
    EXPECT_TRUE(point->values().empty());

    stream.set_scope(v1::METRIC_SCOPE_ACCELERATOR);
    stream.set_target("n1/1");
    stream.add_metrics("utilisation_percent");
    point = h.latest(stream, 1, &code, &error);
    ASSERT_TRUE(point.has_value());
    EXPECT_EQ(point->values().size(), 1u);
    EXPECT_DOUBLE_EQ(point->values().at("utilisation_percent"), 21);

    stream.add_metrics("nonsense");
    EXPECT_FALSE(h.latest(stream, 1, &code, &error).has_value());
    EXPECT_EQ(code, MetricsHistory::kInvalidArgument);
    EXPECT_TRUE(has(error, "metrics[1]")) << error;

    h.recordSeries(v1::METRIC_SCOPE_SITE, "", kBase + 1, { { "pue", 1.2 }, { "jobs_running", 7 } });
    v1::StreamMetricsRequest site;
    site.set_scope(v1::METRIC_SCOPE_SITE);
    point = h.latest(site, std::nullopt, &code, &error);
    ASSERT_TRUE(point.has_value()) << error;
    EXPECT_EQ(point->values().size(), 2u); // metrics never recorded are absent
    EXPECT_DOUBLE_EQ(point->values().at("jobs_running"), 7);
}

TEST(MetricsHistory, ResizeKeepsHistoryOfRemainingNodes)
{
    MetricsHistory h(2, 2);
    h.recordNodes(kBase, { sample(0, 10, 40, 500, 50, 2), sample(1, 20, 40, 500, 50, 2) });
    // Samples beyond the room are ignored, not a crash.
    h.recordNodes(kBase, { sample(5, 99) });
    h.resize(4, 2);
    EXPECT_EQ(h.nodeCount(), 4u);
    EXPECT_DOUBLE_EQ(
        ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), 1).series(0).values(0),
        20);
    EXPECT_DOUBLE_EQ(ok(h, request(v1::METRIC_SCOPE_ACCELERATOR, "n/1", {}, kBase, kBase + 1), 1)
                         .series(0)
                         .values(0),
        21);
    h.recordNodes(kBase + 1, { sample(3, 33) });
    EXPECT_DOUBLE_EQ(
        ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), 3).series(0).values(1),
        33);
}

TEST(MetricsHistory, FullSizeCentreStaysUnder200MB)
{
    MetricsHistory h(20000, 8);
    // No sample yet (a Slurm centre without an exporter never has one): no rings.
    EXPECT_LT(h.memoryBytes(), 1'000'000u);
    EXPECT_TRUE(std::isnan(ok(h, request(v1::METRIC_SCOPE_NODE, "n", {}, kBase, kBase + 1), 19999)
                               .series(0)
                               .values(0)));

    std::vector<NodeSample> samples;
    for (uint32_t n = 0; n < 20000; ++n)
        samples.push_back(sample(n, static_cast<float>(n % 90), 60, 5600, 70, 8));
    ASSERT_TRUE(h.recordNodes(kBase, samples));
    const size_t bytes = h.memoryBytes();
    EXPECT_LT(bytes, 200'000'000u);
    // The rings really are counted: 20,000 × (60 + 288) × 5 + 160,000 × 60 × 5.
    EXPECT_GE(bytes, 82'800'000u);
    EXPECT_LT(bytes, 90'000'000u);
    ASSERT_TRUE(h.recordNodes(kBase + 1, samples));
    EXPECT_EQ(h.memoryBytes(), bytes); // recording allocates nothing more
    const auto r = ok(h, request(v1::METRIC_SCOPE_ACCELERATOR, "n/7", {}, kBase, kBase + 1), 19999);
    EXPECT_DOUBLE_EQ(r.series(0).values(0), 19999 % 90 + 7);
    // Growing keeps what was recorded.
    h.resize(20001, 8);
    EXPECT_DOUBLE_EQ(
        ok(h, request(v1::METRIC_SCOPE_ACCELERATOR, "n/7", {}, kBase, kBase + 1), 19999)
            .series(0)
            .values(0),
        19999 % 90 + 7);
}

TEST(MetricsHistory, QueriesRunWhileRecording)
{
    MetricsHistory h(8, 0);
    std::atomic<bool> done { false };
    std::thread writer([&] {
        for (int64_t m = kBase; m < kBase + 600; ++m) {
            std::vector<NodeSample> samples;
            for (uint32_t n = 0; n < 8; ++n)
                samples.push_back(sample(n, static_cast<float>((m + n) % 100)));
            h.recordNodes(m, samples);
        }
        done = true;
    });
    // What minute m of node 3 reads once recorded: exactly what was written within the last
    // hour, its five-minute slot's mean before.
    auto expected = [](int64_t m, bool inLastHour) {
        if (inLastHour)
            return static_cast<double>((m + 3) % 100);
        const int64_t first = m - m % MetricsHistory::kNodeBucketMinutes;
        double sum = 0;
        for (int64_t k = first; k < first + MetricsHistory::kNodeBucketMinutes; ++k)
            sum += static_cast<double>((k + 3) % 100);
        return sum / MetricsHistory::kNodeBucketMinutes;
    };
    // Every value read is either not yet recorded or what was written (a torn read would be
    // neither).
    int checked = 0, wrong = 0;
    while (!done || checked == 0) {
        const auto r = ok(h,
            request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase, kBase + 599), 3);
        for (int i = 0; i < r.series(0).values_size(); ++i) {
            const double v = r.series(0).values(i);
            wrong += !std::isnan(v) && v != expected(kBase + i, true)
                && std::abs(v - expected(kBase + i, false)) > 0.25;
        }
        ++checked;
    }
    writer.join();
    EXPECT_EQ(wrong, 0);
    // Once recording is over, every minute is there.
    const auto r = ok(
        h, request(v1::METRIC_SCOPE_NODE, "n", { "utilisation_percent" }, kBase, kBase + 599), 3);
    for (int i = 0; i < 600; ++i)
        ASSERT_NEAR(r.series(0).values(i), expected(kBase + i, i >= 600 - 60), 0.25) << i;
}

} // namespace
