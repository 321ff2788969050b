// Actions run off the gRPC threads: while a scheduler command hangs (an OutageBackend holding its
// actions), other callers' reads and watches are answered; when every action slot is taken the
// gateway says it is busy; when it stops, queued actions are told so and the running one ends.
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "tests/integration/InProcessGateway.h"

#include <functional>
#include <future>
#include <gtest/gtest.h>
#include <thread>

using namespace suanli::test;
namespace v1 = suanli::v1;
using namespace std::chrono_literals;

namespace {

// A drain's answer: its status and response.
struct Drained {
    grpc::Status status;
    v1::NodeActionResponse response;
};

class ExecutorTest : public ::testing::Test {
protected:
    void open(int threads, int queue)
    {
        gateway = std::make_unique<InProcessGateway>(stillCentre());
        gateway->options().actionThreads = threads;
        gateway->options().actionQueue = queue;
        ASSERT_TRUE(gateway->start()) << gateway->error();
        admin = gateway->addUser("root", "admin");
        // No retry policy: every answer is the gateway's first.
        channel = gateway->channel();
        cluster = v1::Cluster::NewStub(channel);
        audit = v1::Audit::NewStub(channel);
        v1::ListNodesResponse listed;
        ASSERT_TRUE(cluster->ListNodes(context().get(), {}, &listed).ok());
        ASSERT_GE(listed.nodes_size(), 4);
        for (const auto &n : listed.nodes())
            names.push_back(n.name());
    }

    void TearDown() override
    {
        // A failed assertion must not leave an action held behind a shutdown.
        if (gateway)
            gateway->backend().releaseActions();
    }

    std::unique_ptr<grpc::ClientContext> context() const { return GatewayProcess::context(admin); }

    // Drains `node` on another thread; the future holds the gateway's answer.
    std::future<Drained> drain(const std::string &node)
    {
        return std::async(std::launch::async, [this, node] {
            v1::DrainNodesRequest request;
            request.add_names(node);
            request.set_reason("replace fan");
            Drained out;
            auto ctx = context();
            out.status = cluster->DrainNodes(ctx.get(), request, &out.response);
            return out;
        });
    }

    std::vector<v1::AuditEntry> drainsAudited()
    {
        v1::ListAuditEntriesRequest request;
        request.set_page_size(1000);
        v1::ListAuditEntriesResponse response;
        EXPECT_TRUE(audit->ListAuditEntries(context().get(), request, &response).ok());
        std::vector<v1::AuditEntry> out;
        for (const auto &e : response.entries())
            if (e.action() == "Cluster.DrainNodes")
                out.push_back(e);
        return out;
    }

    std::unique_ptr<InProcessGateway> gateway;
    std::string admin;
    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::Cluster::Stub> cluster;
    std::unique_ptr<v1::Audit::Stub> audit;
    std::vector<std::string> names;
};

bool ready(const std::future<Drained> &call)
{
    return call.wait_for(0s) == std::future_status::ready;
}

} // namespace

TEST_F(ExecutorTest, AHangingActionDelaysNeitherReadsNorWatches)
{
    open(2, 8);
    // A console watching the nodes, its snapshot read.
    auto watchContext = context();
    auto watch = cluster->WatchNodes(watchContext.get(), v1::WatchRequest());
    v1::NodesEvent event;
    while (watch->Read(&event) && !event.header().last_chunk()) { }
    ASSERT_TRUE(event.header().last_chunk());

    gateway->backend().holdActions();
    auto drained = drain(names[0]);
    ASSERT_TRUE(waitUntil([&] { return gateway->backend().heldActions() == 1; }));

    // Reads are answered while the drain waits for the scheduler.
    v1::ListNodesResponse listed;
    const grpc::Status listStatus = cluster->ListNodes(context().get(), {}, &listed);
    ASSERT_TRUE(listStatus.ok()) << listStatus.error_message();
    EXPECT_EQ(size_t(listed.nodes_size()), names.size());
    v1::Overview overview;
    const grpc::Status overviewStatus = cluster->GetOverview(context().get(), {}, &overview);
    ASSERT_TRUE(overviewStatus.ok()) << overviewStatus.error_message();
    EXPECT_EQ(size_t(overview.nodes_total()), names.size());

    // A change made at the scheduler itself reaches the watching console meanwhile.
    gateway->backend().sim().drainNodes({ names[1] }, { "slurm", "made by hand" });
    bool seen = false;
    while (!seen && watch->Read(&event))
        for (const auto &n : event.upserts())
            seen = seen
                || (n.name() == names[1]
                    && (n.state() == v1::NODE_STATE_DRAINING
                        || n.state() == v1::NODE_STATE_DRAINED));
    EXPECT_TRUE(seen) << "the watch ended before the change reached it";
    EXPECT_FALSE(ready(drained));
    EXPECT_EQ(gateway->backend().heldActions(), 1);

    // Let the scheduler answer: the drain is answered and applied.
    gateway->backend().releaseActions();
    const Drained done = drained.get();
    ASSERT_TRUE(done.status.ok()) << done.status.error_message();
    ASSERT_EQ(done.response.results_size(), 1);
    EXPECT_TRUE(done.response.results(0).ok()) << done.response.results(0).message();
    ASSERT_EQ(done.response.nodes_size(), 1);
    EXPECT_TRUE(done.response.nodes(0).state() == v1::NODE_STATE_DRAINING
        || done.response.nodes(0).state() == v1::NODE_STATE_DRAINED);
    watchContext->TryCancel();
    while (watch->Read(&event)) { }
    watch->Finish();
}

TEST_F(ExecutorTest, AFullQueueIsAnsweredBusyAndAudited)
{
    // One action runs, one may wait.
    open(1, 1);
    gateway->backend().holdActions();
    auto first = drain(names[0]);
    ASSERT_TRUE(waitUntil([&] { return gateway->backend().heldActions() == 1; }));
    auto second = drain(names[1]);
    auto third = drain(names[2]);
    // Whichever of the two came last finds no room, and is told so at once.
    ASSERT_TRUE(waitUntil([&] { return ready(second) || ready(third); }));
    const bool secondRefused = ready(second);
    Drained refused = secondRefused ? second.get() : third.get();
    auto &waiting = secondRefused ? third : second;
    EXPECT_EQ(refused.status.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
    EXPECT_NE(refused.status.error_message().find("the gateway is busy"), std::string::npos)
        << refused.status.error_message();
    EXPECT_NE(refused.status.error_message().find("retry in "), std::string::npos)
        << refused.status.error_message();
    EXPECT_FALSE(ready(first));
    EXPECT_EQ(gateway->backend().heldActions(), 1);

    gateway->backend().releaseActions();
    const Drained a = first.get();
    const Drained b = waiting.get();
    EXPECT_TRUE(a.status.ok()) << a.status.error_message();
    EXPECT_TRUE(b.status.ok()) << b.status.error_message();

    int ok = 0, busy = 0;
    for (const auto &entry : drainsAudited()) {
        ok += entry.result() == "OK";
        busy += entry.result() == "RESOURCE_EXHAUSTED";
    }
    EXPECT_EQ(ok, 2);
    EXPECT_EQ(busy, 1);
}

TEST_F(ExecutorTest, StoppingAnswersQueuedActionsAndLetsTheRunningOneFinish)
{
    open(1, 4);
    gateway->backend().holdActions();
    auto running = drain(names[0]);
    ASSERT_TRUE(waitUntil([&] { return gateway->backend().heldActions() == 1; }));
    auto queued = drain(names[1]);

    std::thread stopping([&] { gateway->shutdown(); });
    // The queued drain is told the gateway stops while the running one still waits.
    ASSERT_TRUE(waitUntil([&] { return ready(queued); }));
    const Drained dropped = queued.get();
    EXPECT_EQ(dropped.status.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_NE(dropped.status.error_message().find("shutting down"), std::string::npos)
        << dropped.status.error_message();
    EXPECT_FALSE(ready(running));

    gateway->backend().releaseActions();
    const Drained finished = running.get();
    stopping.join();
    ASSERT_TRUE(finished.status.ok()) << finished.status.error_message();
    ASSERT_EQ(finished.response.results_size(), 1);
    EXPECT_TRUE(finished.response.results(0).ok());
    // The scheduler applied the drain that ran, not the one that was dropped.
    const auto after = gateway->backend().sim().snapshot().nodes;
    for (const auto &n : after) {
        const bool drained
            = n.state() == v1::NODE_STATE_DRAINING || n.state() == v1::NODE_STATE_DRAINED;
        if (n.name() == names[0]) {
            EXPECT_TRUE(drained) << n.name();
        } else if (n.name() == names[1]) {
            EXPECT_FALSE(drained) << n.name();
        }
    }
}
