#pragma once

#include "app/models/ColumnMask.h"
#include "app/models/SiteTableModel.h"
#include "client/SiteState.h"

#include <functional>
#include <google/protobuf/repeated_field.h>
#include <google/protobuf/timestamp.pb.h>
#include <type_traits>

namespace suanli::app {

// CollectionTableModel is a SiteTableModel over one typed collection of the site (nodes, jobs,
// ...): it follows the collection's signals, finds a row's object, and works out from the object
// before and after a delta which columns changed. Each table says what its columns show
// (cellData) and which of them read what changed (changedColumns).
template <class T> class CollectionTableModel : public SiteTableModel {
public:
    // The object shown in a row; nullptr when out of range. Valid until the model next changes.
    const T *itemAt(int row) const { return m_collection.find(keyAt(row)); }

protected:
    CollectionTableModel(client::SiteState *site, QObject *parent)
        : SiteTableModel(site, parent)
        , m_collection(site->collection<T>())
    {
        connect(&m_collection, &client::CollectionSignals::reset, this,
            &CollectionTableModel::resetRows);
        connect(&m_collection, &client::CollectionSignals::changed, this,
            &CollectionTableModel::collectionChanged);
        showRows(m_collection.items.keys());
    }

    // A cell's value for any role but KeyRole, MessageRole and StaleRole.
    virtual QVariant cellData(const T &item, int column, int role) const = 0;
    // The columns whose cells read differently for `after` than for `before`.
    virtual ColumnMask changedColumns(const T &before, const T &after) const = 0;

    // True when any of `fields` (getters, or functions of T) reads differently on a and b.
    template <class... Fields> static bool differs(const T &a, const T &b, Fields... fields)
    {
        return (!same(std::invoke(fields, a), std::invoke(fields, b)) || ...);
    }

private:
    QStringList keys() const override { return m_collection.items.keys(); }

    QVariant itemData(const QString &key, int column, int role) const override
    {
        // A removed key's row may still be asked for while its removal is being announced.
        const T *item = m_collection.find(key);
        if (!item)
            return {};
        if (role == MessageRole)
            return QVariant::fromValue<const google::protobuf::Message *>(item);
        return cellData(*item, column, role);
    }

    void collectionChanged(const QStringList &upserted, const QStringList &removed)
    {
        QList<ColumnMask> changed(upserted.size(), ColumnMask::all(columnCount()));
        for (qsizetype i = 0; i < upserted.size(); ++i) {
            const T *before = m_collection.previous(i);
            const T *after = m_collection.find(upserted.at(i));
            if (before && after)
                changed[i] = changedColumns(*before, *after)
                                 .setState(cellData(*before, 0, StateRole)
                                     != cellData(*after, 0, StateRole));
        }
        applyChanges(upserted, removed, changed);
    }

    static bool same(const google::protobuf::Timestamp &a, const google::protobuf::Timestamp &b)
    {
        return a.seconds() == b.seconds() && a.nanos() == b.nanos();
    }
    static bool same(const google::protobuf::Message &a, const google::protobuf::Message &b)
    {
        return a.SerializeAsString() == b.SerializeAsString();
    }
    template <class E>
    static bool same(const google::protobuf::RepeatedPtrField<E> &a,
        const google::protobuf::RepeatedPtrField<E> &b)
    {
        return a.size() == b.size()
            && std::equal(
                a.begin(), a.end(), b.begin(), [](const E &x, const E &y) { return same(x, y); });
    }
    template <class V>
    requires(!std::is_base_of_v<google::protobuf::Message, V>) static bool same(
        const V &a, const V &b)
    {
        return a == b;
    }

    const client::SiteCollection<T> &m_collection;
};

} // namespace suanli::app
