#include "app/models/FilterProxyModel.h"

#include "app/models/ModelRoles.h"
#include "app/models/SortKey.h"

namespace suanli::app {

FilterProxyModel::FilterProxyModel(const suanli::FieldSet &fields, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_filter(new FilterText(fields, this))
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
    connect(m_filter, &FilterText::filterChanged, this, &FilterProxyModel::invalidateFilter);
}

FilterProxyModel::~FilterProxyModel() = default;

bool FilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_filter->matchesAll())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return m_filter->accepts(index.data(MessageRole).value<const google::protobuf::Message *>());
}

bool FilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const SortKey l = SortKey::of(left.data(sortRole()), &m_collator);
    const SortKey r = SortKey::of(right.data(sortRole()), &m_collator);
    // No value (no telemetry) goes last whichever way the column is sorted: the base class
    // sorts descending by swapping the arguments.
    if (l.isMissing() != r.isMissing())
        return sortOrder() == Qt::AscendingOrder ? r.isMissing() : l.isMissing();
    if (const int order = l.compare(r); order != 0)
        return order < 0;
    // Ties by key, so equal values keep one order however rows arrived.
    return left.data(KeyRole).toString() < right.data(KeyRole).toString();
}

} // namespace suanli::app
