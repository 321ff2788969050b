#include "app/models/QuotaRequestProxyModel.h"

#include "app/models/ModelRoles.h"
#include "app/models/QuotaRequestTableModel.h"
#include "suanli/v1/tenancy.pb.h"

namespace suanli::app {

QuotaRequestProxyModel::QuotaRequestProxyModel(QObject *parent)
    : FilterProxyModel(suanli::quotaRequestFields(), parent)
{
    sort(-1);
}

QuotaRequestProxyModel::~QuotaRequestProxyModel() = default;

void QuotaRequestProxyModel::sort(int column, Qt::SortOrder order)
{
    const bool defaultOrder = column < 0;
    // The default order still needs a sort column, so the proxy keeps sorting as rows change:
    // the state's, announced whenever a decision moves a request (a request's creation time,
    // the order's other key, never changes).
    const int sortColumn = defaultOrder ? int(QuotaRequestTableModel::StateColumn) : column;
    const Qt::SortOrder sortOrder = defaultOrder ? Qt::AscendingOrder : order;
    // Switching between the default order and the state column ascending is no change to the base
    // class, which would then not sort again.
    const bool sameColumn = sortColumn == this->sortColumn() && sortOrder == this->sortOrder();
    const bool modeChanged = defaultOrder != m_defaultOrder;
    m_defaultOrder = defaultOrder;
    FilterProxyModel::sort(sortColumn, sortOrder);
    if (modeChanged && sameColumn)
        invalidate();
}

bool QuotaRequestProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const auto *requests = qobject_cast<const QuotaRequestTableModel *>(sourceModel());
    if (!m_defaultOrder || !requests)
        return FilterProxyModel::lessThan(left, right);
    const v1::QuotaRequest *l = requests->itemAt(left.row());
    const v1::QuotaRequest *r = requests->itemAt(right.row());
    if (!l || !r)
        return l != nullptr;
    const bool lPending = l->state() == v1::QUOTA_REQUEST_STATE_PENDING;
    const bool rPending = r->state() == v1::QUOTA_REQUEST_STATE_PENDING;
    if (lPending != rPending)
        return lPending;
    const auto &lt = l->create_time();
    const auto &rt = r->create_time();
    if (lt.seconds() != rt.seconds())
        return lt.seconds() > rt.seconds();
    if (lt.nanos() != rt.nanos())
        return lt.nanos() > rt.nanos();
    return l->id() > r->id();
}

} // namespace suanli::app
