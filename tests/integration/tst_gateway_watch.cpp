// Watch streams against a real gateway: snapshot, deltas, resume, restart.
#include "suanli/v1/auth.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace suanli::test;
namespace v1 = suanli::v1;

namespace {
const std::vector<std::string> kSmallCentre
    = { "--sim-nodes", "64", "--sim-jobs", "400", "--sim-speed", "20", "--tick", "0.2" };

// A node collection as a console keeps it: snapshot, then deltas.
struct NodeView {
    std::map<std::string, v1::Node> nodes;
    std::string epoch;
    int64_t revision = 0;
};

struct NodeWatch {
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<v1::NodesEvent>> reader;
    NodeWatch(
        v1::Cluster::Stub &stub, const std::string &token, int64_t since, const std::string &epoch)
    {
        context = std::make_unique<grpc::ClientContext>();
        context->AddMetadata("authorization", "Bearer " + token);
        context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
        v1::WatchRequest request;
        request.set_since_revision(since);
        request.set_epoch(epoch);
        reader = stub.WatchNodes(context.get(), request);
    }
    // Reads what is left and returns how the stream ended.
    grpc::Status finish()
    {
        if (!finished) {
            v1::NodesEvent drain;
            while (reader->Read(&drain)) { }
            status = reader->Finish();
            finished = true;
        }
        return status;
    }
    ~NodeWatch()
    {
        context->TryCancel();
        finish();
    }
    bool finished = false;
    grpc::Status status;
};

// Applies one message to the view; returns false when the stream ended.
bool readInto(NodeWatch &watch, NodeView *view, v1::NodesEvent *last = nullptr)
{
    v1::NodesEvent event;
    if (!watch.reader->Read(&event))
        return false;
    const auto &h = event.header();
    for (const auto &n : event.upserts())
        view->nodes[n.name()] = n;
    for (const auto &r : event.removed())
        view->nodes.erase(r);
    if (h.kind() != v1::WATCH_EVENT_KIND_HEARTBEAT) {
        view->epoch = h.epoch();
        view->revision = h.revision();
    }
    if (last)
        *last = event;
    return true;
}

// Reads a whole snapshot; returns the number of messages it took.
int readSnapshot(NodeWatch &watch, NodeView *view)
{
    view->nodes.clear();
    int messages = 0;
    v1::NodesEvent event;
    while (readInto(watch, view, &event)) {
        ++messages;
        EXPECT_EQ(event.header().kind(), v1::WATCH_EVENT_KIND_SNAPSHOT);
        if (event.header().last_chunk())
            break;
    }
    return messages;
}

std::map<std::string, v1::Node> listAll(v1::Cluster::Stub &stub, const std::string &token)
{
    std::map<std::string, v1::Node> out;
    v1::ListNodesRequest request;
    request.set_page_size(20);
    for (;;) {
        v1::ListNodesResponse response;
        auto ctx = GatewayProcess::context(token);
        EXPECT_TRUE(stub.ListNodes(ctx.get(), request, &response).ok());
        for (const auto &n : response.nodes())
            out[n.name()] = n;
        if (response.next_page_token().empty())
            break;
        request.set_page_token(response.next_page_token());
    }
    return out;
}

v1::NodeActionResponse drain(
    v1::Cluster::Stub &stub, const std::string &token, const std::string &name)
{
    v1::DrainNodesRequest request;
    request.add_names(name);
    request.set_reason("integration test");
    v1::NodeActionResponse response;
    auto ctx = GatewayProcess::context(token);
    auto status = stub.DrainNodes(ctx.get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
}

bool drainedOrDraining(const v1::Node &n)
{
    return n.state() == v1::NODE_STATE_DRAINED || n.state() == v1::NODE_STATE_DRAINING;
}
} // namespace

class WatchTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        gateway = std::make_unique<GatewayProcess>(kSmallCentre);
        ASSERT_TRUE(gateway->start()) << gateway->error();
        token = gateway->addUser("ops", "operator");
        stub = v1::Cluster::NewStub(gateway->channel());
    }
    std::unique_ptr<GatewayProcess> gateway;
    std::string token;
    std::unique_ptr<v1::Cluster::Stub> stub;
};

TEST_F(WatchTest, SnapshotMatchesTheListThenDeltasFollowAnAction)
{
    NodeWatch watch(*stub, token, 0, "");
    NodeView view;
    ASSERT_GE(readSnapshot(watch, &view), 1);
    EXPECT_EQ(view.nodes.size(), 64u);
    EXPECT_FALSE(view.epoch.empty());
    EXPECT_GT(view.revision, 0);
    const auto listed = listAll(*stub, token);
    EXPECT_EQ(listed.size(), view.nodes.size());
    for (const auto &[name, n] : listed)
        EXPECT_TRUE(view.nodes.count(name)) << name;

    const std::string target = view.nodes.begin()->first;
    const auto response = drain(*stub, token, target);
    ASSERT_EQ(response.results_size(), 1);
    EXPECT_TRUE(response.results(0).ok()) << response.results(0).message();

    // The drained node reaches the watcher as a delta, never as a new snapshot.
    bool seen = false;
    for (int i = 0; i < 500 && !seen; ++i) {
        v1::NodesEvent event;
        ASSERT_TRUE(readInto(watch, &view, &event));
        EXPECT_NE(event.header().kind(), v1::WATCH_EVENT_KIND_SNAPSHOT);
        seen = drainedOrDraining(view.nodes[target]);
    }
    EXPECT_TRUE(seen);
    EXPECT_EQ(view.nodes[target].reason(), "integration test");
    EXPECT_EQ(view.nodes[target].reason_user(), "ops");
}

TEST_F(WatchTest, ResumeFromARevisionReplaysTheGapWithoutASnapshot)
{
    NodeView view;
    {
        NodeWatch first(*stub, token, 0, "");
        readSnapshot(first, &view);
    }
    const int64_t resumedFrom = view.revision;
    const std::string target = std::next(view.nodes.begin(), 5)->first;
    drain(*stub, token, target); // happens while no stream is open

    NodeWatch second(*stub, token, view.revision, view.epoch);
    bool seen = false;
    for (int i = 0; i < 500 && !seen; ++i) {
        v1::NodesEvent event;
        ASSERT_TRUE(readInto(second, &view, &event));
        EXPECT_NE(event.header().kind(), v1::WATCH_EVENT_KIND_SNAPSHOT);
        if (event.header().kind() == v1::WATCH_EVENT_KIND_DELTA)
            EXPECT_GT(event.header().revision(), resumedFrom);
        seen = drainedOrDraining(view.nodes[target]);
    }
    EXPECT_TRUE(seen);
    // After the replay, the view equals the gateway's list.
    const auto listed = listAll(*stub, token);
    EXPECT_EQ(listed.size(), view.nodes.size());
}

TEST_F(WatchTest, RevisionFromAnotherEpochGetsAFreshSnapshot)
{
    NodeWatch watch(*stub, token, 5, "an-epoch-that-never-was");
    NodeView view;
    EXPECT_GE(readSnapshot(watch, &view), 1);
    EXPECT_EQ(view.nodes.size(), 64u);
}

TEST_F(WatchTest, GatewayRestartLosesNothing)
{
    NodeView view;
    const std::string dataDir = gateway->dataDir();
    {
        NodeWatch watch(*stub, token, 0, "");
        readSnapshot(watch, &view);
        const std::string target = std::next(view.nodes.begin(), 7)->first;
        drain(*stub, token, target);
        // A clean shutdown ends the open stream with UNAVAILABLE.
        EXPECT_EQ(gateway->stop(), 0);
        EXPECT_EQ(watch.finish().error_code(), grpc::StatusCode::UNAVAILABLE);
    }
    GatewayProcess restarted(kSmallCentre, dataDir);
    ASSERT_TRUE(restarted.start()) << restarted.error();
    auto stub2 = v1::Cluster::NewStub(restarted.channel());
    // The token survives the restart; the old epoch is refused politely with a snapshot.
    NodeWatch watch(*stub2, token, view.revision, view.epoch);
    NodeView after;
    ASSERT_GE(readSnapshot(watch, &after), 1);
    EXPECT_NE(after.epoch, view.epoch);
    EXPECT_EQ(after.nodes.size(), view.nodes.size());
    const auto listed = listAll(*stub2, token);
    for (const auto &[name, n] : listed)
        EXPECT_TRUE(after.nodes.count(name)) << name;
}

TEST_F(WatchTest, JobsStreamSnapshotsEveryActiveJob)
{
    auto scheduler = v1::Scheduler::NewStub(gateway->channel());
    auto ctx = GatewayProcess::context(token);
    v1::WatchRequest request;
    auto reader = scheduler->WatchJobs(ctx.get(), request);
    v1::JobsEvent event;
    std::set<std::string> ids;
    std::set<std::int64_t> announced;
    while (reader->Read(&event)) {
        ASSERT_EQ(event.header().kind(), v1::WATCH_EVENT_KIND_SNAPSHOT);
        announced.insert(event.header().snapshot_size());
        // The centre's clock comes with the data, and no job was submitted after it.
        ASSERT_TRUE(event.header().has_backend_time());
        for (const auto &j : event.upserts()) {
            ids.insert(j.id());
            EXPECT_LE(j.submit_time().seconds(), event.header().backend_time().seconds()) << j.id();
        }
        if (event.header().last_chunk())
            break;
    }
    ctx->TryCancel();
    while (reader->Read(&event)) { }
    reader->Finish();
    EXPECT_GT(ids.size(), 100u);
    // Every chunk announces the whole snapshot's size, for the client to make room once.
    EXPECT_EQ(announced, std::set<std::int64_t> { static_cast<std::int64_t>(ids.size()) });
}

// One open stream of any kind: its first message read, then how it ended.
template <class Event> struct OpenStream {
    std::string name;
    std::unique_ptr<grpc::ClientContext> context;
    std::unique_ptr<grpc::ClientReader<Event>> reader;
    bool firstRead = false;

    template <class Start>
    OpenStream(std::string what, const std::string &token, Start start)
        : name(std::move(what))
        , context(GatewayProcess::context(token))
    {
        context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
        reader = start(context.get());
        Event event;
        firstRead = reader->Read(&event);
    }
    grpc::Status finish()
    {
        Event rest;
        while (reader->Read(&rest)) { }
        return reader->Finish();
    }
};

TEST_F(WatchTest, ShutdownEndsEveryStreamSayingSo)
{
    auto scheduler = v1::Scheduler::NewStub(gateway->channel());
    auto tenancy = v1::Tenancy::NewStub(gateway->channel());
    auto events = v1::Events::NewStub(gateway->channel());
    const v1::WatchRequest all;
    OpenStream<v1::NodesEvent> nodes(
        "nodes", token, [&](grpc::ClientContext *c) { return stub->WatchNodes(c, all); });
    OpenStream<v1::Overview> overview("overview", token,
        [&](grpc::ClientContext *c) { return stub->WatchOverview(c, v1::GetOverviewRequest()); });
    OpenStream<v1::JobsEvent> jobs(
        "jobs", token, [&](grpc::ClientContext *c) { return scheduler->WatchJobs(c, all); });
    OpenStream<v1::QueuesEvent> queues(
        "queues", token, [&](grpc::ClientContext *c) { return scheduler->WatchQueues(c, all); });
    OpenStream<v1::TenantsEvent> tenants(
        "tenants", token, [&](grpc::ClientContext *c) { return tenancy->WatchTenants(c, all); });
    OpenStream<v1::QuotaRequestsEvent> requests("quota requests", token,
        [&](grpc::ClientContext *c) { return tenancy->WatchQuotaRequests(c, all); });
    OpenStream<v1::AlertsEvent> alerts(
        "alerts", token, [&](grpc::ClientContext *c) { return events->WatchAlerts(c, all); });
    for (bool open : { nodes.firstRead, overview.firstRead, jobs.firstRead, queues.firstRead,
             tenants.firstRead, requests.firstRead, alerts.firstRead })
        ASSERT_TRUE(open);

    ASSERT_EQ(gateway->stop(), 0);
    // The gateway ends each one itself, saying why, rather than leaving it to be cut off.
    auto expectEnded = [](const std::string &name, const grpc::Status &status) {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE)
            << name << ": " << status.error_message();
        EXPECT_EQ(status.error_message(), "gateway shutting down") << name;
    };
    expectEnded(nodes.name, nodes.finish());
    expectEnded(overview.name, overview.finish());
    expectEnded(jobs.name, jobs.finish());
    expectEnded(queues.name, queues.finish());
    expectEnded(tenants.name, tenants.finish());
    expectEnded(requests.name, requests.finish());
    expectEnded(alerts.name, alerts.finish());
}
