// A centre whose overview says it has no accelerator telemetry (a Slurm
// gateway without an accelerator exporter): the Overview page, the Federation
// table and tiles and the wall's KPI and energy pages say "No data" for
// utilisation, power and carbon, never 0 % or 0 W; the Federation Total says
// it covers only the centres that measure them. A centre whose gateway was
// given no PUE or grid carbon factor (its overview leaves them unset): the
// same places say "Not configured", never a default or 0.
#include "app/models/EnergyFigures.h"
#include "app/models/FederationModel.h"
#include "app/models/Words.h"
#include "app/pages/FederationPage.h"
#include "app/pages/OverviewPage.h"
#include "app/wall/WallEnergyPage.h"
#include "app/wall/WallKpiPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "widgets/KpiTile.h"

#include <QtTest>

using namespace suanli;
using test::looksLikeZero;
using test::tileTitled;
using Figure = app::FederationModel::Figure;

namespace {

// The overview a gateway sends for a centre of 4 nodes, with or without telemetry (without it
// the gateway leaves the measured figures at 0), with or without its site facts (without them
// PUE, carbon intensity, facility power and emissions are unset).
v1::Overview overview(const std::string &site, bool telemetry, bool configured = true)
{
    v1::Overview o;
    o.set_site(site);
    o.set_nodes_total(4);
    auto *c = o.add_accelerators();
    c->set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    c->set_total(32);
    c->set_in_use(16);
    c->set_free(16);
    o.set_jobs_running(3);
    o.set_telemetry_available(telemetry);
    if (telemetry) {
        o.set_utilisation_percent(40);
        o.set_it_power_watts(20000);
    }
    if (!configured)
        return o;
    o.set_pue(1.3);
    o.set_carbon_intensity_g_per_kwh(550);
    if (telemetry) {
        o.set_facility_power_watts(26000);
        o.set_emissions_kg_per_hour(14.3);
    }
    return o;
}

client::ConnectionProfile profile(const QString &name)
{
    client::ConnectionProfile p;
    p.name = name;
    p.address = QStringLiteral("127.0.0.1:1");
    return p;
}

} // namespace

class TestNoTelemetry : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void overviewPageSaysNoData();
    void overviewPageShowsMeasuredFigures();
    void federationSaysNoDataPerCentreAndPartialTotal();
    void federationWithoutAnyTelemetry();
    void wallPagesSayNoData();
    void overviewPageSaysNotConfigured();
    void federationSaysNotConfiguredPerCentreAndPartialTotal();
    void wallPagesSayNotConfigured();
};

void TestNoTelemetry::overviewPageSaysNoData()
{
    client::Connection centre(profile(QStringLiteral("slurm")));
    app::OverviewPage page(&centre);
    centre.site()->setOverview(overview("Slurm Centre", false));
    for (const QString &title : { QStringLiteral("Utilisation"), QStringLiteral("Facility power"),
             QStringLiteral("Carbon per hour") }) {
        auto *t = tileTitled(&page, title);
        QVERIFY2(t, qPrintable(title));
        QCOMPARE(t->valueText(), app::Words::noTelemetry());
        QVERIFY2(!looksLikeZero(t->valueText()), qPrintable(t->valueText()));
        QCOMPARE(t->explanation(), app::Words::noTelemetryTooltip());
        QVERIFY(t->toolTip().contains(t->explanation()));
    }
    // Figures that need no telemetry are shown as usual.
    QCOMPARE(tileTitled(&page, QStringLiteral("Jobs running"))->valueText(), QStringLiteral("3"));
    QCOMPARE(
        tileTitled(&page, QStringLiteral("PUE"))->valueText(), QLocale().toString(1.3, 'f', 2));
}

void TestNoTelemetry::overviewPageShowsMeasuredFigures()
{
    client::Connection centre(profile(QStringLiteral("sim")));
    app::OverviewPage page(&centre);
    centre.site()->setOverview(overview("Sim Centre", true));
    QCOMPARE(
        tileTitled(&page, QStringLiteral("Utilisation"))->valueText(), app::Words::percent(40));
    QCOMPARE(
        tileTitled(&page, QStringLiteral("Facility power"))->valueText(), app::Words::power(26000));
    QCOMPARE(tileTitled(&page, QStringLiteral("Carbon per hour"))->valueText(),
        QLocale().toString(14.3, 'f', 0));
}

void TestNoTelemetry::federationSaysNoDataPerCentreAndPartialTotal()
{
    client::Connection sim(profile(QStringLiteral("sim")));
    client::Connection slurm(profile(QStringLiteral("slurm")));
    sim.site()->setOverview(overview("Sim Centre", true));
    slurm.site()->setOverview(overview("Slurm Centre", false));
    app::FederationModel model;
    model.addCentre(&sim);
    model.addCentre(&slurm);
    QCOMPARE(model.reportingCentres(), 2);
    QCOMPARE(model.telemetryCentres(), 1);
    const int simColumn = model.columnOf(&sim);
    const int slurmColumn = model.columnOf(&slurm);
    const int total = model.totalColumn();
    for (Figure f :
        { Figure::Utilisation, Figure::ItPower, Figure::FacilityPower, Figure::Carbon }) {
        const int row = model.rowOf(f);
        QVERIFY(row >= 0);
        QVERIFY(!model.value(slurmColumn, f));
        QCOMPARE(model.index(row, slurmColumn).data().toString(), app::Words::noTelemetry());
        QVERIFY(!model.index(row, slurmColumn).data(Qt::ToolTipRole).toString().isEmpty());
        // The Total is the measuring centre's figure, and says so.
        QCOMPARE(*model.value(total, f), *model.value(simColumn, f));
        const QString text = model.index(row, total).data().toString();
        QVERIFY2(text.contains(QStringLiteral("(1 of 2 centres)")), qPrintable(text));
        QVERIFY(!model.index(row, total).data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(model.totalIsPartial(f));
    }
    QCOMPARE(*model.value(total, Figure::Utilisation), 40.0);
    // Figures every centre reports are summed as before, without the note.
    QCOMPARE(*model.value(total, Figure::JobsRunning), 6.0);
    QVERIFY(!model.totalIsPartial(Figure::JobsRunning));
    QCOMPARE(model.index(model.rowOf(Figure::JobsRunning), total).data().toString(),
        QStringLiteral("6"));
}

void TestNoTelemetry::federationWithoutAnyTelemetry()
{
    client::Connection slurm(profile(QStringLiteral("slurm")));
    app::FederationPage page;
    auto *model = page.model();
    QVERIFY(model);
    slurm.site()->setOverview(overview("Slurm Centre", false));
    model->addCentre(&slurm);
    const int total = model->totalColumn();
    for (Figure f : { Figure::Utilisation, Figure::FacilityPower, Figure::Carbon }) {
        QVERIFY(!model->value(total, f));
        QCOMPARE(model->index(model->rowOf(f), total).data().toString(), app::Words::noTelemetry());
    }
    for (const QString &title : { QStringLiteral("Utilisation"), QStringLiteral("Facility power"),
             QStringLiteral("Carbon per hour") }) {
        auto *t = tileTitled(&page, title);
        QVERIFY2(t, qPrintable(title));
        QTRY_COMPARE(t->valueText(), app::Words::noTelemetry());
    }
}

void TestNoTelemetry::wallPagesSayNoData()
{
    client::Connection slurm(profile(QStringLiteral("slurm")));
    slurm.site()->setOverview(overview("Slurm Centre", false));
    app::WallKpiPage kpi(&slurm);
    kpi.refresh();
    QCOMPARE(
        tileTitled(&kpi, QStringLiteral("Utilisation"))->valueText(), app::Words::noTelemetry());
    QCOMPARE(tileTitled(&kpi, QStringLiteral("Jobs running"))->valueText(), QStringLiteral("3"));
    app::WallEnergyPage energy(&slurm);
    energy.refresh();
    for (const QString &title : { QStringLiteral("Facility power"), QStringLiteral("IT power"),
             QStringLiteral("Carbon per hour"), QStringLiteral("Carbon per day") })
        QCOMPARE(tileTitled(&energy, title)->valueText(), app::Words::noTelemetry());
    // PUE and the grid's carbon intensity are the centre's own figures, not measured.
    QCOMPARE(
        tileTitled(&energy, QStringLiteral("PUE"))->valueText(), QLocale().toString(1.3, 'f', 2));
    QCOMPARE(tileTitled(&energy, QStringLiteral("Grid carbon intensity"))->valueText(),
        QLocale().toString(550.0, 'f', 0));
}

void TestNoTelemetry::overviewPageSaysNotConfigured()
{
    client::Connection centre(profile(QStringLiteral("slurm")));
    app::OverviewPage page(&centre);
    // Before any overview nothing is known to be missing.
    QCOMPARE(tileTitled(&page, QStringLiteral("PUE"))->valueText(), app::Words::noData());
    centre.site()->setOverview(overview("Slurm Centre", true, false));
    for (const QString &title : { QStringLiteral("PUE"), QStringLiteral("Facility power"),
             QStringLiteral("Carbon per hour") }) {
        auto *t = tileTitled(&page, title);
        QVERIFY2(t, qPrintable(title));
        QCOMPARE(t->valueText(), app::EnergyFigures::notConfigured());
        QCOMPARE(t->explanation(), app::EnergyFigures::notConfiguredTooltip());
        QVERIFY(t->toolTip().contains(t->explanation()));
        QVERIFY(t->unit().isEmpty());
    }
    QCOMPARE(tileTitled(&page, QStringLiteral("Carbon per hour"))->subtitle(),
        QStringLiteral("grid carbon factor not configured"));
    // What is measured is still shown.
    QCOMPARE(
        tileTitled(&page, QStringLiteral("Utilisation"))->valueText(), app::Words::percent(40));
    QCOMPARE(tileTitled(&page, QStringLiteral("Facility power"))->subtitle(),
        QStringLiteral("IT %1").arg(app::Words::power(20000)));
    // Configured, the figures come back.
    centre.site()->setOverview(overview("Slurm Centre", true));
    QCOMPARE(
        tileTitled(&page, QStringLiteral("PUE"))->valueText(), QLocale().toString(1.3, 'f', 2));
    QVERIFY(tileTitled(&page, QStringLiteral("PUE"))->explanation().isEmpty());
}

void TestNoTelemetry::federationSaysNotConfiguredPerCentreAndPartialTotal()
{
    client::Connection sim(profile(QStringLiteral("sim")));
    client::Connection slurm(profile(QStringLiteral("slurm")));
    sim.site()->setOverview(overview("Sim Centre", true));
    slurm.site()->setOverview(overview("Slurm Centre", true, false));
    app::FederationModel model;
    QAbstractItemModelTester tester(&model);
    model.addCentre(&sim);
    model.addCentre(&slurm);
    const int simColumn = model.columnOf(&sim);
    const int slurmColumn = model.columnOf(&slurm);
    const int total = model.totalColumn();
    for (Figure f : { Figure::FacilityPower, Figure::Pue, Figure::Carbon }) {
        const int row = model.rowOf(f);
        QVERIFY(!model.value(slurmColumn, f));
        QCOMPARE(
            model.index(row, slurmColumn).data().toString(), app::EnergyFigures::notConfigured());
        QCOMPARE(model.index(row, slurmColumn).data(Qt::ToolTipRole).toString(),
            app::EnergyFigures::notConfiguredTooltip());
        // The Total is the configured centre's figure, and says so.
        QVERIFY(model.totalIsPartial(f));
        QCOMPARE(model.centresWith(f), 1);
        QCOMPARE(*model.value(total, f), *model.value(simColumn, f));
        const QString text = model.index(row, total).data().toString();
        QVERIFY2(text.contains(QStringLiteral("(1 of 2 centres)")), qPrintable(text));
        QVERIFY2(model.index(row, total)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .contains(QStringLiteral("PUE or grid carbon factor")),
            qPrintable(model.index(row, total).data(Qt::ToolTipRole).toString()));
    }
    // Measured figures need no site facts: both centres count.
    QCOMPARE(*model.value(total, Figure::ItPower), 40000.0);
    QVERIFY(!model.totalIsPartial(Figure::ItPower));

    // No centre configured: the Total says so too, and the page's tiles.
    sim.site()->setOverview(overview("Sim Centre", true, false));
    QCOMPARE(model.index(model.rowOf(Figure::Pue), total).data().toString(),
        app::EnergyFigures::notConfigured());
    app::FederationPage page;
    page.model()->addCentre(&slurm);
    QTRY_COMPARE(tileTitled(&page, QStringLiteral("Facility power"))->valueText(),
        app::EnergyFigures::notConfigured());
    QCOMPARE(tileTitled(&page, QStringLiteral("Facility power"))->subtitle(),
        QStringLiteral("PUE not configured"));
    QCOMPARE(tileTitled(&page, QStringLiteral("Carbon per hour"))->valueText(),
        app::EnergyFigures::notConfigured());
}

void TestNoTelemetry::wallPagesSayNotConfigured()
{
    client::Connection slurm(profile(QStringLiteral("slurm")));
    slurm.site()->setOverview(overview("Slurm Centre", true, false));
    app::WallEnergyPage energy(&slurm);
    energy.refresh();
    for (const QString &title : { QStringLiteral("Facility power"), QStringLiteral("PUE"),
             QStringLiteral("Grid carbon intensity"), QStringLiteral("Carbon per hour"),
             QStringLiteral("Carbon per day") }) {
        QCOMPARE(tileTitled(&energy, title)->valueText(), app::EnergyFigures::notConfigured());
        QVERIFY(tileTitled(&energy, title)->unit().isEmpty());
    }
    QCOMPARE(
        tileTitled(&energy, QStringLiteral("IT power"))->valueText(), app::Words::power(20000));
}

QTEST_MAIN(TestNoTelemetry)
#include "tst_notelemetry.moc"
