#pragma once

#include "app/models/FilterText.h"
#include "app/models/SortKey.h"

#include <QAbstractProxyModel>
#include <QCollator>
#include <vector>

namespace suanli::app {

// TableProxyModel sorts and filters a flat table of a whole centre (200,000 jobs, 20,000 nodes)
// as the table changes, at a cost that follows the change, not the table. Rows are filtered
// with the filter language (its FilterText) against each row's object (MessageRole) and sorted
// by SortRole, rows without a value last in either order, ties in the source's order; texts in
// the order of the language the console speaks (its QLocale when the proxy is made).
//
// How it stays cheap: each source row's sort value is read once and kept; the shown rows are an
// array of source rows in order, so a removed source row is one binary search and one proxy
// removal, and renumbering the rest is one pass over plain integers (QSortFilterProxyModel
// rebuilds its whole mapping for every removed range). A row whose value changes moves with
// beginMoveRows, so its selection follows it; a row that starts or stops passing the filter is
// inserted or removed. Sorting, a new filter or a change to most of the table is one layout
// change that keeps persistent indexes (selection, current row) on their rows.
class TableProxyModel : public QAbstractProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableProxyModel)
public:
    // fields: the FieldSet of the source's objects (nodeFields(), jobFields()).
    explicit TableProxyModel(const suanli::FieldSet &fields, QObject *parent = nullptr);
    ~TableProxyModel() override;

    FilterText *filter() const { return m_filter; }

    void setSourceModel(QAbstractItemModel *source) override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

    // column -1: the source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

private:
    bool sorting() const { return m_sortColumn >= 0 && sourceModel(); }
    SortKey keyOf(int sourceRow) const;
    // The kept sort value of a source row.
    SortKey &keptKey(int sourceRow)
    {
        return m_keys[static_cast<std::size_t>(m_slotOf[static_cast<std::size_t>(sourceRow)])];
    }
    const SortKey &keptKey(int sourceRow) const
    {
        return m_keys[static_cast<std::size_t>(m_slotOf[static_cast<std::size_t>(sourceRow)])];
    }
    // Keeps the sort value of a new source row; its m_slotOf entry must exist.
    void keepKey(int sourceRow, SortKey key);
    bool accepts(int sourceRow) const;
    // Whether source row a shows before source row b.
    bool less(int a, int b) const;
    // The proxy row showing a source row; -1 when it is filtered out.
    int proxyRowOf(int sourceRow) const;
    // Where a source row not shown would go: the first proxy row in [from, to) it sorts before.
    int insertionRow(int sourceRow, int from, int to) const;

    // Every row's key, filter and place, with no signal. keys: read the sort values again.
    void rebuild(bool keys);
    // rebuild() as a layout change: persistent indexes stay on their source rows.
    void relayout(bool keys);
    // Shows source rows not shown yet, each at its place, in as few inserts as their places allow.
    void insertShown(std::vector<int> sourceRows);
    void removeShown(int proxyRow);
    // Puts a shown source row whose key changed where it now belongs; returns its proxy row.
    int moveToPlace(int proxyRow);
    // dataChanged for source rows first..last, as contiguous proxy ranges.
    void forwardDataChanged(int first, int last, int left, int right, const QList<int> &roles);

    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceDataChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void sourceLayoutAboutToBeChanged();
    void sourceLayoutChanged();

    FilterText *m_filter;
    QCollator m_collator;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    // proxy row -> source row, in order.
    std::vector<int> m_proxyToSource;
    // source row -> proxy row, or -1 when the row is filtered out. Whether a row is shown is
    // exact; the proxy row is a hint that later inserts, removals and moves can leave behind, so
    // proxyRowOf() checks it and otherwise finds the row by binary search.
    mutable std::vector<int> m_sourceToProxy;
    // When sorting, each source row's sort value as last read (the value the row is placed by),
    // in a slot of m_keys that stays the row's while it lives: a removal then moves integers in
    // m_slotOf, not keys. m_freeSlots are the slots of removed rows, for new ones.
    std::vector<int> m_slotOf;
    std::vector<SortKey> m_keys;
    std::vector<int> m_freeSlots;
    // A source layout change in progress: the source rows of this model's persistent indexes.
    QList<QPersistentModelIndex> m_layoutSources;
    QModelIndexList m_layoutProxies;
    QList<QMetaObject::Connection> m_sourceConnections;
};

} // namespace suanli::app
