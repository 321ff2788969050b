#include "app/models/TableProxyModel.h"

#include "app/models/ModelRoles.h"
#include "app/models/RowRanges.h"

#include <algorithm>

namespace suanli::app {

namespace {

// A change to more source rows than this is applied as one layout change rather than row by row.
constexpr int kRowByRowLimit = 512;

} // namespace

TableProxyModel::TableProxyModel(const suanli::FieldSet &fields, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_filter(new FilterText(fields, this))
{
    connect(m_filter, &FilterText::filterChanged, this, [this] { relayout(false); });
}

TableProxyModel::~TableProxyModel() = default;

void TableProxyModel::setSourceModel(QAbstractItemModel *source)
{
    if (source == sourceModel())
        return;
    beginResetModel();
    for (const QMetaObject::Connection &connection : std::as_const(m_sourceConnections))
        disconnect(connection);
    m_sourceConnections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        const auto reset = [this] {
            beginResetModel();
            m_proxyToSource.clear();
            m_sourceToProxy.clear();
            m_slotOf.clear();
            m_keys.clear();
            m_freeSlots.clear();
        };
        const auto resetDone = [this] {
            rebuild(true);
            endResetModel();
        };
        m_sourceConnections = {
            connect(source, &QAbstractItemModel::modelAboutToBeReset, this, reset),
            connect(source, &QAbstractItemModel::modelReset, this, resetDone),
            // Columns never change in the console's tables; should they, start afresh.
            connect(source, &QAbstractItemModel::columnsAboutToBeInserted, this, reset),
            connect(source, &QAbstractItemModel::columnsInserted, this, resetDone),
            connect(source, &QAbstractItemModel::columnsAboutToBeRemoved, this, reset),
            connect(source, &QAbstractItemModel::columnsRemoved, this, resetDone),
            connect(source, &QAbstractItemModel::columnsAboutToBeMoved, this, reset),
            connect(source, &QAbstractItemModel::columnsMoved, this, resetDone),
            connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &TableProxyModel::sourceRowsAboutToBeRemoved),
            connect(source, &QAbstractItemModel::rowsRemoved, this,
                &TableProxyModel::sourceRowsRemoved),
            connect(source, &QAbstractItemModel::rowsInserted, this,
                &TableProxyModel::sourceRowsInserted),
            connect(source, &QAbstractItemModel::dataChanged, this,
                &TableProxyModel::sourceDataChanged),
            connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &TableProxyModel::sourceLayoutAboutToBeChanged),
            connect(source, &QAbstractItemModel::layoutChanged, this,
                &TableProxyModel::sourceLayoutChanged),
            connect(source, &QAbstractItemModel::rowsAboutToBeMoved, this,
                &TableProxyModel::sourceLayoutAboutToBeChanged),
            connect(source, &QAbstractItemModel::rowsMoved, this,
                &TableProxyModel::sourceLayoutChanged),
            connect(source, &QAbstractItemModel::headerDataChanged, this,
                [this](Qt::Orientation orientation, int first, int last) {
                    if (orientation == Qt::Horizontal)
                        Q_EMIT headerDataChanged(orientation, first, last);
                }),
        };
    }
    rebuild(true);
    endResetModel();
}

QModelIndex TableProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex TableProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex TableProxyModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int TableProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_proxyToSource.size());
}

int TableProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool TableProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_proxyToSource.empty();
}

QModelIndex TableProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.model() != this || proxyIndex.row() >= rowCount())
        return {};
    return sourceModel()->index(
        m_proxyToSource[static_cast<std::size_t>(proxyIndex.row())], proxyIndex.column());
}

QModelIndex TableProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.model() != sourceModel()
        || sourceIndex.parent().isValid())
        return {};
    const int row = proxyRowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

void TableProxyModel::sort(int column, Qt::SortOrder order)
{
    const int sortColumn = column < 0 ? -1 : column;
    if (sortColumn == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = sortColumn;
    m_sortOrder = order;
    relayout(true);
}

SortKey TableProxyModel::keyOf(int sourceRow) const
{
    return SortKey::of(sourceModel()->index(sourceRow, m_sortColumn).data(SortRole), &m_collator);
}

void TableProxyModel::keepKey(int sourceRow, SortKey key)
{
    int &slot = m_slotOf[static_cast<std::size_t>(sourceRow)];
    if (m_freeSlots.empty()) {
        slot = static_cast<int>(m_keys.size());
        m_keys.push_back(std::move(key));
    } else {
        slot = m_freeSlots.back();
        m_freeSlots.pop_back();
        m_keys[static_cast<std::size_t>(slot)] = std::move(key);
    }
}

bool TableProxyModel::accepts(int sourceRow) const
{
    if (m_filter->matchesAll())
        return true;
    return m_filter->accepts(sourceModel()
                                 ->index(sourceRow, 0)
                                 .data(MessageRole)
                                 .value<const google::protobuf::Message *>());
}

bool TableProxyModel::less(int a, int b) const
{
    if (m_slotOf.empty())
        return a < b;
    const SortKey &ka = keptKey(a);
    const SortKey &kb = keptKey(b);
    // No value (no telemetry) goes last whichever way the column is sorted.
    if (ka.isMissing() != kb.isMissing())
        return kb.isMissing();
    if (const int order = ka.compare(kb); order != 0)
        return m_sortOrder == Qt::AscendingOrder ? order < 0 : order > 0;
    // Ties in the source's order either way, which deltas never change.
    return a < b;
}

int TableProxyModel::proxyRowOf(int sourceRow) const
{
    if (sourceRow < 0 || sourceRow >= static_cast<int>(m_sourceToProxy.size()))
        return -1;
    int &hint = m_sourceToProxy[static_cast<std::size_t>(sourceRow)];
    if (hint < 0)
        return -1;
    if (hint < rowCount() && m_proxyToSource[static_cast<std::size_t>(hint)] == sourceRow)
        return hint;
    // The rows are in order by the kept keys, so the row is where its key puts it.
    const auto begin = m_proxyToSource.cbegin();
    auto it = std::lower_bound(
        begin, m_proxyToSource.cend(), sourceRow, [this](int a, int b) { return less(a, b); });
    if (it == m_proxyToSource.cend() || *it != sourceRow) {
        Q_ASSERT_X(false, "TableProxyModel", "a shown row is out of order");
        it = std::find(begin, m_proxyToSource.cend(), sourceRow);
        if (it == m_proxyToSource.cend())
            return hint = -1;
    }
    hint = static_cast<int>(it - begin);
    return hint;
}

int TableProxyModel::insertionRow(int sourceRow, int from, int to) const
{
    const auto begin = m_proxyToSource.cbegin();
    return static_cast<int>(std::lower_bound(begin + from, begin + to, sourceRow,
                                [this](int a, int b) { return less(a, b); })
        - begin);
}

void TableProxyModel::rebuild(bool keys)
{
    const int rows = sourceModel() ? sourceModel()->rowCount() : 0;
    if (keys) {
        m_slotOf.clear();
        m_keys.clear();
        m_freeSlots.clear();
        if (sorting()) {
            m_slotOf.reserve(static_cast<std::size_t>(rows));
            m_keys.reserve(static_cast<std::size_t>(rows));
            for (int row = 0; row < rows; ++row) {
                m_slotOf.push_back(row);
                m_keys.push_back(keyOf(row));
            }
        }
    }
    m_proxyToSource.clear();
    m_proxyToSource.reserve(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) {
        if (accepts(row))
            m_proxyToSource.push_back(row);
    }
    if (!m_slotOf.empty())
        std::sort(m_proxyToSource.begin(), m_proxyToSource.end(),
            [this](int a, int b) { return less(a, b); });
    m_sourceToProxy.assign(static_cast<std::size_t>(rows), -1);
    for (std::size_t row = 0; row < m_proxyToSource.size(); ++row)
        m_sourceToProxy[static_cast<std::size_t>(m_proxyToSource[row])] = static_cast<int>(row);
}

void TableProxyModel::relayout(bool keys)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> sources;
    sources.reserve(before.size());
    for (const QModelIndex &index : before)
        sources.append(
            index.row() < rowCount() ? m_proxyToSource[static_cast<std::size_t>(index.row())] : -1);
    rebuild(keys);
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row
            = sources.at(i) < 0 ? -1 : m_sourceToProxy[static_cast<std::size_t>(sources.at(i))];
        after.append(row < 0 ? QModelIndex() : createIndex(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TableProxyModel::insertShown(std::vector<int> sourceRows)
{
    if (sourceRows.empty())
        return;
    std::sort(sourceRows.begin(), sourceRows.end(), [this](int a, int b) { return less(a, b); });
    // From the last place back, so the places found for earlier rows stay right; rows that go
    // between the same two shown rows are one insert.
    auto end = sourceRows.end();
    int to = rowCount();
    while (end != sourceRows.begin()) {
        const int place = insertionRow(*(end - 1), 0, to);
        auto first = end - 1;
        // An earlier row goes at the same place when the shown row before the place sorts
        // before it too.
        while (first != sourceRows.begin()
            && (place == 0
                || less(m_proxyToSource[static_cast<std::size_t>(place - 1)], *(first - 1))))
            --first;
        const int count = static_cast<int>(end - first);
        beginInsertRows({}, place, place + count - 1);
        m_proxyToSource.insert(m_proxyToSource.begin() + place, first, end);
        for (int i = 0; i < count; ++i)
            m_sourceToProxy[static_cast<std::size_t>(*(first + i))] = place + i;
        endInsertRows();
        end = first;
        to = place;
    }
}

void TableProxyModel::removeShown(int proxyRow)
{
    beginRemoveRows({}, proxyRow, proxyRow);
    m_sourceToProxy[static_cast<std::size_t>(m_proxyToSource[static_cast<std::size_t>(proxyRow)])]
        = -1;
    m_proxyToSource.erase(m_proxyToSource.begin() + proxyRow);
    endRemoveRows();
}

int TableProxyModel::moveToPlace(int proxyRow)
{
    const int sourceRow = m_proxyToSource[static_cast<std::size_t>(proxyRow)];
    const int rows = rowCount();
    int place = proxyRow;
    if (proxyRow > 0 && less(sourceRow, m_proxyToSource[static_cast<std::size_t>(proxyRow - 1)]))
        place = insertionRow(sourceRow, 0, proxyRow);
    else if (proxyRow + 1 < rows
        && less(m_proxyToSource[static_cast<std::size_t>(proxyRow + 1)], sourceRow))
        place = insertionRow(sourceRow, proxyRow + 1, rows);
    if (place == proxyRow)
        return proxyRow;
    // place is the row it goes before, counted with the row still where it was.
    beginMoveRows({}, proxyRow, proxyRow, {}, place);
    const auto begin = m_proxyToSource.begin();
    int now = place;
    if (place < proxyRow) {
        std::rotate(begin + place, begin + proxyRow, begin + proxyRow + 1);
    } else {
        std::rotate(begin + proxyRow, begin + proxyRow + 1, begin + place);
        now = place - 1;
    }
    m_sourceToProxy[static_cast<std::size_t>(sourceRow)] = now;
    endMoveRows();
    return now;
}

void TableProxyModel::forwardDataChanged(
    int first, int last, int left, int right, const QList<int> &roles)
{
    if (m_proxyToSource.empty())
        return;
    if (first == 0 && last + 1 >= static_cast<int>(m_sourceToProxy.size())) {
        Q_EMIT dataChanged(index(0, left), index(rowCount() - 1, right), roles);
        return;
    }
    QList<int> rows;
    for (int row = first; row <= last; ++row) {
        if (const int shown = proxyRowOf(row); shown >= 0)
            rows.append(shown);
    }
    for (const auto &[top, bottom] : contiguousRanges(rows))
        Q_EMIT dataChanged(index(top, left), index(bottom, right), roles);
}

void TableProxyModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    // Out of the proxy while the source still has them, so every proxy row maps to a live
    // source row at every signal.
    QList<int> shown;
    for (int row = first; row <= last; ++row) {
        if (const int proxyRow = proxyRowOf(row); proxyRow >= 0)
            shown.append(proxyRow);
    }
    const QList<std::pair<int, int>> ranges = contiguousRanges(shown);
    for (auto range = ranges.crbegin(); range != ranges.crend(); ++range) {
        const auto [top, bottom] = *range;
        beginRemoveRows({}, top, bottom);
        const auto begin = m_proxyToSource.begin();
        for (auto it = begin + top; it != begin + bottom + 1; ++it)
            m_sourceToProxy[static_cast<std::size_t>(*it)] = -1;
        m_proxyToSource.erase(begin + top, begin + bottom + 1);
        endRemoveRows();
    }
}

void TableProxyModel::sourceRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    m_sourceToProxy.erase(m_sourceToProxy.begin() + first, m_sourceToProxy.begin() + last + 1);
    if (!m_slotOf.empty()) {
        for (int row = first; row <= last; ++row) {
            keptKey(row) = {};
            m_freeSlots.push_back(m_slotOf[static_cast<std::size_t>(row)]);
        }
        m_slotOf.erase(m_slotOf.begin() + first, m_slotOf.begin() + last + 1);
    }
    for (int &row : m_proxyToSource)
        row -= row > last ? count : 0;
}

void TableProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    if (first < static_cast<int>(m_sourceToProxy.size())) {
        for (int &row : m_proxyToSource)
            row += row >= first ? count : 0;
    }
    m_sourceToProxy.insert(m_sourceToProxy.begin() + first, static_cast<std::size_t>(count), -1);
    if (sorting()) {
        m_slotOf.insert(m_slotOf.begin() + first, static_cast<std::size_t>(count), -1);
        for (int row = first; row <= last; ++row)
            keepKey(row, keyOf(row));
    }
    std::vector<int> shown;
    for (int row = first; row <= last; ++row) {
        if (accepts(row))
            shown.push_back(row);
    }
    insertShown(std::move(shown));
}

void TableProxyModel::sourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    const int left = topLeft.column();
    const int right = bottomRight.column();
    const bool orderMayChange = sorting() && m_sortColumn >= left && m_sortColumn <= right
        && (roles.isEmpty() || roles.contains(SortRole));
    // The filter reads the row's object, which changes with what the row shows; a clock tick's
    // new "waited for" can move a row across "age>1h".
    const bool filterMayChange = !m_filter->matchesAll()
        && (roles.isEmpty() || roles.contains(Qt::DisplayRole) || roles.contains(MessageRole));
    if (!orderMayChange && !filterMayChange) {
        forwardDataChanged(first, last, left, right, roles);
        return;
    }

    if (last - first + 1 > kRowByRowLimit) {
        // A clock tick or a rename touching every row: one layout change if anything moved.
        bool changed = false;
        for (int row = first; row <= last && !changed; ++row) {
            const bool shown = m_sourceToProxy[static_cast<std::size_t>(row)] >= 0;
            changed = (filterMayChange && accepts(row) != shown)
                || (orderMayChange && !(keyOf(row) == keptKey(row)));
        }
        if (changed)
            relayout(orderMayChange);
        forwardDataChanged(first, last, left, right, roles);
        return;
    }

    std::vector<int> entering;
    for (int row = first; row <= last; ++row) {
        // Where the row is, found by its old key, before the key is replaced.
        int proxyRow = proxyRowOf(row);
        const bool show = filterMayChange ? accepts(row) : proxyRow >= 0;
        bool moved = false;
        if (orderMayChange) {
            SortKey key = keyOf(row);
            SortKey &kept = keptKey(row);
            moved = !(key == kept);
            if (moved && proxyRow >= 0 && show) {
                kept = std::move(key);
                proxyRow = moveToPlace(proxyRow);
            } else if (moved) {
                if (proxyRow >= 0)
                    removeShown(proxyRow);
                kept = std::move(key);
                proxyRow = -1;
            }
        }
        if (proxyRow >= 0 && !show) {
            removeShown(proxyRow);
            continue;
        }
        if (proxyRow < 0) {
            if (show)
                entering.push_back(row);
            continue;
        }
        Q_EMIT dataChanged(index(proxyRow, left), index(proxyRow, right), roles);
    }
    insertShown(std::move(entering));
}

void TableProxyModel::sourceLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged();
    m_layoutProxies = persistentIndexList();
    m_layoutSources.clear();
    for (const QModelIndex &index : std::as_const(m_layoutProxies))
        m_layoutSources.append(QPersistentModelIndex(mapToSource(index)));
}

void TableProxyModel::sourceLayoutChanged()
{
    rebuild(true);
    QModelIndexList after;
    for (const QPersistentModelIndex &source : std::as_const(m_layoutSources))
        after.append(mapFromSource(source));
    changePersistentIndexList(m_layoutProxies, after);
    m_layoutProxies.clear();
    m_layoutSources.clear();
    Q_EMIT layoutChanged();
}

} // namespace suanli::app
