#pragma once

#include "app/models/FilterProxyModel.h"

namespace suanli::app {

// QuotaRequestProxyModel filters quota requests and, until a column is chosen, orders them as
// a decider works through them: pending first, then newest first.
class QuotaRequestProxyModel : public FilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotaRequestProxyModel)
public:
    explicit QuotaRequestProxyModel(QObject *parent = nullptr);
    ~QuotaRequestProxyModel() override;

    // column -1 (a view's "no sort column") is the default order; others sort by SortRole.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    // True while rows are in the default order.
    bool isDefaultOrder() const { return m_defaultOrder; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool m_defaultOrder = true;
};

} // namespace suanli::app
