// The revisioned collection every watch stream is served from.
#include "server/cache/Collection.h"
#include "suanli/v1/cluster.pb.h"

#include <gtest/gtest.h>

using namespace suanli::server;
namespace v1 = suanli::v1;

namespace {
using Nodes = Collection<v1::Node, v1::NodesEvent>;

v1::Node node(const std::string &name, v1::NodeState state = v1::NODE_STATE_IDLE)
{
    v1::Node n;
    n.set_name(name);
    n.set_state(state);
    return n;
}

v1::NodesEvent decode(const grpc::ByteBuffer &buffer)
{
    std::vector<grpc::Slice> slices;
    EXPECT_TRUE(buffer.Dump(&slices).ok());
    std::string bytes;
    for (const auto &s : slices)
        bytes.append(reinterpret_cast<const char *>(s.begin()), s.size());
    v1::NodesEvent event;
    EXPECT_TRUE(event.ParseFromString(bytes));
    return event;
}

struct RecordingWatcher : Nodes::Watcher {
    std::vector<v1::NodesEvent> events;
    std::vector<const void *> payloads;
    grpc::Status finished = grpc::Status(grpc::StatusCode::UNKNOWN, "not finished");
    void deliver(const Nodes::Batch &batch) override
    {
        events.push_back(decode(batch.bytes));
        std::vector<grpc::Slice> slices;
        EXPECT_TRUE(batch.bytes.Dump(&slices).ok());
        payloads.push_back(slices.empty() ? nullptr : slices.front().begin());
    }
    void finish(const grpc::Status &status) override { finished = status; }
};

DataStatus fresh()
{
    return DataStatus { false, std::chrono::system_clock::now() };
}
} // namespace

TEST(Collection, AppliesUpsertsAndRemovalsWithOneRevisionPerBatch)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    nodes.apply({ node("a"), node("b") }, {}, fresh());
    EXPECT_EQ(nodes.revision(), 1);
    EXPECT_EQ(nodes.size(), 2u);
    nodes.apply({ node("a", v1::NODE_STATE_DRAINED) }, { "b" }, fresh());
    EXPECT_EQ(nodes.revision(), 2);
    ASSERT_EQ(nodes.size(), 1u);
    EXPECT_EQ(nodes.get("a")->state(), v1::NODE_STATE_DRAINED);
    EXPECT_EQ(nodes.get("b"), nullptr);
    // Removing what is not there changes nothing and costs no revision.
    nodes.apply({}, { "zz" }, fresh());
    EXPECT_EQ(nodes.revision(), 2);
}

TEST(Collection, LargeChangesAreSplitIntoChunks)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 64 << 20);
    RecordingWatcher watcher;
    nodes.subscribe(&watcher, 0, "");
    std::vector<v1::Node> many;
    for (int i = 0; i < 2500; ++i)
        many.push_back(node("n" + std::to_string(100000 + i)));
    nodes.apply(many, {}, fresh());
    ASSERT_EQ(watcher.events.size(), 3u);
    EXPECT_EQ(watcher.events[0].upserts_size(), 1000);
    EXPECT_EQ(watcher.events[2].upserts_size(), 500);
    EXPECT_EQ(watcher.events[2].header().revision(), 3);
    EXPECT_EQ(watcher.events[2].header().kind(), v1::WATCH_EVENT_KIND_DELTA);
    EXPECT_EQ(watcher.events[2].header().epoch(), "e1");
}

TEST(Collection, EveryWatcherGetsTheSameSerialisedBatch)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    RecordingWatcher a, b;
    nodes.subscribe(&a, 0, "");
    nodes.subscribe(&b, 0, "");
    nodes.apply({ node("x") }, {}, fresh());
    ASSERT_EQ(a.payloads.size(), 1u);
    ASSERT_EQ(b.payloads.size(), 1u);
    // The same bytes in memory, not two encodings of the same message.
    EXPECT_EQ(a.payloads[0], b.payloads[0]);
    EXPECT_EQ(a.events[0].SerializeAsString(), b.events[0].SerializeAsString());
}

TEST(Collection, NewWatcherGetsASnapshot)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    nodes.apply({ node("b"), node("a") }, {}, fresh());
    RecordingWatcher watcher;
    auto start = nodes.subscribe(&watcher, 0, "");
    EXPECT_TRUE(start.snapshot);
    EXPECT_EQ(start.revision, 1);
    ASSERT_EQ(start.items->items().size(), 2u);
    EXPECT_EQ(start.items->items()[0]->name(), "a");
    ASSERT_EQ(start.items->chunkCount(), 1u);
    const v1::NodesEvent chunk = decode(start.items->chunk(0));
    EXPECT_EQ(chunk.header().kind(), v1::WATCH_EVENT_KIND_SNAPSHOT);
    EXPECT_TRUE(chunk.header().last_chunk());
    EXPECT_EQ(chunk.header().snapshot_size(), 2);
    EXPECT_EQ(chunk.header().revision(), 1);
    ASSERT_EQ(chunk.upserts_size(), 2);
    EXPECT_EQ(chunk.upserts(1).name(), "b");
}

TEST(Collection, WatchersOpeningAtOneRevisionShareOneEncodedSnapshot)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    std::vector<v1::Node> many;
    for (int i = 0; i < 2500; ++i)
        many.push_back(node("n" + std::to_string(10000 + i)));
    nodes.apply(many, {}, fresh());
    RecordingWatcher a, b, c;
    auto first = nodes.subscribe(&a, 0, "");
    auto second = nodes.subscribe(&b, 0, "");
    // One snapshot, one encoding: the second watcher writes the very bytes the first made.
    ASSERT_EQ(first.items, second.items);
    ASSERT_EQ(first.items->chunkCount(), 3u);
    const grpc::ByteBuffer &bytes = first.items->chunk(1);
    EXPECT_EQ(&second.items->chunk(1), &bytes);
    int64_t total = 0;
    for (size_t i = 0; i < 3; ++i) {
        const v1::NodesEvent chunk = decode(first.items->chunk(i));
        EXPECT_EQ(chunk.header().last_chunk(), i == 2);
        EXPECT_EQ(chunk.header().snapshot_size(), 2500);
        total += chunk.upserts_size();
    }
    EXPECT_EQ(total, 2500);

    // A change makes the next watcher's snapshot a new one, of the new revision; the old one
    // stays whole for the watchers still streaming it.
    nodes.apply({ node("n99999") }, {}, fresh());
    auto third = nodes.subscribe(&c, 0, "");
    EXPECT_NE(third.items, first.items);
    EXPECT_EQ(third.items->items().size(), 2501u);
    EXPECT_EQ(first.items->items().size(), 2500u);
    EXPECT_EQ(decode(first.items->chunk(0)).header().revision(), first.revision);

    // Nobody streams it any more: the collection does not keep it.
    std::weak_ptr<Nodes::Snapshot> old = first.items;
    first.items.reset();
    second.items.reset();
    EXPECT_TRUE(old.expired());
}

TEST(Collection, AnEmptyCollectionIsOneEmptyLastChunk)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    RecordingWatcher watcher;
    auto start = nodes.subscribe(&watcher, 0, "");
    ASSERT_TRUE(start.snapshot);
    ASSERT_EQ(start.items->chunkCount(), 1u);
    const v1::NodesEvent chunk = decode(start.items->chunk(0));
    EXPECT_TRUE(chunk.header().last_chunk());
    EXPECT_EQ(chunk.upserts_size(), 0);
}

TEST(Collection, ResumeReplaysOnlyWhatWasMissed)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    nodes.apply({ node("a") }, {}, fresh());
    nodes.apply({ node("b") }, {}, fresh());
    nodes.apply({ node("c") }, {}, fresh());
    RecordingWatcher watcher;
    auto start = nodes.subscribe(&watcher, 1, "e1");
    EXPECT_FALSE(start.snapshot);
    ASSERT_EQ(start.replay.size(), 2u);
    EXPECT_EQ(start.replay[0].revision, 2);
    EXPECT_EQ(start.replay[1].revision, 3);
    EXPECT_EQ(decode(start.replay[1].bytes).upserts(0).name(), "c");

    auto upToDate = nodes.subscribe(&watcher, 3, "e1");
    EXPECT_FALSE(upToDate.snapshot);
    EXPECT_TRUE(upToDate.replay.empty());
}

TEST(Collection, OtherEpochOrFutureRevisionGetsASnapshot)
{
    Nodes nodes(
        "e2", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    nodes.apply({ node("a") }, {}, fresh());
    RecordingWatcher watcher;
    EXPECT_TRUE(nodes.subscribe(&watcher, 1, "e1").snapshot);
    EXPECT_TRUE(nodes.subscribe(&watcher, 99, "e2").snapshot);
}

TEST(Collection, RevisionOlderThanTheRetainedWindowGetsASnapshot)
{
    // Room for roughly one batch: older batches are dropped.
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 64);
    for (int i = 0; i < 10; ++i)
        nodes.apply({ node("n" + std::to_string(i)) }, {}, fresh());
    RecordingWatcher watcher;
    auto start = nodes.subscribe(&watcher, 2, "e1");
    EXPECT_TRUE(start.snapshot);
    EXPECT_EQ(start.items->items().size(), 10u);
}

TEST(Collection, HeartbeatCarriesStalenessWithoutARevision)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    nodes.apply({ node("a") }, {}, fresh());
    RecordingWatcher watcher;
    nodes.subscribe(&watcher, 1, "e1");
    nodes.heartbeat(DataStatus { true, std::chrono::system_clock::now() });
    ASSERT_EQ(watcher.events.size(), 1u);
    EXPECT_EQ(watcher.events[0].header().kind(), v1::WATCH_EVENT_KIND_HEARTBEAT);
    EXPECT_TRUE(watcher.events[0].header().stale());
    EXPECT_EQ(watcher.events[0].header().revision(), 1);
    EXPECT_EQ(nodes.revision(), 1);
}

TEST(Collection, UnsubscribedWatcherHearsNothingAndFinishAllEndsTheRest)
{
    Nodes nodes(
        "e1", [](const v1::Node &n) { return n.name(); }, 1 << 20);
    RecordingWatcher gone, staying;
    nodes.subscribe(&gone, 0, "");
    nodes.subscribe(&staying, 0, "");
    nodes.unsubscribe(&gone);
    nodes.apply({ node("a") }, {}, fresh());
    EXPECT_TRUE(gone.events.empty());
    EXPECT_EQ(staying.events.size(), 1u);
    nodes.finishAll(grpc::Status(grpc::StatusCode::UNAVAILABLE, "bye"));
    EXPECT_EQ(staying.finished.error_code(), grpc::StatusCode::UNAVAILABLE);
    EXPECT_EQ(gone.finished.error_code(), grpc::StatusCode::UNKNOWN);
}
