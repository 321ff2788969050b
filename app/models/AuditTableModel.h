#pragma once

#include "app/models/ModelRoles.h"
#include "suanli/v1/audit.pb.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace suanli::app {

// AuditTableModel is the audit log table, filled page by page from ListAuditEntries answers:
// each page's entries are appended, an entry already shown is not shown twice.
class AuditTableModel : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditTableModel)
public:
    enum Column {
        SequenceColumn,
        TimeColumn,
        UserColumn,
        RoleColumn,
        ActionColumn,
        TargetColumn,
        ReasonColumn,
        ResultColumn, // "OK" or the status code; StateRole 0 for OK, 1 otherwise
        ColumnCount
    };
    Q_ENUM(Column)

    explicit AuditTableModel(QObject *parent = nullptr);
    ~AuditTableModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Appends a page of entries at the end (skipping sequences already shown).
    void appendEntries(const QList<v1::AuditEntry> &entries);
    // Forgets every entry, for a new query.
    void clear();

    // The entry shown in a row; nullptr when out of range.
    const v1::AuditEntry *entryAt(int row) const;

private:
    QList<v1::AuditEntry> m_entries;
    QHash<qint64, int> m_rowOfSequence;
};

} // namespace suanli::app
