// The table tools every table of the console shares: copy of the selection with headers, CSV of
// exactly what is shown (filtered, sorted, hidden and moved columns), the column chooser, header
// state across runs and the selection kept by key when the model resets.
#include "app/models/ModelRoles.h"
#include "app/pages/TableTools.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace suanli::app;

namespace {

// Rows of (name, queue, accelerators); the key is the name.
QStandardItemModel *makeModel(QObject *parent, const QList<QStringList> &rows)
{
    auto *model = new QStandardItemModel(0, 3, parent);
    model->setHorizontalHeaderLabels(
        { QStringLiteral("Name"), QStringLiteral("Queue"), QStringLiteral("Accelerators") });
    for (const QStringList &row : rows) {
        QList<QStandardItem *> items;
        for (const QString &text : row)
            items.append(new QStandardItem(text));
        items.first()->setData(row.first(), KeyRole);
        model->appendRow(items);
    }
    return model;
}

const QList<QStringList> kRows = {
    { QStringLiteral("job-a"), QStringLiteral("train"), QStringLiteral("64") },
    { QStringLiteral("job-b"), QStringLiteral("infer"), QStringLiteral("8") },
    { QStringLiteral("job-c"), QStringLiteral("train"), QStringLiteral("16") },
    { QStringLiteral("job-d, \"big\""), QStringLiteral("train"), QStringLiteral("512") },
};

} // namespace

class TestTableTools : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SuanliTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_tabletools"));
        QSettings().clear();
    }

    void init()
    {
        m_proxy = new QSortFilterProxyModel(this);
        m_proxy->setSourceModel(makeModel(m_proxy, kRows));
        m_table = new QTableView;
        m_table->setModel(m_proxy);
        m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
        m_tools = new TableTools(m_table, QStringLiteral("test"), QStringLiteral("test.csv"));
    }

    void cleanup()
    {
        delete m_table;
        delete m_proxy;
    }

    void csvIsWhatIsShown()
    {
        // Only the train queue, by name descending, without the queue column, accelerators first.
        m_proxy->setFilterKeyColumn(1);
        m_proxy->setFilterFixedString(QStringLiteral("train"));
        m_table->setSortingEnabled(true);
        m_table->sortByColumn(0, Qt::DescendingOrder);
        m_tools->setColumnVisible(1, false);
        m_table->horizontalHeader()->moveSection(2, 0);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QString error;
        QVERIFY2(m_tools->exportTo(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
            QByteArray("\xEF\xBB\xBF"
                       "Accelerators,Name\r\n"
                       "512,\"job-d, \"\"big\"\"\"\r\n"
                       "16,job-c\r\n"
                       "64,job-a\r\n"));
        QVERIFY(!m_tools->exportTo(dir.filePath(QStringLiteral("no/such/folder/x.csv")), &error));
        QVERIFY(!error.isEmpty());
    }

    void copyHasHeadersAndVisibleColumns()
    {
        m_tools->setColumnVisible(2, false);
        m_tools->setSelectedKeys({ QStringLiteral("job-c"), QStringLiteral("job-a") });
        QCOMPARE(m_tools->selectedKeys(),
            (QStringList { QStringLiteral("job-a"), QStringLiteral("job-c") }));
        const QString expected = QStringLiteral("Name\tQueue\njob-a\ttrain\njob-c\ttrain");
        QCOMPARE(m_tools->selectionText(), expected);

        // Ctrl+C on the table puts the same on the clipboard.
        m_table->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_table));
        m_table->setFocus();
        QApplication::clipboard()->clear();
        QTest::keyClick(m_table, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), expected);

        m_table->clearSelection();
        QCOMPARE(m_tools->selectionText(), QString());
    }

    void columnChooserKeepsOneColumn()
    {
        std::unique_ptr<QMenu> menu(m_tools->columnMenu(nullptr));
        const auto entries = menu->actions();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(1)->text(), QStringLiteral("Queue"));
        QVERIFY(entries.at(1)->isChecked());
        entries.at(1)->setChecked(false);
        QVERIFY(m_table->horizontalHeader()->isSectionHidden(1));
        entries.at(0)->setChecked(false);
        // The last visible column cannot be hidden.
        m_tools->setColumnVisible(2, false);
        QVERIFY(!m_table->horizontalHeader()->isSectionHidden(2));
        entries.at(1)->setChecked(true);
        QVERIFY(!m_table->horizontalHeader()->isSectionHidden(1));
    }

    void headerStateComesBack()
    {
        m_tools->setColumnVisible(1, false);
        m_table->horizontalHeader()->resizeSection(0, 233);
        m_tools->saveState();

        QTableView again;
        again.setModel(m_proxy);
        TableTools tools(&again, QStringLiteral("test"), QStringLiteral("test.csv"));
        QVERIFY(tools.restoreState());
        QVERIFY(again.horizontalHeader()->isSectionHidden(1));
        QCOMPARE(again.horizontalHeader()->sectionSize(0), 233);

        // Saved before any rows came: the order and hidden columns come back, the widths are
        // fitted to the first rows.
        auto *empty = new QSortFilterProxyModel(this);
        empty->setSourceModel(makeModel(empty, {}));
        QTableView unfitted;
        unfitted.setModel(empty);
        TableTools early(&unfitted, QStringLiteral("early"), QStringLiteral("x.csv"));
        early.setColumnVisible(2, false);
        early.saveState();
        QTableView later;
        later.setModel(empty);
        TableTools restored(&later, QStringLiteral("early"), QStringLiteral("x.csv"));
        QVERIFY(restored.restoreState());
        QVERIFY(later.horizontalHeader()->isSectionHidden(2));
        later.horizontalHeader()->resizeSection(0, 10);
        static_cast<QStandardItemModel *>(empty->sourceModel())
            ->appendRow({ new QStandardItem(QStringLiteral("job-name-needing-room")),
                new QStandardItem(), new QStandardItem() });
        QVERIFY(later.horizontalHeader()->sectionSize(0) > 10);
        later.setModel(nullptr);
        unfitted.setModel(nullptr);
        delete empty;

        QTableView other;
        other.setModel(m_proxy);
        TableTools fresh(&other, QStringLiteral("never-saved"), QStringLiteral("x.csv"));
        QVERIFY(!fresh.restoreState());
    }

    void treesKeepTheirBranchColumnAndWaitForColumns()
    {
        // A tenant tree: the columns (one per accelerator model) come with the data.
        QStandardItemModel model(0, 1);
        model.setHorizontalHeaderLabels({ QStringLiteral("Tenant") });
        QTreeView tree;
        tree.setModel(&model);
        TableTools::configure(&tree, 0, Qt::AscendingOrder);
        QVERIFY(tree.isSortingEnabled());
        auto *tools = new TableTools(&tree, QStringLiteral("tree"), QStringLiteral("tree.csv"));
        const auto addColumns = [&model] {
            model.setColumnCount(3);
            model.setHorizontalHeaderLabels(
                { QStringLiteral("Tenant"), QStringLiteral("H100"), QStringLiteral("910B") });
        };
        addColumns();
        auto *tenant = new QStandardItem(QStringLiteral("galaxy"));
        tenant->setData(QStringLiteral("galaxy"), KeyRole);
        tenant->appendRow(new QStandardItem(QStringLiteral("llm")));
        model.appendRow({ tenant, new QStandardItem(QStringLiteral("64")),
            new QStandardItem(QStringLiteral("8")) });
        tree.expandAll();

        // The first column holds the branches: the chooser offers it disabled and keeps it.
        std::unique_ptr<QMenu> menu(tools->columnMenu(nullptr));
        QVERIFY(!menu->actions().at(0)->isEnabled());
        QVERIFY(menu->actions().at(1)->isEnabled());
        tools->setColumnVisible(0, false);
        QVERIFY(!tree.header()->isSectionHidden(0));
        tools->setColumnVisible(2, false);
        QVERIFY(tree.header()->isSectionHidden(2));

        // Copy and CSV cover the tree's rows, children under their parents.
        tree.selectionModel()->select(
            model.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(tools->selectionText(), QStringLiteral("Tenant\tH100\ngalaxy\t64"));
        QTemporaryDir dir;
        QString error;
        QVERIFY2(tools->exportTo(dir.filePath(QStringLiteral("t.csv")), &error), qPrintable(error));
        QFile file(dir.filePath(QStringLiteral("t.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(),
            QByteArray("\xEF\xBB\xBF"
                       "Tenant,H100\r\n"
                       "galaxy,64\r\n"
                       "llm,\r\n"));
        tools->saveState();
        delete tools;

        // The next run: the saved header waits until the model's columns have come.
        QStandardItemModel later(0, 1);
        QTreeView again;
        again.setModel(&later);
        TableTools restored(&again, QStringLiteral("tree"), QStringLiteral("tree.csv"));
        QVERIFY(!restored.restoreState());
        QCOMPARE(again.header()->count(), 1);
        later.setColumnCount(3);
        QVERIFY(again.header()->isSectionHidden(2));
        QVERIFY(!again.header()->isSectionHidden(1));
    }

    void selectionSurvivesAReset()
    {
        m_tools->setSelectedKeys({ QStringLiteral("job-b"), QStringLiteral("job-d, \"big\"") });
        QSignalSpy restored(m_tools, &TableTools::selectionRestored);
        // A snapshot: the same jobs in another order, plus a new one.
        QList<QStringList> rows = kRows;
        std::reverse(rows.begin(), rows.end());
        rows.append({ QStringLiteral("job-e"), QStringLiteral("infer"), QStringLiteral("1") });
        auto *old = m_proxy->sourceModel();
        m_proxy->setSourceModel(makeModel(m_proxy, rows));
        delete old;
        QCOMPARE(restored.count(), 1);
        QCOMPARE(m_tools->selectedKeys(),
            (QStringList { QStringLiteral("job-d, \"big\""), QStringLiteral("job-b") }));
    }

    void columnsFitTheFirstData()
    {
        auto *empty = new QSortFilterProxyModel(this);
        empty->setSourceModel(makeModel(empty, {}));
        QTableView table;
        table.setModel(empty);
        TableTools tools(&table, QStringLiteral("fit"), QStringLiteral("fit.csv"));
        QHeaderView *header = table.horizontalHeader();
        header->resizeSection(0, 20);
        const int unfitted = header->sectionSize(0);
        auto *source = static_cast<QStandardItemModel *>(empty->sourceModel());
        const QString name = QStringLiteral("job-name-needing-room");
        // One summary far too long to show whole: its column stops at a readable width.
        const QString summary = QString(300, u'x');
        source->appendRow({ new QStandardItem(name), new QStandardItem(summary),
            new QStandardItem(QStringLiteral("1")) });
        // Rows that come while the table is hidden (a page not on show) are fitted when it shows:
        // fitted while hidden, they would be fitted to nothing.
        QCOMPARE(header->sectionSize(0), unfitted);
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        QVERIFY(header->sectionSize(0) >= table.fontMetrics().horizontalAdvance(name));
        QVERIFY(header->sectionSize(1) < table.fontMetrics().horizontalAdvance(summary) / 2);
        QVERIFY(header->sectionSize(1) >= table.fontMetrics().averageCharWidth() * 30);
        // Later rows do not resize what the user may have set.
        header->resizeSection(0, 50);
        source->appendRow(
            { new QStandardItem(name + name), new QStandardItem(), new QStandardItem() });
        QCOMPARE(header->sectionSize(0), 50);
        delete empty;
    }

    void freeTextColumnsShareTheSpareWidth()
    {
        // Name, summary (free text) and an "acknowledged by" that is mostly empty, last.
        QStandardItemModel model(0, 3);
        model.setHorizontalHeaderLabels({ QStringLiteral("Target"), QStringLiteral("Summary"),
            QStringLiteral("Acknowledged by") });
        QTableView table;
        table.setModel(&model);
        table.resize(1400, 300);
        TableTools tools(&table, QStringLiteral("freeText"), QStringLiteral("free.csv"));
        TableTools::configure(&table);
        tools.setColumnRoles(0, { 1 });
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        // A name longer than any other column may grow: the key column still shows it whole.
        const QString name = QString(60, u'n');
        model.appendRow({ new QStandardItem(name),
            new QStandardItem(QStringLiteral("XID 79: GPU fell off the bus")),
            new QStandardItem() });
        QHeaderView *header = table.horizontalHeader();
        QVERIFY(header->sectionSize(0) >= table.fontMetrics().horizontalAdvance(name));
        // The short column fits its header; the summary takes the rest of the width.
        QVERIFY2(header->sectionSize(2) <= header->sectionSizeHint(2) + 4,
            qPrintable(QString::number(header->sectionSize(2))));
        QVERIFY(header->sectionSize(1) > header->sectionSize(2));
        const int used = header->sectionSize(0) + header->sectionSize(1) + header->sectionSize(2);
        QVERIFY2(used >= table.viewport()->width() - 2,
            qPrintable(QStringLiteral("%1 of %2").arg(used).arg(table.viewport()->width())));
        // A wider window widens the summary, not the last column.
        const int summary = header->sectionSize(1);
        const int last = header->sectionSize(2);
        table.resize(1800, 300);
        QTRY_VERIFY(header->sectionSize(1) > summary);
        QCOMPARE(header->sectionSize(2), last);
    }

    void keyColumnIsNotCutByKeptWidths()
    {
        QSettings().remove(QStringLiteral("kept"));
        const QString name = QStringLiteral("wh-r0001-n01-with-a-long-name");
        {
            // A run whose names column was left narrow.
            QStandardItemModel model(0, 3);
            QTableView table;
            table.setModel(&model);
            TableTools tools(&table, QStringLiteral("kept"), QStringLiteral("kept.csv"));
            table.show();
            QVERIFY(QTest::qWaitForWindowExposed(&table));
            model.appendRow({ new QStandardItem(name), new QStandardItem(), new QStandardItem() });
            table.horizontalHeader()->resizeSection(0, 15);
            table.horizontalHeader()->resizeSection(1, 77);
            tools.saveState();
        }
        // The next run restores the widths before its rows come.
        QStandardItemModel model(0, 3);
        QTableView table;
        table.setModel(&model);
        TableTools tools(&table, QStringLiteral("kept"), QStringLiteral("kept.csv"));
        QVERIFY(tools.restoreState());
        table.show();
        QVERIFY(QTest::qWaitForWindowExposed(&table));
        QVERIFY(
            table.horizontalHeader()->sectionSize(0) < table.fontMetrics().horizontalAdvance(name));
        model.appendRow({ new QStandardItem(name), new QStandardItem(), new QStandardItem() });
        QVERIFY(table.horizontalHeader()->sectionSize(0)
            >= table.fontMetrics().horizontalAdvance(name));
        // The other kept widths stay the user's.
        QCOMPARE(table.horizontalHeader()->sectionSize(1), 77);
    }

private:
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    TableTools *m_tools = nullptr;
};

QTEST_MAIN(TestTableTools)
#include "tst_tabletools.moc"
