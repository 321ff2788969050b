#pragma once

#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QAbstractItemView;
class QLabel;
class QLineEdit;

namespace suanli::app {

class FilterText;

// FilterBar is a page's filter: a line for the filter language (the same as suanlictl's and the
// gateway's) that sets a proxy's FilterText as the user types, once typing pauses (so a table of
// 200,000 jobs is filtered once per word, not per key; Return applies it at once), and, under
// it, where the text is wrong and why ("Position 7: unknown field 'stat'") and which filter the
// rows still follow; that note lies over the page rather than in its layout, so a table or a
// heatmap under the line keeps its place while someone types. Beside the line it
// counts what a filter keeps ("12 of 64 match"), and over an emptied table it says that nothing
// matches, with a button that clears the filter.
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
    // The note shown while the text is wrong: errorText() and which rows are shown meanwhile.
    QLabel *errorNote() const { return m_error; }

    // Where a page keeps its filter for one centre ("centres/Wuhan/nodes/filter"): each centre
    // has its own, so a filter set on one centre's nodes never empties another's.
    static QString settingsKey(const QString &centre, const QString &page);

    // Counts the rows `view` shows (its model's top-level rows) against `all` (the model before
    // filtering) while a filter is in force, and when none matches shows `noMatch` ("No node
    // matches the filter") over the view with a Clear button.
    void watchTable(QAbstractItemView *view, const QAbstractItemModel *all, const QString &noMatch);
    // "12 of 64 match"; empty while no filter is in force.
    QString countText() const;
    // The notice over an emptied table (null before watchTable()).
    QWidget *noMatchNotice() const { return m_notice; }
    // Empties the filter line and shows every row again.
    void clear();

Q_SIGNALS:
    // The user pressed Return in the filter line.
    void submitted();

private:
    void apply();
    void updateCount();
    void placeNotice();
    void placeError();
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

    FilterText *m_filter;
    QTimer m_typing;
    QLineEdit *m_edit;
    QLabel *m_error;
    QLabel *m_count;
    QAbstractItemView *m_view = nullptr;
    const QAbstractItemModel *m_all = nullptr;
    QWidget *m_notice = nullptr;
};

} // namespace suanli::app
