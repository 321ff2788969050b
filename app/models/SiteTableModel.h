#pragma once

#include "app/models/ColumnMask.h"
#include "app/models/ModelRoles.h"
#include "client/SiteState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace suanli::app {

// SiteTableModel keeps the rows of one SiteState collection in a stable order and turns the
// site's batches into exact row signals (dataChanged on the changed cells, inserts at the end,
// removals by range, a reset only for a snapshot). CollectionTableModel ties it to a typed
// collection; each table below that says what its columns show.
class SiteTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteTableModel)
public:
    ~SiteTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    // Answers KeyRole and StaleRole itself, the rest through itemData().
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    client::SiteState *site() const { return m_site; }
    // The key shown in a row; empty when the row is out of range.
    QString keyAt(int row) const;
    // The row showing a key; -1 when there is none.
    int rowOf(const QString &key) const;

protected:
    SiteTableModel(client::SiteState *site, QObject *parent);

    // Every key of the collection.
    virtual QStringList keys() const = 0;
    // A cell's value for any role but KeyRole and StaleRole; invalid when the key has no object.
    virtual QVariant itemData(const QString &key, int column, int role) const = 0;
    // Roles whose value can differ in a cell after the object changes: what dataChanged()
    // carries for the changed columns, with MessageRole.
    virtual QList<int> changingRoles() const;

    // The rows a new model starts with, before anything can watch it.
    void showRows(QStringList keys);
    // A snapshot: the one case that resets the model.
    void resetRows();
    // A delta, as a collection's changed() gives it, with the columns each upserted key's row
    // changed in (ignored for a new key). dataChanged covers only those columns, with the
    // changingRoles() and MessageRole; a changed state is StateRole across the row, and a row
    // whose object changed in nothing any column shows gets MessageRole across the row, for
    // proxies filtering on the object.
    void applyChanges(
        const QStringList &upserted, const QStringList &removed, const QList<ColumnMask> &changed);
    // dataChanged() on every row for columns first..last (a clock tick, staleness).
    void emitColumnsChanged(int first, int last, const QList<int> &roles);

private:
    // The keys in QString's order.
    static QStringList sortedKeys(QStringList keys);
    // Numbers the rows 0..n-1 as their slots and marks every slot live.
    void renumberSlots();
    // Gives a key appended as the last row the next slot.
    void appendSlot(const QString &key);
    // Rows before a slot: the live slots below it.
    int liveSlotsBefore(int slot) const;

    client::SiteState *m_site;
    // The staleness the rows last announced: only a change of it touches every row.
    bool m_shownStale = false;
    QStringList m_keys; // row -> key
    // key -> slot. A row gets a slot when it is added and keeps it while it stays; slots only grow,
    // in row order, so a key's row is the number of live slots below its own. A removal clears
    // its slot in m_liveSlots instead of renumbering every row after it.
    QHash<QString, int> m_slots;
    // Live slots as a Fenwick tree (element i holds the live count of slots
    // (i - lowbit(i + 1), i]): counting the live slots below one, or clearing one, is O(log n).
    QList<int> m_liveSlots;
};

} // namespace suanli::app
