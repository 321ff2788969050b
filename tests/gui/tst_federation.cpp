// The Federation page against two real gateways, offscreen: each centre's
// column shows what its gateway's overview says, Total is their sum, a stopped
// gateway's column turns stale and the totals say so, clicking a centre opens
// its overview, and removing a centre removes its column and pages.
#include "app/Federation.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/NotificationBar.h"
#include "app/charts/FederationEnergyChart.h"
#include "app/models/FederationModel.h"
#include "app/models/FederationProxyModel.h"
#include "app/models/FederationTableModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/Words.h"
#include "app/pages/FederationPage.h"
#include "app/pages/JobsPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace suanli;
using Figure = app::FederationModel::Figure;

namespace {
// A frozen simulation (speed 0), so the gateway's overview holds still while it is compared.
std::vector<std::string> centreArgs(const std::string &site, const std::string &nodes)
{
    return { "--sim-site", site, "--sim-nodes", nodes, "--sim-jobs", "150", "--sim-speed", "0",
        "--tick", "0.2" };
}

double counts(const v1::Overview &o, const QString &model, Figure figure)
{
    double sum = 0;
    for (const auto &c : o.accelerators()) {
        if (app::Words::modelName(c.model(), c.model_name()) != model)
            continue;
        sum += figure == Figure::AcceleratorsTotal      ? c.total()
            : figure == Figure::AcceleratorsInUse       ? c.in_use()
            : figure == Figure::AcceleratorsFree        ? c.free()
            : figure == Figure::AcceleratorsUnavailable ? c.unavailable()
                                                        : c.down();
    }
    return sum;
}

QStringList models(const v1::Overview &o)
{
    QStringList out;
    for (const auto &c : o.accelerators())
        out.append(app::Words::modelName(c.model(), c.model_name()));
    return out;
}

// Where the page's column differs from the gateway's overview, in words; empty when equal.
QString mismatch(const app::FederationModel &model, int column, const v1::Overview &o)
{
    QStringList wrong;
    auto check = [&](const char *what, std::optional<double> shown, double expected) {
        if (!shown || std::abs(*shown - expected) > 1e-6 * std::max(1.0, std::abs(expected)))
            wrong.append(QStringLiteral("%1: shown %2, gateway %3")
                             .arg(QLatin1String(what))
                             .arg(shown ? QString::number(*shown) : QStringLiteral("nothing"))
                             .arg(expected));
    };
    for (const QString &m : models(o))
        for (Figure f :
            { Figure::AcceleratorsTotal, Figure::AcceleratorsInUse, Figure::AcceleratorsFree,
                Figure::AcceleratorsDown, Figure::AcceleratorsUnavailable })
            check(qPrintable(m), model.value(column, f, m), counts(o, m, f));
    check("running", model.value(column, Figure::JobsRunning), double(o.jobs_running()));
    check("pending", model.value(column, Figure::JobsPending), double(o.jobs_pending()));
    check("utilisation", model.value(column, Figure::Utilisation), o.utilisation_percent());
    check("it power", model.value(column, Figure::ItPower), o.it_power_watts());
    check("facility power", model.value(column, Figure::FacilityPower), o.facility_power_watts());
    check("pue", model.value(column, Figure::Pue), o.pue());
    check("carbon", model.value(column, Figure::Carbon), o.emissions_kg_per_hour());
    return wrong.join(QStringLiteral("; "));
}

QString cell(const app::FederationModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

qint64 number(const QString &text)
{
    bool ok = false;
    const qint64 n = QLocale().toLongLong(text, &ok);
    return ok ? n : -1;
}
} // namespace

class FederationTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsFollowEachGatewayAndTotalSums();
    void fingerprintGivenWithTheProfileDecidesTrust();
    void drainedAcceleratorsMakeTheTotalsAddUp();
    void theSameGatewayIsNotConnectedTwice();
    void aCentreNamedAsItsGatewayIsShownInChinese();
    void theLanguageSwitchesWhileConnected();
};

void FederationTest::columnsFollowEachGatewayAndTotalSums()
{
    test::GatewayProcess lingang(centreArgs("lingang", "40"));
    test::GatewayProcess wuhan(centreArgs("wuhan", "24"));
    QVERIFY2(lingang.start(), lingang.error().c_str());
    QVERIFY2(wuhan.start(), wuhan.error().c_str());
    const std::string tokenA = lingang.addUser("wall", "viewer");
    const std::string tokenB = wuhan.addUser("wall", "viewer");

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    auto *a = federation.addCentre(profileFor(lingang, tokenA, QStringLiteral("Lingang")));
    auto *b = federation.addCentre(profileFor(wuhan, tokenB, QStringLiteral("Wuhan")));
    auto *page = window.federationPage();
    auto &model = *page->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.showFederation();
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(
        model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Lingang"));
    QCOMPARE(
        model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Wuhan"));

    QTRY_COMPARE_WITH_TIMEOUT(model.liveCentres(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(a->site()->overview().accelerators_size() > 0
            && b->site()->overview().accelerators_size() > 0,
        15000);
    const auto oa = overviewAt(lingang, tokenA);
    const auto ob = overviewAt(wuhan, tokenB);
    QVERIFY(oa.nodes_total() == 40 && ob.nodes_total() == 24);
    // Each column is its gateway's overview (the stream catches up with what GetOverview says).
    QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, 0, overviewAt(lingang, tokenA)), QString(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, 1, overviewAt(wuhan, tokenB)), QString(), 10000);
    // The Total pinned under the rows has every column exactly under the table's.
    {
        auto *table = page->findChild<QTreeView *>(QStringLiteral("FederationTable"));
        auto *pinned = page->findChild<QTreeView *>(QStringLiteral("FederationTotal"));
        QVERIFY(table && pinned);
        QCOMPARE(pinned->model()->columnCount(), table->model()->columnCount());
        for (int column = 0; column < table->model()->columnCount(); ++column)
            QCOMPARE(pinned->columnWidth(column), table->columnWidth(column));
    }

    // Total: sums, utilisation weighted by usable accelerators, PUE as facility over IT power.
    const int total = model.totalColumn();
    QCOMPARE(model.headerData(total, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Total"));
    QStringList all = models(oa) + models(ob);
    all.removeDuplicates();
    QCOMPARE(model.acceleratorModels().size(), all.size());
    qint64 inUse = 0;
    for (const QString &m : all) {
        for (Figure f :
            { Figure::AcceleratorsTotal, Figure::AcceleratorsInUse, Figure::AcceleratorsFree,
                Figure::AcceleratorsDown, Figure::AcceleratorsUnavailable }) {
            const double sum = counts(oa, m, f) + counts(ob, m, f);
            QCOMPARE(model.value(total, f, m).value_or(-1), sum);
            QCOMPARE(cell(model, model.rowOf(f, m), total), QLocale().toString(qint64(sum)));
        }
        inUse += qint64(
            counts(oa, m, Figure::AcceleratorsInUse) + counts(ob, m, Figure::AcceleratorsInUse));
    }
    QCOMPARE(model.value(total, Figure::JobsRunning).value_or(-1),
        double(oa.jobs_running() + ob.jobs_running()));
    QCOMPARE(model.value(total, Figure::JobsPending).value_or(-1),
        double(oa.jobs_pending() + ob.jobs_pending()));
    QCOMPARE(model.value(total, Figure::FacilityPower).value_or(-1),
        oa.facility_power_watts() + ob.facility_power_watts());
    QCOMPARE(cell(model, model.rowOf(Figure::FacilityPower), total),
        app::Words::power(oa.facility_power_watts() + ob.facility_power_watts()));
    QVERIFY(qFuzzyCompare(model.value(total, Figure::Pue).value_or(-1),
        (oa.facility_power_watts() + ob.facility_power_watts())
            / (oa.it_power_watts() + ob.it_power_watts())));
    QVERIFY(qFuzzyCompare(model.value(total, Figure::Carbon).value_or(-1),
        oa.emissions_kg_per_hour() + ob.emissions_kg_per_hour()));
    const double util = *model.value(total, Figure::Utilisation);
    QVERIFY(util >= std::min(oa.utilisation_percent(), ob.utilisation_percent()) - 1e-9);
    QVERIFY(util <= std::max(oa.utilisation_percent(), ob.utilisation_percent()) + 1e-9);
    QCOMPARE(page->tile(QStringLiteral("InUse"))->valueText(), QLocale().toString(inUse));
    QCOMPARE(page->tile(QStringLiteral("Running"))->valueText(),
        QLocale().toString(qint64(oa.jobs_running() + ob.jobs_running())));
    QCOMPARE(cell(model, model.rowOf(Figure::Connection), 0), QStringLiteral("Live"));
    QCOMPARE(cell(model, model.rowOf(Figure::Connection), total), QStringLiteral("2 of 2 live"));

    // The table: a row per centre with its gateway's figures, in groups whose subtotals add up
    // their centres', and the Total pinned under them.
    using Column = app::FederationTableModel::Column;
    auto *rows = page->rows();
    QAbstractItemModelTester rowsTester(
        rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
    rows->refresh();
    for (const auto &[centre, o] : { std::pair(a, oa), std::pair(b, ob) }) {
        QCOMPARE(rows->indexOf(centre, Column::RunningColumn).data().toString(),
            QLocale().toString(qint64(o.jobs_running())));
        qint64 used = 0, down = 0;
        for (const auto &c : o.accelerators()) {
            used += c.in_use();
            down += c.down();
        }
        QCOMPARE(
            rows->indexOf(centre, Column::InUseColumn).data().toString(), QLocale().toString(used));
        QCOMPARE(
            rows->indexOf(centre, Column::DownColumn).data().toString(), QLocale().toString(down));
        // Its accelerator models, unfolded on demand.
        const QModelIndex row = rows->indexOf(centre);
        QCOMPARE(rows->rowCount(row), o.accelerators_size() > 0 ? int(models(o).size()) : 0);
    }
    qint64 grouped = 0;
    for (int g = 0; g < rows->rowCount(); ++g) {
        const QModelIndex group = rows->index(g, Column::RunningColumn);
        qint64 members = 0;
        for (int r = 0; r < rows->rowCount(group.siblingAtColumn(0)); ++r)
            members += rows->index(r, Column::RunningColumn, group.siblingAtColumn(0))
                           .data(app::SortRole)
                           .toLongLong();
        QCOMPARE(group.data(app::SortRole).toLongLong(), members);
        grouped += members;
    }
    QCOMPARE(grouped, qint64(oa.jobs_running() + ob.jobs_running()));
    QCOMPARE(page->totalRow()->model()->index(0, Column::RunningColumn).data().toString(),
        QLocale().toString(qint64(oa.jobs_running() + ob.jobs_running())));
    // Filtering by name leaves Wuhan alone; sorting keeps the groups in their order.
    page->filter()->setText(QStringLiteral("wuh"));
    int shown = 0;
    for (int g = 0; g < page->proxy()->rowCount(); ++g)
        shown += page->proxy()->rowCount(page->proxy()->index(g, 0));
    QCOMPARE(shown, 1);
    page->filter()->clear();
    page->table()->sortByColumn(Column::RunningColumn, Qt::DescendingOrder);
    for (int g = 1; g < page->proxy()->rowCount(); ++g)
        QVERIFY(page->proxy()->index(g - 1, 0).data(app::FederationTableModel::RankRole).toInt()
            < page->proxy()->index(g, 0).data(app::FederationTableModel::RankRole).toInt());
    // Few centres: the chart compares them all.
    QTRY_COMPARE(page->chartedCentres(), (QList<client::Connection *> { a, b }));

    // Activating a centre's row (Enter, or a double click) opens its overview.
    auto *table = page->table();
    const QModelIndex wuhanRow
        = page->proxy()->mapFromSource(rows->indexOf(b, Column::RunningColumn));
    QVERIFY(wuhanRow.isValid());
    table->setFocus();
    table->setCurrentIndex(wuhanRow);
    QTest::keyClick(table, Qt::Key_Return);
    auto *stack = window.findChild<QStackedWidget *>();
    QCOMPARE(stack->currentWidget(), window.page(b, QStringLiteral("OverviewPage")));
    window.showFederation();
    QCOMPARE(stack->currentWidget(), page);

    // Wuhan's gateway stops: its column keeps the last figures, greyed, and says why.
    QCOMPARE(wuhan.stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(model.isStale(b), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(model.liveCentres(), 1, 5000);
    const QString state = cell(model, model.rowOf(Figure::Connection), 1);
    QVERIFY2(state != QStringLiteral("Live") && !state.isEmpty(), qPrintable(state));
    const int running = model.rowOf(Figure::JobsRunning);
    QVERIFY(model.index(running, 1).data(app::StaleRole).toBool());
    QVERIFY(!model.index(running, 0).data(app::StaleRole).toBool());
    QCOMPARE(model.index(running, 1).data(Qt::ForegroundRole).value<QColor>(),
        widgets::Palette::noDataColour());
    QCOMPARE(cell(model, running, 1), QLocale().toString(qint64(ob.jobs_running())));
    QCOMPARE(model.headerData(total, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("Total (1 of 2 live)"));
    QCOMPARE(cell(model, model.rowOf(Figure::Connection), total), QStringLiteral("1 of 2 live"));
    QVERIFY(model.index(running, total)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("last known")));
    // The page takes changes in at most once a second.
    QTRY_VERIFY(page->tile(QStringLiteral("Running"))->isStale());
    // A centre that is not live needs attention: its group comes first.
    QTRY_COMPARE(rows->groupOf(b), QStringLiteral("Needs attention"));
    QCOMPARE(page->proxy()->index(0, 0).data(Qt::DisplayRole).toString(),
        QStringLiteral("Needs attention (1)"));
    QVERIFY2(page->tile(QStringLiteral("Running"))
                 ->subtitle()
                 .contains(QStringLiteral("1 of 2 centres live")),
        qPrintable(page->tile(QStringLiteral("Running"))->subtitle()));

    // Removing Wuhan removes its column, its pages and its share of the totals.
    federation.removeCentre(b);
    QCOMPARE(federation.centres().size(), 1);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.totalColumn(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, 1, overviewAt(lingang, tokenA)), QString(), 10000);
    QCOMPARE(
        model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Total"));
    QCOMPARE(window.page(b, QStringLiteral("OverviewPage")), nullptr);
    QCOMPARE(federation.centre(QStringLiteral("Wuhan")), nullptr);
    QCOMPARE(federation.centre(QStringLiteral("Lingang")), a);
}

void FederationTest::fingerprintGivenWithTheProfileDecidesTrust()
{
    test::GatewayProcess gateway(centreArgs("xian", "8"));
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("wall", "viewer");
    app::Federation federation;
    app::MainWindow window(&federation);
    // The right fingerprint, no CA file: trusted without a question, and the CA is pinned.
    auto right = profileFor(gateway, token, QStringLiteral("Right"));
    right.caPem.clear();
    right.caFingerprint = QString::fromStdString(gateway.fingerprint());
    QSignalSpy saved(&federation, &app::Federation::profileChanged);
    auto *trusted = federation.addCentre(right);
    QTRY_COMPARE_WITH_TIMEOUT(trusted->state(), client::Connection::State::Live, 30000);
    QVERIFY(!saved.isEmpty());
    const auto pinned = saved.last().at(0).value<client::ConnectionProfile>();
    QCOMPARE(pinned.caPem, QByteArray::fromStdString(gateway.caPem()));

    // Another fingerprint: blocked, and the notification says which one the gateway presents.
    // (The same gateway is connected once: the trusted one goes first.)
    federation.removeCentre(trusted);
    auto wrong = right;
    wrong.name = QStringLiteral("Wrong");
    wrong.caFingerprint = QString(right.caFingerprint).replace(0, 2, QStringLiteral("00"));
    if (wrong.caFingerprint == right.caFingerprint)
        wrong.caFingerprint.replace(0, 2, QStringLiteral("11"));
    auto *blocked = federation.addCentre(wrong);
    QVERIFY(blocked);
    auto *bar = window.findChild<app::NotificationBar *>();
    QTRY_VERIFY_WITH_TIMEOUT(bar->message().contains(QStringLiteral("Wrong presents")), 30000);
    QVERIFY(bar->failed());
    QVERIFY(bar->message().contains(right.caFingerprint));
    QCOMPARE(blocked->state(), client::Connection::State::CertificateUnknown);
    QVERIFY(window.federationPage()->model()->isStale(blocked));
}

void FederationTest::drainedAcceleratorsMakeTheTotalsAddUp()
{
    test::GatewayProcess gateway(centreArgs("lingang", "40"));
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string viewer = gateway.addUser("wall", "viewer");
    const std::string ops = gateway.addUser("ops", "operator");
    QVERIFY(test::drainNodes(gateway, ops, 3));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const v1::Overview now = overviewAt(gateway, viewer);
            for (const auto &c : now.accelerators())
                if (c.unavailable() > 0)
                    return true;
            return false;
        }(),
        15000);

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    auto *centre = federation.addCentre(profileFor(gateway, viewer, QStringLiteral("Lingang")));
    auto *page = window.federationPage();
    auto &model = *page->model();
    window.showFederation();
    QTRY_COMPARE_WITH_TIMEOUT(mismatch(model, 0, overviewAt(gateway, viewer)), QString(), 30000);
    const v1::Overview o = overviewAt(gateway, viewer);
    qint64 total = 0, inUse = 0, free = 0, down = 0, unavailable = 0;
    for (const auto &c : o.accelerators()) {
        total += c.total();
        inUse += c.in_use();
        free += c.free();
        down += c.down();
        unavailable += c.unavailable();
    }
    QVERIFY(unavailable > 0);
    QCOMPARE(inUse + free + down + unavailable, total);

    // The table: a row for the drained ones in each model, centre and Total alike.
    for (const QString &m : models(o)) {
        for (int column : { 0, model.totalColumn() }) {
            auto value = [&](Figure f) { return qint64(model.value(column, f, m).value_or(-1)); };
            QCOMPARE(value(Figure::AcceleratorsInUse) + value(Figure::AcceleratorsFree)
                    + value(Figure::AcceleratorsDown) + value(Figure::AcceleratorsUnavailable),
                value(Figure::AcceleratorsTotal));
            QCOMPARE(cell(model, model.rowOf(Figure::AcceleratorsUnavailable, m), column),
                QLocale().toString(qint64(counts(o, m, Figure::AcceleratorsUnavailable))));
        }
    }
    QVERIFY(model
                .headerData(model.rowOf(Figure::AcceleratorsUnavailable, models(o).first()),
                    Qt::Vertical, Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("unavailable")));

    // The Federation page's tiles.
    auto tileNumber
        = [&](const char *name) { return number(page->tile(QLatin1String(name))->valueText()); };
    QCOMPARE(tileNumber("Unavailable"), unavailable);
    QCOMPARE(
        tileNumber("InUse") + tileNumber("Free") + tileNumber("Down") + tileNumber("Unavailable"),
        total);
    QCOMPARE(page->tile(QStringLiteral("InUse"))->unit(),
        QStringLiteral("of %1").arg(QLocale().toString(total)));

    // The centre's Overview page.
    QVERIFY(window.showPage(centre, QStringLiteral("OverviewPage")));
    auto *overview = window.page(centre, QStringLiteral("OverviewPage"));
    QVERIFY(overview);
    auto titled = [&](const char *title) {
        auto *tile = test::tileTitled(overview, QLatin1String(title));
        return tile ? number(tile->valueText()) : -1;
    };
    QTRY_COMPARE_WITH_TIMEOUT(titled("Accelerators unavailable"), unavailable, 10000);
    QCOMPARE(titled("Accelerators in use") + titled("Accelerators free")
            + titled("Accelerators down") + titled("Accelerators unavailable"),
        total);
}

void FederationTest::theSameGatewayIsNotConnectedTwice()
{
    test::GatewayProcess gateway(centreArgs("lingang", "40"));
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("wall", "viewer");

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    QSignalSpy problems(&federation, &app::Federation::problem);
    auto *first = federation.addCentre(profileFor(gateway, token, QStringLiteral("Lingang")));
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(first->state(), client::Connection::State::Live, 30000);

    // The same address under another name: refused at once, naming the centre it repeats.
    QCOMPARE(
        federation.addCentre(profileFor(gateway, token, QStringLiteral("Lingang again"))), nullptr);
    QCOMPARE(problems.size(), 1);
    QString said = problems.takeFirst().at(0).toString();
    QVERIFY2(said.contains(QStringLiteral("“Lingang again”"))
            && said.contains(QStringLiteral("“Lingang”"))
            && said.contains(QString::fromStdString(gateway.address())),
        qPrintable(said));
    QCOMPARE(federation.centres().size(), 1);

    // Another address of the same gateway: connected, then known by its site and CA, and removed.
    auto alias = profileFor(gateway, token, QStringLiteral("Lingang by name"));
    alias.address = QStringLiteral("localhost:%1").arg(gateway.port());
    auto *second = federation.addCentre(alias);
    QVERIFY(second);
    QTRY_COMPARE_WITH_TIMEOUT(federation.centres().size(), 1, 30000);
    QCOMPARE(federation.centres().first(), first);
    QCOMPARE(problems.size(), 1);
    said = problems.takeFirst().at(0).toString();
    QVERIFY2(said.contains(QStringLiteral("“Lingang by name”"))
            && said.contains(QStringLiteral("“Lingang”"))
            && said.contains(QString::fromStdString(gateway.fingerprint())),
        qPrintable(said));
    // The console says so, and counts the centre once.
    auto *bar = window.findChild<app::NotificationBar *>();
    QVERIFY(bar);
    QCOMPARE(bar->message(), said);
    auto &model = *window.federationPage()->model();
    QCOMPARE(model.columnCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(
        mismatch(model, model.totalColumn(), overviewAt(gateway, token)), QString(), 10000);
}

void FederationTest::aCentreNamedAsItsGatewayIsShownInChinese()
{
    // Two gateways of the same site (one gateway twice would be refused as a duplicate).
    test::GatewayProcess gateway(centreArgs("wuhan", "8"));
    test::GatewayProcess second(centreArgs("wuhan", "8"));
    QVERIFY2(gateway.start(), gateway.error().c_str());
    QVERIFY2(second.start(), second.error().c_str());
    const std::string token = gateway.addUser("wall", "viewer");
    const std::string secondToken = second.addUser("wall", "viewer");
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    // The demo's way (named as the gateway names the site), and a name someone chose.
    auto *own = federation.addCentre(profileFor(gateway, token, QStringLiteral("Wuhan")));
    auto *chosen
        = federation.addCentre(profileFor(second, secondToken, QStringLiteral("华中一号")));
    QVERIFY(chosen);
    QTRY_COMPARE_WITH_TIMEOUT(own->site()->overview().site(), std::string("Wuhan"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(chosen->site()->overview().site(), std::string("Wuhan"), 30000);

    auto &model = *window.federationPage()->model();
    QTRY_COMPARE(
        model.headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("武汉"));
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("华中一号"));
    auto *sidebar = window.findChild<QTreeWidget *>();
    QVERIFY(sidebar);
    QStringList centres;
    for (int i = 0; i < sidebar->topLevelItemCount(); ++i)
        centres.append(sidebar->topLevelItem(i)->text(0));
    QVERIFY2(centres.contains(QStringLiteral("武汉")), qPrintable(centres.join(u", ")));
    QVERIFY2(centres.contains(QStringLiteral("华中一号")), qPrintable(centres.join(u", ")));
    QVERIFY(!centres.contains(QStringLiteral("Wuhan")));
    // The energy chart, made when the centres were added, renames its series too.
    auto *chart = window.findChild<app::FederationEnergyChart *>();
    QVERIFY(chart);
    const auto plots = chart->findChildren<widgets::TimeSeriesPlot *>();
    QVERIFY(!plots.isEmpty());
    for (const auto *plot : plots)
        QTRY_COMPARE(plot->seriesLabel(QStringLiteral("0")), QStringLiteral("武汉"));
}

void FederationTest::theLanguageSwitchesWhileConnected()
{
    // Wuhan's Ascend is saturated, so jobs wait (the Xi'an centre's sit mostly idle).
    test::GatewayProcess gateway(centreArgs("wuhan", "8"));
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("ops", "admin");
    const auto restore = qScopeGuard([] { app::Language::apply(QStringLiteral("en")); });
    app::Language::apply(QStringLiteral("en"));

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    auto *centre = federation.addCentre(profileFor(gateway, token, QStringLiteral("Wuhan")));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    QVERIFY(window.showPage(centre, QStringLiteral("JobsPage")));
    QTRY_VERIFY(!centre->site()->jobs().items.isEmpty());
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
    QCOMPARE(window.sidebarText(centre, QStringLiteral("NodesPage")), QStringLiteral("Nodes"));
    auto *jobs = window.page(centre, QStringLiteral("JobsPage"));
    const int rows = jobs->findChild<QAbstractItemView *>()->model()->rowCount();
    QVERIFY(rows > 0);
    QSignalSpy states(centre, &client::Connection::stateChanged);

    // A cancel on its way when the page is made again: its answer finds the old page gone.
    QString pending;
    for (const auto &job : centre->site()->jobs().items)
        if (job.state() == v1::JOB_STATE_PENDING)
            pending = QString::fromStdString(job.id());
    QVERIFY(!pending.isEmpty());
    auto *oldJobs = static_cast<app::JobsPage *>(jobs);
    oldJobs->setPrompt(
        [](const QString &, const QString &, const QStringList &, bool, QString *reason) {
            *reason = QStringLiteral("switching languages");
            return true;
        });
    oldJobs->setSelectedIds({ pending });
    QVERIFY(oldJobs->cancelAction()->isEnabled());
    oldJobs->cancelAction()->trigger();

    // What the View → Language menu does, without its menu.
    app::Language::apply(QStringLiteral("zh_CN"));
    window.retranslate();
    QTRY_VERIFY_WITH_TIMEOUT(!centre->site()->jobs().items.contains(pending)
            || centre->site()->jobs().items.value(pending).state() == v1::JOB_STATE_CANCELLED,
        15000);
    QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
    QCOMPARE(window.sidebarText(centre, QStringLiteral("NodesPage")), QStringLiteral("节点"));
    QCOMPARE(
        window.federationPage()->model()->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
        QStringLiteral("武汉"));
    // The same connection, still live, nothing fetched again; the page shown stays shown, with
    // its rows.
    QCOMPARE(federation.centres(), QList<client::Connection *> { centre });
    QCOMPARE(centre->state(), client::Connection::State::Live);
    QVERIFY(states.isEmpty());
    auto *stack = window.findChild<QStackedWidget *>();
    QCOMPARE(stack->currentWidget(), window.page(centre, QStringLiteral("JobsPage")));
    QCOMPARE(window.page(centre, QStringLiteral("JobsPage"))
                 ->findChild<QAbstractItemView *>()
                 ->model()
                 ->rowCount(),
        int(centre->site()->jobs().items.size()));
    QCOMPARE(window.page(centre, QStringLiteral("JobsPage"))
                 ->findChild<QAbstractItemView *>()
                 ->model()
                 ->headerData(0, Qt::Horizontal)
                 .toString(),
        QStringLiteral("作业"));

    app::Language::apply(QStringLiteral("en"));
    window.retranslate();
    QCOMPARE(window.sidebarText(centre, QStringLiteral("NodesPage")), QStringLiteral("Nodes"));
}

QTEST_MAIN(FederationTest)
#include "tst_federation.moc"
