// The console's tables against real gateways, offscreen: each centre keeps its own filters across
// a restart, a filter says how many rows it keeps and, when it keeps none, offers to clear it;
// the nodes table shows why a node is out of service and since when; and after a restart the key
// column is fitted to the names that arrive, not to the empty table. The heatmap follows the
// filter: what the filter hides is faded and never highlighted, and a wrong filter neither moves
// the heatmap nor leaves doubt about which rows are shown.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeTableModel.h"
#include "app/pages/FilterBar.h"
#include "app/pages/NodesPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/RackHeatmap.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

using namespace suanli;

namespace {
const std::vector<std::string> kCentre
    = { "--sim-nodes", "64", "--sim-jobs", "100", "--tick", "0.2" };

// The centre's Nodes page built and filled but not shown: its nodes held as a dialog holds them.
app::NodesPage *unshownNodesOf(app::MainWindow &window, client::Connection *centre)
{
    // Held until the centre goes, as often as asked: the count only keeps it watched.
    centre->acquire(client::Connection::Collection::Nodes);
    return qobject_cast<app::NodesPage *>(window.page(centre, QStringLiteral("NodesPage")));
}

// The centre's Nodes page, shown (its nodes are watched while it is).
app::NodesPage *nodesOf(app::MainWindow &window, client::Connection *centre)
{
    window.showPage(centre, QStringLiteral("NodesPage"));
    return qobject_cast<app::NodesPage *>(window.page(centre, QStringLiteral("NodesPage")));
}

// Drains `name` at the gateway itself, with `reason`.
bool drainAtGateway(const test::GatewayProcess &gateway, const std::string &token,
    const std::string &name, const std::string &reason)
{
    auto stub = v1::Cluster::NewStub(gateway.channel());
    v1::DrainNodesRequest request;
    request.add_names(name);
    request.set_reason(reason);
    v1::NodeActionResponse response;
    auto ctx = test::GatewayProcess::context(token);
    return stub->DrainNodes(ctx.get(), request, &response).ok();
}

// The proxy row of the node named `name`, or -1.
int rowOf(const QAbstractItemModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row, 0).data(app::KeyRole).toString() == name)
            return row;
    return -1;
}
} // namespace

class TablesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filtersAreKeptPerCentreAndCountWhatTheyKeep();
    void nodesShowTheirReasonAndSince();
    void keyColumnFitsTheNamesThatArriveAfterARestart();
    void heatmapFollowsTheFilter();
    void aPageNeverShownKeepsNoWidths();

private:
    std::unique_ptr<test::GatewayProcess> m_lingang;
    std::unique_ptr<test::GatewayProcess> m_wuhan;
    std::string m_lingangToken;
    std::string m_wuhanToken;
};

void TablesTest::initTestCase()
{
    QSettings().clear();
    m_lingang = std::make_unique<test::GatewayProcess>(kCentre);
    QVERIFY2(m_lingang->start(), m_lingang->error().c_str());
    m_wuhan = std::make_unique<test::GatewayProcess>(kCentre);
    QVERIFY2(m_wuhan->start(), m_wuhan->error().c_str());
    m_lingangToken = m_lingang->addUser("ops", "operator");
    m_wuhanToken = m_wuhan->addUser("ops", "operator");
}

void TablesTest::filtersAreKeptPerCentreAndCountWhatTheyKeep()
{
    const QString nothing = QStringLiteral("name:no-such-node");
    // A centre's name with a '/', which settings keys read as a group.
    const QString lingangName = QStringLiteral("Lingang/East");
    {
        app::Federation federation;
        app::MainWindow window(&federation);
        auto *lingang = federation.addCentre(profileFor(*m_lingang, m_lingangToken, lingangName));
        auto *wuhan
            = federation.addCentre(profileFor(*m_wuhan, m_wuhanToken, QStringLiteral("Wuhan")));
        window.show();
        auto *lingangNodes = nodesOf(window, lingang);
        auto *wuhanNodes = nodesOf(window, wuhan);
        QVERIFY(window.showPage(lingang, QStringLiteral("NodesPage")));
        QTRY_COMPARE_WITH_TIMEOUT(lingangNodes->table()->model()->rowCount(), 64, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(wuhanNodes->table()->model()->rowCount(), 64, 30000);
        // No filter, no count.
        QCOMPARE(lingangNodes->filterBar()->countText(), QString());

        // One rack: a few of the 64 rows, counted.
        const QString rack = lingangNodes->table()
                                 ->model()
                                 ->index(0, app::NodeTableModel::RackColumn)
                                 .data()
                                 .toString();
        lingangNodes->setFilterText(QStringLiteral("rack:") + rack);
        const int kept = lingangNodes->table()->model()->rowCount();
        QVERIFY(kept > 0 && kept < 64);
        QCOMPARE(
            lingangNodes->filterBar()->countText(), QStringLiteral("%1 of 64 match").arg(kept));
        QVERIFY(!lingangNodes->filterBar()->noMatchNotice()->isVisibleTo(
            lingangNodes->table()->viewport()));

        // Nothing matches: said over the table, with a way out.
        lingangNodes->setFilterText(nothing);
        QCOMPARE(lingangNodes->table()->model()->rowCount(), 0);
        QCOMPARE(lingangNodes->filterBar()->countText(), QStringLiteral("0 of 64 match"));
        QWidget *notice = lingangNodes->filterBar()->noMatchNotice();
        QVERIFY(notice->isVisibleTo(lingangNodes->table()->viewport()));
        QVERIFY(notice->findChild<QLabel *>()->text().contains(
            QStringLiteral("No node matches the filter")));

        // The other centre's nodes are untouched.
        QCOMPARE(wuhanNodes->table()->model()->rowCount(), 64);
        QCOMPARE(wuhanNodes->filterBar()->text(), QString());
        QCOMPARE(wuhanNodes->filterBar()->countText(), QString());
        window.close();
    }

    // A restart: each centre's filter comes back to its own table only.
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *wuhan = federation.addCentre(profileFor(*m_wuhan, m_wuhanToken, QStringLiteral("Wuhan")));
    auto *lingang = federation.addCentre(profileFor(*m_lingang, m_lingangToken, lingangName));
    window.show();
    auto *lingangNodes = nodesOf(window, lingang);
    auto *wuhanNodes = nodesOf(window, wuhan);
    QTRY_COMPARE_WITH_TIMEOUT(wuhanNodes->table()->model()->rowCount(), 64, 30000);
    QCOMPARE(wuhanNodes->filterBar()->text(), QString());
    QCOMPARE(lingangNodes->filterBar()->text(), nothing);
    QTRY_COMPARE_WITH_TIMEOUT(lingang->site()->nodes().items.size(), 64, 30000);
    QCOMPARE(lingangNodes->table()->model()->rowCount(), 0);
    QWidget *notice = lingangNodes->filterBar()->noMatchNotice();
    QTRY_VERIFY(notice->isVisibleTo(lingangNodes->table()->viewport()));

    // Clear empties the filter and brings every row back.
    auto *clear = notice->findChild<QPushButton *>(QStringLiteral("ClearFilterButton"));
    QVERIFY(clear);
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(lingangNodes->filterBar()->text(), QString());
    QCOMPARE(lingangNodes->table()->model()->rowCount(), 64);
    QVERIFY(!notice->isVisibleTo(lingangNodes->table()->viewport()));
    QCOMPARE(lingangNodes->filterBar()->countText(), QString());
    window.close();
}

void TablesTest::nodesShowTheirReasonAndSince()
{
    QSettings().clear();
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(*m_lingang, m_lingangToken));
    window.show();
    auto *nodes = nodesOf(window, centre);
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 30000);
    const QString target = nodes->table()->model()->index(5, 0).data(app::KeyRole).toString();
    QVERIFY(drainAtGateway(*m_lingang, m_lingangToken, target.toStdString(), "replace PSU"));

    const QAbstractItemModel *model = nodes->table()->model();
    const auto reasonOf = [&] {
        const int row = rowOf(model, target);
        return row < 0 ? QString()
                       : model->index(row, app::NodeTableModel::ReasonColumn).data().toString();
    };
    QTRY_COMPARE_WITH_TIMEOUT(reasonOf(), QStringLiteral("replace PSU"), 15000);
    const int row = rowOf(model, target);
    QVERIFY(!model->index(row, app::NodeTableModel::SinceColumn).data().toString().isEmpty());
    QCOMPARE(model->headerData(app::NodeTableModel::ReasonColumn, Qt::Horizontal).toString(),
        QStringLiteral("Reason"));
    QVERIFY(
        !nodes->table()->horizontalHeader()->isSectionHidden(app::NodeTableModel::ReasonColumn));
    // The filter language finds it by its reason too.
    nodes->setFilterText(QStringLiteral("reason:\"replace PSU\""));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 0).data(app::KeyRole).toString(), target);
    nodes->setFilterText({});
    window.close();
}

void TablesTest::keyColumnFitsTheNamesThatArriveAfterARestart()
{
    QSettings().clear();
    const QString name = QStringLiteral("Lingang");
    {
        // Widths kept from a run where the names column ended up too narrow for its names.
        app::Federation federation;
        app::MainWindow window(&federation);
        auto *centre = federation.addCentre(profileFor(*m_lingang, m_lingangToken, name));
        window.show();
        auto *nodes = nodesOf(window, centre);
        QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 30000);
        nodes->table()->horizontalHeader()->resizeSection(app::NodeTableModel::NameColumn, 12);
        window.close();
    }
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(*m_lingang, m_lingangToken, name));
    window.show();
    auto *nodes = nodesOf(window, centre);
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    // Restored before any row came: the table is empty.
    QCOMPARE(nodes->table()->model()->rowCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 30000);
    QTableView *table = nodes->table();
    const int needed = static_cast<QAbstractItemView *>(table)->sizeHintForColumn(
        app::NodeTableModel::NameColumn);
    QVERIFY(needed > 12);
    QTRY_VERIFY(table->horizontalHeader()->sectionSize(app::NodeTableModel::NameColumn) >= needed);
    window.close();
}

void TablesTest::heatmapFollowsTheFilter()
{
    QSettings().clear();
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(*m_lingang, m_lingangToken));
    window.resize(1400, 900);
    window.show();
    auto *nodes = nodesOf(window, centre);
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 30000);
    widgets::RackHeatmap *heatmap = nodes->heatmap();
    QTRY_COMPARE(heatmap->nodeCount(), 64);

    // Two nodes of different racks selected; then a filter keeps only the first one's rack.
    const QAbstractItemModel *model = nodes->table()->model();
    const QString first = model->index(0, 0).data(app::KeyRole).toString();
    const QString firstRack = heatmap->node(first).rack;
    QString other;
    for (int row = 0; row < model->rowCount() && other.isEmpty(); ++row) {
        const QString name = model->index(row, 0).data(app::KeyRole).toString();
        if (heatmap->node(name).rack != firstRack)
            other = name;
    }
    QVERIFY(!other.isEmpty());
    nodes->setSelectedNames({ first, other });
    QCOMPARE(heatmap->selectedNames().size(), 2);
    const QRect before = heatmap->cellRect(other);
    QVERIFY(!before.isEmpty());

    nodes->setFilterText(QStringLiteral("rack:") + firstRack);
    // Every node stays in the heatmap, in its place; the hidden ones are faded and unselected.
    QCOMPARE(heatmap->nodeCount(), 64);
    QCOMPARE(heatmap->cellRect(other), before);
    QVERIFY(heatmap->node(other).dimmed);
    QVERIFY(heatmap->node(other).tooltip.contains(QStringLiteral("Hidden by the filter")));
    QVERIFY(!heatmap->node(first).dimmed);
    QCOMPARE(heatmap->selectedNames(), QStringList { first });
    QCOMPARE(nodes->selectedNames(), QStringList { first });
    // A hidden node cannot be selected from the heatmap.
    heatmap->setSelectedNames({ other });
    QCOMPARE(heatmap->selectedNames(), QStringList());

    // A wrong filter: the heatmap and table keep their place, and the note says which rows these
    // are.
    const int heatmapTop = heatmap->mapTo(&window, QPoint()).y();
    const int tableTop = nodes->table()->mapTo(&window, QPoint()).y();
    nodes->setFilterText(QStringLiteral("rack:") + firstRack + QStringLiteral(" stat:idle"));
    QVERIFY(nodes->filterBar()->hasError());
    QLabel *note = nodes->filterBar()->errorNote();
    QTRY_VERIFY(note->isVisible());
    QVERIFY(note->text().contains(QStringLiteral("last valid filter: rack:") + firstRack));
    QCoreApplication::processEvents();
    QCOMPARE(heatmap->mapTo(&window, QPoint()).y(), heatmapTop);
    QCOMPARE(nodes->table()->mapTo(&window, QPoint()).y(), tableTop);
    QVERIFY(heatmap->node(other).dimmed);
    // The note lies just under the filter line, over the page.
    QVERIFY(note->geometry().top() >= nodes->filterBar()->edit()->mapTo(nodes, QPoint()).y());

    // Fixed: the note goes and every node is shown again.
    nodes->setFilterText(QString());
    QVERIFY(!note->isVisible());
    QVERIFY(!heatmap->node(other).dimmed);
    window.close();
}

void TablesTest::aPageNeverShownKeepsNoWidths()
{
    // Two centres, the nodes page of one on show: the other's table of the same kind, never
    // shown, neither fits its columns to nothing nor overwrites the kept widths on leaving.
    QSettings().clear();
    const auto start = [&](app::Federation &federation, app::MainWindow &window) {
        auto *lingang = federation.addCentre(
            profileFor(*m_lingang, m_lingangToken, QStringLiteral("Lingang")));
        auto *wuhan
            = federation.addCentre(profileFor(*m_wuhan, m_wuhanToken, QStringLiteral("Wuhan")));
        window.resize(1400, 900);
        window.show();
        return std::pair { lingang, wuhan };
    };
    const auto uncut = [](QTableView *table) {
        for (int column :
            { int(app::NodeTableModel::NameColumn), int(app::NodeTableModel::RackColumn),
                int(app::NodeTableModel::AcceleratorsColumn) }) {
            const int needed = static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column);
            const int width = table->horizontalHeader()->sectionSize(column);
            if (width < needed) {
                qWarning("column %d is %d px wide, its content needs %d", column, width, needed);
                return false;
            }
        }
        return true;
    };
    {
        app::Federation federation;
        app::MainWindow window(&federation);
        auto [lingang, wuhan] = start(federation, window);
        auto *lingangNodes = nodesOf(window, lingang);
        QVERIFY(window.showPage(lingang, QStringLiteral("NodesPage")));
        QTRY_COMPARE_WITH_TIMEOUT(lingangNodes->table()->model()->rowCount(), 64, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            unshownNodesOf(window, wuhan)->table()->model()->rowCount(), 64, 30000);
        QTRY_VERIFY(uncut(lingangNodes->table()));
        // The user widens a column of the table on show.
        lingangNodes->table()->horizontalHeader()->resizeSection(
            app::NodeTableModel::RackColumn, 173);
        window.close();
    }
    app::Federation federation;
    app::MainWindow window(&federation);
    auto [lingang, wuhan] = start(federation, window);
    auto *lingangNodes = nodesOf(window, lingang);
    QVERIFY(window.showPage(lingang, QStringLiteral("NodesPage")));
    QTRY_COMPARE_WITH_TIMEOUT(lingangNodes->table()->model()->rowCount(), 64, 30000);
    QTRY_VERIFY(uncut(lingangNodes->table()));
    // The user's width came back, not the never-shown table's.
    QCOMPARE(
        lingangNodes->table()->horizontalHeader()->sectionSize(app::NodeTableModel::RackColumn),
        173);
    // The other centre's page, shown for the first time now its rows are in.
    auto *wuhanNodes = unshownNodesOf(window, wuhan);
    QTRY_COMPARE_WITH_TIMEOUT(wuhanNodes->table()->model()->rowCount(), 64, 30000);
    QVERIFY(window.showPage(wuhan, QStringLiteral("NodesPage")));
    QTRY_VERIFY(uncut(wuhanNodes->table()));
    window.close();
}

QTEST_MAIN(TablesTest)
#include "tst_tables.moc"
