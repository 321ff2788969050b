// Every action end to end through suanlictl, checked at the gateway and in
// the audit log; refusals and bad inputs say what went wrong.
#include "common/Describe.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/time_util.h>
#include <gtest/gtest.h>
#include <iostream>
#include <regex>
#include <sqlite3.h>
#include <sstream>
#include <thread>

using namespace suanli::test;
namespace v1 = suanli::v1;

namespace {
template <class M> M parseJson(const std::string &json)
{
    M message;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const auto status = google::protobuf::util::JsonStringToMessage(json, &message, options);
    EXPECT_TRUE(status.ok()) << status.ToString() << "\n" << json.substr(0, 500);
    return message;
}

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}
} // namespace

class ActionsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        gateway = new GatewayProcess(
            { "--sim-nodes", "96", "--sim-jobs", "800", "--sim-speed", "5", "--tick", "0.2" });
        ASSERT_TRUE(gateway->start()) << gateway->error();
        admin = gateway->addUser("root", "admin");
        ops = gateway->addUser("ops", "operator");
        viewer = gateway->addUser("wall", "viewer");
    }
    static void TearDownTestSuite()
    {
        delete gateway;
        gateway = nullptr;
    }

    // The newest audit entry for `action` on `target`.
    static v1::AuditEntry lastAudit(const std::string &action, const std::string &target)
    {
        const auto r = gateway->ctl(
            admin, { "audit", "list", "--json", "--limit", "50", "--filter", "action:" + action });
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const auto list = parseJson<v1::ListAuditEntriesResponse>(r.out);
        for (const auto &e : list.entries())
            if (contains(e.target(), target))
                return e;
        ADD_FAILURE() << "no audit entry for " << action << " on " << target << "\n"
                      << r.out.substr(0, 1000);
        return {};
    }

    static v1::Node node(const std::string &name)
    {
        const auto r = gateway->ctl(ops, { "nodes", "show", name, "--json" });
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return parseJson<v1::Node>(r.out);
    }

    static v1::Job job(const std::string &id)
    {
        const auto r = gateway->ctl(ops, { "jobs", "show", id, "--json" });
        EXPECT_EQ(r.exitCode, 0) << r.err;
        return parseJson<v1::Job>(r.out);
    }

    static std::vector<v1::Job> jobs(const std::string &filter)
    {
        const auto r
            = gateway->ctl(ops, { "jobs", "list", "--json", "--limit", "20", "--filter", filter });
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const auto list = parseJson<v1::ListJobsResponse>(r.out);
        return { list.jobs().begin(), list.jobs().end() };
    }

    static GatewayProcess *gateway;
    static std::string admin, ops, viewer;
};
GatewayProcess *ActionsTest::gateway = nullptr;
std::string ActionsTest::admin, ActionsTest::ops, ActionsTest::viewer;

TEST_F(ActionsTest, DrainResumeAndRebootNodes)
{
    const auto listed = parseJson<v1::ListNodesResponse>(
        gateway
            ->ctl(ops,
                { "nodes", "list", "--json", "--filter", "state:allocated,mixed,idle", "--limit",
                    "3" })
            .out);
    ASSERT_EQ(listed.nodes_size(), 3);
    const std::string a = listed.nodes(0).name(), b = listed.nodes(1).name(),
                      c = listed.nodes(2).name();

    auto r = gateway->ctl(ops, { "nodes", "drain", a, b, "--reason", "replace IB cable" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    for (const auto &name : { a, b }) {
        const auto n = node(name);
        EXPECT_TRUE(n.state() == v1::NODE_STATE_DRAINING || n.state() == v1::NODE_STATE_DRAINED)
            << name;
        EXPECT_EQ(n.reason(), "replace IB cable");
        EXPECT_EQ(n.reason_user(), "ops");
    }
    auto entry = lastAudit("DrainNodes", a);
    EXPECT_EQ(entry.user(), "ops");
    EXPECT_EQ(entry.role(), v1::ROLE_OPERATOR);
    EXPECT_EQ(entry.result(), "OK");
    EXPECT_EQ(entry.reason(), "replace IB cable");
    EXPECT_TRUE(contains(entry.target(), b));

    // The drained nodes take no new work: resume gives them back.
    r = gateway->ctl(ops, { "nodes", "resume", a, "--reason", "cable replaced" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto resumed = node(a);
    EXPECT_NE(resumed.state(), v1::NODE_STATE_DRAINED);
    EXPECT_NE(resumed.state(), v1::NODE_STATE_DRAINING);
    EXPECT_EQ(lastAudit("ResumeNodes", a).result(), "OK");

    r = gateway->ctl(ops, { "nodes", "reboot", c, "--reason", "firmware update" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto rebooting = node(c);
    EXPECT_TRUE(rebooting.reboot_pending() || rebooting.state() == v1::NODE_STATE_MAINTENANCE);
    EXPECT_EQ(lastAudit("RebootNodes", c).result(), "OK");
}

TEST_F(ActionsTest, OneBadNodeDoesNotHideTheOthers)
{
    const auto listed
        = parseJson<v1::ListNodesResponse>(gateway
                                               ->ctl(ops,
                                                   { "nodes", "list", "--json", "--filter",
                                                       "-state:drained,draining", "--limit", "1" })
                                               .out);
    ASSERT_EQ(listed.nodes_size(), 1);
    const std::string good = listed.nodes(0).name();
    const auto r = gateway->ctl(
        ops, { "nodes", "drain", good, "no-such-node", "--reason", "mixed batch", "--json" });
    EXPECT_EQ(r.exitCode, 1);
    const auto response = parseJson<v1::NodeActionResponse>(r.out);
    ASSERT_EQ(response.results_size(), 2);
    EXPECT_TRUE(response.results(0).ok());
    EXPECT_FALSE(response.results(1).ok());
    EXPECT_EQ(response.results(1).code(), "NOT_FOUND");
    EXPECT_TRUE(contains(response.results(1).message(), "no-such-node"));
    EXPECT_TRUE(contains(lastAudit("DrainNodes", "no-such-node").detail(), "1 of 2 applied"));
}

TEST_F(ActionsTest, HoldReleasePriorityRequeueCancel)
{
    const auto pending = jobs("state:pending");
    ASSERT_GE(pending.size(), 2u);
    const std::string id = pending[0].id();

    ASSERT_EQ(gateway->ctl(ops, { "jobs", "hold", id, "--reason", "user asked" }).exitCode, 0);
    EXPECT_EQ(job(id).state(), v1::JOB_STATE_HELD);
    // An operator's hold, as Slurm's JobHeldAdmin: only an operator releases it.
    EXPECT_EQ(job(id).pending_reason(), v1::PENDING_REASON_HELD_BY_ADMIN);
    ASSERT_EQ(gateway->ctl(ops, { "jobs", "release", id }).exitCode, 0);
    EXPECT_EQ(
        job(id).state() == v1::JOB_STATE_PENDING || job(id).state() == v1::JOB_STATE_RUNNING, true);
    const std::string other = pending[1].id();
    const auto r = gateway->ctl(
        ops, { "jobs", "priority", other, "--value", "999999", "--reason", "deadline" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(job(other).priority(), 999999);

    const auto running = jobs("state:running");
    ASSERT_GE(running.size(), 3u);
    ASSERT_EQ(gateway->ctl(ops, { "jobs", "requeue", running[0].id() }).exitCode, 0);
    const auto requeued = job(running[0].id());
    EXPECT_TRUE(
        requeued.state() == v1::JOB_STATE_PENDING || requeued.state() == v1::JOB_STATE_RUNNING);
    ASSERT_EQ(
        gateway->ctl(ops, { "jobs", "cancel", running[1].id(), "--reason", "runaway" }).exitCode,
        0);
    EXPECT_EQ(job(running[1].id()).state(), v1::JOB_STATE_CANCELLED);

    for (const char *action :
        { "HoldJobs", "ReleaseJobs", "SetJobPriority", "RequeueJobs", "CancelJobs" })
        EXPECT_EQ(lastAudit(action, "").result(), "OK") << action;
    // Holding a running job is refused for that job, with the reason.
    const auto refused = gateway->ctl(ops, { "jobs", "hold", running[2].id(), "--json" });
    EXPECT_EQ(refused.exitCode, 1);
    const auto response = parseJson<v1::JobActionResponse>(refused.out);
    ASSERT_EQ(response.results_size(), 1);
    EXPECT_EQ(response.results(0).code(), "FAILED_PRECONDITION");
}

TEST_F(ActionsTest, AcknowledgeAlertAndSetQuota)
{
    const auto alerts = parseJson<v1::ListAlertsResponse>(
        gateway->ctl(ops, { "alerts", "list", "--json", "--limit", "5" }).out);
    if (alerts.alerts_size() > 0) {
        const std::string id = alerts.alerts(0).id();
        ASSERT_EQ(gateway->ctl(ops, { "alerts", "ack", id, "--comment", "on it" }).exitCode, 0);
        const auto after = parseJson<v1::ListAlertsResponse>(
            gateway->ctl(ops, { "alerts", "list", "--json", "--filter", "id:" + id }).out);
        ASSERT_EQ(after.alerts_size(), 1);
        EXPECT_TRUE(after.alerts(0).acknowledged());
        EXPECT_EQ(after.alerts(0).acknowledged_by(), "ops");
        EXPECT_EQ(after.alerts(0).acknowledge_comment(), "on it");
        EXPECT_EQ(lastAudit("AcknowledgeAlert", id).result(), "OK");
        // The table names the comment too, next to who acknowledged.
        const std::string table
            = gateway->ctl(ops, { "alerts", "list", "--filter", "id:" + id }).out;
        EXPECT_NE(table.find("COMMENT"), std::string::npos) << table;
        EXPECT_NE(table.find("on it"), std::string::npos) << table;
    }

    const auto tenants = parseJson<v1::ListTenantsResponse>(
        gateway->ctl(admin, { "tenants", "list", "--json" }).out);
    ASSERT_GE(tenants.tenants_size(), 1);
    const auto &t = tenants.tenants(0);
    ASSERT_GE(t.quotas_size(), 1);
    const std::string model
        = t.quotas(0).model() == v1::ACCELERATOR_MODEL_ASCEND_910B ? "910b" : "h100";
    const auto r = gateway->ctl(admin,
        { "quota", "set", t.id(), "--model", model, "--accelerators", "321", "--reason",
            "contract renewal" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto updated = parseJson<v1::ListTenantsResponse>(
        gateway->ctl(admin, { "tenants", "list", "--json", "--filter", "id:" + t.id() }).out);
    ASSERT_EQ(updated.tenants_size(), 1);
    bool found = false;
    for (const auto &q : updated.tenants(0).quotas())
        found = found || q.max_accelerators() == 321;
    EXPECT_TRUE(found);
    EXPECT_EQ(lastAudit("SetQuota", t.id()).reason(), "contract renewal");
    // Operators may not set quotas.
    const auto refused
        = gateway->ctl(ops, { "quota", "set", t.id(), "--model", model, "--accelerators", "1" });
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(contains(refused.err, "PERMISSION_DENIED")) << refused.err;
}

TEST_F(ActionsTest, QuotaRequestThroughTheCommandLine)
{
    const auto tenants = parseJson<v1::ListTenantsResponse>(
        gateway->ctl(admin, { "tenants", "list", "--json" }).out);
    const auto &t = tenants.tenants(tenants.tenants_size() - 1);
    auto r = gateway->ctl(ops,
        { "quota", "request", t.id(), "--model", "h100", "--accelerators", "64", "--justification",
            "new pretraining run", "--json" });
    // Operators ask only for tenants they act for.
    EXPECT_EQ(r.exitCode, 1);
    r = gateway->ctl(admin,
        { "quota", "request", t.id(), "--model", "h100", "--accelerators", "64", "--justification",
            "new pretraining run", "--json" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto created = parseJson<v1::QuotaRequest>(r.out);
    EXPECT_EQ(created.state(), v1::QUOTA_REQUEST_STATE_PENDING);
    r = gateway->ctl(admin, { "quota", "approve", created.id(), "--comment", "fine", "--json" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(parseJson<v1::QuotaRequest>(r.out).state(), v1::QUOTA_REQUEST_STATE_APPROVED);
    r = gateway->ctl(admin, { "quota", "approve", created.id() });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(r.err, "FAILED_PRECONDITION")) << r.err;
    const auto requests = gateway->ctl(admin, { "quota", "requests" });
    EXPECT_EQ(requests.exitCode, 0);
    EXPECT_TRUE(contains(requests.out, created.id()));
}

TEST_F(ActionsTest, TheLimitAcrossAllModelsThroughTheCommandLine)
{
    const auto tenants = parseJson<v1::ListTenantsResponse>(
        gateway->ctl(admin, { "tenants", "list", "--json" }).out);
    ASSERT_GE(tenants.tenants_size(), 1);
    const v1::Tenant &t = tenants.tenants(0);
    ASSERT_GE(t.projects_size(), 1);
    auto r = gateway->ctl(admin,
        { "quota", "set", t.id(), "--model", "all", "--accelerators", "4321", "--reason",
            "one pool for every model" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "for all models together set to 4321 accelerators")) << r.out;
    const auto updated = parseJson<v1::ListTenantsResponse>(
        gateway->ctl(admin, { "tenants", "list", "--json", "--filter", "id:" + t.id() }).out);
    ASSERT_EQ(updated.tenants_size(), 1);
    bool found = false;
    for (const auto &q : updated.tenants(0).quotas())
        found = found
            || (q.all_models() && q.model() == v1::ACCELERATOR_MODEL_UNSPECIFIED
                && q.max_accelerators() == 4321);
    EXPECT_TRUE(found) << updated.tenants(0).DebugString();
    // The table has a row for it, named "all", beside the models' rows.
    r = gateway->ctl(admin, { "tenants", "list", "--filter", "id:" + t.id() });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    bool row = false;
    for (std::size_t at = 0, end; at < r.out.size(); at = end + 1) {
        end = r.out.find('\n', at);
        const std::string line = r.out.substr(at, end - at);
        row = row || (contains(line, " all ") && contains(line, "4321"));
        if (end == std::string::npos)
            break;
    }
    EXPECT_TRUE(row) << r.out;

    // A project asks for one, and the request says so.
    const std::string target = t.id() + "/" + t.projects(0).id();
    r = gateway->ctl(admin,
        { "quota", "request", target, "--model", "all", "--accelerators", "16", "--justification",
            "mixed runs", "--json" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto created = parseJson<v1::QuotaRequest>(r.out);
    EXPECT_TRUE(created.all_models());
    EXPECT_EQ(created.model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    r = gateway->ctl(admin, { "quota", "requests", "--filter", "id:" + created.id() });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, " all ")) << r.out;
    r = gateway->ctl(admin, { "quota", "approve", created.id() });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_TRUE(contains(r.out, "asks for 16 accelerators across all models")) << r.out;
    EXPECT_EQ(lastAudit("SetQuota", t.id()).detail(),
        "all models max_accelerators=4321 "
        "max_accelerator_hours=0");
}

TEST_F(ActionsTest, RefusalsAndBadInputsSayWhatIsWrong)
{
    auto r = gateway->ctl(viewer, { "nodes", "drain", "x", "--reason", "r" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(r.err, "PERMISSION_DENIED")) << r.err;
    EXPECT_EQ(lastAudit("DrainNodes", "").result(), "PERMISSION_DENIED");

    r = gateway->ctl("sl_wrongtokenwrongtokenwrongtokenwrongtoken12", { "overview" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(r.err, "UNAUTHENTICATED")) << r.err;

    r = gateway->ctl(ops, { "nodes", "drain", "x" });
    EXPECT_EQ(r.exitCode, 2) << "a drain without --reason is a usage error";

    r = gateway->ctl(ops, { "nodes", "list", "--filter", "state:idle utl<10" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(contains(r.err, "position 11")) << r.err;

    r = gateway->ctl(ops, { "jobs", "priority", "1", "--value", "-5" });
    EXPECT_NE(r.exitCode, 0);

    // A request past the size limit is refused before it is processed.
    auto cluster = v1::Cluster::NewStub(gateway->channel());
    v1::DrainNodesRequest huge;
    huge.add_names("x");
    huge.set_reason(std::string(5 << 20, 'a'));
    v1::NodeActionResponse response;
    auto ctx = GatewayProcess::context(ops);
    EXPECT_EQ(cluster->DrainNodes(ctx.get(), huge, &response).error_code(),
        grpc::StatusCode::RESOURCE_EXHAUSTED);
    // A reason past 1 KiB is refused with its size.
    huge.set_reason(std::string(2000, 'a'));
    ctx = GatewayProcess::context(ops);
    const auto status = cluster->DrainNodes(ctx.get(), huge, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_TRUE(contains(status.error_message(), "2000 bytes")) << status.error_message();
}

TEST_F(ActionsTest, RetryWithTheSameRequestIdIsNotAppliedTwice)
{
    const auto pending = jobs("state:pending");
    ASSERT_GE(pending.size(), 1u);
    auto scheduler = v1::Scheduler::NewStub(gateway->channel());
    v1::SetJobPriorityRequest request;
    request.add_ids(pending[0].id());
    request.set_priority(4242);
    request.set_request_id("retry-me-1");
    v1::JobActionResponse first, second;
    auto ctx = GatewayProcess::context(ops);
    ASSERT_TRUE(scheduler->SetJobPriority(ctx.get(), request, &first).ok());
    request.set_priority(1); // a retry carries the same id: the first answer stands
    ctx = GatewayProcess::context(ops);
    ASSERT_TRUE(scheduler->SetJobPriority(ctx.get(), request, &second).ok());
    EXPECT_EQ(first.SerializeAsString(), second.SerializeAsString());
    EXPECT_EQ(job(pending[0].id()).priority(), 4242);
}

TEST_F(ActionsTest, WatchPrintsJsonLines)
{
    const auto r = gateway->ctl(ops, { "watch", "nodes", "--json", "--count", "2" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    int count = 0;
    while (std::getline(lines, line)) {
        if (line.empty())
            continue;
        const auto event = parseJson<v1::NodesEvent>(line);
        EXPECT_FALSE(event.header().epoch().empty());
        ++count;
    }
    EXPECT_EQ(count, 2);
}

TEST(AuditTamper, VerifyFindsAnEditedEntry)
{
    GatewayProcess gateway({ "--sim-nodes", "16", "--sim-jobs", "50" });
    ASSERT_TRUE(gateway.start()) << gateway.error();
    const std::string admin = gateway.addUser("root", "admin");
    for (int i = 0; i < 3; ++i)
        gateway.ctl(admin,
            { "nodes", "drain", "no-such-" + std::to_string(i), "--reason",
                "entry " + std::to_string(i) });
    auto r = gateway.ctl(admin, { "audit", "verify" });
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    ASSERT_EQ(gateway.stop(), 0);

    // Someone with the database file rewrites history.
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open((gateway.dataDir() + "/suanli.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                  "DROP TRIGGER audit_no_update; UPDATE audit SET reason = 'nothing to see' WHERE "
                  "sequence = 2;",
                  nullptr, nullptr, nullptr),
        SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);

    // The gateway checks the chain before it serves, and will not serve from this store: it
    // says which file and which entry.
    GatewayProcess again({ "--sim-nodes", "16", "--sim-jobs", "50" }, gateway.dataDir());
    EXPECT_FALSE(again.start()) << "served from a store whose audit log does not verify";
    EXPECT_NE(again.error().find("audit log does not verify"), std::string::npos) << again.error();
    EXPECT_NE(again.error().find("suanli.db"), std::string::npos) << again.error();
    EXPECT_NE(again.error().find("entry 2"), std::string::npos) << again.error();
}

TEST_F(ActionsTest, MetricsHistoryAndLiveStream)
{
    auto telemetry = v1::Telemetry::NewStub(gateway->channel());
    const auto now = std::chrono::system_clock::now();
    v1::QueryMetricsRequest query;
    query.set_scope(v1::METRIC_SCOPE_SITE);
    query.add_metrics("utilisation_percent");
    query.add_metrics("jobs_pending");
    *query.mutable_start_time() = google::protobuf::util::TimeUtil::SecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::seconds>(
            (now - std::chrono::minutes(10)).time_since_epoch())
            .count());
    *query.mutable_end_time() = google::protobuf::util::TimeUtil::SecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::seconds>(
            (now + std::chrono::hours(2)).time_since_epoch())
            .count());
    *query.mutable_step() = google::protobuf::util::TimeUtil::SecondsToDuration(60);
    v1::QueryMetricsResponse response;
    auto ctx = GatewayProcess::context(viewer);
    auto status = telemetry->QueryMetrics(ctx.get(), query, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.series_size(), 2);
    for (const auto &series : response.series()) {
        EXPECT_TRUE(series.available()) << series.metric();
        int samples = 0;
        for (double v : series.values())
            samples += !std::isnan(v);
        EXPECT_GE(samples, 1) << series.metric();
    }
    EXPECT_EQ(response.series(0).unit(), "percent");

    // A node's history, by name; an unknown node is NOT_FOUND.
    const auto listed = parseJson<v1::ListNodesResponse>(
        gateway->ctl(ops, { "nodes", "list", "--json", "--limit", "1" }).out);
    ASSERT_EQ(listed.nodes_size(), 1);
    query.set_scope(v1::METRIC_SCOPE_NODE);
    query.set_target(listed.nodes(0).name());
    query.clear_metrics();
    ctx = GatewayProcess::context(viewer);
    status = telemetry->QueryMetrics(ctx.get(), query, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(response.series_size(), 4);
    query.set_target("no-such-node");
    ctx = GatewayProcess::context(viewer);
    EXPECT_EQ(telemetry->QueryMetrics(ctx.get(), query, &response).error_code(),
        grpc::StatusCode::NOT_FOUND);
    query.set_target(listed.nodes(0).name());
    *query.mutable_step() = google::protobuf::util::TimeUtil::SecondsToDuration(10);
    ctx = GatewayProcess::context(viewer);
    status = telemetry->QueryMetrics(ctx.get(), query, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_TRUE(contains(status.error_message(), "step")) << status.error_message();

    // The live stream sends the newest point at once.
    v1::StreamMetricsRequest live;
    live.set_scope(v1::METRIC_SCOPE_SITE);
    ctx = GatewayProcess::context(viewer);
    auto reader = telemetry->StreamMetrics(ctx.get(), live);
    v1::MetricsPoint point;
    ASSERT_TRUE(reader->Read(&point));
    EXPECT_TRUE(point.values().count("jobs_running"));
    ctx->TryCancel();
    while (reader->Read(&point)) { }
    reader->Finish();
}

TEST_F(ActionsTest, OverviewAndTenantsStreams)
{
    auto cluster = v1::Cluster::NewStub(gateway->channel());
    auto ctx = GatewayProcess::context(viewer);
    auto overviews = cluster->WatchOverview(ctx.get(), v1::GetOverviewRequest());
    v1::Overview overview;
    ASSERT_TRUE(overviews->Read(&overview));
    EXPECT_EQ(overview.site(), "Shanghai Lingang");
    EXPECT_EQ(overview.nodes_total(), 96);
    EXPECT_GT(overview.peak_tflops_fp16(), 0);
    EXPECT_GT(overview.carbon_intensity_g_per_kwh(), 0);
    // The simulated centre samples every accelerator: its figures are measured.
    EXPECT_TRUE(overview.telemetry_available());
    EXPECT_GT(overview.it_power_watts(), 0);
    // A second value follows within a few ticks.
    ASSERT_TRUE(overviews->Read(&overview));
    ctx->TryCancel();
    while (overviews->Read(&overview)) { }
    overviews->Finish();

    auto tenancy = v1::Tenancy::NewStub(gateway->channel());
    ctx = GatewayProcess::context(viewer);
    auto tenants = tenancy->WatchTenants(ctx.get(), v1::WatchRequest());
    v1::TenantsEvent event;
    int count = 0;
    while (tenants->Read(&event)) {
        count += event.upserts_size();
        if (event.header().last_chunk())
            break;
    }
    EXPECT_GE(count, 6);
    ctx->TryCancel();
    while (tenants->Read(&event)) { }
    tenants->Finish();
}

namespace {
std::chrono::system_clock::time_point timeOf(const google::protobuf::Timestamp &t)
{
    return std::chrono::system_clock::time_point(std::chrono::seconds(t.seconds()));
}

// The centre's clock, as the first message of an alerts watch says it.
std::chrono::system_clock::time_point centreNow(GatewayProcess &gateway, const std::string &token)
{
    auto events = v1::Events::NewStub(gateway.channel());
    auto ctx = GatewayProcess::context(token);
    auto reader = events->WatchAlerts(ctx.get(), v1::WatchRequest());
    v1::AlertsEvent event;
    EXPECT_TRUE(reader->Read(&event));
    ctx->TryCancel();
    while (reader->Read(&event)) { }
    reader->Finish();
    EXPECT_TRUE(event.header().has_backend_time());
    return timeOf(event.header().backend_time());
}
} // namespace

TEST(CentreClock, NodesAlertsAndAuditShareTheCentresClock)
{
    // Ten simulated minutes a real second: the centre's clock soon runs far ahead of the wall.
    GatewayProcess gateway({ "--sim-nodes", "64", "--sim-jobs", "300", "--sim-speed", "600",
        "--tick", "0.2", "--sim-history", "2" });
    ASSERT_TRUE(gateway.start()) << gateway.error();
    const std::string admin = gateway.addUser("root", "admin");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (centreNow(gateway, admin) < std::chrono::system_clock::now() + std::chrono::minutes(20))
        ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "the centre's clock stood still";

    const auto nodes = parseJson<v1::ListNodesResponse>(
        gateway.ctl(admin, { "nodes", "list", "--json", "--filter", "state:idle,mixed,allocated" })
            .out);
    ASSERT_GE(nodes.nodes_size(), 1);
    const std::string name = nodes.nodes(0).name();
    ASSERT_EQ(
        gateway.ctl(admin, { "nodes", "drain", name, "--reason", "clock check" }).exitCode, 0);
    const auto drained
        = parseJson<v1::Node>(gateway.ctl(admin, { "nodes", "show", name, "--json" }).out);
    const auto audit = parseJson<v1::ListAuditEntriesResponse>(
        gateway.ctl(admin, { "audit", "list", "--json", "--filter", "action:DrainNodes" }).out);
    ASSERT_GE(audit.entries_size(), 1);
    const auto alerts
        = parseJson<v1::ListAlertsResponse>(gateway.ctl(admin, { "alerts", "list", "--json" }).out);
    const auto now = centreNow(gateway, admin);
    const auto wall = std::chrono::system_clock::now();

    // The drain and its audit entry happened at one moment of the centre's clock (a tick,
    // two simulated minutes, may fall between them), far from the wall clock's.
    const auto drainedAt = timeOf(drained.reason_time());
    const auto auditedAt = timeOf(audit.entries(0).time());
    EXPECT_LE(std::chrono::abs(auditedAt - drainedAt), std::chrono::minutes(5));
    EXPECT_GT(auditedAt, wall + std::chrono::minutes(15));
    // Nothing the centre reports is in the future of its own clock.
    EXPECT_LE(drainedAt, now);
    EXPECT_LE(auditedAt, now);
    ASSERT_GE(alerts.alerts_size(), 1);
    for (const auto &a : alerts.alerts()) {
        EXPECT_LE(timeOf(a.raise_time()), now) << a.id();
        EXPECT_GT(timeOf(a.raise_time()), now - std::chrono::hours(3)) << a.id();
    }
    for (const auto &n : nodes.nodes()) {
        if (n.has_reason_time())
            EXPECT_LE(timeOf(n.reason_time()), now) << n.name();
    }
    // suanlictl writes them as the console does: 24-hour, ISO-like.
    const std::string shown = gateway.ctl(admin, { "nodes", "show", name }).out;
    const std::time_t t = std::chrono::system_clock::to_time_t(drainedAt);
    std::tm tm {};
    localtime_r(&t, &tm);
    char iso[32];
    std::strftime(iso, sizeof iso, "%Y-%m-%d %H:%M:%S", &tm);
    EXPECT_TRUE(contains(shown, iso)) << iso << "\n" << shown;
}

TEST(SimulatedHistory, TheLastDayIsInTheMetricsHistoryAtStart)
{
    // A paused clock: whatever the history holds was replayed before the gateway served.
    GatewayProcess gateway({ "--sim-nodes", "64", "--sim-jobs", "300", "--sim-speed", "0", "--tick",
        "0.2", "--sim-history", "24" });
    const auto started = std::chrono::steady_clock::now();
    ASSERT_TRUE(gateway.start()) << gateway.error();
    std::cout << "start with 24 h of history: "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count()
              << " s\n";
    const std::string viewer = gateway.addUser("wall", "viewer");
    const auto now = centreNow(gateway, viewer);
    // The centre starts serving at the wall clock's time, its day behind it.
    EXPECT_LE(std::chrono::abs(now - std::chrono::system_clock::now()), std::chrono::minutes(5));

    auto telemetry = v1::Telemetry::NewStub(gateway.channel());
    auto seconds = [](std::chrono::system_clock::time_point t) {
        return google::protobuf::util::TimeUtil::SecondsToTimestamp(
            std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
    };
    for (const auto scope : { v1::METRIC_SCOPE_SITE, v1::METRIC_SCOPE_NODE }) {
        v1::QueryMetricsRequest query;
        query.set_scope(scope);
        if (scope == v1::METRIC_SCOPE_NODE) {
            const auto listed = parseJson<v1::ListNodesResponse>(
                gateway.ctl(viewer, { "nodes", "list", "--json", "--limit", "1" }).out);
            ASSERT_EQ(listed.nodes_size(), 1);
            query.set_target(listed.nodes(0).name());
        }
        query.add_metrics("utilisation_percent");
        *query.mutable_start_time() = seconds(now - std::chrono::hours(24));
        *query.mutable_end_time() = seconds(now);
        *query.mutable_step() = google::protobuf::util::TimeUtil::SecondsToDuration(300);
        v1::QueryMetricsResponse response;
        auto ctx = GatewayProcess::context(viewer);
        const auto status = telemetry->QueryMetrics(ctx.get(), query, &response);
        ASSERT_TRUE(status.ok()) << status.error_message();
        ASSERT_EQ(response.series_size(), 1);
        const auto &series = response.series(0);
        ASSERT_GE(series.values_size(), 280);
        int measured = 0;
        for (double v : series.values())
            measured += !std::isnan(v);
        // Every five minutes of the day has its points, the first hour as the last.
        EXPECT_GE(measured, series.values_size() - 2) << "scope " << scope;
        EXPECT_FALSE(std::isnan(series.values(1))) << "scope " << scope;
        EXPECT_FALSE(std::isnan(series.values(series.values_size() - 2))) << "scope " << scope;
    }
}

// A job held by a quota says what it needs and the limit's figures as the tenant's record has them
// at the moment of asking, not when the scheduler last looked at the job; suanlictl prints those
// words.
TEST_F(ActionsTest, AQuotaReasonQuotesTheTenantsCurrentFigures)
{
    std::vector<v1::Job> waiting;
    for (int attempt = 0; attempt < 60 && waiting.empty(); ++attempt) {
        waiting = jobs("state:pending reason:quota");
        if (waiting.empty())
            std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    ASSERT_FALSE(waiting.empty()) << "no job waits for a quota in the simulated centre";
    size_t next = 0;
    auto tenant = [&](const std::string &tenantId) {
        const auto r
            = gateway->ctl(ops, { "tenants", "list", "--json", "--filter", "id:" + tenantId });
        EXPECT_EQ(r.exitCode, 0) << r.err;
        const auto list = parseJson<v1::ListTenantsResponse>(r.out);
        return list.tenants_size() == 1 ? list.tenants(0) : v1::Tenant();
    };
    // The centre keeps running and the tenant's use with it: the words are compared with the
    // use left out ("uses # of 1,976"), the limit and the rest as the tenant has them.
    const auto withoutUse = [](std::string text) {
        return std::regex_replace(text, std::regex("uses [0-9,]+ of"), "uses # of");
    };
    bool compared = false;
    while (!compared && next < waiting.size()) {
        const std::string id = waiting[next].id();
        const v1::Tenant owner = tenant(waiting[next].tenant());
        const v1::Job j = job(id);
        const auto shown = gateway->ctl(ops, { "jobs", "show", id });
        if (j.state() != v1::JOB_STATE_PENDING
            || (j.pending_reason() != v1::PENDING_REASON_TENANT_QUOTA
                && j.pending_reason() != v1::PENDING_REASON_PROJECT_QUOTA)
            || !contains(shown.out, "why")) {
            ++next; // it stopped waiting for a quota: look at another
            continue;
        }
        compared = true;
        const std::string expected = suanli::pendingReasonText(j, &owner);
        EXPECT_TRUE(contains(expected, " uses ")) << expected;
        EXPECT_EQ(withoutUse(j.pending_reason_text()), withoutUse(expected));
        EXPECT_TRUE(contains(j.pending_reason_text(), "waiting: needs "))
            << j.pending_reason_text();
        // suanlictl prints the same words.
        ASSERT_EQ(shown.exitCode, 0) << shown.err;
        EXPECT_TRUE(contains(withoutUse(shown.out), withoutUse(expected))) << shown.out;
    }
    EXPECT_TRUE(compared) << "every job stopped waiting for a quota while it was looked at";
}
