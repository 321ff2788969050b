// The wall display against a real gateway, offscreen: every page renders the gateway's own
// figures, the ticker carries its alerts, a new critical alert takes the screen until it is
// acknowledged, and a gateway restart shows in the banner and then heals by itself.
#include "app/Federation.h"
#include "app/models/Words.h"
#include "app/wall/WallAlertTicker.h"
#include "app/wall/WallBanner.h"
#include "app/wall/WallEnergyPage.h"
#include "app/wall/WallFederationPage.h"
#include "app/wall/WallHeatmapPage.h"
#include "app/wall/WallKpiPage.h"
#include "app/wall/WallQueuePage.h"
#include "app/wall/WallTakeover.h"
#include "app/wall/WallTenantPage.h"
#include "app/wall/WallWindow.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/KpiTile.h"
#include "widgets/QuotaBar.h"
#include "widgets/RackHeatmap.h"
#include "widgets/TimeSeriesPlot.h"

#include <QLocale>
#include <QSet>
#include <QtTest>

using namespace suanli;

namespace {
// A paused clock: the centre holds still, so what the wall shows can be compared exactly.
const std::vector<std::string> kStill
    = { "--sim-nodes", "64", "--sim-jobs", "400", "--sim-speed", "0", "--tick", "0.2" };
// A fast clock on a mid-sized centre: a critical fault every few seconds.
const std::vector<std::string> kBusy
    = { "--sim-nodes", "300", "--sim-jobs", "1500", "--sim-speed", "300", "--tick", "0.2" };

QList<v1::Alert> openAlertsAt(const test::GatewayProcess &gateway, const std::string &token)
{
    v1::ListAlertsRequest request;
    request.set_page_size(5000);
    v1::ListAlertsResponse response;
    auto ctx = test::GatewayProcess::context(token);
    v1::Events::NewStub(gateway.channel())->ListAlerts(ctx.get(), request, &response);
    QList<v1::Alert> out;
    for (const auto &a : response.alerts())
        if (!a.has_clear_time() && !a.acknowledged())
            out.append(a);
    return out;
}

int acknowledge(
    const test::GatewayProcess &gateway, const std::string &token, const QStringList &ids)
{
    v1::AcknowledgeAlertRequest request;
    for (const QString &id : ids)
        request.add_ids(id.toStdString());
    request.set_comment("on it (wall test)");
    v1::AcknowledgeAlertResponse response;
    auto ctx = test::GatewayProcess::context(token);
    v1::Events::NewStub(gateway.channel())->AcknowledgeAlert(ctx.get(), request, &response);
    int ok = 0;
    for (const auto &r : response.results())
        ok += r.ok() ? 1 : 0;
    return ok;
}

// Distinct colours in a grab: a page that rendered nothing is one or two colours.
int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

// Shows a page, renders it and checks the grab is a full, drawn screen.
bool renders(app::WallWindow &wall, app::WallPage *page)
{
    const int index = [&] {
        for (int i = 0; i < wall.pageCount(); ++i)
            if (wall.page(i) == page)
                return i;
        return -1;
    }();
    if (index < 0)
        return false;
    wall.showPage(index);
    wall.tick();
    const QImage shot = wall.grab().toImage();
    if (shot.size() != QSize(1920, 1080) || colourCount(shot) < 8) {
        qWarning("page %s rendered %dx%d with %d colours", qPrintable(page->objectName()),
            shot.width(), shot.height(), colourCount(shot));
        return false;
    }
    return wall.titleText() == page->title();
}
} // namespace

class WallTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyPageShowsTheGatewaysFigures();
    void tickerCarriesAlertsAndCriticalTakesOverUntilAcknowledged();
    void bannerShowsALostGatewayAndGoesWhenItIsBack();
    void keyFiguresAddUpWithDrainedAccelerators();
    void aKindTakesTheScreenOnceInItsInterval();
    void escOrQAsksThenLeavesUnlessKiosk();
};

void WallTest::everyPageShowsTheGatewaysFigures()
{
    test::GatewayProcess gateway(kStill);
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("wall", "viewer");
    app::Federation federation;
    app::WallWindow wall(&federation);
    wall.setRotateSeconds(0);
    wall.resize(1920, 1080);
    wall.show();
    auto *centre = federation.addCentre(profileFor(gateway, token));
    QCOMPARE(wall.pageCount(), 6);
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    // The overview only: nodes, queues and tenants are watched while their page is on screen
    // or next.
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->overview().nodes_total() == 64, 15000);
    QVERIFY(!centre->isWatched(client::Connection::Collection::Tenants));
    const v1::Overview o = overviewAt(gateway, token);
    QCOMPARE(o.nodes_total(), 64);
    const QLocale locale;
    qint64 inUse = 0;
    for (const auto &c : o.accelerators())
        inUse += c.in_use();
    QVERIFY(inUse > 0);

    // Federation: the centre by name, with the gateway's figures.
    auto *federationPage = qobject_cast<app::WallFederationPage *>(
        wall.findPage(QStringLiteral("WallFederationPage")));
    QVERIFY(federationPage);
    QVERIFY(renders(wall, federationPage));
    QCOMPARE(federationPage->centreCount(), 1);
    const QStringList column = federationPage->columnText(0);
    QCOMPARE(column.value(0), QStringLiteral("Test centre"));
    QVERIFY2(column.contains(locale.toString(inUse)), qPrintable(column.join(u'|')));
    QVERIFY2(
        column.contains(locale.toString(qint64(o.jobs_running()))), qPrintable(column.join(u'|')));
    for (const auto &c : o.accelerators())
        QVERIFY2(column.join(u'|').contains(app::Words::modelName(c.model(), c.model_name())),
            qPrintable(column.join(u'|')));

    // Key figures.
    auto *kpis
        = qobject_cast<app::WallKpiPage *>(wall.findPage(QStringLiteral("WallKpiPage"), centre));
    QVERIFY(kpis);
    QVERIFY(renders(wall, kpis));
    QCOMPARE(kpis->inUse()->valueText(), locale.toString(inUse));
    QCOMPARE(kpis->running()->valueText(), locale.toString(qint64(o.jobs_running())));
    QCOMPARE(kpis->pending()->valueText(), locale.toString(qint64(o.jobs_pending())));
    QCOMPARE(kpis->utilisation()->valueText(), app::Words::percent(o.utilisation_percent()));
    QVERIFY(!kpis->inUse()->isStale());
    // Readable from five metres: values at least a twelfth of the screen's height.
    QVERIFY(wall.font().pixelSize() * 2.3 * 1.35 >= 1080 / 12);
    QCOMPARE(kpis->inUse()->shownText(widgets::KpiTile::Part::Value), kpis->inUse()->valueText());

    // Heatmap: a cell per node, all on screen.
    auto *heat = qobject_cast<app::WallHeatmapPage *>(
        wall.findPage(QStringLiteral("WallHeatmapPage"), centre));
    QVERIFY(heat);
    QVERIFY(renders(wall, heat));
    QTRY_COMPARE_WITH_TIMEOUT(centre->site()->nodes().items.size(), qsizetype(64), 15000);
    // The next page's queues are on their way already.
    QVERIFY(centre->isWatched(client::Connection::Collection::Queues));
    heat->refresh();
    QCOMPARE(heat->heatmap()->nodeCount(), 64);
    for (const auto &node : centre->site()->nodes().items) {
        const QRect cell = heat->heatmap()->cellRect(QString::fromStdString(node.name()));
        QVERIFY(!cell.isEmpty());
        QVERIFY2(heat->heatmap()->rect().contains(cell), node.name().c_str());
        QCOMPARE(
            heat->heatmap()->node(QString::fromStdString(node.name())).state, int(node.state()));
    }

    // Queue pressure: every queue of the gateway, with its running jobs.
    v1::ListQueuesResponse queues;
    {
        auto ctx = test::GatewayProcess::context(token);
        QVERIFY(v1::Scheduler::NewStub(gateway.channel())->ListQueues(ctx.get(), {}, &queues).ok());
    }
    auto *queuePage = qobject_cast<app::WallQueuePage *>(
        wall.findPage(QStringLiteral("WallQueuePage"), centre));
    QVERIFY(queuePage);
    QVERIFY(renders(wall, queuePage));
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->queues().synced, 15000);
    queuePage->refresh();
    QCOMPARE(queuePage->shownQueues().size(),
        std::min(queues.queues_size(), int(app::WallQueuePage::kMaxRows)));
    for (const auto &q : queues.queues()) {
        const int row = int(queuePage->shownQueues().indexOf(QString::fromStdString(q.name())));
        QVERIFY2(row >= 0, q.name().c_str());
        QCOMPARE(queuePage->rowText(row).value(2), locale.toString(q.jobs_running()));
        QCOMPARE(queuePage->rowText(row).value(3), locale.toString(q.jobs_pending()));
    }

    // Top tenants: the busiest tenant first, with its use against its quota.
    v1::ListTenantsResponse tenants;
    {
        auto ctx = test::GatewayProcess::context(token);
        QVERIFY(v1::Tenancy::NewStub(gateway.channel())->ListTenants(ctx.get(), {}, &tenants).ok());
    }
    qint64 busiest = -1;
    for (const auto &t : tenants.tenants()) {
        qint64 used = 0;
        for (const auto &u : t.usage())
            used += u.accelerators_in_use();
        busiest = std::max(busiest, used);
    }
    auto *tenantPage = qobject_cast<app::WallTenantPage *>(
        wall.findPage(QStringLiteral("WallTenantPage"), centre));
    QVERIFY(tenantPage);
    QVERIFY(renders(wall, tenantPage));
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->tenants().synced, 15000);
    tenantPage->refresh();
    QCOMPARE(tenantPage->shownTenants().size(),
        std::min(tenants.tenants_size(), int(app::WallTenantPage::kMaxRows)));
    QVERIFY(tenantPage->bar(0));
    QCOMPARE(qint64(tenantPage->bar(0)->used()), busiest);

    // Energy and carbon.
    auto *energy = qobject_cast<app::WallEnergyPage *>(
        wall.findPage(QStringLiteral("WallEnergyPage"), centre));
    QVERIFY(energy);
    QVERIFY(renders(wall, energy));
    QCOMPARE(energy->facilityPower()->valueText(), app::Words::power(o.facility_power_watts()));
    QCOMPARE(energy->pue()->valueText(), locale.toString(o.pue(), 'f', 2));
    QCOMPARE(energy->emissions()->valueText(), locale.toString(o.emissions_kg_per_hour(), 'f', 0));

    // All is well: no banner.
    QVERIFY(wall.banner()->lines().isEmpty());
    QVERIFY(wall.banner()->isHidden());

    // A centre the federation drops leaves the wall, even from the page on screen.
    QCOMPARE(wall.titleText(), energy->title());
    federation.removeCentre(centre);
    QCOMPARE(wall.pageCount(), 1);
    QCOMPARE(federationPage->centreCount(), 0);
    QCOMPARE(wall.currentIndex(), 0);
    wall.tick();
    QCOMPARE(wall.titleText(), federationPage->title());
}

void WallTest::tickerCarriesAlertsAndCriticalTakesOverUntilAcknowledged()
{
    test::GatewayProcess gateway(kBusy);
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string viewer = gateway.addUser("wall", "viewer");
    const std::string ops = gateway.addUser("ops", "operator");
    app::Federation federation;
    app::WallWindow wall(&federation);
    wall.setRotateSeconds(0);
    wall.resize(1920, 1080);
    wall.show();
    auto *centre = federation.addCentre(profileFor(gateway, viewer));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);

    // The ticker carries an open alert of the gateway, with the centre's name.
    auto tickerHasAGatewayAlert = [&] {
        wall.tick();
        const QStringList texts = wall.ticker()->texts();
        for (const auto &a : openAlertsAt(gateway, ops))
            if (texts.contains(
                    QStringLiteral("Test centre · ") + QString::fromStdString(a.summary())))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(tickerHasAGatewayAlert(), 60000);

    // The energy page plots the centre's own history of facility power and emissions.
    auto *energy = qobject_cast<app::WallEnergyPage *>(
        wall.findPage(QStringLiteral("WallEnergyPage"), centre));
    QVERIFY(energy);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            energy->refresh();
            return energy->trend()->pointCount(QStringLiteral("facility_power_watts")) > 0
                && energy->trend()->pointCount(QStringLiteral("emissions_kg_per_hour")) > 0;
        }(),
        90000);
    QVERIFY(energy->trend()->pointCount(QStringLiteral("facility_power_watts")) <= 97);
    QVERIFY(wall.ticker()->itemCount() <= app::WallAlertTicker::kMaxItems);

    // A new critical alert takes the screen, naming the centre, the node and what happened.
    QTRY_VERIFY_WITH_TIMEOUT(wall.isTakeoverShown(), 120000);
    const QStringList shown = wall.takeover()->texts();
    QCOMPARE(shown.value(1), QStringLiteral("Test centre"));
    QVERIFY(!shown.value(2).isEmpty());
    QVERIFY(!shown.value(3).isEmpty());
    QVERIFY2(wall.grab().toImage().pixel(50, 540)
            == widgets::Palette::severityColour(widgets::SeverityColour::Critical, true).rgb(),
        "the takeover is not red");
    QString id;
    for (const auto &a : centre->site()->alerts().items)
        if (QString::fromStdString(a.summary()) == shown.value(3))
            id = QString::fromStdString(a.id());
    QVERIFY2(!id.isEmpty(), qPrintable(shown.value(3)));

    // Acknowledged at the gateway (by an operator elsewhere), it leaves the screen.
    QCOMPARE(acknowledge(gateway, ops, { id }), 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        !wall.isTakeoverShown() || wall.takeover()->texts().value(3) != shown.value(3), 15000);
    // Once every new critical alert is acknowledged, the rotation is back.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QStringList open;
            for (const auto &a : openAlertsAt(gateway, ops))
                if (a.severity() == v1::SEVERITY_CRITICAL)
                    open << QString::fromStdString(a.id());
            if (!open.isEmpty())
                acknowledge(gateway, ops, open);
            wall.tick();
            return !wall.isTakeoverShown();
        }(),
        60000);
    QCOMPARE(wall.titleText(), wall.page(wall.currentIndex())->title());
}

void WallTest::bannerShowsALostGatewayAndGoesWhenItIsBack()
{
    auto gateway = std::make_unique<test::GatewayProcess>(kStill);
    QVERIFY2(gateway->start(), gateway->error().c_str());
    const std::string token = gateway->addUser("wall", "viewer");
    const std::string dataDir = gateway->dataDir();
    const int port = gateway->port();
    app::Federation federation;
    app::WallWindow wall(&federation);
    wall.setRotateSeconds(0);
    wall.resize(1920, 1080);
    wall.show();
    auto *centre = federation.addCentre(profileFor(*gateway, token));
    auto *kpis
        = qobject_cast<app::WallKpiPage *>(wall.findPage(QStringLiteral("WallKpiPage"), centre));
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->overview().nodes_total() == 64, 30000);
    QVERIFY(renders(wall, kpis));
    QVERIFY(!kpis->inUse()->isStale());

    // The gateway goes away: the banner names the centre, the page greys and shows its age.
    QCOMPARE(gateway->stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            wall.tick();
            return !wall.banner()->isHidden() && wall.banner()->lines().size() == 1;
        }(),
        20000);
    const QString line = wall.banner()->lines().value(0);
    QVERIFY2(line.startsWith(QStringLiteral("Test centre: ")), qPrintable(line));
    QVERIFY2(line.contains(QStringLiteral("old")), qPrintable(line));
    QVERIFY(kpis->inUse()->isStale());
    QVERIFY2(wall.ageText().contains(QStringLiteral("old")), qPrintable(wall.ageText()));
    QVERIFY(renders(wall, kpis));

    // The same gateway comes back on the same port: the wall heals without anyone touching it.
    std::vector<std::string> again = kStill;
    again.push_back("--listen");
    again.push_back("127.0.0.1:" + std::to_string(port));
    test::GatewayProcess restarted(again, dataDir);
    QVERIFY2(restarted.start(), restarted.error().c_str());
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            wall.tick();
            return wall.banner()->isHidden() && !kpis->inUse()->isStale();
        }(),
        20000);
    QVERIFY(wall.banner()->lines().isEmpty());
    QVERIFY(wall.ageText().isEmpty());
    const v1::Overview o = overviewAt(restarted, token);
    qint64 inUse = 0;
    for (const auto &c : o.accelerators())
        inUse += c.in_use();
    QTRY_COMPARE_WITH_TIMEOUT(
        [&] {
            wall.tick();
            return kpis->inUse()->valueText();
        }(),
        QLocale().toString(inUse), 10000);
}

void WallTest::keyFiguresAddUpWithDrainedAccelerators()
{
    test::GatewayProcess gateway(kStill);
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("wall", "viewer");
    const std::string ops = gateway.addUser("ops", "operator");
    QVERIFY(test::drainNodes(gateway, ops, 3));
    auto tally = [&] {
        qint64 total = 0, unavailable = 0;
        const v1::Overview now = overviewAt(gateway, token);
        for (const auto &c : now.accelerators()) {
            total += c.total();
            unavailable += c.unavailable();
        }
        return std::pair { total, unavailable };
    };
    QTRY_VERIFY_WITH_TIMEOUT(tally().second > 0, 15000);
    const auto [total, unavailable] = tally();

    app::Federation federation;
    app::WallWindow wall(&federation);
    wall.setRotateSeconds(0);
    wall.resize(1920, 1080);
    wall.show();
    auto *centre = federation.addCentre(profileFor(gateway, token));
    auto *kpis
        = qobject_cast<app::WallKpiPage *>(wall.findPage(QStringLiteral("WallKpiPage"), centre));
    QVERIFY(kpis);
    const QLocale locale;
    auto number = [&](widgets::KpiTile *tile) {
        bool ok = false;
        const qint64 n = locale.toLongLong(tile->valueText(), &ok);
        return ok ? n : -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            kpis->refresh();
            return number(kpis->unavailable()) == unavailable;
        }(),
        30000);
    QVERIFY(renders(wall, kpis));
    QCOMPARE(number(kpis->inUse()) + number(kpis->free()) + number(kpis->down())
            + number(kpis->unavailable()),
        total);
    QCOMPARE(kpis->inUse()->unit(), QStringLiteral("of %1").arg(locale.toString(total)));
}

void WallTest::aKindTakesTheScreenOnceInItsInterval()
{
    test::GatewayProcess gateway(kBusy);
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string viewer = gateway.addUser("wall", "viewer");
    app::Federation federation;
    app::WallWindow wall(&federation);
    QCOMPARE(wall.takeoverEveryMinutes(), 10);
    wall.setRotateSeconds(0);
    wall.resize(1920, 1080);
    wall.show();
    auto *centre = federation.addCentre(profileFor(gateway, viewer));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);

    // The kinds that took the screen; nobody acknowledges, so each takeover stays up.
    QSet<std::string> tookOver;
    auto noteTakeover = [&] {
        wall.tick();
        if (!wall.isTakeoverShown())
            return;
        const QStringList shown = wall.takeover()->texts();
        for (const auto &a : centre->site()->alerts().items)
            if (a.severity() == v1::SEVERITY_CRITICAL
                && QString::fromStdString(a.summary()) == shown.value(3))
                tookOver.insert(a.kind());
    };
    // A later critical alert of a kind that already took the screen is held back.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            noteTakeover();
            return !wall.heldBackAlertIds().isEmpty();
        }(),
        180000);
    QVERIFY(!tookOver.isEmpty());
    const QString held = wall.heldBackAlertIds().constLast();
    const auto &alerts = centre->site()->alerts().items;
    const auto found = alerts.constFind(held);
    QVERIFY2(found != alerts.constEnd(), qPrintable(held));
    QCOMPARE(found->severity(), v1::SEVERITY_CRITICAL);
    QVERIFY2(tookOver.contains(found->kind()), found->kind().c_str());
    // It runs in the ticker while it is open.
    const QString text = QString::fromStdString(found->summary());
    if (!found->has_clear_time()) {
        wall.tick();
        QVERIFY2(wall.ticker()->texts().contains(QStringLiteral("Test centre · ") + text),
            qPrintable(wall.ticker()->texts().join(u'|')));
    }
}

void WallTest::escOrQAsksThenLeavesUnlessKiosk()
{
    app::Federation federation;
    app::WallWindow wall(&federation);
    wall.setRotateSeconds(0);
    wall.resize(1920, 1080);
    wall.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wall));
    // The first Esc asks in the banner; the second leaves.
    QTest::keyClick(&wall, Qt::Key_Escape);
    QVERIFY(wall.isVisible());
    QVERIFY2(
        wall.banner()->lines().contains(QStringLiteral("Press Esc or Q again to leave the wall")),
        qPrintable(wall.banner()->lines().join(u'|')));
    QTest::keyClick(&wall, Qt::Key_Q);
    QVERIFY(!wall.isVisible());

    // A kiosk wall stays whatever is pressed.
    app::WallWindow kiosk(&federation);
    kiosk.setKiosk(true);
    kiosk.resize(1920, 1080);
    kiosk.show();
    QVERIFY(QTest::qWaitForWindowExposed(&kiosk));
    for (int i = 0; i < 3; ++i) {
        QTest::keyClick(&kiosk, Qt::Key_Escape);
        QTest::keyClick(&kiosk, Qt::Key_Q);
    }
    QVERIFY(kiosk.isVisible());
    QVERIFY(kiosk.banner()->lines().isEmpty());
}

QTEST_MAIN(WallTest)
#include "tst_wall.moc"
