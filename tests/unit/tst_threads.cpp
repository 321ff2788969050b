// The gateway's own threads meeting on shared state, without gRPC's or Qt's threads: the tick
// publishing into the cache while watchers subscribe, read shared snapshots and leave, and the
// simulated centre ticking while actions and reads arrive from other threads. Run under
// ThreadSanitizer by `make test-tsan` (label "tsan"), and as a plain test in every build: what
// each watcher receives must still be every revision once, in order.
#include "server/backends/sim/SimBackend.h"
#include "server/cache/ClusterCache.h"

#include <atomic>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>
#include <vector>

using namespace suanli;
using namespace suanli::server;

namespace {

DataStatus fresh()
{
    return DataStatus { false, std::chrono::system_clock::now() };
}

v1::Node node(int i, int generation)
{
    v1::Node n;
    n.set_name("node-" + std::to_string(i));
    n.set_reason("generation " + std::to_string(generation));
    return n;
}

// Revisions a watcher was given after it subscribed: a batch's revision follows the one before.
struct OrderedWatcher : ClusterCache::Nodes::Watcher {
    std::mutex mutex;
    int64_t last = 0;
    int gaps = 0;
    int batches = 0;
    void deliver(const ClusterCache::Nodes::Batch &batch) override
    {
        std::lock_guard lock(mutex);
        if (batch.heartbeat)
            return;
        if (last != 0 && batch.revision != last + 1)
            ++gaps;
        last = batch.revision;
        ++batches;
    }
    void finish(const grpc::Status &) override { }
};

} // namespace

TEST(Threads, CachePublishesWhileWatchersComeAndGo)
{
    ClusterCache cache("epoch-1");
    std::atomic<bool> publishing { true };
    constexpr int kRounds = 300;

    std::thread tick([&] {
        for (int round = 0; round < kRounds; ++round) {
            BackendChanges changes;
            for (int i = 0; i < 40; ++i)
                changes.nodes.push_back(node((round * 7 + i) % 200, round));
            if (round % 5 == 0)
                changes.removedNodes.push_back("node-" + std::to_string(round % 200));
            cache.apply(std::move(changes), fresh());
            if (round % 10 == 0)
                cache.heartbeat(fresh());
        }
        publishing = false;
    });

    std::atomic<int> failures { 0 };
    std::vector<std::thread> readers;
    for (int r = 0; r < 3; ++r) {
        readers.emplace_back([&, r] {
            const SiteInfo site;
            while (publishing) {
                OrderedWatcher watcher;
                auto start = cache.nodes().subscribe(&watcher, 0, cache.epoch());
                {
                    std::lock_guard lock(watcher.mutex);
                    watcher.last = watcher.last == 0 ? start.revision : watcher.last;
                }
                // Watchers that open at one revision share its snapshot and encode it once.
                if (start.items)
                    for (size_t c = 0; c < start.items->chunkCount(); ++c)
                        (void)start.items->chunk(c).Length();
                for (const auto &n : cache.nodes().all())
                    (void)n->name().size();
                (void)cache.nodes().get("node-" + std::to_string(r));
                (void)cache.overview(site);
                (void)cache.status();
                std::this_thread::yield();
                cache.nodes().unsubscribe(&watcher);
                std::lock_guard lock(watcher.mutex);
                failures += watcher.gaps;
            }
        });
    }
    tick.join();
    for (auto &t : readers)
        t.join();
    EXPECT_EQ(failures, 0);
    EXPECT_GE(cache.nodes().revision(), kRounds); // one revision per tick at least
}

TEST(Threads, SimulatedCentreTicksWhileActionsAndReadsArrive)
{
    SimOptions options;
    options.nodes = 32;
    options.jobs = 120;
    options.seed = 7;
    SimBackend sim(options);
    const auto first = sim.snapshot();
    ASSERT_FALSE(first.nodes.empty());
    std::vector<std::string> names;
    for (const auto &n : first.nodes)
        names.push_back(n.name());

    std::atomic<bool> running { true };
    std::thread tick([&] {
        std::string error;
        for (int i = 0; i < 200; ++i) {
            EXPECT_TRUE(sim.tick(&error)) << error;
            (void)sim.collectChanges();
        }
        running = false;
    });
    std::thread actions([&] {
        const Actor actor { "operator", "maintenance" };
        for (size_t i = 0; running; ++i) {
            const std::vector<std::string> one { names[i % names.size()] };
            (void)sim.drainNodes(one, actor);
            (void)sim.resumeNodes(one, actor);
            const auto jobs = sim.snapshot().jobs;
            if (!jobs.empty())
                (void)sim.holdJobs({ jobs[i % jobs.size()].id() }, actor);
        }
    });
    std::thread reads([&] {
        while (running) {
            (void)sim.tenants();
            (void)sim.now();
            std::vector<NodeSample> samples;
            (void)sim.sampleTelemetry(&samples);
        }
    });
    tick.join();
    actions.join();
    reads.join();
    // The centre still holds together: every node is still there.
    EXPECT_EQ(sim.snapshot().nodes.size(), names.size());
}
