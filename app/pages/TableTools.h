#pragma once

#include <QModelIndex>
#include <QObject>
#include <QStringList>
#include <functional>

class QAction;
class QMenu;
class QAbstractItemView;
class QHeaderView;

namespace suanli::app {

// TableTools gives a table or tree view what every table of the console has: a column chooser on
// the header's context menu, Copy (Ctrl+C) of the selection as tab-separated text with headers,
// CSV export of what is shown, the header's state kept under a settings key (applied once the
// columns it describes have come, for a model whose columns come with its data), columns fitted
// to the first data, and the selection kept by key (KeyRole) when the model resets.
class TableTools : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TableTools)
public:
    // The row of a key in the source model of the view's proxy (or in the view's model when it
    // is no proxy); -1 when there is none.
    using RowOfKey = std::function<int(const QString &key)>;

    // settingsKey: the QSettings group of this table's state ("jobs"); exportName: the file name
    // the export offers ("jobs.csv").
    // table: a QTableView, or a QTreeView (of a flat model it scales better with very many rows:
    // no per-row header to update on each removal). A tree's first column holds its branches
    // and always stays.
    TableTools(QAbstractItemView *table, const QString &settingsKey, const QString &exportName);
    ~TableTools() override;

    // The set-up every table of the console shares: whole rows selected, several at once,
    // sorted by a click on a column's header, alternate rows shaded, one line per row (a table
    // without row numbers, a tree with rows of one height), the last column stretched.
    // sortColumn -1 leaves the order the model gives.
    // Widths kept for every table are fitted again when their rows show next (a language
    // switch: the words and headers change length); sort, order and hidden columns stay.
    static void refitAll();

    static void configure(
        QAbstractItemView *view, int sortColumn = -1, Qt::SortOrder order = Qt::AscendingOrder);

    // The column that names a row (never cut: as wide as its longest name once rows come, however
    // the widths were kept), and the free-text columns (a summary, a reason) that share the width
    // the others leave, which fit their content.
    void setColumnRoles(int keyColumn, const QList<int> &freeTextColumns);

    // A fast way to find a key's row; without it selections are found by scanning the rows.
    void setRowOfKey(RowOfKey rowOf);

    QAbstractItemView *view() const { return m_table; }
    QHeaderView *header() const { return m_header; }
    QAction *copyAction() const { return m_copy; }
    QAction *exportAction() const { return m_export; }

    // Adds actions to the table's context menu, above Copy.
    void addContextActions(const QList<QAction *> &actions);

    // Keys (KeyRole) of the selected rows, in view order.
    QStringList selectedKeys() const;
    // Selects the rows of these keys (those shown) and scrolls to the first.
    void setSelectedKeys(const QStringList &keys);

    // The selection as tab-separated text: a line of the chosen columns' headers, then a line
    // per selected row; the visible columns in visual order. Empty when nothing is selected.
    QString selectionText() const;
    // Writes what the table shows as CSV; on failure false with the reason in error.
    bool exportTo(const QString &path, QString *error) const;

    // The column chooser's menu (one checkable entry per column), for the header's context menu.
    QMenu *columnMenu(QWidget *parent);
    void setColumnVisible(int column, bool visible);

    // Header state (order, widths, hidden columns, sort) under settingsKey/header.
    void saveState() const;
    // True when a saved state was restored; the columns keep their saved widths unless they were
    // saved before any rows came.
    bool restoreState();

Q_SIGNALS:
    // An export finished: a line for the notification area, and whether it failed.
    void notify(const QString &message, bool failed, const QString &details);
    // The selection came back after a model reset.
    void selectionRestored();

private:
    void exportWithDialog();
    void fitColumns();
    // Widens the key column to its content where a kept width would cut it.
    void uncutKeyColumn();
    // Gives the free-text columns the width the others leave.
    void shareSpareWidth();
    bool eventFilter(QObject *watched, QEvent *event) override;
    // Applies a saved header waiting for its columns, once they are there.
    void columnsArrived();
    // A tree's first column, which holds its branches.
    bool isBranchColumn(int column) const;
    QModelIndex viewIndexOf(const QString &key) const;

    QAbstractItemView *m_table;
    QHeaderView *m_header;
    QString m_settingsKey;
    QString m_exportName;
    QAction *m_copy;
    QAction *m_export;
    QAction *m_separator;
    RowOfKey m_rowOf;
    QStringList m_selectionAcrossReset;
    bool m_columnsSized = false;
    // Rows have been seen since this view was made (the first ones refit what needs it).
    bool m_hadRows = false;
    int m_keyColumn = 0;
    QList<int> m_freeTextColumns;
    // While true, the free-text columns follow the view's width; a column the user resizes, or
    // widths kept from before, end it.
    bool m_sharingWidth = false;
    bool m_resizing = false;
    // Rows came while the view was hidden (a centre's page not on show): fit them when shown,
    // since widths fitted to a hidden view are fitted to nothing.
    bool m_fitWhenShown = false;
    // The columns were fitted, resized, moved, hidden or sorted on screen in this run: only
    // then does saveState() replace what is kept, so a page never shown (another centre's
    // table of the same kind) does not overwrite the widths of the one the user worked in.
    bool m_changed = false;
    // A saved header for more columns than the model had when it was restored.
    QByteArray m_pendingHeader;
    int m_pendingColumns = 0;
};

} // namespace suanli::app
