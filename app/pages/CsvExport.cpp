#include "app/pages/CsvExport.h"

#include <QAbstractItemModel>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMap>
#include <QSaveFile>
#include <QSet>
#include <QTableView>
#include <QTreeView>
#include <algorithm>

namespace suanli::app {

namespace {

const QHeaderView *headerOf(const QAbstractItemView *view)
{
    if (const auto *table = qobject_cast<const QTableView *>(view))
        return table->horizontalHeader();
    if (const auto *tree = qobject_cast<const QTreeView *>(view))
        return tree->header();
    return nullptr;
}

QList<int> allColumns(const QAbstractItemModel *model)
{
    QList<int> columns;
    for (int c = 0; c < model->columnCount(); ++c)
        columns.append(c);
    return columns;
}

bool looksLikeNumber(const QString &text)
{
    bool ok = false;
    text.toDouble(&ok);
    if (!ok)
        QLocale().toDouble(text, &ok);
    return ok;
}

QByteArray csvField(QString text)
{
    if (!text.isEmpty()) {
        const QChar first = text.front();
        if ((first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
                || first == u'\r')
            && !looksLikeNumber(text))
            text.prepend(u'\'');
    }
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
        || text.contains(u'\r');
    if (!quote)
        return text.toUtf8();
    text.replace(u'"', QStringLiteral("\"\""));
    QByteArray out;
    out.reserve(text.size() + 2);
    out.append('"');
    out.append(text.toUtf8());
    out.append('"');
    return out;
}

void appendLine(QByteArray *out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out->append(',');
        out->append(csvField(fields.at(i)));
    }
    out->append("\r\n");
}

void appendRows(QByteArray *out, const QAbstractItemModel *model, const QModelIndex &parent,
    const QList<int> &columns, const std::function<bool(const QModelIndex &)> &includeChildren)
{
    const int rows = model->rowCount(parent);
    QStringList fields;
    for (int row = 0; row < rows; ++row) {
        fields.clear();
        for (int column : columns)
            fields.append(model->index(row, column, parent).data(Qt::DisplayRole).toString());
        appendLine(out, fields);
        if (includeChildren) {
            const QModelIndex first = model->index(row, 0, parent);
            if (model->hasChildren(first) && includeChildren(first))
                appendRows(out, model, first, columns, includeChildren);
        }
    }
}

QString tsvField(QString text)
{
    text.replace(u'\t', u' ');
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

} // namespace

QByteArray CsvExport::toCsv(const QAbstractItemModel *model, const QList<int> &columns,
    const std::function<bool(const QModelIndex &)> &includeChildren)
{
    QByteArray out("\xEF\xBB\xBF");
    if (!model)
        return out;
    QStringList header;
    for (int column : columns)
        header.append(model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    appendLine(&out, header);
    appendRows(&out, model, {}, columns, includeChildren);
    return out;
}

QByteArray CsvExport::toCsv(const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return toCsv(nullptr, {});
    const QHeaderView *header = headerOf(view);
    const QList<int> columns = header ? visibleColumns(header) : allColumns(model);
    std::function<bool(const QModelIndex &)> expanded;
    if (const auto *tree = qobject_cast<const QTreeView *>(view))
        expanded = [tree](const QModelIndex &index) { return tree->isExpanded(index); };
    return toCsv(model, columns, expanded);
}

bool CsvExport::writeCsv(const QAbstractItemView *view, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toCsv(view)) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

QList<int> CsvExport::visibleColumns(const QHeaderView *header)
{
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && !header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QString CsvExport::selectionAsText(const QAbstractItemView *view)
{
    const QItemSelectionModel *selection = view->selectionModel();
    if (!selection || !selection->hasSelection())
        return {};
    const QHeaderView *header = headerOf(view);
    const QList<int> columns = header ? visibleColumns(header) : allColumns(view->model());

    // Rows in view order: by the rows of their ancestors, then their own.
    auto path = [](QModelIndex index) {
        QList<int> rows;
        for (; index.isValid(); index = index.parent())
            rows.prepend(index.row());
        return rows;
    };
    struct Row {
        QModelIndex first;
        QSet<int> columns;
    };
    QMap<QList<int>, Row> rows;
    const QModelIndexList selected = selection->selectedIndexes();
    for (const QModelIndex &index : selected) {
        const QModelIndex first = index.siblingAtColumn(0);
        Row &row = rows[path(first)];
        row.first = first;
        row.columns.insert(index.column());
    }

    QStringList lines;
    for (const Row &row : std::as_const(rows)) {
        const QModelIndex &first = row.first;
        const QSet<int> &chosen = row.columns;
        QStringList fields;
        for (int column : columns) {
            if (chosen.contains(column))
                fields.append(tsvField(first.siblingAtColumn(column).data().toString()));
        }
        lines.append(fields.join(u'\t'));
    }
    return lines.join(u'\n');
}

void CsvExport::copySelectionAsText(const QAbstractItemView *view)
{
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(selectionAsText(view));
}

} // namespace suanli::app
