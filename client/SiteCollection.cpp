#include "client/SiteCollection.h"

namespace suanli::client {

CollectionSignals::CollectionSignals(QObject *parent)
    : QObject(parent)
{
}

CollectionSignals::~CollectionSignals() = default;

template <class T>
void SiteCollection<T>::apply(bool snapshot, QList<T> upserts, const QStringList &removed,
    const QString &atEpoch, qint64 atRevision)
{
    if (!snapshot) {
        epoch = atEpoch;
        revision = atRevision;
        applyDelta(std::move(upserts), removed);
        return;
    }
    QHash<QString, T> keyed;
    keyed.reserve(upserts.size());
    // Moved, not copied, when the caller handed the batch over (a 200,000-job snapshot would
    // otherwise be held twice).
    for (T &item : upserts) {
        QString key = keyOf(item);
        keyed.emplace(std::move(key), std::move(item));
    }
    replace(std::move(keyed), atEpoch, atRevision);
}

template <class T>
void SiteCollection<T>::replace(QHash<QString, T> keyed, const QString &atEpoch, qint64 atRevision)
{
    items = std::move(keyed);
    epoch = atEpoch;
    revision = atRevision;
    synced = true;
    Q_EMIT reset();
}

template <class T> void SiteCollection<T>::applyDelta(QList<T> upserts, const QStringList &removed)
{
    // Each key the batch touches, in the order first touched, with what it was before the batch.
    QHash<QString, qsizetype> touchedAt;
    QStringList touched;
    std::vector<std::optional<T>> before;
    // Notes a key's first touch; returns where its value before the batch goes, or nullptr when
    // the batch touched it already.
    auto touch = [&](const QString &key) -> std::optional<T> * {
        if (touchedAt.contains(key))
            return nullptr;
        touchedAt.insert(key, touched.size());
        touched.append(key);
        before.emplace_back();
        return &before.back();
    };
    for (T &item : upserts) {
        const QString key = keyOf(item);
        std::optional<T> *was = touch(key);
        const auto it = items.find(key);
        if (it == items.end()) {
            items.emplace(key, std::move(item));
        } else {
            if (was)
                *was = std::move(it.value());
            it.value() = std::move(item);
        }
    }
    for (const QString &key : removed) {
        std::optional<T> *was = touch(key);
        const auto it = items.find(key);
        if (it == items.end())
            continue;
        if (was)
            *was = std::move(it.value());
        items.erase(it);
    }

    QStringList upserted, gone;
    m_previous.clear();
    m_removed.clear();
    for (qsizetype i = 0; i < touched.size(); ++i) {
        const QString &key = touched.at(i);
        std::optional<T> &was = before[std::size_t(i)];
        if (items.contains(key)) {
            upserted.append(key);
            m_previous.push_back(std::move(was));
        } else if (was) {
            gone.append(key);
            m_removed.push_back(std::move(*was));
        }
    }
    if (!upserted.isEmpty() || !gone.isEmpty())
        Q_EMIT changed(upserted, gone);
    m_previous.clear();
    m_removed.clear();
}

template class SiteCollection<v1::Node>;
template class SiteCollection<v1::Job>;
template class SiteCollection<v1::Queue>;
template class SiteCollection<v1::Alert>;
template class SiteCollection<v1::QuotaRequest>;
template class SiteCollection<v1::Tenant>;

} // namespace suanli::client
