#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

namespace suanli::app {

class FilterProxyModel;

// FilterBar is a page's filter: a line for the filter language (the same as suanlictl's and the
// gateway's) that filters a FilterProxyModel as the user types, and, under it, where the text is
// wrong and why ("Position 7: unknown field 'stat'").
class FilterBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)
public:
    FilterBar(FilterProxyModel *proxy, const QString &placeholder, QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QString text() const;
    void setText(const QString &text);
    // True while the text does not parse (the last valid filter stays in force).
    bool hasError() const;
    QString errorText() const;

Q_SIGNALS:
    // The user pressed Return in the filter line.
    void submitted();

private:
    FilterProxyModel *m_proxy;
    QLineEdit *m_edit;
    QLabel *m_error;
};

} // namespace suanli::app
