#include "app/models/NodeTableModel.h"
#include "app/models/TableProxyModel.h"
#include "app/models/TenantTreeModel.h"
#include "app/pages/CsvExport.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QHeaderView>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QtTest>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

namespace {

v1::Node withQueues(v1::Node n, const QStringList &queues)
{
    n.clear_queues();
    for (const QString &q : queues)
        n.add_queues(str(q));
    return n;
}

} // namespace

// CsvExport: what a view shows, as CSV bytes and as copied text.
class TestCsvExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void exportsFilteredSortedVisibleColumns();
    void writesTheSameBytesToAFile();
    void copiesTheSelectionAsTabSeparatedText();
    void treeExportFollowsExpandedRows();

private:
    std::unique_ptr<client::SiteState> m_site;
    std::unique_ptr<NodeTableModel> m_model;
    std::unique_ptr<TableProxyModel> m_proxy;
    std::unique_ptr<QTableView> m_view;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestCsvExport::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestCsvExport::init()
{
    m_site = std::make_unique<client::SiteState>();
    Feeder feed(m_site.get());
    feed.nodes(true,
        { withQueues(node(u"n1"_qs, v1::NODE_STATE_IDLE, 12.5, 950), { u"gpu"_qs }),
            withQueues(
                node(u"n2"_qs, v1::NODE_STATE_MIXED, 97.34, 5600), { u"gpu"_qs, u"训练"_qs }),
            node(u"n3"_qs, v1::NODE_STATE_DRAINED, 1, 3000),
            withQueues(node(u"n4"_qs, v1::NODE_STATE_IDLE, 0, 0, false), { u"=SUM(A1)"_qs }),
            withQueues(node(u"n5"_qs, v1::NODE_STATE_MIXED, 50, 12000), { u"say \"hi\""_qs }) });
    m_model = std::make_unique<NodeTableModel>(m_site.get());
    m_proxy = std::make_unique<TableProxyModel>(nodeFields());
    m_proxy->setSourceModel(m_model.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(
        m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_proxy->filter()->setText(u"state:idle,mixed"_qs);
    m_proxy->sort(NodeTableModel::PowerColumn, Qt::DescendingOrder);

    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_proxy.get());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int column : { NodeTableModel::RackColumn, NodeTableModel::AcceleratorsColumn,
             NodeTableModel::AllocatedColumn, NodeTableModel::MemoryColumn,
             NodeTableModel::TemperatureColumn, NodeTableModel::JobsColumn,
             NodeTableModel::SinceColumn, NodeTableModel::ReasonColumn })
        m_view->hideColumn(column);
    // The user dragged Power next to the name.
    QHeaderView *header = m_view->horizontalHeader();
    header->moveSection(header->visualIndex(NodeTableModel::PowerColumn), 1);
}

void TestCsvExport::cleanup()
{
    m_view.reset();
    m_proxyTester.reset();
    m_tester.reset();
    m_proxy.reset();
    m_model.reset();
    m_site.reset();
}

void TestCsvExport::exportsFilteredSortedVisibleColumns()
{
    QCOMPARE(CsvExport::visibleColumns(m_view->horizontalHeader()),
        (QList<int> { NodeTableModel::NameColumn, NodeTableModel::PowerColumn,
            NodeTableModel::StateColumn, NodeTableModel::UtilisationColumn,
            NodeTableModel::QueuesColumn }));

    const QByteArray expected = QByteArray("\xEF\xBB\xBF")
        + "Node,Power,State,Utilisation,Queues\r\n"
          "n5,12.0 kW,mixed,50.0 %,\"say \"\"hi\"\"\"\r\n"
        + QStringLiteral(u"n2,5.6 kW,mixed,97.3 %,\"gpu, 训练\"\r\n").toUtf8()
        + "n1,950 W,idle,12.5 %,gpu\r\n" + QStringLiteral(u"n4,—,idle,—,'=SUM(A1)\r\n").toUtf8();
    const QByteArray csv = CsvExport::toCsv(m_view.get());
    QCOMPARE(csv, expected);
}

void TestCsvExport::writesTheSameBytesToAFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"nodes.csv"_qs);
    QString error;
    QVERIFY(CsvExport::writeCsv(m_view.get(), path, &error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), CsvExport::toCsv(m_view.get()));

    QVERIFY(!CsvExport::writeCsv(m_view.get(), dir.filePath(u"missing/nodes.csv"_qs), &error));
    QVERIFY(!error.isEmpty());
}

void TestCsvExport::copiesTheSelectionAsTabSeparatedText()
{
    QItemSelectionModel *selection = m_view->selectionModel();
    selection->select(
        m_proxy->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection->select(
        m_proxy->index(0, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(CsvExport::selectionAsText(m_view.get()),
        u"n5\t12.0 kW\tmixed\t50.0 %\tsay \"hi\"\nn1\t950 W\tidle\t12.5 %\tgpu"_qs);

    // Single cells: only those, in visual order.
    selection->clearSelection();
    selection->select(m_proxy->index(1, NodeTableModel::StateColumn), QItemSelectionModel::Select);
    selection->select(m_proxy->index(1, NodeTableModel::PowerColumn), QItemSelectionModel::Select);
    QCOMPARE(CsvExport::selectionAsText(m_view.get()), u"5.6 kW\tmixed"_qs);

    CsvExport::copySelectionAsText(m_view.get());
    QCOMPARE(QGuiApplication::clipboard()->text(), u"5.6 kW\tmixed"_qs);
}

void TestCsvExport::treeExportFollowsExpandedRows()
{
    client::SiteState site;
    Feeder feed(&site);
    v1::Tenant galaxy;
    galaxy.set_id("galaxy");
    galaxy.set_name("Galaxy, Inc.");
    galaxy.add_projects()->set_id("galaxy-llm");
    v1::Tenant nebula;
    nebula.set_id("nebula");
    nebula.set_name("Nebula");
    nebula.add_projects()->set_id("nebula-rec");
    feed.tenants(true, { galaxy, nebula });
    TenantTreeModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTreeView view;
    view.setModel(&model);
    view.expand(model.index(0, 0));

    const QByteArray expected = QByteArray("\xEF\xBB\xBF")
        + "Tenant / project\r\n"
          "\"Galaxy, Inc.\"\r\n"
          "galaxy-llm\r\n"
          "Nebula\r\n";
    QCOMPARE(CsvExport::toCsv(&view), expected);
}

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
