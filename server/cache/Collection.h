#pragma once

#include "server/cache/DataStatus.h"
#include "suanli/v1/common.pb.h"

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

    // What a new watcher starts with: a snapshot or a replay of retained batches.
    struct Start {
        bool snapshot = true;
        int64_t revision = 0;
        std::vector<Ptr> items;
        std::vector<Batch> replay;
        DataStatus status;
    };

    static constexpr size_t kChunk = 1000;

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
            start.items.reserve(m_items.size());
            for (const auto &[k, v] : m_items)
                start.items.push_back(v);
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
};

} // namespace suanli::server
