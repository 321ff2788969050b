#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace suanli::client {

// The key each collection's objects are held and announced by: what the gateway's deltas name
// in `removed`.
inline QString keyOf(const v1::Node &node)
{
    return QString::fromStdString(node.name());
}
inline QString keyOf(const v1::Job &job)
{
    return QString::fromStdString(job.id());
}
inline QString keyOf(const v1::Queue &queue)
{
    return QString::fromStdString(queue.name());
}
inline QString keyOf(const v1::Alert &alert)
{
    return QString::fromStdString(alert.id());
}
inline QString keyOf(const v1::QuotaRequest &request)
{
    return QString::fromStdString(request.id());
}
inline QString keyOf(const v1::Tenant &tenant)
{
    return QString::fromStdString(tenant.id());
}

// CollectionSignals is what every collection announces, whatever its type (signals cannot be
// declared in a class template).
class CollectionSignals : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionSignals)
public:
    explicit CollectionSignals(QObject *parent = nullptr);
    ~CollectionSignals() override;

Q_SIGNALS:
    // A snapshot replaced the collection.
    void reset();
    // A delta: `upserted` holds keys present afterwards (new or changed, in the order first
    // seen), `removed` keys that were present before and are gone now.
    void changed(const QStringList &upserted, const QStringList &removed);
};

// SiteCollection is one collection of a centre as the console holds it: objects by key (in no
// particular order: item models keep their own row order), plus the epoch and revision it is
// at. Read through SiteState's const references; fed by the informers (or tests) through
// apply() and replace().
template <class T> class SiteCollection final : public CollectionSignals {
public:
    using Item = T;

    explicit SiteCollection(QObject *parent = nullptr)
        : CollectionSignals(parent)
    {
    }

    QHash<QString, T> items;
    QString epoch;
    qint64 revision = 0;
    // True once the first snapshot has arrived.
    bool synced = false;

    // The object of a key; nullptr when there is none.
    const T *find(const QString &key) const
    {
        const auto it = items.constFind(key);
        return it == items.constEnd() ? nullptr : &it.value();
    }

    // While changed() is being emitted: what upserted[i] was before the batch, nullptr for a key
    // the batch added. Lets a receiver tell what about an object changed.
    const T *previous(qsizetype i) const
    {
        if (i < 0 || i >= qsizetype(m_previous.size()) || !m_previous[std::size_t(i)])
            return nullptr;
        return &*m_previous[std::size_t(i)];
    }

    // While changed() is being emitted: what removed[i] was before the batch.
    const T *removedItem(qsizetype i) const
    {
        if (i < 0 || i >= qsizetype(m_removed.size()))
            return nullptr;
        return &m_removed[std::size_t(i)];
    }

    // One batch from an informer. A snapshot replaces the collection and emits reset(). A delta
    // applies the upserts, then the removals, and emits changed() once with each key at most
    // once; a key both added and removed in one batch is in neither list, and a batch that
    // changes nothing emits nothing.
    void apply(bool snapshot, QList<T> upserts, const QStringList &removed, const QString &atEpoch,
        qint64 atRevision);
    // A snapshot already keyed, as the informers build it while it streams in: replaces the
    // collection and emits reset().
    void replace(QHash<QString, T> keyed, const QString &atEpoch, qint64 atRevision);

private:
    void applyDelta(QList<T> upserts, const QStringList &removed);

    // What the keys of the changed() being emitted were before their batch.
    std::vector<std::optional<T>> m_previous;
    // What the removed keys of the changed() being emitted were.
    std::vector<T> m_removed;
};

extern template class SiteCollection<v1::Node>;
extern template class SiteCollection<v1::Job>;
extern template class SiteCollection<v1::Queue>;
extern template class SiteCollection<v1::Alert>;
extern template class SiteCollection<v1::QuotaRequest>;
extern template class SiteCollection<v1::Tenant>;

} // namespace suanli::client
