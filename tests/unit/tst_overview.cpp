// The site overview says whether accelerator telemetry is available: nodes
// without telemetry (a Slurm centre without an accelerator exporter) leave
// utilisation, power and carbon at 0 flagged as no data, never as measured
// zeros; one node with telemetry makes them real figures. PUE and grid carbon
// are the site's configured facts: without them they, and facility power and
// emissions, are absent.
#include "common/OverviewCounts.h"
#include "server/cache/ClusterCache.h"

#include <gtest/gtest.h>

using namespace suanli;
using namespace suanli::server;

namespace {

SiteInfo site()
{
    SiteInfo s;
    s.name = "Test Centre";
    s.pue = 1.25;
    s.carbonGPerKwh = 500;
    return s;
}

v1::Node node(const std::string &name, bool telemetry)
{
    v1::Node n;
    n.set_name(name);
    n.set_state(v1::NODE_STATE_MIXED);
    n.set_accelerators_total(8);
    n.set_accelerators_allocated(4);
    n.set_has_telemetry(telemetry);
    if (telemetry) {
        n.set_utilisation_percent(60);
        n.set_power_watts(4000);
    }
    return n;
}

v1::Overview overviewOf(std::vector<v1::Node> nodes, const SiteInfo &info = site())
{
    ClusterCache cache("epoch");
    BackendChanges changes;
    changes.nodes = std::move(nodes);
    cache.apply(std::move(changes), DataStatus { false, std::chrono::system_clock::now() });
    return cache.overview(info);
}

} // namespace

TEST(Overview, NodesWithoutTelemetryFlagFiguresAsUnavailable)
{
    const auto o = overviewOf({ node("n1", false), node("n2", false) });
    EXPECT_EQ(o.nodes_total(), 2);
    EXPECT_FALSE(o.telemetry_available());
    EXPECT_EQ(o.utilisation_percent(), 0);
    EXPECT_EQ(o.it_power_watts(), 0);
    EXPECT_FALSE(o.has_facility_power_watts());
    EXPECT_FALSE(o.has_emissions_kg_per_hour());
    // Figures that do not need telemetry are still there.
    ASSERT_TRUE(o.has_pue());
    EXPECT_EQ(o.pue(), 1.25);
    ASSERT_TRUE(o.has_carbon_intensity_g_per_kwh());
    EXPECT_EQ(o.carbon_intensity_g_per_kwh(), 500);
}

TEST(Overview, TelemetryFromAnyNodeMakesFiguresAvailable)
{
    const auto o = overviewOf({ node("n1", true), node("n2", false) });
    EXPECT_TRUE(o.telemetry_available());
    EXPECT_DOUBLE_EQ(o.it_power_watts(), 4000);
    EXPECT_DOUBLE_EQ(o.facility_power_watts(), 5000);
    EXPECT_DOUBLE_EQ(o.emissions_kg_per_hour(), 2.5);
    EXPECT_DOUBLE_EQ(o.utilisation_percent(), 60);
}

TEST(Overview, NoNodesMeansNoTelemetry)
{
    EXPECT_FALSE(overviewOf({}).telemetry_available());
}

TEST(Overview, UnconfiguredSiteFactsAreAbsentNotDefaults)
{
    SiteInfo bare;
    bare.name = "Slurm Centre";
    auto o = overviewOf({ node("n1", true) }, bare);
    EXPECT_TRUE(o.telemetry_available());
    EXPECT_DOUBLE_EQ(o.it_power_watts(), 4000);
    EXPECT_FALSE(o.has_pue());
    EXPECT_FALSE(o.has_carbon_intensity_g_per_kwh());
    EXPECT_FALSE(o.has_facility_power_watts());
    EXPECT_FALSE(o.has_emissions_kg_per_hour());
    EXPECT_TRUE(o.province().empty());

    // A PUE alone gives facility power; emissions need the grid's factor too.
    bare.pue = 1.2;
    o = overviewOf({ node("n1", true) }, bare);
    ASSERT_TRUE(o.has_facility_power_watts());
    EXPECT_DOUBLE_EQ(o.facility_power_watts(), 4800);
    EXPECT_FALSE(o.has_emissions_kg_per_hour());

    bare.pue.reset();
    bare.carbonGPerKwh = 0; // a site on its own green power: configured, and zero
    o = overviewOf({ node("n1", true) }, bare);
    ASSERT_TRUE(o.has_carbon_intensity_g_per_kwh());
    EXPECT_EQ(o.carbon_intensity_g_per_kwh(), 0);
    EXPECT_FALSE(o.has_facility_power_watts());
    EXPECT_FALSE(o.has_emissions_kg_per_hour());
}

TEST(Overview, CountsNodesByStateAndOpenAlertsBySeverity)
{
    std::vector<v1::Node> nodes = { node("n1", false), node("n2", false), node("n3", false) };
    nodes[2].set_state(v1::NODE_STATE_DOWN);
    v1::Alert critical;
    critical.set_id("a1");
    critical.set_severity(v1::SEVERITY_CRITICAL);
    v1::Alert acknowledged = critical;
    acknowledged.set_id("a2");
    acknowledged.set_acknowledged(true);
    v1::Alert warning;
    warning.set_id("a3");
    warning.set_severity(v1::SEVERITY_WARNING);
    ClusterCache cache("epoch");
    BackendChanges changes;
    changes.nodes = std::move(nodes);
    changes.alerts = { critical, acknowledged, warning };
    cache.apply(std::move(changes), DataStatus { false, std::chrono::system_clock::now() });
    const v1::Overview o = cache.overview(site());

    EXPECT_EQ(nodesInState(o, v1::NODE_STATE_MIXED), 2);
    EXPECT_EQ(nodesInState(o, v1::NODE_STATE_DOWN), 1);
    EXPECT_EQ(nodesInState(o, v1::NODE_STATE_IDLE), 0);
    EXPECT_EQ(o.node_state_counts_size(), 2);
    EXPECT_EQ(openAlerts(o, v1::SEVERITY_CRITICAL), 1);
    EXPECT_EQ(openAlerts(o, v1::SEVERITY_WARNING), 1);
    EXPECT_EQ(openAlerts(o, v1::SEVERITY_INFO), 0);
    EXPECT_EQ(openAlertsTotal(o), 2);

    // Readers of the deprecated maps still find the same counts under the names they knew.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    ASSERT_EQ(o.nodes_by_state().size(), 2u);
    EXPECT_EQ(o.nodes_by_state().at("mixed"), 2);
    EXPECT_EQ(o.nodes_by_state().at("down"), 1);
    ASSERT_EQ(o.open_alerts_by_severity().size(), 2u);
    EXPECT_EQ(o.open_alerts_by_severity().at("critical"), 1);
    EXPECT_EQ(o.open_alerts_by_severity().at("warning"), 1);
#pragma GCC diagnostic pop
}
