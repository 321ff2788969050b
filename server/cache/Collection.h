#pragma once

#include "server/cache/DataStatus.h"
#include "suanli/v1/common.pb.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <functional>
#include <google/protobuf/util/time_util.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/byte_buffer.h>
#include <grpcpp/support/status.h>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace suanli::server {

// Serialises a message once into a ByteBuffer that any number of streams can
// write (copies of a ByteBuffer share the bytes).
template <class M> grpc::ByteBuffer serializeToBuffer(const M &message)
{
    grpc::ByteBuffer buffer;
    bool ownBuffer = false;
    grpc::GenericSerialize<grpc::ProtoBufferWriter, M>(message, &buffer, &ownBuffer);
    return buffer;
}

inline void fillHeader(::suanli::v1::WatchHeader *header, const std::string &epoch,
    int64_t revision, ::suanli::v1::WatchEventKind kind, const DataStatus &status)
{
    header->set_epoch(epoch);
    header->set_revision(revision);
    header->set_kind(kind);
    header->set_stale(status.stale);
    *header->mutable_data_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::nanoseconds>(status.dataTime.time_since_epoch())
            .count());
    *header->mutable_backend_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::nanoseconds>(status.backendTime.time_since_epoch())
            .count());
}

// Collection is one revisioned collection of the gateway's cache (nodes, jobs,
// ...): the current objects by key, the revision, a bounded window of recent
// delta batches for resuming watchers, and the watchers to fan out to. Each
// batch is serialised once; every watcher writes the same bytes.
template <class T, class Event> class Collection {
public:
    using Ptr = std::shared_ptr<const T>;

    // A delta (or heartbeat) message as every watcher receives it.
    struct Batch {
        int64_t revision = 0;
        grpc::ByteBuffer bytes;
        size_t size = 0;
        bool heartbeat = false;
    };

    // A stream that receives this collection's batches.
    class Watcher {
    public:
        virtual ~Watcher() = default;
        // Called with the collection locked: must not call back into it.
        virtual void deliver(const Batch &batch) = 0;
        virtual void finish(const grpc::Status &status) = 0;
    };

    static constexpr size_t kChunk = 1000;

    // One revision's objects as every watcher that opens at that revision streams them: each
    // chunk is encoded once, by the first watcher to reach it, and written by all (copies of a
    // ByteBuffer share the bytes). The collection keeps only a weak reference, so the bytes
    // live while a watcher still streams them, not while the collection sits idle.
    class Snapshot {
    public:
        Snapshot(const std::string &epoch, int64_t revision, const DataStatus &status,
            std::vector<Ptr> items)
            : m_epoch(epoch)
            , m_revision(revision)
            , m_status(status)
            , m_items(std::move(items))
            , m_chunks(chunkCount())
            , m_encoded(new std::once_flag[chunkCount()])
        {
        }

        int64_t revision() const { return m_revision; }
        const DataStatus &status() const { return m_status; }
        const std::vector<Ptr> &items() const { return m_items; }
        // At least one: an empty collection is one empty last chunk.
        size_t chunkCount() const
        {
            return std::max<size_t>(1, (m_items.size() + kChunk - 1) / kChunk);
        }

        // The index-th chunk: up to kChunk objects under a SNAPSHOT header.
        const grpc::ByteBuffer &chunk(size_t index)
        {
            std::call_once(m_encoded[index], [this, index] {
                Event event;
                const size_t end = std::min(m_items.size(), (index + 1) * kChunk);
                for (size_t i = index * kChunk; i < end; ++i)
                    *event.add_upserts() = *m_items[i];
                fillHeader(event.mutable_header(), m_epoch, m_revision,
                    ::suanli::v1::WATCH_EVENT_KIND_SNAPSHOT, m_status);
                event.mutable_header()->set_last_chunk(index + 1 == chunkCount());
                event.mutable_header()->set_snapshot_size(
                    static_cast<std::int64_t>(m_items.size()));
                m_chunks[index] = serializeToBuffer(event);
            });
            return m_chunks[index];
        }

    private:
        const std::string m_epoch;
        const int64_t m_revision;
        const DataStatus m_status;
        const std::vector<Ptr> m_items;
        std::vector<grpc::ByteBuffer> m_chunks;
        std::unique_ptr<std::once_flag[]> m_encoded;
    };

    // What a new watcher starts with: a snapshot or a replay of retained batches.
    struct Start {
        bool snapshot = true;
        int64_t revision = 0;
        // The objects at `revision`, shared with every watcher that opens at it.
        std::shared_ptr<Snapshot> items;
        std::vector<Batch> replay;
        DataStatus status;
    };

    Collection(std::string epoch, std::function<std::string(const T &)> key, size_t retainBytes)
        : m_epoch(std::move(epoch))
        , m_key(std::move(key))
        , m_retainBytes(retainBytes)
    {
    }

    // Replaces or adds `upserts` and removes `removed`, as batches of at most
    // kChunk objects (one revision each), and sends them to every watcher.
    void apply(
        std::vector<T> upserts, const std::vector<std::string> &removed, const DataStatus &status)
    {
        std::lock_guard lock(m_mutex);
        m_status = status;
        size_t u = 0, r = 0;
        while (u < upserts.size() || r < removed.size()) {
            Event event;
            for (size_t n = 0; n < kChunk && u < upserts.size(); ++n, ++u) {
                auto item = std::make_shared<T>(std::move(upserts[u]));
                m_items[m_key(*item)] = item;
                *event.add_upserts() = *item;
            }
            for (size_t n = 0; n < kChunk && r < removed.size(); ++n, ++r) {
                if (m_items.erase(removed[r]) > 0)
                    event.add_removed(removed[r]);
            }
            if (event.upserts_size() == 0 && event.removed_size() == 0)
                continue;
            publishLocked(event, false);
        }
    }

    // Tells watchers that the stream and backend are alive (or stale).
    void heartbeat(const DataStatus &status)
    {
        std::lock_guard lock(m_mutex);
        m_status = status;
        Event event;
        publishLocked(event, true);
    }

    Ptr get(const std::string &key) const
    {
        std::lock_guard lock(m_mutex);
        auto it = m_items.find(key);
        return it == m_items.end() ? nullptr : it->second;
    }

    // All objects, ordered by key.
    std::vector<Ptr> all() const
    {
        std::lock_guard lock(m_mutex);
        std::vector<Ptr> out;
        out.reserve(m_items.size());
        for (const auto &[k, v] : m_items)
            out.push_back(v);
        return out;
    }

    size_t size() const
    {
        std::lock_guard lock(m_mutex);
        return m_items.size();
    }

    int64_t revision() const
    {
        std::lock_guard lock(m_mutex);
        return m_revision;
    }

    const std::string &epoch() const { return m_epoch; }

    // Registers a watcher and, atomically with it, decides what it starts
    // with: a replay of retained batches when (epoch, since) can resume,
    // else a snapshot. No batch is missed or sent twice.
    Start subscribe(Watcher *watcher, int64_t since, const std::string &epoch)
    {
        std::lock_guard lock(m_mutex);
        Start start;
        start.revision = m_revision;
        start.status = m_status;
        const bool sameEpoch = epoch == m_epoch && since > 0 && since <= m_revision;
        if (sameEpoch
            && (since == m_revision
                || (!m_history.empty() && since + 1 >= m_history.front().revision))) {
            start.snapshot = false;
            for (const auto &batch : m_history)
                if (batch.revision > since)
                    start.replay.push_back(batch);
        } else {
            // Watchers opening at the same revision (many consoles connecting at once, or
            // reconnecting after a restart) share one snapshot and its encoded chunks. One
            // made before the data went stale (or came back) says otherwise in its header.
            start.items = m_snapshot.lock();
            if (!start.items || start.items->revision() != m_revision
                || start.items->status().stale != m_status.stale) {
                std::vector<Ptr> items;
                items.reserve(m_items.size());
                for (const auto &[k, v] : m_items)
                    items.push_back(v);
                start.items
                    = std::make_shared<Snapshot>(m_epoch, m_revision, m_status, std::move(items));
                m_snapshot = start.items;
            }
        }
        m_watchers.insert(watcher);
        return start;
    }

    void unsubscribe(Watcher *watcher)
    {
        std::lock_guard lock(m_mutex);
        m_watchers.erase(watcher);
    }

    size_t watcherCount() const
    {
        std::lock_guard lock(m_mutex);
        return m_watchers.size();
    }

    // Forgets the retained batches (after the initial load: a client that
    // starts from nothing gets a snapshot anyway).
    void clearHistory()
    {
        std::lock_guard lock(m_mutex);
        m_history.clear();
        m_historyBytes = 0;
    }

    // Ends every stream (gateway shutdown).
    void finishAll(const grpc::Status &status)
    {
        std::lock_guard lock(m_mutex);
        for (auto *w : m_watchers)
            w->finish(status);
    }

private:
    void publishLocked(Event &event, bool heartbeat)
    {
        if (!heartbeat)
            ++m_revision;
        fillHeader(event.mutable_header(), m_epoch, m_revision,
            heartbeat ? ::suanli::v1::WATCH_EVENT_KIND_HEARTBEAT
                      : ::suanli::v1::WATCH_EVENT_KIND_DELTA,
            m_status);
        Batch batch;
        batch.revision = m_revision;
        batch.bytes = serializeToBuffer(event);
        batch.size = batch.bytes.Length();
        batch.heartbeat = heartbeat;
        for (auto *w : m_watchers)
            w->deliver(batch);
        if (heartbeat)
            return;
        m_historyBytes += batch.size;
        m_history.push_back(std::move(batch));
        while (m_historyBytes > m_retainBytes && m_history.size() > 1) {
            m_historyBytes -= m_history.front().size;
            m_history.pop_front();
        }
    }

    const std::string m_epoch;
    const std::function<std::string(const T &)> m_key;
    const size_t m_retainBytes;
    mutable std::mutex m_mutex;
    std::map<std::string, Ptr> m_items;
    int64_t m_revision = 0;
    DataStatus m_status;
    std::deque<Batch> m_history;
    size_t m_historyBytes = 0;
    std::set<Watcher *> m_watchers;
    std::weak_ptr<Snapshot> m_snapshot;
};

} // namespace suanli::server
