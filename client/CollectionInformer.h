#pragma once

#include "client/Log.h"
#include "client/SiteState.h"
#include "client/StreamInformer.h"
#include "suanli/v1/common.pb.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <algorithm>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace suanli::client {

// CollectionInformer follows one revisioned collection (nodes, jobs, ...): it
// keys a snapshot's objects on the gRPC thread as the chunks arrive and applies
// them as one reset when the last chunk is taken on the GUI thread (the old
// view stays until then), folds the deltas of one
// drain into one batch with each key's net change, and resumes from its
// epoch and revision. `Service` is the gRPC service with the watch call,
// `Event` the call's message; the objects go to SiteState's collection of
// their type, keyed by its keyOf().
template <class Service, class Event>
class CollectionInformer final : public StreamInformer<suanli::v1::WatchRequest, Event> {
public:
    using Item = std::remove_cvref_t<decltype(std::declval<const Event &>().upserts(0))>;
    using Base = StreamInformer<suanli::v1::WatchRequest, Event>;
    // The service's watch call, as in &v1::Cluster::Stub::async::WatchNodes.
    using WatchCall = void (Service::Stub::async::*)(
        grpc::ClientContext *, const suanli::v1::WatchRequest *, grpc::ClientReadReactor<Event> *);

    // `name` says which collection in the log.
    CollectionInformer(const char *name, WatchCall watch)
        : Base(QString::fromLatin1(name))
        , m_watch(watch)
    {
    }

    void forgetRevision() override
    {
        m_epoch.clear();
        m_revision = 0;
    }

    const QString &epoch() const { return m_epoch; }
    qint64 revision() const { return m_revision; }

protected:
    suanli::v1::WatchRequest request() const override
    {
        suanli::v1::WatchRequest request;
        request.set_since_revision(m_revision);
        request.set_epoch(m_epoch.toStdString());
        return request;
    }

    std::shared_ptr<void> startCall(const std::shared_ptr<grpc::Channel> &channel,
        grpc::ClientContext *context, const suanli::v1::WatchRequest *request,
        grpc::ClientReadReactor<Event> *reactor) override
    {
        std::shared_ptr<typename Service::Stub> stub = Service::NewStub(channel);
        (stub->async()->*m_watch)(context, request, reactor);
        return stub;
    }

    void streamOpening() override
    {
        m_inSnapshot = false;
        // Each stream keys its snapshots into its own assembly: a stream cancelled a moment ago
        // may still be delivering into the one before.
        m_assembly = std::make_shared<Assembly>();
    }

    typename Base::Stream::Prepare preparer() override
    {
        return [assembly = m_assembly](Event &event) { assembly->take(event); };
    }

    void handle(std::vector<Event> &events, SiteState &site) override
    {
        for (Event &event : events) {
            const suanli::v1::WatchHeader &h = event.header();
            this->noteFreshness(
                h.stale(), Informer::toDateTime(h.data_time().seconds(), h.data_time().nanos()));
            if (h.has_backend_time())
                site.setBackendTime(
                    Informer::toDateTime(h.backend_time().seconds(), h.backend_time().nanos()));
            const QString epoch = QString::fromStdString(h.epoch());
            switch (h.kind()) {
            case suanli::v1::WATCH_EVENT_KIND_SNAPSHOT:
                flush(site);
                m_inSnapshot = true;
                // The chunks' objects are already keyed, on the gRPC thread.
                if (h.last_chunk()) {
                    m_epoch = epoch;
                    m_revision = h.revision();
                    m_inSnapshot = false;
                    site.collection<Item>().replace(
                        m_assembly->finished(), m_epoch, m_revision);
                    this->markSynced();
                }
                break;
            case suanli::v1::WATCH_EVENT_KIND_DELTA:
                if (m_inSnapshot || epoch != m_epoch || h.revision() <= m_revision) {
                    qCWarning(lcClient) << "watch" << this->name() << "skips a delta at" << epoch
                                        << h.revision() << "(have" << m_epoch << m_revision << ")";
                    break;
                }
                for (Item &item : *event.mutable_upserts()) {
                    const QString key = keyOf(item);
                    merge(key, std::optional<Item>(std::move(item)));
                }
                for (const std::string &key : event.removed())
                    merge(QString::fromStdString(key), std::nullopt);
                m_revision = h.revision();
                m_revisionMoved = true;
                this->markSynced();
                break;
            case suanli::v1::WATCH_EVENT_KIND_HEARTBEAT:
                if (!m_inSnapshot && epoch == m_epoch)
                    this->markSynced();
                break;
            default:
                break;
            }
        }
        flush(site);
    }

private:
    // A stream's snapshots as they arrive, keyed on the gRPC thread: take() moves each chunk's
    // objects into `building` (room made once from the size the gateway announces) and leaves
    // the message with its header only; a last chunk moves the whole into `done`, which the GUI
    // thread collects when it reaches that message.
    struct Assembly {
        void take(Event &event)
        {
            const suanli::v1::WatchHeader &h = event.header();
            if (h.kind() != suanli::v1::WATCH_EVENT_KIND_SNAPSHOT)
                return;
            if (!building) {
                building.emplace();
                building->reserve(static_cast<qsizetype>(
                    std::clamp<qint64>(h.snapshot_size(), 0, kMaxReserve)));
            }
            for (Item &item : *event.mutable_upserts()) {
                QString key = keyOf(item);
                building->emplace(std::move(key), std::move(item));
            }
            event.clear_upserts();
            if (h.last_chunk()) {
                std::lock_guard lock(mutex);
                done.push_back(std::move(*building));
                building.reset();
            }
        }

        // The snapshot whose last chunk the GUI thread has reached.
        QHash<QString, Item> finished()
        {
            std::lock_guard lock(mutex);
            if (done.empty())
                return {};
            QHash<QString, Item> snapshot = std::move(done.front());
            done.pop_front();
            return snapshot;
        }

        std::optional<QHash<QString, Item>> building; // the gRPC thread's only
        std::mutex mutex;
        std::deque<QHash<QString, Item>> done;
    };

    void merge(const QString &key, std::optional<Item> value)
    {
        const auto it = m_index.constFind(key);
        if (it != m_index.constEnd()) {
            m_pending[*it].second = std::move(value);
            return;
        }
        m_index.insert(key, qsizetype(m_pending.size()));
        m_pending.emplace_back(key, std::move(value));
    }

    // Applies the deltas folded so far as one batch.
    void flush(SiteState &site)
    {
        if (m_pending.empty() && !m_revisionMoved)
            return;
        QList<Item> upserts;
        QStringList removed;
        for (auto &[key, value] : m_pending) {
            if (value)
                upserts.append(std::move(*value));
            else
                removed.append(key);
        }
        m_pending.clear();
        m_index.clear();
        m_revisionMoved = false;
        site.collection<Item>().apply(false, std::move(upserts), removed, m_epoch, m_revision);
    }

    WatchCall m_watch;
    QString m_epoch;
    qint64 m_revision = 0;
    bool m_inSnapshot = false;
    // At most this much room is made ahead for a snapshot, whatever size it announces.
    static constexpr qint64 kMaxReserve = 4'000'000;
    // The current stream's snapshots, keyed as they stream in.
    std::shared_ptr<Assembly> m_assembly = std::make_shared<Assembly>();
    // Net change per key in this drain, in the order first seen.
    std::vector<std::pair<QString, std::optional<Item>>> m_pending;
    QHash<QString, qsizetype> m_index;
    bool m_revisionMoved = false;
};

} // namespace suanli::client
