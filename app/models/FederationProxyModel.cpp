#include "app/models/FederationProxyModel.h"

#include "app/models/FederationTableModel.h"
#include "app/models/ModelRoles.h"

namespace suanli::app {

FederationProxyModel::FederationProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setDynamicSortFilter(true);
}

void FederationProxyModel::setFilterText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_filter)
        return;
    m_filter = trimmed;
    invalidateRowsFilter();
}

bool FederationProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Groups stay in their order whichever way the centres are sorted.
    if (!left.parent().isValid() && !right.parent().isValid()) {
        const int l = left.data(FederationTableModel::RankRole).toInt();
        const int r = right.data(FederationTableModel::RankRole).toInt();
        return sortOrder() == Qt::AscendingOrder ? l < r : l > r;
    }
    const QVariant l = left.data(SortRole);
    const QVariant r = right.data(SortRole);
    // A centre without the figure sorts last either way.
    if (!l.isValid() || !r.isValid())
        return l.isValid() != r.isValid()
            && (sortOrder() == Qt::AscendingOrder ? l.isValid() : !l.isValid());
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString)
        return QString::localeAwareCompare(l.toString(), r.toString()) < 0;
    return l.toDouble() < r.toDouble();
}

bool FederationProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const auto kind
        = FederationTableModel::Kind(index.data(FederationTableModel::KindRole).toInt());
    // Accelerator models show with their centre (autoAcceptChildRows), never on their own.
    if (kind == FederationTableModel::Kind::Model)
        return false;
    return index.data(Qt::DisplayRole).toString().contains(m_filter, Qt::CaseInsensitive);
}

} // namespace suanli::app
