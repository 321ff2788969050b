// The figures of a centre's overview and of several centres together: accelerators by state
// (unavailable ones on drained nodes included) add up to the total, per model and in all;
// utilisation is weighted by usable accelerators, PUE is facility over IT power, and a figure a
// centre lacks (no telemetry, not configured) is left out and counted as missing, never as 0.
#include "app/models/OverviewFigures.h"
#include "suanli/v1/scheduler.pb.h"

#include <QtTest>

using namespace suanli;
using namespace suanli::app;
using Figure = EnergyFigures::Figure;

namespace {

struct Counts {
    v1::AcceleratorModel model;
    qint64 inUse, free, down, unavailable;
};

// A centre's overview with accelerators counted as the gateway counts them: the total is what
// is in use, free, down and unavailable.
v1::Overview overview(
    const char *site, const QList<Counts> &counts, qint64 running, qint64 pending, qint64 held = 0)
{
    v1::Overview o;
    o.set_site(site);
    for (const Counts &c : counts) {
        auto *a = o.add_accelerators();
        a->set_model(c.model);
        a->set_total(c.inUse + c.free + c.down + c.unavailable);
        a->set_in_use(c.inUse);
        a->set_free(c.free);
        a->set_down(c.down);
        a->set_unavailable(c.unavailable);
    }
    o.set_jobs_running(running);
    o.set_jobs_pending(pending);
    o.set_jobs_held(held);
    return o;
}

// Accelerator telemetry and, when pue > 0, the site's PUE and grid carbon factor.
void measure(v1::Overview *o, double utilisation, double itWatts, double pue, double gPerKwh)
{
    o->set_telemetry_available(true);
    o->set_utilisation_percent(utilisation);
    o->set_it_power_watts(itWatts);
    if (pue <= 0)
        return;
    o->set_pue(pue);
    o->set_facility_power_watts(itWatts * pue);
    o->set_carbon_intensity_g_per_kwh(gPerKwh);
    o->set_emissions_kg_per_hour(itWatts * pue / 1000.0 * gPerKwh / 1000.0);
}

constexpr auto kH100 = v1::ACCELERATOR_MODEL_NVIDIA_H100;
constexpr auto k910B = v1::ACCELERATOR_MODEL_ASCEND_910B;

// Lingang: 64 H100 (40 in use, 12 free, 4 down, 8 on drained nodes) and 32 910B (20, 8, 0, 4);
// measured at 70 % and 100 kW of IT power, PUE 1.25, 480 g/kWh.
v1::Overview lingang()
{
    auto o = overview(
        "Shanghai Lingang", { { kH100, 40, 12, 4, 8 }, { k910B, 20, 8, 0, 4 } }, 30, 12, 2);
    measure(&o, 70.0, 100000.0, 1.25, 480.0);
    return o;
}

// Wuhan: 48 910B (30, 10, 2, 6); measured at 50 % and 40 kW, PUE 1.5, 500 g/kWh.
v1::Overview wuhan()
{
    auto o = overview("Wuhan", { { k910B, 30, 10, 2, 6 } }, 10, 5);
    measure(&o, 50.0, 40000.0, 1.5, 500.0);
    return o;
}

// A Slurm centre without accelerator telemetry: 16 H100 (8, 8, 0, 0), its PUE configured.
v1::Overview slurm()
{
    auto o = overview("Xi'an", { { kH100, 8, 8, 0, 0 } }, 4, 1);
    o.set_pue(1.4);
    return o;
}

bool addsUp(const AcceleratorTally &t)
{
    return t.inUse + t.free + t.down + t.unavailable == t.total;
}

} // namespace

class TestOverviewFigures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneCentreIsItsGatewaysOwnFigures();
    void nothingIsKnownBeforeTheFirstOverview();
    void centresAddUpPerModelAndInAll();
    void utilisationAndPueAreWorkedOutNotSummed();
    void aFigureACentreLacksIsLeftOutAndCounted();
    void theOrderOfCentresDoesNotMatter();
    void aCentreTakenBackLeavesTheOthersSum();
    void aQueuesCountsAddUp();
};

void TestOverviewFigures::oneCentreIsItsGatewaysOwnFigures()
{
    const OverviewFigures f(lingang());
    QVERIFY(f.reported());
    QCOMPARE(f.centres(), 1);
    const AcceleratorTally &all = f.accelerators();
    QCOMPARE(all.total, 96);
    QCOMPARE(all.inUse, 60);
    QCOMPARE(all.free, 20);
    QCOMPARE(all.down, 4);
    QCOMPARE(all.unavailable, 12);
    QVERIFY(addsUp(all));
    // Drained and down accelerators cannot run work.
    QCOMPARE(all.usable(), 80);
    QCOMPARE(all.inUsePercent().value_or(-1), 62.5);

    QCOMPARE(f.models(), (QStringList { QStringLiteral("Ascend 910B"), QStringLiteral("H100") }));
    const auto h100 = f.accelerators(QStringLiteral("H100"));
    QVERIFY(h100);
    QCOMPARE(*h100, (AcceleratorTally { 64, 40, 12, 4, 8 }));
    QCOMPARE(f.accelerators(QStringLiteral("Ascend 910B")).value_or(AcceleratorTally {}),
        (AcceleratorTally { 32, 20, 8, 0, 4 }));
    QVERIFY(!f.accelerators(QStringLiteral("A100")));

    QCOMPARE(f.jobsRunning(), 30);
    QCOMPARE(f.jobsPending(), 12);
    QCOMPARE(f.jobsHeld(), 2);
    QCOMPARE(f.value(Figure::Utilisation).value_or(-1), 70.0);
    QCOMPARE(f.value(Figure::ItPower).value_or(-1), 100000.0);
    QCOMPARE(f.value(Figure::FacilityPower).value_or(-1), 125000.0);
    QCOMPARE(f.value(Figure::Pue).value_or(-1), 1.25);
    QCOMPARE(f.value(Figure::Emissions).value_or(-1), 60.0);
    for (Figure figure : { Figure::Utilisation, Figure::ItPower, Figure::FacilityPower, Figure::Pue,
             Figure::Emissions })
        QCOMPARE(f.centresWith(figure), 1);
    // The grid's carbon factor is a fact of one centre, read from its overview.
    QVERIFY(!f.value(Figure::CarbonIntensity));
}

void TestOverviewFigures::nothingIsKnownBeforeTheFirstOverview()
{
    const OverviewFigures none((v1::Overview()));
    QVERIFY(!none.reported());
    QCOMPARE(none.centres(), 0);
    QCOMPARE(none.accelerators(), AcceleratorTally {});
    QVERIFY(!none.accelerators().inUsePercent());
    QVERIFY(none.models().isEmpty());
    QVERIFY(!none.value(Figure::Utilisation));
    QVERIFY(!none.value(Figure::Pue));

    // A centre still waiting adds nothing to the others, not even to the count of centres.
    OverviewFigures both(lingang());
    both += none;
    QCOMPARE(both.centres(), 1);
    QCOMPARE(both.accelerators(), OverviewFigures(lingang()).accelerators());
    QCOMPARE(both.value(Figure::Utilisation).value_or(-1), 70.0);
    QCOMPARE(both.value(Figure::Pue).value_or(-1), 1.25);
}

void TestOverviewFigures::centresAddUpPerModelAndInAll()
{
    OverviewFigures f(lingang());
    f += OverviewFigures(wuhan());
    f += OverviewFigures(slurm());
    QCOMPARE(f.centres(), 3);
    QCOMPARE(f.accelerators(), (AcceleratorTally { 160, 98, 38, 6, 18 }));
    QVERIFY(addsUp(f.accelerators()));
    QCOMPARE(f.accelerators().usable(), 136);

    QCOMPARE(f.models(), (QStringList { QStringLiteral("Ascend 910B"), QStringLiteral("H100") }));
    const auto h100 = f.accelerators(QStringLiteral("H100")).value_or(AcceleratorTally {});
    const auto ascend = f.accelerators(QStringLiteral("Ascend 910B")).value_or(AcceleratorTally {});
    QCOMPARE(h100, (AcceleratorTally { 80, 48, 20, 4, 8 }));
    QCOMPARE(ascend, (AcceleratorTally { 80, 50, 18, 2, 10 }));
    QVERIFY(addsUp(h100) && addsUp(ascend));
    // The models together are every accelerator.
    AcceleratorTally models = h100;
    models += ascend;
    QCOMPARE(models, f.accelerators());

    QCOMPARE(f.jobsRunning(), 44);
    QCOMPARE(f.jobsPending(), 18);
    QCOMPARE(f.jobsHeld(), 2);
}

void TestOverviewFigures::utilisationAndPueAreWorkedOutNotSummed()
{
    OverviewFigures f(lingang());
    f += OverviewFigures(wuhan());
    // 70 % over Lingang's 80 usable accelerators and 50 % over Wuhan's 40.
    QCOMPARE(f.value(Figure::Utilisation).value_or(-1), (70.0 * 80 + 50.0 * 40) / 120);
    QCOMPARE(f.value(Figure::ItPower).value_or(-1), 140000.0);
    QCOMPARE(f.value(Figure::FacilityPower).value_or(-1), 185000.0);
    QCOMPARE(f.value(Figure::Pue).value_or(-1), 185000.0 / 140000.0);
    QCOMPARE(f.value(Figure::Emissions).value_or(-1), 60.0 + 30.0);
}

void TestOverviewFigures::aFigureACentreLacksIsLeftOutAndCounted()
{
    OverviewFigures f(lingang());
    f += OverviewFigures(wuhan());
    f += OverviewFigures(slurm());
    // The Slurm centre measures nothing: utilisation and power are the other two centres'.
    QCOMPARE(f.centresWith(Figure::Utilisation), 2);
    QCOMPARE(f.centresWith(Figure::ItPower), 2);
    QCOMPARE(f.centresWith(Figure::FacilityPower), 2);
    QCOMPARE(f.centresWith(Figure::Emissions), 2);
    QCOMPARE(f.value(Figure::Utilisation).value_or(-1), (70.0 * 80 + 50.0 * 40) / 120);
    QCOMPARE(f.value(Figure::ItPower).value_or(-1), 140000.0);
    // Its PUE is configured, but without power it changes nothing in the federation's.
    QCOMPARE(f.centresWith(Figure::Pue), 3);
    QCOMPARE(f.value(Figure::Pue).value_or(-1), 185000.0 / 140000.0);

    const OverviewFigures alone(slurm());
    QVERIFY(alone.reported());
    QVERIFY(!alone.value(Figure::Utilisation));
    QVERIFY(!alone.value(Figure::ItPower));
    QVERIFY(!alone.value(Figure::Emissions));
    QCOMPARE(alone.value(Figure::Pue).value_or(-1), 1.4);
    QCOMPARE(alone.centresWith(Figure::Utilisation), 0);
    QCOMPARE(alone.accelerators(), (AcceleratorTally { 16, 8, 8, 0, 0 }));
}

void TestOverviewFigures::theOrderOfCentresDoesNotMatter()
{
    OverviewFigures forward(lingang());
    forward += OverviewFigures(wuhan());
    forward += OverviewFigures(slurm());
    OverviewFigures backward(slurm());
    OverviewFigures rest(wuhan());
    rest += OverviewFigures(lingang());
    backward += rest;
    QCOMPARE(backward.centres(), forward.centres());
    QCOMPARE(backward.accelerators(), forward.accelerators());
    QCOMPARE(backward.models(), forward.models());
    for (const QString &model : forward.models())
        QCOMPARE(backward.accelerators(model), forward.accelerators(model));
    for (Figure figure : { Figure::Utilisation, Figure::ItPower, Figure::FacilityPower, Figure::Pue,
             Figure::Emissions }) {
        QCOMPARE(backward.centresWith(figure), forward.centresWith(figure));
        QVERIFY(
            qFuzzyCompare(backward.value(figure).value_or(-1), forward.value(figure).value_or(-1)));
    }
}

void TestOverviewFigures::aCentreTakenBackLeavesTheOthersSum()
{
    // The federation's total follows one centre: its old figures out, its new ones in.
    OverviewFigures all(lingang());
    all += OverviewFigures(wuhan());
    all += OverviewFigures(slurm());
    all -= OverviewFigures(wuhan());
    OverviewFigures others(lingang());
    others += OverviewFigures(slurm());
    QCOMPARE(all.centres(), others.centres());
    QCOMPARE(all.accelerators(), others.accelerators());
    // Wuhan's model, which no other centre has, is gone with it.
    QCOMPARE(all.models(), others.models());
    QVERIFY(!all.accelerators(OverviewFigures(wuhan()).models().constFirst()).has_value()
        || others.accelerators(OverviewFigures(wuhan()).models().constFirst()).has_value());
    QCOMPARE(all.jobsRunning(), others.jobsRunning());
    QCOMPARE(all.jobsPending(), others.jobsPending());
    for (Figure figure : { Figure::Utilisation, Figure::ItPower, Figure::FacilityPower, Figure::Pue,
             Figure::Emissions }) {
        QCOMPARE(all.centresWith(figure), others.centresWith(figure));
        QCOMPARE(all.value(figure).has_value(), others.value(figure).has_value());
        if (others.value(figure))
            QVERIFY(qFuzzyCompare(*all.value(figure), *others.value(figure)));
    }
    // Every centre taken back: nothing is known, not zeros.
    all -= OverviewFigures(lingang());
    all -= OverviewFigures(slurm());
    QVERIFY(!all.reported());
    QVERIFY(all.models().isEmpty());
    QVERIFY(!all.value(Figure::ItPower).has_value());
}

void TestOverviewFigures::aQueuesCountsAddUp()
{
    v1::Queue q;
    auto *h100 = q.add_accelerators();
    h100->set_model(kH100);
    h100->set_in_use(24);
    h100->set_free(4);
    h100->set_down(1);
    h100->set_unavailable(3);
    h100->set_total(32);
    auto *ascend = q.add_accelerators();
    ascend->set_model(k910B);
    ascend->set_in_use(6);
    ascend->set_free(2);
    ascend->set_total(8);
    const AcceleratorTally t = AcceleratorTally::of(q.accelerators());
    QCOMPARE(t, (AcceleratorTally { 40, 30, 6, 1, 3 }));
    QVERIFY(addsUp(t));
    QCOMPARE(t.usable(), 36);
    QCOMPARE(t.inUsePercent().value_or(-1), 75.0);
}

QTEST_MAIN(TestOverviewFigures)
#include "tst_overviewfigures.moc"
