#include "app/pages/TableTools.h"

#include "app/models/ModelRoles.h"
#include "app/pages/CsvExport.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QClipboard>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMenu>
#include <QScopedValueRollback>
#include <QSet>
#include <QSettings>
#include <QTableView>
#include <QTreeView>
#include <algorithm>
#include <utility>

namespace suanli::app {

namespace {
// A column fitted to its content never grows past this many average characters, so one long
// summary does not push the other columns off screen.
constexpr int kMaxFittedChars = 40;

QHeaderView *headerOf(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}
} // namespace

namespace {
// Every table's settings key, for refitAll().
QSet<QString> &tableKeys()
{
    static QSet<QString> keys;
    return keys;
}
} // namespace

void TableTools::refitAll()
{
    QSettings settings;
    for (const QString &key : std::as_const(tableKeys()))
        if (settings.contains(key + QStringLiteral("/header")))
            settings.setValue(key + QStringLiteral("/fitted"), false);
}

TableTools::TableTools(
    QAbstractItemView *table, const QString &settingsKey, const QString &exportName)
    : QObject(table)
    , m_table(table)
    , m_header(headerOf(table))
    , m_settingsKey(settingsKey)
    , m_exportName(exportName)
    , m_copy(new QAction(tr("&Copy"), table))
    , m_export(new QAction(tr("Export CSV…"), table))
    , m_separator(new QAction(table))
{
    tableKeys().insert(settingsKey);
    Q_ASSERT(table->model());
    Q_ASSERT(m_header);
    m_separator->setSeparator(true);
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addAction(m_separator);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetShortcut);
    m_copy->setToolTip(tr("Copy the selected rows as text with headers (Ctrl+C)"));
    table->addAction(m_copy);
    connect(m_copy, &QAction::triggered, this, [this] {
        if (QClipboard *clipboard = QGuiApplication::clipboard())
            clipboard->setText(selectionText());
    });
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_export->setShortcutContext(Qt::WindowShortcut);
    m_export->setToolTip(tr("Save the rows and columns shown as a CSV file (Ctrl+Shift+E)"));
    connect(m_export, &QAction::triggered, this, &TableTools::exportWithDialog);

    QHeaderView *header = m_header;
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        QMenu *menu = columnMenu(header);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(header->mapToGlobal(pos));
    });

    // A snapshot (a reconnect to a restarted gateway, a new query) resets the model: the
    // selection comes back by key.
    QAbstractItemModel *model = table->model();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
        [this] { m_selectionAcrossReset = selectedKeys(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        columnsArrived();
        fitColumns();
        if (!m_selectionAcrossReset.isEmpty()) {
            setSelectedKeys(m_selectionAcrossReset);
            m_selectionAcrossReset.clear();
            Q_EMIT selectionRestored();
        }
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &TableTools::fitColumns);
    // A column the user resizes keeps its width.
    connect(header, &QHeaderView::sectionResized, this, [this] {
        if (!m_resizing)
            m_sharingWidth = false;
        if (!m_resizing && m_table->isVisible())
            m_changed = true;
    });
    const auto changedOnScreen = [this] {
        if (m_table->isVisible())
            m_changed = true;
    };
    connect(header, &QHeaderView::sectionMoved, this, changedOnScreen);
    connect(header, &QHeaderView::sortIndicatorChanged, this, changedOnScreen);
    m_table->viewport()->installEventFilter(this);
    connect(model, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex &parent) {
        if (!parent.isValid())
            columnsArrived();
    });
    fitColumns();
}

void TableTools::configure(QAbstractItemView *view, int sortColumn, Qt::SortOrder order)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setAlternatingRowColors(true);
    if (auto *table = qobject_cast<QTableView *>(view)) {
        table->setWordWrap(false);
        table->verticalHeader()->hide();
        table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
        table->horizontalHeader()->setStretchLastSection(true);
        table->setSortingEnabled(true);
        if (sortColumn >= 0)
            table->sortByColumn(sortColumn, order);
    } else if (auto *tree = qobject_cast<QTreeView *>(view)) {
        tree->setWordWrap(false);
        tree->setUniformRowHeights(true);
        tree->setAllColumnsShowFocus(true);
        tree->header()->setStretchLastSection(true);
        tree->setSortingEnabled(true);
        if (sortColumn >= 0)
            tree->sortByColumn(sortColumn, order);
    }
}

bool TableTools::isBranchColumn(int column) const
{
    const auto *tree = qobject_cast<const QTreeView *>(m_table);
    return column == 0 && tree && tree->rootIsDecorated();
}

TableTools::~TableTools() = default;

void TableTools::addContextActions(const QList<QAction *> &actions)
{
    m_table->insertActions(m_separator, actions);
}

void TableTools::setColumnRoles(int keyColumn, const QList<int> &freeTextColumns)
{
    m_keyColumn = keyColumn;
    m_freeTextColumns = freeTextColumns;
}

bool TableTools::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize && m_sharingWidth)
        shareSpareWidth();
    if (watched == m_table->viewport() && event->type() == QEvent::Show
        && std::exchange(m_fitWhenShown, false))
        fitColumns();
    return QObject::eventFilter(watched, event);
}

void TableTools::setRowOfKey(RowOfKey rowOf)
{
    m_rowOf = std::move(rowOf);
}

QModelIndex TableTools::viewIndexOf(const QString &key) const
{
    QAbstractItemModel *model = m_table->model();
    if (m_rowOf) {
        const int row = m_rowOf(key);
        if (row < 0)
            return {};
        if (auto *proxy = qobject_cast<QAbstractProxyModel *>(model))
            return proxy->mapFromSource(proxy->sourceModel()->index(row, 0));
        return model->index(row, 0);
    }
    const QModelIndexList found
        = model->match(model->index(0, 0), KeyRole, key, 1, Qt::MatchExactly);
    return found.value(0);
}

QStringList TableTools::selectedKeys() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
        [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList keys;
    keys.reserve(rows.size());
    for (const QModelIndex &index : std::as_const(rows))
        keys.append(index.data(KeyRole).toString());
    return keys;
}

void TableTools::setSelectedKeys(const QStringList &keys)
{
    QItemSelection selection;
    for (const QString &key : keys) {
        const QModelIndex index = viewIndexOf(key);
        if (index.isValid())
            selection.select(index, index);
    }
    m_table->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (!selection.isEmpty()) {
        const QModelIndex first = selection.indexes().constFirst();
        m_table->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_table->scrollTo(first);
    }
}

QString TableTools::selectionText() const
{
    const QString rows = CsvExport::selectionAsText(m_table);
    if (rows.isEmpty())
        return {};
    QSet<int> chosen;
    const QModelIndexList selected = m_table->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : selected)
        chosen.insert(index.column());
    const QAbstractItemModel *model = m_table->model();
    QStringList headers;
    for (int column : CsvExport::visibleColumns(m_header))
        if (chosen.contains(column))
            headers.append(model->headerData(column, Qt::Horizontal).toString());
    return headers.join(u'\t') + u'\n' + rows;
}

bool TableTools::exportTo(const QString &path, QString *error) const
{
    return CsvExport::writeCsv(m_table, path, error);
}

QMenu *TableTools::columnMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const QHeaderView *header = m_header;
    const QAbstractItemModel *model = m_table->model();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        QAction *a = menu->addAction(model->headerData(column, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(column));
        a->setEnabled(!isBranchColumn(column));
        connect(
            a, &QAction::toggled, this, [this, column](bool on) { setColumnVisible(column, on); });
    }
    return menu;
}

void TableTools::setColumnVisible(int column, bool visible)
{
    QHeaderView *header = m_header;
    // The last visible column stays: a table with no columns cannot be got back from its header.
    if (!visible && (header->count() - header->hiddenSectionCount() <= 1 || isBranchColumn(column)))
        return;
    header->setSectionHidden(column, !visible);
}

void TableTools::exportWithDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        m_table, tr("Export CSV"), m_exportName, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTo(path, &error))
        Q_EMIT notify(
            tr("Export to %1 failed: %2. Choose a folder you can write to.").arg(path, error), true,
            error);
    else
        Q_EMIT notify(
            tr("Exported %Ln row(s) to %1", nullptr, m_table->model()->rowCount()).arg(path), false,
            {});
}

void TableTools::fitColumns()
{
    if (m_table->model()->rowCount() == 0)
        return;
    if (!m_table->isVisible()) {
        m_fitWhenShown = true;
        return;
    }
    const bool firstRows = !std::exchange(m_hadRows, true);
    // The free-text columns take the room, not whichever column happens to be last.
    if (!m_freeTextColumns.isEmpty())
        m_header->setStretchLastSection(false);
    if (m_columnsSized) {
        // Widths kept from before (or fitted already): only the key column must not cut a name.
        if (firstRows)
            uncutKeyColumn();
        return;
    }
    m_columnsSized = true;
    m_changed = true;
    const QScopedValueRollback resizing(m_resizing, true);
    if (auto *table = qobject_cast<QTableView *>(m_table))
        table->resizeColumnsToContents();
    else if (auto *tree = qobject_cast<QTreeView *>(m_table))
        for (int c = 0; c < m_header->count(); ++c)
            tree->resizeColumnToContents(c);
    QHeaderView *header = m_header;
    const int widest = m_table->fontMetrics().averageCharWidth() * kMaxFittedChars;
    for (int c = 0; c < header->count(); ++c)
        if (c != m_keyColumn && header->sectionSize(c) > widest)
            header->resizeSection(c, widest);
    m_sharingWidth = !m_freeTextColumns.isEmpty();
    shareSpareWidth();
}

void TableTools::uncutKeyColumn()
{
    if (m_keyColumn < 0 || m_keyColumn >= m_header->count()
        || m_header->isSectionHidden(m_keyColumn))
        return;
    const int needed
        = std::max(m_table->sizeHintForColumn(m_keyColumn), m_header->sectionSizeHint(m_keyColumn));
    if (m_header->sectionSize(m_keyColumn) < needed) {
        const QScopedValueRollback resizing(m_resizing, true);
        m_header->resizeSection(m_keyColumn, needed);
        m_changed = true;
    }
}

void TableTools::shareSpareWidth()
{
    QList<int> shared;
    for (int c : std::as_const(m_freeTextColumns))
        if (c < m_header->count() && !m_header->isSectionHidden(c))
            shared.append(c);
    if (shared.isEmpty())
        return;
    const QScopedValueRollback resizing(m_resizing, true);
    // Each free-text column starts from its content (capped), then they share what is left.
    int others = 0;
    for (int c = 0; c < m_header->count(); ++c)
        if (!m_header->isSectionHidden(c) && !shared.contains(c))
            others += m_header->sectionSize(c);
    const int widest = m_table->fontMetrics().averageCharWidth() * kMaxFittedChars;
    QList<int> base;
    int content = 0;
    for (int c : std::as_const(shared)) {
        const int fit = std::min(
            widest, std::max(m_table->sizeHintForColumn(c), m_header->sectionSizeHint(c)));
        base.append(fit);
        content += fit;
    }
    const int spare = std::max(0, m_table->viewport()->width() - others - content);
    for (int i = 0; i < shared.size(); ++i)
        m_header->resizeSection(shared.at(i), base.at(i) + spare / int(shared.size()));
}

void TableTools::columnsArrived()
{
    if (m_pendingHeader.isEmpty() || m_header->count() < m_pendingColumns)
        return;
    const QByteArray state = std::exchange(m_pendingHeader, {});
    if (!m_header->restoreState(state))
        return;
    m_columnsSized = true;
    const int column = m_header->sortIndicatorSection();
    const Qt::SortOrder order = m_header->sortIndicatorOrder();
    if (auto *tree = qobject_cast<QTreeView *>(m_table); tree && tree->isSortingEnabled())
        tree->sortByColumn(column, order);
    else if (auto *table = qobject_cast<QTableView *>(m_table); table && table->isSortingEnabled())
        table->sortByColumn(column, order);
}

void TableTools::saveState() const
{
    QSettings settings;
    if (!m_changed && settings.contains(m_settingsKey + QStringLiteral("/header")))
        return;
    settings.setValue(m_settingsKey + QStringLiteral("/header"),
        m_pendingHeader.isEmpty() ? m_header->saveState() : m_pendingHeader);
    settings.setValue(m_settingsKey + QStringLiteral("/columns"),
        m_pendingHeader.isEmpty() ? m_header->count() : m_pendingColumns);
    // Widths of a table that never had rows are no one's choice: fit them when rows come.
    settings.setValue(m_settingsKey + QStringLiteral("/fitted"), m_columnsSized);
}

bool TableTools::restoreState()
{
    QSettings settings;
    const QByteArray state
        = settings.value(m_settingsKey + QStringLiteral("/header")).toByteArray();
    const int columns = settings.value(m_settingsKey + QStringLiteral("/columns"), 0).toInt();
    if (state.isEmpty())
        return false;
    if (columns > m_header->count()) {
        // The columns come with the data (one per accelerator model): the header waits for them.
        m_pendingHeader = state;
        m_pendingColumns = columns;
        return false;
    }
    if (!m_header->restoreState(state))
        return false;
    m_columnsSized = settings.value(m_settingsKey + QStringLiteral("/fitted"), true).toBool();
    if (!m_freeTextColumns.isEmpty())
        m_header->setStretchLastSection(false);
    if (m_hadRows) {
        // The rows came first (the page was made again): fit now what the kept state left.
        if (m_columnsSized)
            uncutKeyColumn();
        else
            fitColumns();
    }
    return true;
}

} // namespace suanli::app
