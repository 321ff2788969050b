// The console on a Slurm centre, offscreen, against real gateways on the Slurm test cluster
// (tests/slurm registers this test with the cluster's fixture). A gateway given no PUE, no grid
// carbon factor and no accelerator exporter: the Overview and Energy pages, the Federation
// column and the wall's energy page say "Not configured", never a default or 0, and a node's
// charts say that no telemetry source is configured rather than "No data yet". The same
// cluster's gateway started with --pue 1.25 --province Shanghai shows its PUE and grid factor.
#include "app/dialogs/NodeDetailDialog.h"
#include "app/models/EnergyFigures.h"
#include "app/models/FederationModel.h"
#include "app/models/Words.h"
#include "app/pages/EnergyPage.h"
#include "app/pages/OverviewPage.h"
#include "app/wall/WallEnergyPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "tests/slurm/SlurmCluster.h"
#include "widgets/KpiTile.h"
#include "widgets/TimeSeriesPlot.h"

#include <QApplication>
#include <QtTest>
#include <memory>

using namespace suanli;
using test::looksLikeZero;
using test::tileTitled;
using Figure = app::FederationModel::Figure;
using widgets::TimeSeriesPlot;

namespace {
constexpr int kTimeoutMs = 60000;

} // namespace

class SlurmConsoleTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void overviewPageSaysNotConfigured();
    void energyPageSaysNotConfigured();
    void federationColumnSaysNotConfigured();
    void wallEnergyPageSaysNotConfigured();
    void nodeChartsSayNoTelemetrySourceIsConfigured();

private:
    struct Centre {
        std::unique_ptr<test::GatewayProcess> gateway;
        std::unique_ptr<client::Connection> connection;
    };
    static bool start(Centre *centre, const QString &name, const std::vector<std::string> &facts);

    Centre m_bare;
    Centre m_configured;
};

bool SlurmConsoleTest::start(
    Centre *centre, const QString &name, const std::vector<std::string> &facts)
{
    std::vector<std::string> args = test::SlurmCluster::instance().gatewayArgs("1");
    args.insert(args.end(), facts.begin(), facts.end());
    centre->gateway = std::make_unique<test::GatewayProcess>(args);
    if (!centre->gateway->start()) {
        qWarning("suanlid did not start: %s", centre->gateway->error().c_str());
        return false;
    }
    const std::string token = centre->gateway->addUser("console", "viewer");
    centre->connection
        = std::make_unique<client::Connection>(profileFor(*centre->gateway, token, name));
    // The node charts are opened from the Nodes page, which watches the nodes.
    centre->connection->acquire(client::Connection::Collection::Nodes);
    centre->connection->open();
    return true;
}

void SlurmConsoleTest::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    std::string error;
    QVERIFY2(test::SlurmCluster::instance().reset(&error), error.c_str());
    QVERIFY(start(&m_bare, QStringLiteral("Slurm"), {}));
    QVERIFY(start(&m_configured, QStringLiteral("Slurm configured"),
        { "--pue", "1.25", "--province", "Shanghai" }));
    for (const Centre *c : { &m_bare, &m_configured }) {
        QTRY_COMPARE_WITH_TIMEOUT(
            c->connection->state(), client::Connection::State::Live, kTimeoutMs);
        // The cluster's nodes are in.
        QTRY_VERIFY_WITH_TIMEOUT(c->connection->site()->overview().nodes_total() == 4, kTimeoutMs);
    }
}

void SlurmConsoleTest::cleanupTestCase()
{
    m_bare.connection.reset();
    m_configured.connection.reset();
    m_bare.gateway.reset();
    m_configured.gateway.reset();
}

void SlurmConsoleTest::overviewPageSaysNotConfigured()
{
    app::OverviewPage page(m_bare.connection.get());
    auto *pue = tileTitled(&page, QStringLiteral("PUE"));
    auto *carbon = tileTitled(&page, QStringLiteral("Carbon per hour"));
    auto *power = tileTitled(&page, QStringLiteral("Facility power"));
    QVERIFY(pue && carbon && power);
    QCOMPARE(pue->valueText(), app::EnergyFigures::notConfigured());
    QCOMPARE(pue->valueText(), QStringLiteral("Not configured"));
    QCOMPARE(pue->explanation(), app::EnergyFigures::notConfiguredTooltip());
    QVERIFY(pue->toolTip().contains(pue->explanation()));
    QCOMPARE(carbon->subtitle(), QStringLiteral("grid carbon factor not configured"));
    // Without an exporter power and emissions are not measured at all: that is said first.
    QCOMPARE(power->valueText(), app::Words::noTelemetry());
    QCOMPARE(carbon->valueText(), app::Words::noTelemetry());
    for (auto *t : { pue, carbon, power })
        QVERIFY2(!looksLikeZero(t->valueText()), qPrintable(t->valueText()));

    app::OverviewPage configured(m_configured.connection.get());
    QCOMPARE(tileTitled(&configured, QStringLiteral("PUE"))->valueText(), QStringLiteral("1.25"));
    QVERIFY(tileTitled(&configured, QStringLiteral("PUE"))->explanation().isEmpty());
    QCOMPARE(tileTitled(&configured, QStringLiteral("Carbon per hour"))->subtitle(),
        QStringLiteral("grid 585 g/kWh"));
}

void SlurmConsoleTest::energyPageSaysNotConfigured()
{
    app::EnergyPage page(m_bare.connection.get());
    page.resize(1200, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString pueText
        = QStringLiteral("Not configured: this centre's gateway was not given its PUE");
    QTRY_COMPARE_WITH_TIMEOUT(page.puePlot()->overlayText(), pueText, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(page.carbonPlot()->overlayText(),
        QStringLiteral(
            "Not configured: this centre's gateway was not given its grid's carbon factor"),
        kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(page.emissionsPlot()->overlayText(),
        QStringLiteral(
            "Not configured: emissions need the centre's PUE and its grid's carbon factor"),
        kTimeoutMs);
    QVERIFY(!page.puePlot()->isSeriesAvailable(QStringLiteral("pue")));
    QCOMPARE(page.puePlot()->pointCount(QStringLiteral("pue")), 0);
    // IT power is measured (here: not, without an exporter, but it has a source); facility
    // power is the one not configured.
    QCOMPARE(page.powerPlot()->legendText(QStringLiteral("facility")),
        QStringLiteral("Facility (IT × PUE) (not configured)"));

    app::EnergyPage configured(m_configured.connection.get());
    configured.resize(1200, 900);
    configured.show();
    QVERIFY(QTest::qWaitForWindowExposed(&configured));
    QTRY_VERIFY_WITH_TIMEOUT(
        configured.puePlot()->pointCount(QStringLiteral("pue")) > 0, kTimeoutMs);
    QVERIFY(configured.puePlot()->isSeriesAvailable(QStringLiteral("pue")));
    QTRY_COMPARE_WITH_TIMEOUT(configured.puePlot()->overlayText(), QString(), kTimeoutMs);
}

void SlurmConsoleTest::federationColumnSaysNotConfigured()
{
    app::FederationModel model;
    QAbstractItemModelTester tester(&model);
    model.addCentre(m_bare.connection.get());
    model.addCentre(m_configured.connection.get());
    const int bare = model.columnOf(m_bare.connection.get());
    const int configured = model.columnOf(m_configured.connection.get());
    const int total = model.totalColumn();
    const int pue = model.rowOf(Figure::Pue);
    QCOMPARE(model.index(pue, bare).data().toString(), QStringLiteral("Not configured"));
    QCOMPARE(model.index(pue, bare).data(Qt::ToolTipRole).toString(),
        app::EnergyFigures::notConfiguredTooltip());
    QVERIFY(!model.value(bare, Figure::Pue));
    QCOMPARE(model.index(pue, configured).data().toString(), QStringLiteral("1.25"));
    QCOMPARE(model.centresWith(Figure::Pue), 1);
    QVERIFY(model.totalIsPartial(Figure::Pue));
    // Neither measures power: facility power and carbon are "not measured" in every column.
    for (Figure f : { Figure::FacilityPower, Figure::Carbon })
        for (int column : { bare, configured, total })
            QCOMPARE(
                model.index(model.rowOf(f), column).data().toString(), app::Words::noTelemetry());
    for (Figure f : { Figure::FacilityPower, Figure::Pue, Figure::Carbon }) {
        const QString text = model.index(model.rowOf(f), bare).data().toString();
        QVERIFY2(!looksLikeZero(text), qPrintable(text));
    }
}

void SlurmConsoleTest::wallEnergyPageSaysNotConfigured()
{
    app::WallEnergyPage bare(m_bare.connection.get());
    bare.refresh();
    QCOMPARE(bare.pue()->valueText(), QStringLiteral("Not configured"));
    QCOMPARE(tileTitled(&bare, QStringLiteral("Grid carbon intensity"))->valueText(),
        QStringLiteral("Not configured"));
    QCOMPARE(tileTitled(&bare, QStringLiteral("Grid carbon intensity"))->unit(), QString());
    app::WallEnergyPage configured(m_configured.connection.get());
    configured.refresh();
    QCOMPARE(configured.pue()->valueText(), QStringLiteral("1.25"));
    QCOMPARE(tileTitled(&configured, QStringLiteral("Grid carbon intensity"))->valueText(),
        QStringLiteral("585"));
}

void SlurmConsoleTest::nodeChartsSayNoTelemetrySourceIsConfigured()
{
    const QStringList nodes = m_bare.connection->site()->nodes().items.keys();
    QVERIFY(!nodes.isEmpty());
    QPointer<app::NodeDetailDialog> dialog
        = new app::NodeDetailDialog(m_bare.connection.get(), nodes.first());
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    const QString noSource = QStringLiteral("No telemetry source is configured for this centre: "
                                            "its gateway reads no accelerator exporter");
    for (TimeSeriesPlot *plot : { dialog->utilisationPlot(), dialog->memoryPlot(),
             dialog->temperaturePlot(), dialog->powerPlot() }) {
        QTRY_COMPARE_WITH_TIMEOUT(plot->overlayText(), noSource, kTimeoutMs);
        QVERIFY(!plot->isSeriesAvailable(QStringLiteral("node")));
        QCOMPARE(plot->legendText(QStringLiteral("acc0"))
                     .endsWith(QStringLiteral("(no telemetry source)")),
            true);
    }
    dialog->close();
    QTRY_VERIFY(!dialog);
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (const int code = test::SlurmCluster::load(); code != 0)
        return code;
    SlurmConsoleTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_slurm_console.moc"
