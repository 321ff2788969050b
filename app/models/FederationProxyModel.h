#pragma once

#include <QSortFilterProxyModel>

namespace suanli::app {

// FederationProxyModel sorts the centres of a FederationTableModel within their groups by the
// column clicked, while the groups keep their order (needs attention first, then the provinces),
// and filters them by name: a group shows when one of its centres, or its own name, matches.
class FederationProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FederationProxyModel)
public:
    explicit FederationProxyModel(QObject *parent = nullptr);

    // Shows only the centres whose name, or whose group's name, holds `text`.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filter; }

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_filter;
};

} // namespace suanli::app
