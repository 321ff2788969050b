// A golden scenario: three simulated centres in a known state (Lingang saturated, Xi'an and
// Chengdu with idle Ascend 910B and Cambricon MLU370, the tenant galaxy's quotas set at each),
// one shape asked of all three; the soonest, greenest and domestic-first orders, the reasons of
// the options that cannot run and one energy and CO2 figure are worked out by hand.
#include "common/PlacementRanking.h"
#include "server/placement/Forecaster.h"
#include "server/placement/Quoter.h"
#include "tests/placement/SimMirror.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace {

using namespace suanli;
using namespace suanli::server;
using namespace suanli::server::placement;

const auto kStart = std::chrono::system_clock::time_point(std::chrono::seconds(1773129600));

struct Centre {
    std::string name;
    std::unique_ptr<SimBackend> sim;
    std::unique_ptr<test::SimMirror> mirror;
};

void setQuota(SimBackend &sim, v1::AcceleratorModel model, int64_t accelerators)
{
    v1::QuotaLimit limit;
    limit.set_model(model);
    limit.set_max_accelerators(accelerators);
    std::string error;
    ASSERT_TRUE(sim.setQuota("galaxy", "", limit, &error)) << error;
}

CentreAnswer ask(Centre &c, const v1::QuotePlacementRequest &request)
{
    const ForecastInput in = c.mirror->input();
    const Forecaster forecaster(in);
    const SiteInfo site = c.sim->site();
    const Quoter quoter(in, forecaster, { site.pue, site.carbonGPerKwh, site.province });
    CentreAnswer answer;
    answer.centre = c.name;
    answer.answered = true;
    quoter.quote(request, &answer.response);
    return answer;
}

std::vector<std::string> order(const std::vector<CentreAnswer> &answers, PlacementOrder by)
{
    std::vector<std::string> out;
    for (const auto &row : rankPlacements(answers, by))
        if (row.runnable)
            out.push_back(answers[row.answer].centre + " "
                + answers[row.answer].response.quotes(row.quote).model_name());
    return out;
}

const v1::ModelQuote &quoteOf(const CentreAnswer &a, const std::string &model)
{
    for (const auto &q : a.response.quotes())
        if (q.model_name() == model)
            return q;
    throw std::runtime_error("no quote for " + model);
}

std::vector<v1::PlacementObstacle> reasons(const v1::ModelQuote &q)
{
    std::vector<v1::PlacementObstacle> out;
    for (const auto &r : q.reasons())
        out.push_back(r.obstacle());
    return out;
}

TEST(PlacementQuotes, ThreeCentresRankAsWorkedOutByHand)
{
    std::vector<Centre> centres;
    for (const char *site : { "lingang", "xian", "chengdu" }) {
        SimOptions o;
        o.site = site;
        o.nodes = 64;
        o.jobs = 500;
        o.seed = 3;
        o.speed = 1;
        o.startTime = kStart;
        auto sim = std::make_unique<SimBackend>(o);
        Centre c { sim->site().name, std::move(sim), nullptr };
        // Known quotas for galaxy: Lingang's 910B none, its H100 room for the work; plenty of
        // 910B and MLU370 inland.
        if (std::string(site) == "lingang") {
            setQuota(*c.sim, v1::ACCELERATOR_MODEL_ASCEND_910B, 0);
            setQuota(*c.sim, v1::ACCELERATOR_MODEL_NVIDIA_H100, 512);
        } else {
            setQuota(*c.sim, v1::ACCELERATOR_MODEL_ASCEND_910B, 1024);
            if (std::string(site) == "chengdu")
                setQuota(*c.sim, v1::ACCELERATOR_MODEL_CAMBRICON_MLU370, 256);
        }
        if (HasFatalFailure())
            return;
        c.mirror = std::make_unique<test::SimMirror>(*c.sim);
        c.mirror->advance(2 * 3600);
        centres.push_back(std::move(c));
    }

    // 32 accelerators, 4 nodes of 8, for 12 hours, for galaxy, on 910B, H100 or MLU370.
    v1::QuotePlacementRequest request;
    request.set_tenant("galaxy");
    request.add_models(v1::ACCELERATOR_MODEL_ASCEND_910B);
    request.add_models(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    request.add_model_names("mlu370");
    request.set_accelerators(32);
    request.set_accelerators_per_node(8);
    request.set_hours(12);
    EXPECT_EQ(Quoter::checkShape(request), "");
    std::vector<CentreAnswer> answers;
    for (auto &c : centres)
        answers.push_back(ask(c, request));
    const auto &lingang = answers[0], &xian = answers[1], &chengdu = answers[2];
    ASSERT_EQ(lingang.centre, "Shanghai Lingang");
    ASSERT_EQ(xian.centre, "Xi'an");
    ASSERT_EQ(chengdu.centre, "Chengdu");

    // Why not: Lingang's 910B has no quota for galaxy, it has no MLU370; Xi'an has neither
    // H100 nor MLU370; Chengdu no H100.
    using O = std::vector<v1::PlacementObstacle>;
    EXPECT_EQ(reasons(quoteOf(lingang, "910B")), O { v1::PLACEMENT_OBSTACLE_NO_QUOTA });
    EXPECT_EQ(reasons(quoteOf(lingang, "MLU370")), O { v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL });
    EXPECT_EQ(reasons(quoteOf(xian, "H100")), O { v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL });
    EXPECT_EQ(reasons(quoteOf(xian, "MLU370")), O { v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL });
    EXPECT_EQ(reasons(quoteOf(chengdu, "H100")), O { v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL });

    // The premises of the hand-worked orders: the inland 910B and MLU370 are idle enough to
    // start now; Lingang's H100 is saturated and starts later.
    for (const auto *q :
        { &quoteOf(xian, "910B"), &quoteOf(chengdu, "910B"), &quoteOf(chengdu, "MLU370") }) {
        ASSERT_TRUE(q->forecast().available()) << q->model_name();
        EXPECT_TRUE(q->fits_now()) << q->model_name();
        EXPECT_EQ(q->forecast().start_in_seconds_p50(), 0) << q->model_name();
        EXPECT_EQ(q->forecast().start_in_seconds_p90(), 0) << q->model_name();
        EXPECT_TRUE(q->reasons().empty()) << q->model_name();
    }
    const auto &h100 = quoteOf(lingang, "H100");
    ASSERT_TRUE(h100.forecast().available());
    EXPECT_FALSE(h100.fits_now());
    EXPECT_GT(h100.forecast().start_in_seconds_p50(), 0);
    EXPECT_FALSE(h100.domestic());
    EXPECT_TRUE(quoteOf(chengdu, "MLU370").domestic());

    // Energy and CO2 by hand: Chengdu's MLU370, 32 x 250 W x 12 h x PUE 1.19 = 114.24 kWh;
    // x 140.4 g/kWh (Sichuan, 2022) = 16.039 kg.
    const auto &mlu = quoteOf(chengdu, "MLU370");
    EXPECT_NEAR(mlu.energy_kwh(), 114.24, 1e-9);
    EXPECT_NEAR(mlu.co2_kg(), 16.039296, 1e-6);
    EXPECT_EQ(mlu.carbon().kind(), "annual average");
    EXPECT_EQ(mlu.carbon().province(), "Sichuan");
    EXPECT_EQ(mlu.carbon().year(), 2022);
    // Lingang's H100: 32 x 700 W x 12 h x 1.23 = 330.624 kWh; x 584.9 g/kWh = 193.382 kg.
    EXPECT_NEAR(h100.energy_kwh(), 330.624, 1e-9);
    EXPECT_NEAR(h100.co2_kg(), 193.3819776, 1e-6);

    // Soonest: the three that start now (tied at 0, by centre then the order asked), then
    // Lingang's H100. Greenest: Chengdu's MLU370 (16.0 kg), its 910B (32 x 400 W x 12 h x 1.19
    // x 140.4 g = 25.7 kg), Xi'an's 910B (x 1.20 x 655.8 g = 120.9 kg), Lingang's H100
    // (193.4 kg). Domestic first: the three domestic ones, soonest first, then the H100.
    using Rows = std::vector<std::string>;
    EXPECT_EQ(order(answers, PlacementOrder::Soonest),
        (Rows { "Chengdu 910B", "Chengdu MLU370", "Xi'an 910B", "Shanghai Lingang H100" }));
    EXPECT_EQ(order(answers, PlacementOrder::Greenest),
        (Rows { "Chengdu MLU370", "Chengdu 910B", "Xi'an 910B", "Shanghai Lingang H100" }));
    EXPECT_EQ(order(answers, PlacementOrder::Domestic),
        (Rows { "Chengdu 910B", "Chengdu MLU370", "Xi'an 910B", "Shanghai Lingang H100" }));

    // A quota smaller than the work: exhausted, with its numbers, and no forecast.
    setQuota(*centres[1].sim, v1::ACCELERATOR_MODEL_ASCEND_910B, 16);
    centres[1].mirror->advance(60);
    const auto small = ask(centres[1], request);
    const auto &q = quoteOf(small, "910B");
    ASSERT_EQ(reasons(q), O { v1::PLACEMENT_OBSTACLE_QUOTA_EXHAUSTED });
    EXPECT_EQ(q.reasons(0).limit(), 16);
    EXPECT_EQ(q.reasons(0).asked(), 32);
    EXPECT_FALSE(q.has_forecast());
}

TEST(PlacementQuotes, ShapesThatCannotFitSayWhy)
{
    SimOptions o;
    o.site = "xian";
    o.nodes = 24;
    o.jobs = 100;
    o.startTime = kStart;
    SimBackend sim(o);
    test::SimMirror mirror(sim);
    const ForecastInput in = mirror.input();
    const Forecaster forecaster(in);
    const Quoter quoter(in, forecaster, {});
    auto quote = [&](int32_t accelerators, int32_t perNode, double hours) {
        v1::QuotePlacementRequest r;
        r.add_models(v1::ACCELERATOR_MODEL_ASCEND_910B);
        r.set_accelerators(accelerators);
        r.set_accelerators_per_node(perNode);
        r.set_hours(hours);
        v1::QuotePlacementResponse out;
        quoter.quote(r, &out);
        return out.quotes(0);
    };
    using O = std::vector<v1::PlacementObstacle>;
    // 22 nodes of 910B (92 % of 24), 176 accelerators.
    const auto tooBig = quote(512, 8, 1);
    EXPECT_EQ(reasons(tooBig),
        (O { v1::PLACEMENT_OBSTACLE_OVER_QUEUE_LIMIT, v1::PLACEMENT_OBSTACLE_NOT_ENOUGH_NODES }));
    EXPECT_EQ(tooBig.reasons(1).asked(), 64);
    // 16 per node on 8-card servers: no node can hold it.
    const auto wide = quote(32, 16, 1);
    EXPECT_EQ(reasons(wide), O { v1::PLACEMENT_OBSTACLE_NO_GANG_FIT });
    EXPECT_EQ(wide.reasons(0).have(), 0);
    // Longer than the queue's 7 days.
    EXPECT_EQ(reasons(quote(8, 8, 24 * 8)), O { v1::PLACEMENT_OBSTACLE_OVER_TIME_LIMIT });
    // No PUE or carbon configured: no energy figure, and no provenance.
    const auto fine = quote(8, 8, 1);
    EXPECT_TRUE(fine.reasons().empty());
    EXPECT_EQ(fine.energy_kwh(), 0);
    EXPECT_EQ(fine.carbon().kind(), "");
}

} // namespace
