// The console's window and its first-use dialogs against real gateways, offscreen: every page's
// heading names its centre, the sidebar keeps the saved order of centres whichever answers
// first, a restart comes back to the same centre and page, a language switch is one redraw in
// which the charts keep their points, the About box names the console's and each gateway's
// version and the libraries' licences, "Test connection" shows whom the token acts as, and
// Manage centres lists the demo's centres read only.
#include "app/Federation.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/dialogs/AboutDialog.h"
#include "app/dialogs/ConnectDialog.h"
#include "app/dialogs/ProfilesDialog.h"
#include "app/models/FederationModel.h"
#include "app/pages/FederationPage.h"
#include "app/pages/Page.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/auth.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/TimeSeriesPlot.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QToolButton>
#include <QtTest>
#include <numeric>

using namespace suanli;
using test::profileFor;

namespace {

const std::vector<std::string> kCentre
    = { "--sim-nodes", "64", "--sim-jobs", "300", "--sim-speed", "60", "--tick", "0.2" };
constexpr int kTimeoutMs = 60000;

const QStringList kPages = { QStringLiteral("OverviewPage"), QStringLiteral("NodesPage"),
    QStringLiteral("QueuesPage"), QStringLiteral("JobsPage"), QStringLiteral("TenantsPage"),
    QStringLiteral("QuotaRequestsPage"), QStringLiteral("AlertsPage"), QStringLiteral("AuditPage"),
    QStringLiteral("EnergyPage") };

// A saved centre without its token (no keychain in the tests), in the federation's list.
void save(app::Federation &federation, client::ConnectionProfile profile)
{
    profile.token.clear();
    federation.saveProfile(profile);
}

// Points held by every series of every chart on `page`.
QList<int> chartPoints(const QWidget *page)
{
    QList<int> points;
    for (const auto *plot : page->findChildren<widgets::TimeSeriesPlot *>())
        for (const QString &key : plot->seriesKeys())
            points.append(plot->pointCount(key));
    return points;
}

} // namespace

class WindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void everyPageHeadingNamesItsCentre();
    void sidebarKeepsTheSavedOrder();
    void aRestartComesBackToTheSameCentreAndPage();
    void languageSwitchIsOneRedrawAndChartsKeepTheirPoints();
    void languageSwitchFitsTheColumnsToTheNewWords();
    void aboutNamesVersionsAndLicences();
    void testConnectionShowsWhomTheTokenActsAs();
    void manageCentresListsTheDemoCentresReadOnly();

private:
    test::GatewayProcess m_first { kCentre };
    test::GatewayProcess m_second { kCentre };
    std::string m_firstAdmin;
    std::string m_secondAdmin;
};

void WindowTest::initTestCase()
{
    QVERIFY2(m_first.start(), m_first.error().c_str());
    QVERIFY2(m_second.start(), m_second.error().c_str());
    m_firstAdmin = m_first.addUser("root", "admin");
    m_secondAdmin = m_second.addUser("root", "admin");
    app::Language::apply(QStringLiteral("en"));
}

void WindowTest::init()
{
    QSettings().clear();
}

void WindowTest::everyPageHeadingNamesItsCentre()
{
    app::Federation federation;
    app::MainWindow window(&federation);
    QVERIFY2(
        window.heading().startsWith(QStringLiteral("Federation")), qPrintable(window.heading()));
    auto *centre = federation.addCentre(profileFor(m_first, m_firstAdmin, QStringLiteral("Wuhan")));
    for (const QString &name : kPages) {
        QVERIFY(window.showPage(centre, name));
        const QString heading = window.heading();
        QVERIFY2(heading.startsWith(QStringLiteral("Wuhan — ")), qPrintable(heading));
        QVERIFY2(heading.endsWith(window.page(centre, name)->title()), qPrintable(heading));
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("PageHeading"))->text(), heading);
    }
    window.showFederation();
    QVERIFY2(
        window.heading().startsWith(QStringLiteral("Federation")), qPrintable(window.heading()));
}

void WindowTest::sidebarKeepsTheSavedOrder()
{
    app::Federation federation;
    const auto alpha = profileFor(m_first, m_firstAdmin, QStringLiteral("Alpha"));
    const auto beta = profileFor(m_second, m_secondAdmin, QStringLiteral("Beta"));
    save(federation, alpha);
    save(federation, beta);
    app::MainWindow window(&federation);
    // Beta answers first (its keychain read came back first, say): Alpha still comes first.
    auto *b = federation.addCentre(beta);
    auto *a = federation.addCentre(alpha);
    QVERIFY(a && b);
    QCOMPARE(
        window.sidebarCentres(), (QStringList { QStringLiteral("Alpha"), QStringLiteral("Beta") }));
    QCOMPARE(federation.centres(), (QList<client::Connection *> { a, b }));
    // The Federation page's columns too.
    auto *federationPage = window.findChild<app::FederationPage *>();
    QVERIFY(federationPage);
    QCOMPARE(federationPage->model()->centres(), (QList<client::Connection *> { a, b }));

    // Centres not saved (the demo's) take the place they are given, after the saved ones.
    app::Federation demo;
    app::MainWindow demoWindow(&demo);
    demo.addCentre(profileFor(m_second, m_secondAdmin, QStringLiteral("Wuhan")), 1);
    demo.addCentre(profileFor(m_first, m_firstAdmin, QStringLiteral("Shanghai Lingang")), 0);
    QCOMPARE(demoWindow.sidebarCentres(),
        (QStringList { QStringLiteral("Shanghai Lingang"), QStringLiteral("Wuhan") }));
}

void WindowTest::aRestartComesBackToTheSameCentreAndPage()
{
    const auto alpha = profileFor(m_first, m_firstAdmin, QStringLiteral("Alpha"));
    const auto beta = profileFor(m_second, m_secondAdmin, QStringLiteral("Beta"));
    {
        app::Federation federation;
        save(federation, alpha);
        save(federation, beta);
        app::MainWindow window(&federation);
        window.show();
        federation.addCentre(alpha);
        auto *b = federation.addCentre(beta);
        QVERIFY(window.showPage(b, QStringLiteral("JobsPage")));
        window.close();
    }
    // The next start: the centres come back in any order, and the window with them.
    app::Federation federation;
    app::MainWindow window(&federation);
    QVERIFY(window.heading().startsWith(QStringLiteral("Federation")));
    auto *b = federation.addCentre(beta);
    federation.addCentre(alpha);
    QCOMPARE(window.heading(),
        QStringLiteral("Beta — %1").arg(window.page(b, QStringLiteral("JobsPage"))->title()));
}

void WindowTest::languageSwitchIsOneRedrawAndChartsKeepTheirPoints()
{
    const auto restore = qScopeGuard([] { app::Language::apply(QStringLiteral("en")); });
    app::Federation federation;
    app::MainWindow window(&federation);
    window.resize(1600, 1000);
    window.show();
    auto *centre = federation.addCentre(profileFor(m_first, m_firstAdmin, QStringLiteral("Xi'an")));
    QVERIFY(window.showPage(centre, QStringLiteral("OverviewPage")));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, kTimeoutMs);
    auto *overview = window.page(centre, QStringLiteral("OverviewPage"));
    // The charts have their history.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto points = chartPoints(overview);
            return std::accumulate(points.begin(), points.end(), 0) > 0;
        }(),
        kTimeoutMs);
    const QList<int> before = chartPoints(overview);
    const int menus = int(window.menuBar()->actions().size());

    app::Language::apply(QStringLiteral("zh_CN"));
    window.retranslate();
    // The page is made again: at once, before any event, in Chinese, with every chart's points.
    auto *made = window.page(centre, QStringLiteral("OverviewPage"));
    QVERIFY(made != overview);
    const QList<int> after = chartPoints(made);
    QCOMPARE(after.size(), before.size());
    for (qsizetype i = 0; i < after.size(); ++i)
        QVERIFY2(after.at(i) >= before.at(i),
            qPrintable(QStringLiteral("chart series %1: %2 points, %3 before")
                           .arg(i)
                           .arg(after.at(i))
                           .arg(before.at(i))));
    QVERIFY(window.updatesEnabled());
    QCOMPARE(int(window.menuBar()->actions().size()), menus);
    QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
    QVERIFY2(window.heading().startsWith(QStringLiteral("Xi'an — ")), qPrintable(window.heading()));
    // The menu bar has room for every menu: no "»" holding some of them.
    auto *more
        = window.menuBar()->findChild<QToolButton *>(QStringLiteral("qt_menubar_ext_button"));
    QTRY_VERIFY(!more || !more->isVisible());
}

void WindowTest::languageSwitchFitsTheColumnsToTheNewWords()
{
    // Fitted to Chinese words, then switched to English ones, which are longer: no column of
    // the table on show cuts its words or its header.
    const auto restore = qScopeGuard([] { app::Language::apply(QStringLiteral("en")); });
    app::Language::apply(QStringLiteral("zh_CN"));
    app::Federation federation;
    app::MainWindow window(&federation);
    window.resize(1600, 1000);
    window.show();
    auto *centre = federation.addCentre(profileFor(m_first, m_firstAdmin, QStringLiteral("Xi'an")));
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    const auto tableOf = [&] {
        return window.page(centre, QStringLiteral("NodesPage"))->findChild<QTableView *>();
    };
    QTRY_VERIFY_WITH_TIMEOUT(tableOf()->model()->rowCount() > 0, kTimeoutMs);
    const auto uncut = [&] {
        QTableView *table = tableOf();
        QHeaderView *header = table->horizontalHeader();
        for (int column = 0; column + 1 < header->count(); ++column) {
            if (header->isSectionHidden(column))
                continue;
            const int needed
                = std::max(static_cast<QAbstractItemView *>(table)->sizeHintForColumn(column),
                    header->sectionSizeHint(column));
            if (header->sectionSize(column) < needed) {
                qWarning("column %d: %d px for %d px of words", column, header->sectionSize(column),
                    needed);
                return false;
            }
        }
        return true;
    };
    QTRY_VERIFY(uncut());
    app::Language::apply(QStringLiteral("en"));
    window.retranslate();
    QTRY_VERIFY(uncut());
}

void WindowTest::aboutNamesVersionsAndLicences()
{
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(m_first, m_firstAdmin, QStringLiteral("Alpha")));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("AboutAction")));
    // What the gateway says of itself.
    v1::WhoAmIResponse who;
    auto ctx = test::GatewayProcess::context(m_firstAdmin);
    QVERIFY(v1::Auth::NewStub(m_first.channel())->WhoAmI(ctx.get(), {}, &who).ok());
    const QString version = QString::fromStdString(who.server_version());
    QVERIFY(!version.isEmpty());

    QTRY_VERIFY_WITH_TIMEOUT(!centre->identity().server_version().empty(), kTimeoutMs);
    const QString text = app::AboutDialog::text(federation.centres());
    QVERIFY2(text.contains(QStringLiteral("Suanli (算力) 9.8.7")), qPrintable(text));
    QVERIFY2(
        text.contains(QStringLiteral("Alpha: gateway suanlid %1").arg(version)), qPrintable(text));
    for (const QString &licence :
        { QStringLiteral("Qt %1 — LGPL-3.0").arg(QString::fromLatin1(qVersion())),
            QStringLiteral("QCustomPlot — GPL-3.0"), QStringLiteral("Apache-2.0"),
            QStringLiteral("Protocol Buffers"), QStringLiteral("BSD-3-Clause"),
            QStringLiteral("SQLite — public domain"),
            QStringLiteral("distributed under the GPL-3.0") })
        QVERIFY2(text.contains(licence), qPrintable(licence + QStringLiteral(" in ") + text));

    // A centre that has not answered yet says so rather than a version.
    app::Federation silent;
    client::ConnectionProfile nowhere;
    nowhere.name = QStringLiteral("Nowhere");
    nowhere.address = QStringLiteral("127.0.0.1:1");
    silent.setTrustOnFirstUse(false);
    silent.addCentre(nowhere);
    QVERIFY(app::AboutDialog::text(silent.centres()).contains(QStringLiteral("not known yet")));
}

void WindowTest::testConnectionShowsWhomTheTokenActsAs()
{
    const std::string token = m_first.addUser("alice", "operator");
    app::ConnectDialog dialog;
    dialog.nameEdit()->setText(QStringLiteral("Alpha"));
    dialog.addressEdit()->setText(QString::fromStdString(m_first.address()));
    dialog.setTrust(app::ConnectDialog::Trust::Fingerprint);
    dialog.fingerprintEdit()->setText(QString::fromStdString(m_first.fingerprint()));
    dialog.tokenEdit()->setText(QString::fromStdString(token));
    QSignalSpy tested(&dialog, &app::ConnectDialog::tested);

    dialog.testButton()->click();
    QVERIFY(tested.wait(20000));
    QVERIFY2(tested.last().at(0).toBool(), qPrintable(tested.last().at(1).toString()));
    QString outcome = dialog.testResultLabel()->text();
    QVERIFY2(outcome.contains(QStringLiteral("presents the expected CA")), qPrintable(outcome));
    QVERIFY2(outcome.contains(QStringLiteral("act as alice, operator")), qPrintable(outcome));
    QVERIFY(dialog.testButton()->isEnabled());

    // A token the gateway does not know: the test fails and says why.
    dialog.tokenEdit()->setText(QStringLiteral("sl_notatoken"));
    dialog.testButton()->click();
    QVERIFY(tested.wait(20000));
    QVERIFY(!tested.last().at(0).toBool());
    outcome = dialog.testResultLabel()->text();
    QVERIFY2(outcome.contains(QStringLiteral("refuses the token")), qPrintable(outcome));

    // Not trusted yet: the token is not sent, and the dialog says when it will be checked.
    dialog.setTrust(app::ConnectDialog::Trust::FirstUse);
    dialog.testButton()->click();
    QVERIFY(tested.wait(20000));
    outcome = dialog.testResultLabel()->text();
    QVERIFY2(outcome.contains(QStringLiteral("the token is checked then")), qPrintable(outcome));
}

void WindowTest::manageCentresListsTheDemoCentresReadOnly()
{
    app::Federation federation;
    const auto saved = profileFor(m_first, m_firstAdmin, QStringLiteral("Alpha"));
    save(federation, saved);
    // A demo's centre: connected, never saved.
    federation.addCentre(profileFor(m_second, m_secondAdmin, QStringLiteral("Wuhan")), 0);
    app::ProfilesDialog dialog(&federation);
    QCOMPARE(dialog.list()->count(), 2);
    QListWidgetItem *demo = dialog.list()->item(1);
    QVERIFY2(demo->text().contains(QStringLiteral("Wuhan")), qPrintable(demo->text()));
    QVERIFY2(demo->text().contains(QStringLiteral("read only")), qPrintable(demo->text()));
    dialog.list()->setCurrentItem(demo);
    const auto buttons = dialog.findChildren<QPushButton *>();
    auto button = [&](const QString &text) -> QPushButton * {
        for (auto *b : buttons)
            if (b->text() == text)
                return b;
        return nullptr;
    };
    for (const QString &text : { QStringLiteral("&Edit…"), QStringLiteral("&Remove…"),
             QStringLiteral("C&onnect"), QStringLiteral("&Disconnect") }) {
        QVERIFY2(button(text), qPrintable(text));
        QVERIFY2(!button(text)->isEnabled(), qPrintable(text));
    }
    auto *why = dialog.findChild<QLabel *>(QStringLiteral("ReadOnlyReason"));
    QVERIFY(why && !why->isHidden());
    QVERIFY2(why->text().contains(QStringLiteral("not saved")), qPrintable(why->text()));
    // The saved one stays editable.
    dialog.list()->setCurrentRow(0);
    QVERIFY(button(QStringLiteral("&Edit…"))->isEnabled());
    QVERIFY(why->isHidden());
}

QTEST_MAIN(WindowTest)
#include "tst_window.moc"
