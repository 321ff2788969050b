#pragma once

#include "FieldSet.h"
#include "Filter.h"

#include <QSortFilterProxyModel>

namespace suanli::app {

// FilterProxyModel filters a model's rows with the filter language suanlictl and the gateway
// speak ("state:drained util<10"), matched against each row's object (MessageRole), and sorts
// by SortRole, rows without a value last in either order.
class FilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterProxyModel)
    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int errorPosition READ errorPosition NOTIFY filterErrorChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY filterErrorChanged)
public:
    // fields: the FieldSet of the source's objects (nodeFields(), jobFields()...). Rows whose
    // object is of another type (a tenant's projects) pass when their parent does.
    explicit FilterProxyModel(const suanli::FieldSet &fields, QObject *parent = nullptr);
    ~FilterProxyModel() override;

    const suanli::FieldSet &fieldSet() const { return *m_fields; }

    QString filterText() const { return m_filterText; }
    // Parses the text; if it is invalid, the last valid filter stays in force and
    // errorPosition()/errorMessage() say what is wrong.
    void setFilterText(const QString &text);

    bool hasFilterError() const { return m_errorPosition >= 0; }
    // Index in filterText() of the mistake, for the cursor; -1 when the text is valid.
    int errorPosition() const { return m_errorPosition; }
    // What is wrong, for a person; empty when the text is valid.
    QString errorMessage() const { return m_errorMessage; }

Q_SIGNALS:
    void filterTextChanged(const QString &text);
    void filterErrorChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void setError(int position, const QString &message);

    const suanli::FieldSet *m_fields;
    QString m_filterText;
    suanli::Filter m_filter;
    int m_errorPosition = -1;
    QString m_errorMessage;
};

} // namespace suanli::app
