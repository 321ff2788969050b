#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <functional>

class QAbstractItemModel;
class QAbstractItemView;
class QHeaderView;
class QModelIndex;

namespace suanli::app {

// CsvExport writes what a table or tree view shows (its model's rows in view order, its visible
// columns in visual order, the display text) as RFC 4180 CSV, and copies a selection as
// tab-separated text: the export and copy of every table in the console.
class CsvExport {
public:
    CsvExport() = delete;

    // CSV of the given columns of every row of model (depth first through a tree when
    // includeChildren says so for a row), with a header line: UTF-8 with a byte order mark so
    // Excel reads Chinese right, CRLF line ends, fields quoted when they hold a comma, quote or
    // line break. A field that would start a spreadsheet formula ("=", "+", "-", "@") and is
    // not a number is prefixed with "'", so an exported justification cannot run in Excel.
    static QByteArray toCsv(const QAbstractItemModel *model, const QList<int> &columns,
        const std::function<bool(const QModelIndex &)> &includeChildren = {});
    // CSV of what a view shows: its model (the proxy, filtered and sorted), the columns its
    // header shows in their visual order, and, for a tree, the rows under expanded ones.
    static QByteArray toCsv(const QAbstractItemView *view);
    // Writes toCsv(view) to a file; on failure returns false and says why in error.
    static bool writeCsv(const QAbstractItemView *view, const QString &path, QString *error);

    // Logical indexes of the sections a header shows, in visual order.
    static QList<int> visibleColumns(const QHeaderView *header);

    // The view's selected cells as text: a line per row in view order, the visible columns
    // in visual order separated by tabs (tabs and line breaks inside a cell become spaces).
    static QString selectionAsText(const QAbstractItemView *view);
    // Puts selectionAsText(view) on the clipboard.
    static void copySelectionAsText(const QAbstractItemView *view);
};

} // namespace suanli::app
