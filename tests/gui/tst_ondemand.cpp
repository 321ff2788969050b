// Load on demand, against a real gateway offscreen: a connected centre watches only its
// overview, alerts and quota requests; its jobs are watched from the moment its Jobs page is
// shown, stay watched for the release delay after it is left, and are then dropped; pages are
// built when first shown; a hidden Federation page takes in no centre's figures.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/models/FederationModel.h"
#include "app/pages/FederationPage.h"
#include "app/pages/JobsPage.h"
#include "app/pages/OverviewPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"

#include <QAbstractItemView>
#include <QSignalSpy>
#include <QtTest>

using namespace suanli;
using Collection = client::Connection::Collection;

class OnDemandTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jobsAreWatchedWhileTheJobsPageIsShown();
    void aCentreGoesLiveWithItsOverviewAlone();
    void aHiddenFederationPageDoesNoWork();
};

void OnDemandTest::jobsAreWatchedWhileTheJobsPageIsShown()
{
    test::GatewayProcess gateway(
        { "--sim-site", "wuhan", "--sim-nodes", "24", "--sim-jobs", "150", "--tick", "0.2" });
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("ops", "operator");

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    auto *centre = federation.addCentre(profileFor(gateway, token, QStringLiteral("Wuhan")));
    QVERIFY(centre);
    // Long at first: leaving the page does not drop the jobs at once.
    centre->setReleaseDelay(std::chrono::hours(1));
    QSignalSpy watches(centre, &client::Connection::watchChanged);
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);

    // Connected and live, the Federation page shown: no job is held, and no Jobs page built.
    QVERIFY(!centre->isWatched(Collection::Jobs));
    QVERIFY(!centre->isWatched(Collection::Nodes));
    QVERIFY(centre->isWatched(Collection::Alerts));
    QVERIFY(centre->isWatched(Collection::QuotaRequests));
    QVERIFY(centre->site()->jobs().items.isEmpty());
    QVERIFY(!centre->site()->jobs().synced);
    QCOMPARE(window.builtPage(centre, QStringLiteral("JobsPage")), nullptr);
    QCOMPARE(window.builtPage(centre, QStringLiteral("OverviewPage")), nullptr);
    QVERIFY(watches.isEmpty());

    // The Jobs page shown: built, its jobs watched and shown.
    QVERIFY(window.showPage(centre, QStringLiteral("JobsPage")));
    auto *jobs
        = qobject_cast<app::JobsPage *>(window.builtPage(centre, QStringLiteral("JobsPage")));
    QVERIFY(jobs);
    QVERIFY(centre->isWatched(Collection::Jobs));
    QCOMPARE(watches.size(), 1);
    QCOMPARE(watches.at(0).at(0).value<Collection>(), Collection::Jobs);
    QCOMPARE(watches.at(0).at(1).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->jobs().synced, 30000);
    QVERIFY(!centre->site()->jobs().items.isEmpty());
    auto *view = jobs->findChild<QAbstractItemView *>();
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 10000);
    // Only what the page reads: no nodes.
    QVERIFY(!centre->isWatched(Collection::Nodes));
    QCOMPARE(centre->state(), client::Connection::State::Live);

    // Another page of the centre: the jobs stay within the delay, and the Overview page
    // watches the queues.
    QVERIFY(window.showPage(centre, QStringLiteral("OverviewPage")));
    QVERIFY(centre->isWatched(Collection::Queues));
    QCoreApplication::processEvents();
    QVERIFY(centre->isWatched(Collection::Jobs));
    QVERIFY(!centre->site()->jobs().items.isEmpty());

    // Back to the Jobs page and away again with a short delay: the jobs are dropped.
    centre->setReleaseDelay(std::chrono::milliseconds(200));
    QVERIFY(window.showPage(centre, QStringLiteral("JobsPage")));
    window.showFederation();
    QTRY_VERIFY_WITH_TIMEOUT(!centre->isWatched(Collection::Jobs), 10000);
    QVERIFY(centre->site()->jobs().items.isEmpty());
    QVERIFY(!centre->site()->jobs().synced);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!centre->isWatched(Collection::Queues), 10000);
    QCOMPARE(centre->state(), client::Connection::State::Live);

    // Shown once more: watched again from a new snapshot.
    QVERIFY(window.showPage(centre, QStringLiteral("JobsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->jobs().synced, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 10000);
}

void OnDemandTest::aCentreGoesLiveWithItsOverviewAlone()
{
    // A centre whose jobs were asked for before it answered waits for them before it is live,
    // as a console restarted on a centre's Jobs page does; the other collections stay unwatched.
    test::GatewayProcess gateway(
        { "--sim-site", "lingang", "--sim-nodes", "24", "--sim-jobs", "150", "--tick", "0.2" });
    QVERIFY2(gateway.start(), gateway.error().c_str());
    client::Connection connection(profileFor(gateway, gateway.addUser("ops", "operator")));
    connection.acquire(Collection::Jobs);
    connection.open();
    QTRY_COMPARE_WITH_TIMEOUT(connection.state(), client::Connection::State::Live, 30000);
    QVERIFY(connection.site()->jobs().synced);
    QVERIFY(!connection.site()->jobs().items.isEmpty());
    QVERIFY(!connection.site()->nodes().synced);
    QVERIFY(connection.site()->nodes().items.isEmpty());
    QVERIFY(connection.site()->alerts().synced);
    QVERIFY(connection.site()->quotaRequests().synced);
    QVERIFY(connection.site()->overview().accelerators_size() > 0);

    // Acquired twice, released once: still watched whatever the delay.
    connection.setReleaseDelay(std::chrono::milliseconds(0));
    connection.acquire(Collection::Jobs);
    connection.release(Collection::Jobs);
    QCoreApplication::processEvents();
    QVERIFY(connection.isWatched(Collection::Jobs));
    connection.release(Collection::Jobs);
    QTRY_VERIFY_WITH_TIMEOUT(!connection.isWatched(Collection::Jobs), 10000);
    QVERIFY(connection.site()->jobs().items.isEmpty());
}

void OnDemandTest::aHiddenFederationPageDoesNoWork()
{
    // A running simulation: its overview changes every tick.
    test::GatewayProcess gateway(
        { "--sim-site", "xian", "--sim-nodes", "24", "--sim-jobs", "150", "--tick", "0.2" });
    QVERIFY2(gateway.start(), gateway.error().c_str());
    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    auto *centre = federation.addCentre(
        profileFor(gateway, gateway.addUser("wall", "viewer"), QStringLiteral("Xi'an")));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    app::FederationModel *model = window.federationPage()->model();
    QVERIFY(model->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(model->recomputations() > 0, 10000);

    // Another page shown: overviews keep coming, the hidden page takes none of them in.
    QVERIFY(window.showPage(centre, QStringLiteral("AlertsPage")));
    QVERIFY(!model->isActive());
    const qint64 before = model->recomputations();
    QSignalSpy overviews(centre->site(), &client::SiteState::overviewChanged);
    while (overviews.size() < 5)
        QVERIFY(overviews.wait(10000));
    QCOMPARE(model->recomputations(), before);

    // Shown again: the centre's figures are taken in at once, as they are now.
    window.showFederation();
    QVERIFY(model->isActive());
    QCOMPARE(model->recomputations(), before + 1);
    const int column = model->columnOf(centre);
    QCOMPARE(model->value(column, app::FederationModel::Figure::JobsRunning),
        std::optional<double>(double(centre->site()->overview().jobs_running())));
}

QTEST_MAIN(OnDemandTest)
#include "tst_ondemand.moc"
