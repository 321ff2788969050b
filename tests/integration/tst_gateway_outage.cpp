// A gateway whose scheduler goes away (an OutageBackend switched off) while the gateway stays
// up: actions say so and are audited once, however the client retries; an alert is raised and
// cleared; a gateway started during the outage serves the whole centre, metrics included, once
// the scheduler answers; nodes that appear later get a history without erasing the others'.
#include "common/ChannelConfig.h"
#include "common/ErrorInfo.h"
#include "common/OverviewCounts.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/integration/InProcessGateway.h"
#include "tools/suanlictl/Connection.h"

#include <cmath>
#include <functional>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>
#include <set>
#include <thread>

using namespace suanli::test;
namespace v1 = suanli::v1;
using google::protobuf::util::TimeUtil;
using namespace std::chrono_literals;

namespace {

std::unique_ptr<grpc::ClientContext> context(const std::string &token)
{
    return GatewayProcess::context(token);
}

class OutageTest : public ::testing::Test {
protected:
    void open(bool reachable)
    {
        gateway = std::make_unique<InProcessGateway>(stillCentre(), reachable);
        ASSERT_TRUE(gateway->start()) << gateway->error();
        admin = gateway->addUser("root", "admin");
        // The console's and suanlictl's retry policy: UNAVAILABLE is retried, up to 4 attempts.
        channel = gateway->channel(suanli::channelServiceConfig());
        cluster = v1::Cluster::NewStub(channel);
        events = v1::Events::NewStub(channel);
        tenancy = v1::Tenancy::NewStub(channel);
        telemetry = v1::Telemetry::NewStub(channel);
        audit = v1::Audit::NewStub(channel);
    }

    v1::Overview overview()
    {
        v1::Overview o;
        cluster->GetOverview(context(admin).get(), {}, &o);
        return o;
    }

    std::vector<v1::Node> nodes()
    {
        v1::ListNodesRequest request;
        request.set_page_size(1000);
        v1::ListNodesResponse response;
        cluster->ListNodes(context(admin).get(), request, &response);
        return { response.nodes().begin(), response.nodes().end() };
    }

    std::vector<v1::AuditEntry> auditOf(const std::string &action)
    {
        v1::ListAuditEntriesRequest request;
        request.set_page_size(1000);
        v1::ListAuditEntriesResponse response;
        EXPECT_TRUE(audit->ListAuditEntries(context(admin).get(), request, &response).ok());
        std::vector<v1::AuditEntry> out;
        for (const auto &e : response.entries())
            if (e.action() == action)
                out.push_back(e);
        return out;
    }

    std::vector<v1::Alert> alertsOfKind(const std::string &kind)
    {
        v1::ListAlertsRequest request;
        request.set_page_size(1000);
        v1::ListAlertsResponse response;
        events->ListAlerts(context(admin).get(), request, &response);
        std::vector<v1::Alert> out;
        for (const auto &a : response.alerts())
            if (a.kind() == kind)
                out.push_back(a);
        return out;
    }

    // Node utilisation over the last two hours of backend time, one point a minute.
    v1::Series utilisation(const std::string &node, grpc::Status *status)
    {
        v1::QueryMetricsRequest request;
        request.set_scope(v1::METRIC_SCOPE_NODE);
        request.set_target(node);
        request.add_metrics("utilisation_percent");
        const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
            gateway->backend().now().time_since_epoch())
                                .count();
        *request.mutable_start_time() = TimeUtil::SecondsToTimestamp(now - 7200);
        *request.mutable_end_time() = TimeUtil::SecondsToTimestamp(now + 60);
        *request.mutable_step() = TimeUtil::SecondsToDuration(60);
        v1::QueryMetricsResponse response;
        *status = telemetry->QueryMetrics(context(admin).get(), request, &response);
        return response.series_size() > 0 ? response.series(0) : v1::Series();
    }

    // Times of the points that hold a value.
    static std::vector<int64_t> sampled(const v1::Series &series)
    {
        std::vector<int64_t> out;
        for (int i = 0; i < series.values_size() && i < series.times_size(); ++i)
            if (!std::isnan(series.values(i)))
                out.push_back(series.times(i));
        return out;
    }

    std::unique_ptr<InProcessGateway> gateway;
    std::string admin;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::Cluster::Stub> cluster;
    std::unique_ptr<v1::Events::Stub> events;
    std::unique_ptr<v1::Tenancy::Stub> tenancy;
    std::unique_ptr<v1::Telemetry::Stub> telemetry;
    std::unique_ptr<v1::Audit::Stub> audit;
};

} // namespace

TEST_F(OutageTest, ActionsSayTheSchedulerIsUnreachableAndAreAuditedOnceThoughTheClientRetries)
{
    open(true);
    const auto before = nodes();
    ASSERT_EQ(before.size(), 16u);
    const std::string node = before.front().name();
    gateway->backend().setReachable(false);
    ASSERT_TRUE(waitUntil([&] { return overview().stale(); }));

    v1::DrainNodesRequest drain;
    drain.add_names(node);
    drain.set_reason("replace fan");
    drain.set_request_id("drain-once-1");
    v1::NodeActionResponse response;
    grpc::Status status = cluster->DrainNodes(context(admin).get(), drain, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE);
    const auto info = suanli::decodeErrorInfo(status.error_details());
    ASSERT_TRUE(info) << "no error info: " << status.error_message();
    EXPECT_EQ(info->reason, suanli::kSchedulerUnreachable);
    EXPECT_EQ(info->domain, suanli::kErrorDomain);
    EXPECT_EQ(info->value("backend"), "sim");
    EXPECT_FALSE(info->value("unreachable_since").empty());
    EXPECT_FALSE(info->value("unreachable_seconds").empty());
    // Which scheduler, since when, that the gateway is up, and the backend's own words.
    const std::string &message = status.error_message();
    EXPECT_NE(message.find("the simulated scheduler (the centre's scheduler) has not answered "
                           "for "),
        std::string::npos)
        << message;
    EXPECT_NE(message.find(" UTC; this gateway is up"), std::string::npos) << message;
    EXPECT_NE(message.find(OutageBackend::kOutage), std::string::npos) << message;
    // The channel's retry policy would have tried four times: the gateway asked it not to.
    auto drains = auditOf("Cluster.DrainNodes");
    ASSERT_EQ(drains.size(), 1u);
    EXPECT_EQ(drains[0].result(), "UNAVAILABLE");
    EXPECT_EQ(drains[0].target(), node);

    // The same through suanlictl: once more in the log, and the words say who is down.
    const RunResult ctl = gateway->ctl(admin, { "nodes", "drain", node, "--reason", "fan" });
    EXPECT_EQ(ctl.exitCode, 1);
    EXPECT_NE(ctl.err.find("suanlictl: UNAVAILABLE: "), std::string::npos) << ctl.err;
    EXPECT_NE(ctl.err.find("suanlictl: the gateway at " + gateway->address()
                  + " is up; the centre's scheduler (sim) behind it has not answered for "),
        std::string::npos)
        << ctl.err;
    EXPECT_EQ(ctl.err.find("is suanlid running"), std::string::npos) << ctl.err;
    EXPECT_EQ(auditOf("Cluster.DrainNodes").size(), 2u);

    // A quota change is refused the same way, once.
    v1::SetQuotaRequest quota;
    v1::ListTenantsResponse tenants;
    ASSERT_TRUE(tenancy->ListTenants(context(admin).get(), {}, &tenants).ok());
    ASSERT_GT(tenants.tenants_size(), 0);
    quota.set_tenant(tenants.tenants(0).id());
    quota.mutable_limit()->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    quota.mutable_limit()->set_max_accelerators(64);
    quota.set_request_id("quota-once-1");
    v1::Tenant tenant;
    status = tenancy->SetQuota(context(admin).get(), quota, &tenant);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
    const auto quotaInfo = suanli::decodeErrorInfo(status.error_details());
    ASSERT_TRUE(quotaInfo);
    EXPECT_EQ(quotaInfo->reason, suanli::kSchedulerUnreachable);
    EXPECT_EQ(auditOf("Tenancy.SetQuota").size(), 1u);

    // Back again: nothing was remembered for the refused request id, so sending it again
    // applies it; a retry of that answered request is answered again, not audited again.
    gateway->backend().setReachable(true);
    ASSERT_TRUE(waitUntil([&] { return !overview().stale(); }));
    status = cluster->DrainNodes(context(admin).get(), drain, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.results_size(), 1);
    EXPECT_TRUE(response.results(0).ok()) << response.results(0).message();
    v1::NodeActionResponse again;
    status = cluster->DrainNodes(context(admin).get(), drain, &again);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(again.results(0).SerializeAsString(), response.results(0).SerializeAsString());
    drains = auditOf("Cluster.DrainNodes");
    ASSERT_EQ(drains.size(), 3u);
    EXPECT_EQ(drains[0].result(), "OK"); // newest first
}

TEST_F(OutageTest, ARetriedRequestIdIsAuditedOnce)
{
    open(true);
    const std::string node = nodes().front().name();
    v1::DrainNodesRequest drain;
    drain.add_names(node);
    drain.set_reason("replace PSU");
    drain.set_request_id("retry-me");
    for (int attempt = 0; attempt < 3; ++attempt) {
        v1::NodeActionResponse response;
        const grpc::Status status = cluster->DrainNodes(context(admin).get(), drain, &response);
        ASSERT_TRUE(status.ok()) << status.error_message();
        ASSERT_EQ(response.results_size(), 1);
        EXPECT_TRUE(response.results(0).ok());
    }
    const auto drains = auditOf("Cluster.DrainNodes");
    ASSERT_EQ(drains.size(), 1u);
    EXPECT_EQ(drains[0].result(), "OK");
    EXPECT_EQ(drains[0].detail(), "1 of 1 applied");

    v1::ListTenantsResponse tenants;
    ASSERT_TRUE(tenancy->ListTenants(context(admin).get(), {}, &tenants).ok());
    ASSERT_GT(tenants.tenants_size(), 0);
    v1::SetQuotaRequest quota;
    quota.set_tenant(tenants.tenants(0).id());
    quota.mutable_limit()->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    quota.mutable_limit()->set_max_accelerators(64);
    quota.set_request_id("quota-retry-me");
    for (int attempt = 0; attempt < 2; ++attempt) {
        v1::Tenant tenant;
        const grpc::Status status = tenancy->SetQuota(context(admin).get(), quota, &tenant);
        ASSERT_TRUE(status.ok()) << status.error_message();
    }
    EXPECT_EQ(auditOf("Tenancy.SetQuota").size(), 1u);
}

TEST_F(OutageTest, AnOutageRaisesACriticalAlertThatClearsWhenTheSchedulerAnswers)
{
    open(true);
    EXPECT_TRUE(alertsOfKind("scheduler_unreachable").empty());
    const auto stopped = gateway->backend().now();
    gateway->backend().setReachable(false);
    ASSERT_TRUE(waitUntil([&] { return alertsOfKind("scheduler_unreachable").size() == 1; }));
    v1::Alert alert = alertsOfKind("scheduler_unreachable").front();
    EXPECT_EQ(alert.severity(), v1::SEVERITY_CRITICAL);
    EXPECT_EQ(alert.target(), "sim");
    EXPECT_FALSE(alert.has_clear_time());
    EXPECT_GE(TimeUtil::TimestampToSeconds(alert.raise_time()),
        std::chrono::duration_cast<std::chrono::seconds>(stopped.time_since_epoch()).count());
    EXPECT_NE(alert.summary().find("the simulated scheduler (the centre's scheduler) "
                                   "unreachable since "),
        std::string::npos)
        << alert.summary();
    EXPECT_NE(alert.summary().find(OutageBackend::kOutage), std::string::npos) << alert.summary();
    // The same as a code with its parts, for a console to say in its own language.
    EXPECT_EQ(alert.cause(), v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE);
    ASSERT_EQ(alert.cause_args_size(), 3);
    EXPECT_EQ(alert.cause_args(0), "sim");
    EXPECT_GE(std::stoll(alert.cause_args(1)),
        std::chrono::duration_cast<std::chrono::seconds>(stopped.time_since_epoch()).count());
    EXPECT_NE(alert.cause_args(2).find(OutageBackend::kOutage), std::string::npos);
    EXPECT_GE(suanli::openAlerts(overview(), v1::SEVERITY_CRITICAL), 1);

    // Consoles see it in the alerts they watch.
    {
        auto ctx = context(admin);
        auto reader = events->WatchAlerts(ctx.get(), v1::WatchRequest());
        v1::AlertsEvent event;
        bool found = false;
        while (reader->Read(&event)) {
            for (const auto &a : event.upserts())
                found = found || a.id() == alert.id();
            if (event.header().last_chunk())
                break;
        }
        ctx->TryCancel();
        while (reader->Read(&event)) { }
        reader->Finish();
        EXPECT_TRUE(found) << "alert " << alert.id() << " not in the WatchAlerts snapshot";
    }

    // It is acknowledged like the backend's own alerts.
    const RunResult ack
        = gateway->ctl(admin, { "alerts", "ack", alert.id(), "--comment", "on it" });
    EXPECT_EQ(ack.exitCode, 0) << ack.out << ack.err;
    ASSERT_TRUE(waitUntil([&] {
        const auto all = alertsOfKind("scheduler_unreachable");
        return all.size() == 1 && all[0].acknowledged();
    }));
    EXPECT_EQ(alertsOfKind("scheduler_unreachable")[0].acknowledged_by(), "root");

    gateway->backend().setReachable(true);
    ASSERT_TRUE(waitUntil([&] {
        const auto all = alertsOfKind("scheduler_unreachable");
        return all.size() == 1 && all[0].has_clear_time();
    }));
    EXPECT_EQ(alertsOfKind("scheduler_unreachable")[0].id(), alert.id());

    // The next outage is a new alert.
    gateway->backend().setReachable(false);
    ASSERT_TRUE(waitUntil([&] { return alertsOfKind("scheduler_unreachable").size() == 2; }));
    const auto both = alertsOfKind("scheduler_unreachable");
    EXPECT_NE(both[0].id(), both[1].id());
}

TEST_F(OutageTest, AGatewayStartedWhileTheSchedulerIsDownServesTheCentreWhenItAnswers)
{
    open(false);
    EXPECT_TRUE(nodes().empty());
    EXPECT_TRUE(overview().stale());
    ASSERT_EQ(alertsOfKind("scheduler_unreachable").size(), 1u);

    gateway->backend().setReachable(true);
    ASSERT_TRUE(waitUntil([&] { return nodes().size() == 16; }));
    EXPECT_FALSE(overview().stale());
    EXPECT_TRUE(
        waitUntil([&] { return alertsOfKind("scheduler_unreachable")[0].has_clear_time(); }));

    // Every node has a place in the metrics history, and its samples are kept.
    const std::string node = nodes().front().name();
    grpc::Status status;
    utilisation(node, &status);
    ASSERT_TRUE(status.ok()) << status.error_message();
    gateway->backend().sim().advance(120);
    ASSERT_TRUE(waitUntil([&] {
        const v1::Series series = utilisation(node, &status);
        return status.ok() && series.available() && !sampled(series).empty();
    })) << status.error_message();
}

TEST_F(OutageTest, NodesThatAppearLaterGetAHistoryAndTheOthersKeepTheirs)
{
    auto sim = stillCentre();
    std::set<std::string> lateNodes;
    std::string earlyNode;
    {
        // Four nodes the backend reports only later, as a centre that grows.
        OutageBackend probe(sim);
        const auto names = probe.nodeNames();
        ASSERT_EQ(names.size(), 16u);
        lateNodes = { names[3], names[7], names[11], names[15] };
        earlyNode = names[0];
    }
    gateway = std::make_unique<InProcessGateway>(sim, true);
    gateway->backend().withhold(lateNodes);
    ASSERT_TRUE(gateway->start()) << gateway->error();
    admin = gateway->addUser("root", "admin");
    channel = gateway->channel();
    cluster = v1::Cluster::NewStub(channel);
    telemetry = v1::Telemetry::NewStub(channel);
    ASSERT_EQ(nodes().size(), 12u);

    grpc::Status status;
    gateway->backend().sim().advance(120);
    std::vector<int64_t> early;
    ASSERT_TRUE(waitUntil([&] {
        early = sampled(utilisation(earlyNode, &status));
        return !early.empty();
    })) << status.error_message();
    const std::string late = *lateNodes.begin();
    utilisation(late, &status);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);

    gateway->backend().reveal();
    ASSERT_TRUE(waitUntil([&] { return nodes().size() == 16; }));
    utilisation(late, &status);
    ASSERT_TRUE(status.ok()) << status.error_message();
    gateway->backend().sim().advance(120);
    ASSERT_TRUE(waitUntil([&] {
        const auto got = sampled(utilisation(late, &status));
        return !got.empty();
    })) << status.error_message();
    // What the early node had before the others came is still there.
    const auto after = sampled(utilisation(earlyNode, &status));
    for (const int64_t t : early)
        EXPECT_NE(std::find(after.begin(), after.end(), t), after.end()) << "lost minute " << t;
}
