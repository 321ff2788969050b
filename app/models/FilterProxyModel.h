#pragma once

#include "app/models/FilterText.h"

#include <QCollator>
#include <QSortFilterProxyModel>

namespace suanli::app {

// FilterProxyModel filters a model's rows, trees included, with the filter language (its
// FilterText), matched against each row's object (MessageRole), and sorts by SortRole, rows
// without a value last in either order, texts in the order of the language the console speaks
// (its QLocale when the proxy is made: tenants' Chinese names by pinyin). It serves the tenant tree
// and the tables of tens or hundreds of rows; the tables of a whole centre's nodes and jobs use
// TableProxyModel.
class FilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterProxyModel)
public:
    // fields: the FieldSet of the source's objects (nodeFields(), jobFields()...). Rows whose
    // object is of another type (a tenant's projects) pass when their parent does.
    explicit FilterProxyModel(const suanli::FieldSet &fields, QObject *parent = nullptr);
    ~FilterProxyModel() override;

    FilterText *filter() const { return m_filter; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    FilterText *m_filter;
    QCollator m_collator;
};

} // namespace suanli::app
