#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;

namespace suanli::app {

class FilterText;

// FilterBar is a page's filter: a line for the filter language (the same as suanlictl's and the
// gateway's) that sets a proxy's FilterText as the user types, once typing pauses (so a table of
// 200,000 jobs is filtered once per word, not per key; Return applies it at once), and, under
// it, where the text is wrong and why ("Position 7: unknown field 'stat'").
class FilterBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)
public:
    FilterBar(FilterText *filter, const QString &placeholder, QWidget *parent = nullptr);

    QLineEdit *edit() const { return m_edit; }
    QString text() const;
    // Sets the text and applies it at once.
    void setText(const QString &text);
    // True while the text does not parse (the last valid filter stays in force).
    bool hasError() const;
    QString errorText() const;

Q_SIGNALS:
    // The user pressed Return in the filter line.
    void submitted();

private:
    void apply();

    FilterText *m_filter;
    QTimer m_typing;
    QLineEdit *m_edit;
    QLabel *m_error;
};

} // namespace suanli::app
