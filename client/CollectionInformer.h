#pragma once

#include "client/Log.h"
#include "client/SiteState.h"
#include "client/StreamInformer.h"
#include "suanli/v1/common.pb.h"

#include <QHash>
#include <QList>
#include <QStringList>
#include <algorithm>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

namespace suanli::client {

// CollectionInformer follows one revisioned collection (nodes, jobs, ...): it
// accumulates snapshot chunks and applies them as one reset when the last
// chunk arrives (the old view stays until then), folds the deltas of one
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
        m_snapshot.clear();
        m_inSnapshot = false;
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
                if (!m_inSnapshot) {
                    m_snapshot.clear();
                    // Room for the whole snapshot at once, when the gateway says its size.
                    m_snapshot.reserve(static_cast<qsizetype>(
                        std::clamp<qint64>(h.snapshot_size(), 0, kMaxReserve)));
                }
                m_inSnapshot = true;
                // Keyed as the chunks arrive, so the last one leaves little to do.
                for (Item &item : *event.mutable_upserts()) {
                    QString key = keyOf(item);
                    m_snapshot.emplace(std::move(key), std::move(item));
                }
                if (h.last_chunk()) {
                    m_epoch = epoch;
                    m_revision = h.revision();
                    m_inSnapshot = false;
                    site.collection<Item>().replace(std::move(m_snapshot), m_epoch, m_revision);
                    m_snapshot = {};
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
    // The snapshot streaming in, by key.
    QHash<QString, Item> m_snapshot;
    // Net change per key in this drain, in the order first seen.
    std::vector<std::pair<QString, std::optional<Item>>> m_pending;
    QHash<QString, qsizetype> m_index;
    bool m_revisionMoved = false;
};

} // namespace suanli::client
