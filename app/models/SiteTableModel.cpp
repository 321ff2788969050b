#include "app/models/SiteTableModel.h"

#include "app/models/RowRanges.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>

namespace suanli::app {

SiteTableModel::SiteTableModel(client::SiteState *site, QObject *parent)
    : QAbstractTableModel(parent)
    , m_site(site)
{
    Q_ASSERT(site);
    m_shownStale = site->stale();
    // freshnessChanged also comes with every newer data time; the rows show only staleness, and
    // a dataChanged on every row makes a sorted proxy re-check all of them.
    connect(site, &client::SiteState::freshnessChanged, this, [this] {
        if (m_site->stale() == m_shownStale)
            return;
        m_shownStale = m_site->stale();
        emitColumnsChanged(0, columnCount() - 1, { StaleRole, Qt::ForegroundRole });
    });
}

SiteTableModel::~SiteTableModel() = default;

int SiteTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_keys.size());
}

QVariant SiteTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_keys.size())
        return {};
    const QString &key = m_keys.at(index.row());
    switch (role) {
    case KeyRole:
        return key;
    case StaleRole:
        return m_site->stale();
    case Qt::ForegroundRole:
        if (m_site->stale())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        break;
    default:
        break;
    }
    return itemData(key, index.column(), role);
}

QHash<int, QByteArray> SiteTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, QByteArrayLiteral("key"));
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(StateRole, QByteArrayLiteral("state"));
    names.insert(StaleRole, QByteArrayLiteral("stale"));
    return names;
}

QString SiteTableModel::keyAt(int row) const
{
    return row >= 0 && row < m_keys.size() ? m_keys.at(row) : QString();
}

int SiteTableModel::rowOf(const QString &key) const
{
    const int slot = m_slots.value(key, -1);
    return slot < 0 ? -1 : liveSlotsBefore(slot);
}

QList<int> SiteTableModel::changingRoles() const
{
    return { Qt::DisplayRole, Qt::ToolTipRole, SortRole, StateRole };
}

void SiteTableModel::showRows(QStringList keys)
{
    m_keys = sortedKeys(std::move(keys));
    renumberSlots();
}

void SiteTableModel::resetRows()
{
    beginResetModel();
    showRows(keys());
    endResetModel();
}

QStringList SiteTableModel::sortedKeys(QStringList keys)
{
    // A stable first order (views sort through a proxy), as QString's operator< gives it, but
    // mostly on integers: a key's first 8 UTF-16 units packed into one byte each. A unit above
    // 0xFF packs as 0xFF and so does everything after it, so the packing never contradicts the
    // strings' order; only equal packings compare strings. 200,000 job ids sort in a fraction
    // of the time string comparisons take.
    std::vector<std::pair<quint64, qsizetype>> order;
    order.reserve(static_cast<std::size_t>(keys.size()));
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        quint64 packed = 0;
        bool capped = false;
        for (qsizetype c = 0; c < 8; ++c) {
            quint64 byte = 0;
            if (capped) {
                byte = 0xFF;
            } else if (c < key.size()) {
                byte = std::min<quint64>(key.at(c).unicode(), 0xFF);
                capped = key.at(c).unicode() > 0xFF;
            }
            packed = (packed << 8) | byte;
        }
        order.emplace_back(packed, i);
    }
    std::sort(order.begin(), order.end(), [&keys](const auto &a, const auto &b) {
        if (a.first != b.first)
            return a.first < b.first;
        return keys.at(a.second) < keys.at(b.second);
    });
    QStringList sorted;
    sorted.reserve(keys.size());
    for (const auto &[packed, i] : order)
        sorted.append(std::move(keys[i]));
    return sorted;
}

void SiteTableModel::applyChanges(
    const QStringList &upserted, const QStringList &removed, const QList<ColumnMask> &changed)
{
    Q_ASSERT(changed.size() == upserted.size());
    // Removals first, from the last range back, so rows before each range keep their numbers.
    QList<int> goneRows;
    goneRows.reserve(removed.size());
    for (const QString &key : removed) {
        const int row = rowOf(key);
        if (row >= 0)
            goneRows.append(row);
    }
    const QList<std::pair<int, int>> goneRanges = contiguousRanges(goneRows);
    for (auto range = goneRanges.crbegin(); range != goneRanges.crend(); ++range) {
        const auto [first, last] = *range;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row) {
            // Clear the slot in the tree: every node covering it counts one live slot less.
            for (int i = m_slots.take(m_keys.at(row)); i < m_liveSlots.size(); i |= i + 1)
                --m_liveSlots[i];
        }
        m_keys.remove(first, last - first + 1);
        endRemoveRows();
    }
    // Slots only grow; once most are dead, number the rows afresh (one pass, rarely).
    if (m_liveSlots.size() > 4096 && m_liveSlots.size() > 2 * m_keys.size())
        renumberSlots();

    // Then the changed rows, before any insert, so a sorted proxy places new rows among
    // current values.
    // Grouped by what changed in them, so adjacent rows that changed alike are one signal.
    std::vector<std::pair<quint64, int>> changedRows;
    QStringList added;
    for (qsizetype i = 0; i < upserted.size(); ++i) {
        const int row = rowOf(upserted.at(i));
        if (row >= 0)
            changedRows.emplace_back(changed.at(i).bits(), row);
        else
            added.append(upserted.at(i));
    }
    std::sort(changedRows.begin(), changedRows.end());
    const int lastColumn = columnCount() - 1;
    QList<int> roles = changingRoles();
    roles.append(MessageRole);
    for (auto group = changedRows.cbegin(); lastColumn >= 0 && group != changedRows.cend();) {
        const quint64 bits = group->first;
        QList<int> rows;
        for (; group != changedRows.cend() && group->first == bits; ++group)
            rows.append(group->second);
        const ColumnMask mask(bits & ColumnMask::all(lastColumn + 1).bits());
        // The state is the same in every column; a change no column shows still reaches proxies
        // filtering on the object.
        QList<int> rowRoles;
        if (mask.stateChanged())
            rowRoles.append(StateRole);
        if (mask.isEmpty())
            rowRoles.append(MessageRole);
        for (const auto &[first, last] : contiguousRanges(rows)) {
            if (!rowRoles.isEmpty())
                Q_EMIT dataChanged(index(first, 0), index(last, lastColumn), rowRoles);
            for (const auto &[left, right] : mask.runs())
                Q_EMIT dataChanged(index(first, left), index(last, right), roles);
        }
    }

    // New keys at the end, in the order the site first saw them.
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_keys.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_keys.append(added);
        for (const QString &key : std::as_const(added))
            appendSlot(key);
        endInsertRows();
    }
}

void SiteTableModel::emitColumnsChanged(int first, int last, const QList<int> &roles)
{
    if (m_keys.isEmpty() || first > last || first < 0)
        return;
    Q_EMIT dataChanged(index(0, first), index(static_cast<int>(m_keys.size()) - 1, last), roles);
}

void SiteTableModel::renumberSlots()
{
    m_slots.clear();
    m_slots.reserve(m_keys.size());
    m_liveSlots.clear();
    m_liveSlots.reserve(m_keys.size());
    for (const QString &key : std::as_const(m_keys))
        appendSlot(key);
}

void SiteTableModel::appendSlot(const QString &key)
{
    // The new element covers itself and the elements below it down to i - lowbit(i + 1) + 1,
    // whose counts sit in the tree elements i - 1, i - 2, i - 4, ... below the lowest bit.
    const int slot = static_cast<int>(m_liveSlots.size());
    const int lowBit = (slot + 1) & -(slot + 1);
    int live = 1;
    for (int step = 1; step < lowBit; step <<= 1)
        live += m_liveSlots.at(slot - step);
    m_liveSlots.append(live);
    m_slots.insert(key, slot);
}

int SiteTableModel::liveSlotsBefore(int slot) const
{
    int live = 0;
    for (int i = slot - 1; i >= 0; i = (i & (i + 1)) - 1)
        live += m_liveSlots.at(i);
    return live;
}

} // namespace suanli::app
