#pragma once

#include "server/cache/Collection.h"

#include <deque>
#include <functional>
#include <grpcpp/grpcpp.h>
#include <grpcpp/support/server_callback.h>
#include <mutex>
#include <optional>

namespace suanli::server {

// WatchReactor streams one collection to one client: a snapshot in chunks (or
// a replay of retained batches when the client can resume), then deltas as
// they come. One write in flight; a client that falls too far behind is ended
// with RESOURCE_EXHAUSTED so it resumes, instead of growing memory.
template <class T, class Event>
class WatchReactor final : public grpc::ServerWriteReactor<grpc::ByteBuffer>,
                           public Collection<T, Event>::Watcher {
public:
    using Coll = Collection<T, Event>;
    using Filter = std::function<bool(const T &)>;

    static constexpr size_t kMaxQueuedBytes = 64u << 20;
    static constexpr size_t kMaxQueuedBatches = 20000;

    // `filter`, when set, limits what this watcher sees (tenant scope); its
    // batches are then encoded for it alone.
    WatchReactor(Coll &collection, int64_t since, const std::string &epoch, Filter filter = {})
        : m_collection(collection)
        , m_filter(std::move(filter))
    {
        // Subscribe before locking: the collection calls deliver() with its own
        // lock held, so this lock is never taken before the collection's.
        auto start = m_collection.subscribe(this, since, epoch);
        std::lock_guard lock(m_mutex);
        m_status = start.status;
        if (start.snapshot) {
            m_snapshot = std::move(start.items);
            m_snapshotActive = true;
        } else if (!start.replay.empty()) {
            // Deltas delivered since subscribe() are newer than the replay.
            std::deque<typename Coll::Batch> live;
            live.swap(m_queue);
            m_queuedBytes = 0;
            for (auto &batch : start.replay)
                enqueueLocked(batch);
            for (auto &batch : live) {
                m_queuedBytes += batch.size;
                m_queue.push_back(std::move(batch));
            }
        } else if (m_queue.empty()) {
            // Already up to date: a heartbeat tells the client it is live.
            Event event;
            fillHeader(event.mutable_header(), m_collection.epoch(), start.revision,
                ::suanli::v1::WATCH_EVENT_KIND_HEARTBEAT, m_status);
            typename Coll::Batch batch;
            batch.revision = start.revision;
            batch.bytes = serializeToBuffer(event);
            batch.heartbeat = true;
            m_queue.push_back(std::move(batch));
        }
        m_started = true;
        pumpLocked();
    }

    void deliver(const typename Coll::Batch &batch) override
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        if (batch.heartbeat && (!m_started || m_writing || !m_queue.empty() || m_snapshotActive))
            return;
        if (m_queue.size() >= kMaxQueuedBatches || m_queuedBytes + batch.size > kMaxQueuedBytes) {
            finishLocked(grpc::Status(grpc::StatusCode::RESOURCE_EXHAUSTED,
                "watcher fell behind; resume from your last revision"));
            return;
        }
        enqueueLocked(batch);
        pumpLocked();
    }

    void finish(const grpc::Status &status) override
    {
        std::lock_guard lock(m_mutex);
        finishLocked(status);
    }

    void OnWriteDone(bool ok) override
    {
        std::lock_guard lock(m_mutex);
        m_writing = false;
        m_current.reset();
        if (!ok) {
            finishLocked(grpc::Status(grpc::StatusCode::CANCELLED, "stream closed"));
            return;
        }
        pumpLocked();
    }

    void OnCancel() override
    {
        std::lock_guard lock(m_mutex);
        finishLocked(grpc::Status::CANCELLED);
    }

    void OnDone() override
    {
        m_collection.unsubscribe(this);
        delete this;
    }

private:
    void enqueueLocked(const typename Coll::Batch &batch)
    {
        if (!m_filter || batch.heartbeat) {
            m_queue.push_back(batch);
            m_queuedBytes += batch.size;
            return;
        }
        // Scoped watchers (a tenant manager's tenants, quota requests and jobs)
        // decode the shared bytes and keep the upserts they may see. Removals
        // pass whole: a resumed watcher cannot know which of the removed ids it
        // was sent before, and an id alone tells nothing of the object.
        Event shared;
        std::vector<grpc::Slice> slices;
        (void)grpc::ByteBuffer(batch.bytes).Dump(&slices);
        std::string bytes;
        for (const auto &slice : slices)
            bytes.append(reinterpret_cast<const char *>(slice.begin()), slice.size());
        shared.ParseFromString(bytes);
        Event filtered;
        *filtered.mutable_header() = shared.header();
        for (const auto &item : shared.upserts())
            if (m_filter(item))
                *filtered.add_upserts() = item;
        for (const auto &id : shared.removed())
            filtered.add_removed(id);
        typename Coll::Batch own;
        own.revision = batch.revision;
        own.bytes = serializeToBuffer(filtered);
        own.size = own.bytes.Length();
        m_queue.push_back(std::move(own));
        m_queuedBytes += m_queue.back().size;
    }

    void pumpLocked()
    {
        if (!m_started || m_writing || m_finished)
            return;
        if (m_snapshotActive && !m_filter) {
            // The shared chunks, as encoded once for every watcher at this revision.
            m_current = m_snapshot->chunk(m_snapshotPos++);
            if (m_snapshotPos >= m_snapshot->chunkCount()) {
                m_snapshotActive = false;
                m_snapshot.reset();
            }
        } else if (m_snapshotActive) {
            // A scoped watcher's own chunks, of what it may see.
            const auto &items = m_snapshot->items();
            Event event;
            while (m_snapshotPos < items.size()
                && event.upserts_size() < static_cast<int>(Coll::kChunk)) {
                const auto &item = items[m_snapshotPos++];
                if (m_filter(*item))
                    *event.add_upserts() = *item;
            }
            const bool last = m_snapshotPos >= items.size();
            fillHeader(event.mutable_header(), m_collection.epoch(), m_snapshot->revision(),
                ::suanli::v1::WATCH_EVENT_KIND_SNAPSHOT, m_snapshot->status());
            event.mutable_header()->set_last_chunk(last);
            event.mutable_header()->set_snapshot_size(static_cast<std::int64_t>(items.size()));
            if (last) {
                m_snapshotActive = false;
                m_snapshot.reset();
            }
            m_current = serializeToBuffer(event);
        } else if (!m_queue.empty()) {
            m_current = std::move(m_queue.front().bytes);
            m_queuedBytes -= m_queue.front().size;
            m_queue.pop_front();
        } else {
            return;
        }
        m_writing = true;
        StartWrite(&*m_current);
    }

    void finishLocked(const grpc::Status &status)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_queue.clear();
        m_queuedBytes = 0;
        m_snapshot.reset();
        m_snapshotActive = false;
        Finish(status);
    }

    Coll &m_collection;
    const Filter m_filter;
    std::mutex m_mutex;
    DataStatus m_status;
    std::shared_ptr<typename Coll::Snapshot> m_snapshot;
    // The next chunk (shared snapshot) or object (scoped watcher) to send.
    size_t m_snapshotPos = 0;
    bool m_snapshotActive = false;
    std::deque<typename Coll::Batch> m_queue;
    size_t m_queuedBytes = 0;
    std::optional<grpc::ByteBuffer> m_current;
    bool m_started = false;
    bool m_writing = false;
    bool m_finished = false;
};

} // namespace suanli::server
