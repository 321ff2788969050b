// The console's charts against a real simulated centre, offscreen: the energy page, the
// overview's trend and queue charts and a node's detail show the gateway's points, with faults
// marked on the node's time axis.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/charts/FederationEnergyChart.h"
#include "app/charts/MetricsFeed.h"
#include "app/charts/TenantUsageChart.h"
#include "app/dialogs/NodeDetailDialog.h"
#include "app/pages/EnergyPage.h"
#include "app/pages/NodesPage.h"
#include "app/pages/OverviewPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QtTest>
#include <cmath>

using namespace suanli;
using widgets::TimeSeriesPlot;

namespace {
// A simulated minute a second; 256 nodes so the seeded centre starts with faulty nodes; a day
// of history, as the demo's centres have.
const std::vector<std::string> kCentre = { "--sim-nodes", "256", "--sim-jobs", "600", "--sim-speed",
    "60", "--tick", "0.2", "--sim-history", "24" };
constexpr int kTimeoutMs = 60000;

int pixelsOf(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < 40)
                ++n;
        }
    return n;
}
} // namespace

class ChartsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_gateway = std::make_unique<test::GatewayProcess>(kCentre);
        QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
        m_token = m_gateway->addUser("wall", "viewer");
        m_federation = std::make_unique<app::Federation>();
        m_window = std::make_unique<app::MainWindow>(m_federation.get());
        m_window->resize(1600, 1000);
        m_centre = m_federation->addCentre(profileFor(*m_gateway, m_token));
        m_window->show();
        QTRY_COMPARE_WITH_TIMEOUT(m_centre->state(), client::Connection::State::Live, kTimeoutMs);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_federation.reset();
        m_gateway.reset();
    }

    void energyPageShowsTheCentresPoints()
    {
        auto *energy = qobject_cast<app::EnergyPage *>(
            m_window->page(m_centre, QStringLiteral("EnergyPage")));
        QVERIFY(energy);
        QVERIFY(m_window->showPage(m_centre, QStringLiteral("EnergyPage")));
        TimeSeriesPlot *power = energy->powerPlot();
        QTRY_VERIFY_WITH_TIMEOUT(power->pointCount(QStringLiteral("facility")) >= 3, kTimeoutMs);
        QVERIFY(power->pointCount(QStringLiteral("it")) >= 3);
        QVERIFY(power->overlayText().isEmpty());
        // A day of history: the page's 24 h, filled from its start.
        QCOMPARE(power->range(), TimeSeriesPlot::Range::Day);
        QTRY_VERIFY_WITH_TIMEOUT(
            power->valueAt(QStringLiteral("it"), energy->feed()->newestTime() - 23 * 3600.0) > 0,
            kTimeoutMs);
        // The axis ends at the gateway's newest minute, not at this computer's clock.
        QTRY_COMPARE(power->timeUpper(), energy->feed()->newestTime());
        // Facility power is IT power times PUE.
        const double t = energy->feed()->newestTime();
        const double facility = power->valueAt(QStringLiteral("facility"), t);
        const double it = power->valueAt(QStringLiteral("it"), t);
        const double pue = energy->puePlot()->valueAt(QStringLiteral("pue"), t);
        QVERIFY(facility > it && it > 0);
        QVERIFY2(std::abs(facility / it - pue) < 0.01, qPrintable(QString::number(pue)));
        for (auto *plot : { energy->puePlot(), energy->carbonPlot(), energy->emissionsPlot() })
            QTRY_VERIFY(plot->pointCount(plot->seriesKeys().first()) >= 3);

        // Another range asks for that much history.
        power->setRange(TimeSeriesPlot::Range::Hour);
        Q_EMIT power->rangeChanged(TimeSeriesPlot::Range::Hour);
        QCOMPARE(energy->emissionsPlot()->range(), TimeSeriesPlot::Range::Hour);
        QCOMPARE(power->timeUpper() - power->timeLower(), 3600.0);
        // Drawn on screen in the facility power colour.
        QTRY_VERIFY(pixelsOf(power->plotWidget()->grab().toImage(),
                        power->seriesColour(QStringLiteral("facility")))
            > 200);
    }

    void overviewShowsTrendAndQueues()
    {
        auto *overview = qobject_cast<app::OverviewPage *>(
            m_window->page(m_centre, QStringLiteral("OverviewPage")));
        QVERIFY(overview);
        QVERIFY(m_window->showPage(m_centre, QStringLiteral("OverviewPage")));
        QTRY_VERIFY_WITH_TIMEOUT(
            overview->trendPlot()->pointCount(QStringLiteral("utilisation")) >= 2, kTimeoutMs);
        QVERIFY(overview->trendPlot()->pointCount(QStringLiteral("facility")) >= 2);
        QStringList queues = m_centre->site()->queues().items.keys();
        queues.sort();
        QVERIFY(!queues.isEmpty());
        QCOMPARE(overview->queueDepthPlot()->seriesKeys(), queues);
        QCOMPARE(overview->queueWaitPlot()->seriesKeys().size(), queues.size() * 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            overview->queueDepthPlot()->pointCount(queues.first()) >= 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            overview->queueWaitPlot()->pointCount(queues.first() + QStringLiteral("/p95")) >= 2,
            kTimeoutMs);
        // A queue has the same colour in both charts.
        QCOMPARE(overview->queueDepthPlot()->seriesColour(queues.first()),
            overview->queueWaitPlot()->seriesColour(queues.first() + QStringLiteral("/p50")));
    }

    void nodeDetailShowsAcceleratorsAndFaults()
    {
        // A node with a fault: the seeded centre starts with some. The nodes are watched while
        // their page is shown.
        QVERIFY(m_window->showPage(m_centre, QStringLiteral("NodesPage")));
        QString node;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto &alerts = m_centre->site()->alerts().items;
                for (const auto &a : alerts) {
                    const QString target = QString::fromStdString(a.target()).section(u'/', 0, 0);
                    if (m_centre->site()->nodes().items.contains(target)) {
                        node = target;
                        return true;
                    }
                }
                return false;
            }(),
            kTimeoutMs);
        auto *nodes
            = qobject_cast<app::NodesPage *>(m_window->page(m_centre, QStringLiteral("NodesPage")));
        QVERIFY(nodes);
        QVERIFY(m_window->showPage(m_centre, QStringLiteral("NodesPage")));
        QPointer<app::NodeDetailDialog> dialog = nodes->openNodeDetail(node);
        QVERIFY(dialog);
        QCOMPARE(dialog->node(), node);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        TimeSeriesPlot *utilisation = dialog->utilisationPlot();
        QCOMPARE(utilisation->seriesKeys().size(),
            m_centre->site()->nodes().items.value(node).accelerators_total() + 1);
        for (TimeSeriesPlot *plot : { dialog->utilisationPlot(), dialog->memoryPlot(),
                 dialog->temperaturePlot(), dialog->powerPlot() }) {
            QTRY_VERIFY_WITH_TIMEOUT(plot->pointCount(QStringLiteral("acc0")) >= 2, kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(plot->pointCount(QStringLiteral("node")) >= 2, kTimeoutMs);
            QVERIFY(plot->markerCount() >= 1);
            // Accelerator 3 has the same colour in every chart.
            QCOMPARE(
                plot->seriesColour(QStringLiteral("acc3")), widgets::Palette::categoryColour(3));
        }
        // The node's power is the sum of its cards and more.
        const double t = dialog->feed()->newestTime();
        double cards = 0;
        for (int i = 0; i < 8; ++i)
            cards += dialog->powerPlot()->valueAt(QStringLiteral("acc%1").arg(i), t);
        const double whole = dialog->powerPlot()->valueAt(QStringLiteral("node"), t);
        QVERIFY2(whole >= cards * 0.99, qPrintable(QStringLiteral("%1 %2").arg(whole).arg(cards)));
        // The crosshair on a fault names it.
        const auto &alerts = m_centre->site()->alerts().items;
        for (const auto &a : alerts) {
            if (QString::fromStdString(a.target()).section(u'/', 0, 0) != node)
                continue;
            utilisation->showCrosshairAt(double(a.raise_time().seconds()));
            QVERIFY2(utilisation->crosshairText().contains(QString::fromStdString(a.summary())),
                qPrintable(utilisation->crosshairText()));
            break;
        }
        dialog->close();
        QTRY_VERIFY(dialog.isNull()); // deleted on close: its streams end with it
    }

    void tenantChartShowsUsageAgainstQuota()
    {
        // The chart is embedded in the Tenants page, which has the tenants watched.
        QVERIFY(m_window->showPage(m_centre, QStringLiteral("TenantsPage")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_centre->site()->tenants().items.isEmpty(), kTimeoutMs);
        // The tenant with the most quota lines.
        v1::Tenant tenant;
        for (const auto &t : m_centre->site()->tenants().items)
            if (t.quotas_size() > tenant.quotas_size())
                tenant = t;
        QVERIFY(tenant.quotas_size() > 0);
        app::TenantUsageChart chart(m_centre, QString::fromStdString(tenant.id()));
        chart.resize(1000, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        TimeSeriesPlot *usage = chart.usagePlot();
        int limited = 0;
        for (const auto &q : tenant.quotas())
            limited += q.max_accelerators() > 0;
        QCOMPARE(usage->referenceLineCount(), limited);
        const QString first = usage->seriesKeys().value(0);
        QVERIFY2(first.startsWith(QStringLiteral("accelerators_in_use:")), qPrintable(first));
        QTRY_VERIFY_WITH_TIMEOUT(usage->pointCount(first) >= 2, kTimeoutMs);
        // Accelerator-hours of today: one bar, as many hours as the hourly means add up to.
        QTRY_VERIFY_WITH_TIMEOUT(
            chart.hoursPlot()->pointCount(QStringLiteral("hours")) >= 1, kTimeoutMs);
        QTRY_VERIFY2(chart.hoursPlot()->overlayText().isEmpty(),
            qPrintable(chart.hoursPlot()->overlayText()));
    }

    void chartsOpenOnARangeThatFitsTheirHistory()
    {
        // A centre with 24 minutes behind it: its 24 h charts open on the hour, not on an
        // almost empty day; a range the user picks stays.
        test::GatewayProcess young({ "--sim-nodes", "32", "--sim-jobs", "100", "--sim-speed", "0",
            "--tick", "0.2", "--sim-history", "0.4" });
        QVERIFY2(young.start(), young.error().c_str());
        client::Connection *centre
            = m_federation->addCentre(profileFor(young, young.addUser("wall", "viewer")));
        QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, kTimeoutMs);
        auto *energy
            = qobject_cast<app::EnergyPage *>(m_window->page(centre, QStringLiteral("EnergyPage")));
        QVERIFY(energy);
        QSignalSpy loaded(energy->feed(), &app::MetricsFeed::historyLoaded);
        QVERIFY(m_window->showPage(centre, QStringLiteral("EnergyPage")));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kTimeoutMs);
        QCOMPARE(energy->feed()->range(), TimeSeriesPlot::Range::Hour);
        for (auto *plot : { energy->powerPlot(), energy->puePlot(), energy->emissionsPlot() })
            QCOMPARE(plot->range(), TimeSeriesPlot::Range::Hour);
        QCOMPARE(energy->powerPlot()->timeUpper() - energy->powerPlot()->timeLower(), 3600.0);
        QVERIFY(energy->powerPlot()->pointCount(QStringLiteral("it")) >= 20);

        energy->powerPlot()->setRange(TimeSeriesPlot::Range::Day);
        Q_EMIT energy->powerPlot()->rangeChanged(TimeSeriesPlot::Range::Day);
        QCOMPARE(energy->feed()->range(), TimeSeriesPlot::Range::Day);
        QCOMPARE(energy->emissionsPlot()->range(), TimeSeriesPlot::Range::Day);
        m_federation->removeCentre(centre);

        // The choice itself, by the history's length and the longest range asked for.
        using app::MetricsFeed;
        QCOMPARE(MetricsFeed::fittingRange(60, TimeSeriesPlot::Range::Day),
            TimeSeriesPlot::Range::Minutes15);
        QCOMPARE(MetricsFeed::fittingRange(900, TimeSeriesPlot::Range::Day),
            TimeSeriesPlot::Range::Minutes15);
        QCOMPARE(MetricsFeed::fittingRange(901, TimeSeriesPlot::Range::Day),
            TimeSeriesPlot::Range::Hour);
        QCOMPARE(MetricsFeed::fittingRange(86100, TimeSeriesPlot::Range::Day),
            TimeSeriesPlot::Range::Day);
        QCOMPARE(MetricsFeed::fittingRange(7 * 86400.0, TimeSeriesPlot::Range::Day),
            TimeSeriesPlot::Range::Day);
        QCOMPARE(MetricsFeed::fittingRange(3 * 3600.0, TimeSeriesPlot::Range::Hour),
            TimeSeriesPlot::Range::Hour);
    }

    void federationChartComparesCentres()
    {
        app::FederationEnergyChart chart({ m_centre });
        chart.resize(1000, 700);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QCOMPARE(chart.powerPlot()->seriesLabel(QStringLiteral("0")), m_centre->profile().name);
        QTRY_VERIFY_WITH_TIMEOUT(
            chart.powerPlot()->pointCount(QStringLiteral("0")) >= 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            chart.emissionsPlot()->pointCount(QStringLiteral("0")) >= 2, kTimeoutMs);
        QCOMPARE(chart.powerPlot()->seriesColour(QStringLiteral("0")),
            chart.emissionsPlot()->seriesColour(QStringLiteral("0")));
    }

private:
    std::unique_ptr<test::GatewayProcess> m_gateway;
    std::string m_token;
    std::unique_ptr<app::Federation> m_federation;
    std::unique_ptr<app::MainWindow> m_window;
    client::Connection *m_centre = nullptr;
};

QTEST_MAIN(ChartsTest)
#include "tst_charts.moc"
