#pragma once

#include "SiteState.h"
#include "models/ModelRoles.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QStringList>
#include <climits>

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
    void rebuildIndex() const;

    client::SiteState *m_site;
    // The staleness the rows last announced: only a change of it touches every row.
    bool m_shownStale = false;
    QStringList m_keys; // row -> key
    // key -> row; rows from m_indexStaleFrom on are rebuilt on the next lookup, so removing
    // several ranges costs one pass, not one per range.
    mutable QHash<QString, int> m_rows;
    mutable int m_indexStaleFrom = INT_MAX;
};

} // namespace suanli::app
