#pragma once

#include "SiteState.h"
#include "models/ModelRoles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>

namespace suanli::app {

// SiteTableModel keeps the rows of one SiteState collection in a stable order and turns the
// site's batches into exact row signals (dataChanged on the changed rows, inserts at the end,
// removals by range, a reset only for a snapshot); each subclass says what its columns show.
class SiteTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteTableModel)
public:
    ~SiteTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    // Answers KeyRole, MessageRole and StaleRole itself, the rest through cellData().
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    client::SiteState *site() const { return m_site; }
    // The key shown in a row; empty when the row is out of range.
    QString keyAt(int row) const;
    // The row showing a key; -1 when there is none.
    int rowOf(const QString &key) const;
    // The object shown in a row, nullptr when out of range; valid until the model next changes.
    const google::protobuf::Message *messageAt(int row) const;

protected:
    // Subclasses connect the collection's signals to resetRows()/applyChanges() and then call
    // resetRows() to show what the site already holds.
    SiteTableModel(client::SiteState *site, QObject *parent);

    // The collection's object for a key; nullptr when it has none.
    virtual const google::protobuf::Message *find(const QString &key) const = 0;
    // Every key of the collection.
    virtual QStringList keys() const = 0;
    // A cell's value for any role but KeyRole, MessageRole and StaleRole.
    virtual QVariant cellData(
        const google::protobuf::Message &message, int column, int role) const = 0;
    // Roles whose value can differ after the object changes: all dataChanged() carries.
    virtual QList<int> changingRoles() const;

    // A snapshot: the one case that resets the model.
    void resetRows();
    // A delta, as SiteState's *Changed signals give it.
    void applyChanges(const QStringList &upserted, const QStringList &removed);
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
