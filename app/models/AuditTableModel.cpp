#include "app/models/AuditTableModel.h"

#include "app/models/Words.h"

#include <QLocale>
#include <QSet>

namespace suanli::app {

AuditTableModel::AuditTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

AuditTableModel::~AuditTableModel() = default;

int AuditTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int AuditTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SequenceColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case UserColumn:
        return tr("User");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case ReasonColumn:
        return tr("Reason");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(KeyRole, QByteArrayLiteral("key"));
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(StateRole, QByteArrayLiteral("state"));
    return names;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_entries.size())
        return {};
    const v1::AuditEntry &entry = m_entries.at(index.row());
    const bool ok = entry.result() == "OK";
    switch (role) {
    case KeyRole:
        return QString::number(entry.sequence());
    case MessageRole:
        return QVariant::fromValue<const google::protobuf::Message *>(&entry);
    case StateRole:
        return ok ? 0 : 1;
    case StaleRole:
        return false;
    default:
        break;
    }

    switch (index.column()) {
    case SequenceColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(entry.sequence());
        if (role == SortRole)
            return QVariant::fromValue<qint64>(entry.sequence());
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        if (role == Qt::ToolTipRole)
            return tr("hash %1").arg(QString::fromStdString(entry.hash()));
        break;
    case TimeColumn:
        if (role == Qt::DisplayRole)
            return Words::dateTime(entry.time());
        if (role == SortRole)
            return Words::seconds(entry.time());
        break;
    case UserColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(entry.user());
        if (role == Qt::ToolTipRole && !entry.peer().empty())
            return tr("from %1").arg(QString::fromStdString(entry.peer()));
        break;
    case RoleColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return Words::role(entry.role());
        break;
    case ActionColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(entry.action());
        break;
    case TargetColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return QString::fromStdString(entry.target());
        break;
    case ReasonColumn:
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return QString::fromStdString(entry.reason());
        break;
    case ResultColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return QString::fromStdString(entry.result());
        if (role == Qt::ToolTipRole && !entry.detail().empty())
            return QString::fromStdString(entry.detail());
        break;
    default:
        break;
    }
    return {};
}

void AuditTableModel::appendEntries(const QList<v1::AuditEntry> &entries)
{
    QList<v1::AuditEntry> fresh;
    fresh.reserve(entries.size());
    QSet<qint64> seen;
    for (const v1::AuditEntry &entry : entries) {
        if (m_rowOfSequence.contains(entry.sequence()) || seen.contains(entry.sequence()))
            continue;
        seen.insert(entry.sequence());
        fresh.append(entry);
    }
    if (fresh.isEmpty())
        return;
    const int first = static_cast<int>(m_entries.size());
    beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
    for (v1::AuditEntry &entry : fresh) {
        m_rowOfSequence.insert(entry.sequence(), static_cast<int>(m_entries.size()));
        m_entries.append(std::move(entry));
    }
    endInsertRows();
}

void AuditTableModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    m_rowOfSequence.clear();
    endResetModel();
}

const v1::AuditEntry *AuditTableModel::entryAt(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries.at(row) : nullptr;
}

} // namespace suanli::app
