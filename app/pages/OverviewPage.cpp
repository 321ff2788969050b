#include "app/pages/OverviewPage.h"

#include "app/charts/MetricsFeed.h"
#include "app/models/EnergyFigures.h"
#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/MetricNames.h"
#include "common/OverviewCounts.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLocale>
#include <QVBoxLayout>

namespace suanli::app {

OverviewPage::OverviewPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
{
    setObjectName(QStringLiteral("OverviewPage"));
    auto *grid = new QGridLayout;
    auto tile = [&](const QString &title, int row, int column) {
        auto *t = new widgets::KpiTile(title, this);
        grid->addWidget(t, row, column);
        return t;
    };
    m_accelerators = tile(tr("Accelerators in use"), 0, 0);
    m_free = tile(tr("Accelerators free"), 0, 1);
    m_down = tile(tr("Accelerators down"), 0, 2);
    // Drained accelerators have their own tile, so the four add up to the total.
    m_unavailable = tile(tr("Accelerators unavailable"), 0, 3);
    m_utilisation = tile(tr("Utilisation"), 0, 4);
    m_running = tile(tr("Jobs running"), 1, 0);
    m_pending = tile(tr("Jobs pending"), 1, 1);
    m_wait = tile(tr("Median wait"), 1, 2);
    m_alerts = tile(tr("Open alerts"), 1, 3);
    m_power = tile(tr("Facility power"), 2, 0);
    m_pue = tile(tr("PUE"), 2, 1);
    m_carbon = tile(tr("Carbon per hour"), 2, 2);
    m_peak = tile(tr("Peak FP16"), 2, 3);
    using widgets::Palette;
    using widgets::SeriesMeaning;
    using widgets::TimeSeriesPlot;
    using widgets::ValueUnit;
    m_siteFeed = new MetricsFeed(connection, this);
    m_trend = new TimeSeriesPlot(this);
    m_trend->setTitle(tr("Utilisation and power"));
    m_trend->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Percent);
    m_trend->setValueRange(TimeSeriesPlot::Axis::Left, 0, 100);
    m_trend->setValueUnit(TimeSeriesPlot::Axis::Right, ValueUnit::Watts);
    m_trend->addSeries(QStringLiteral("utilisation"), tr("Utilisation (left)"),
        Palette::seriesColour(SeriesMeaning::Utilisation));
    m_trend->addSeries(QStringLiteral("facility"), tr("Facility power (right)"),
        Palette::seriesColour(SeriesMeaning::FacilityPower), TimeSeriesPlot::Axis::Right);
    m_trend->addSeries(QStringLiteral("it"), tr("IT power (right)"),
        Palette::seriesColour(SeriesMeaning::Power), TimeSeriesPlot::Axis::Right,
        TimeSeriesPlot::Style::Line, Qt::DashLine);
    const auto site = suanli::v1::METRIC_SCOPE_SITE;
    m_siteFeed->bind(m_trend, site, {}, QLatin1String(metric::kUtilisationPercent),
        QStringLiteral("utilisation"));
    m_siteFeed->bind(
        m_trend, site, {}, QLatin1String(metric::kFacilityPowerWatts), QStringLiteral("facility"));
    m_siteFeed->bind(m_trend, site, {}, QLatin1String(metric::kItPowerWatts), QStringLiteral("it"));
    m_siteFeed->setRange(TimeSeriesPlot::Range::Day);
    m_siteFeed->start();

    m_queueDepth = new TimeSeriesPlot(this);
    m_queueDepth->setTitle(tr("Queue depth (jobs pending)"));
    m_queueDepth->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Count);
    m_queueWait = new TimeSeriesPlot(this);
    m_queueWait->setTitle(tr("Queue wait (p95 solid, p50 dashed)"));
    m_queueWait->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Seconds);
    auto *queues = new QHBoxLayout;
    queues->addWidget(m_queueDepth);
    queues->addWidget(m_queueWait);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid);
    layout->addWidget(m_trend, 1);
    layout->addLayout(queues, 1);
    connect(&connection->site()->queues(), &client::CollectionSignals::reset, this,
        &OverviewPage::updateQueueCharts);
    connect(&connection->site()->queues(), &client::CollectionSignals::changed, this,
        &OverviewPage::updateQueueCharts);
    updateQueueCharts();
    connect(connection->site(), &client::SiteState::overviewChanged, this, &OverviewPage::refresh);
    connect(connection->site(), &client::SiteState::freshnessChanged, this, &OverviewPage::refresh);
    refresh();
}

void OverviewPage::refresh()
{
    const auto &o = m_connection->site()->overview();
    const QLocale locale;
    const AcceleratorTally accelerators = OverviewFigures(o).accelerators();
    m_accelerators->setValueText(locale.toString(accelerators.inUse));
    m_accelerators->setUnit(tr("of %1").arg(locale.toString(accelerators.total)));
    m_free->setValueText(locale.toString(accelerators.free));
    m_down->setValueText(locale.toString(accelerators.down));
    m_down->setSeverity(
        accelerators.down > 0 ? widgets::SeverityColour::Warning : widgets::SeverityColour::Ok);
    m_unavailable->setValueText(locale.toString(accelerators.unavailable));
    m_unavailable->setExplanation(
        tr("On draining, drained or maintenance nodes: not down, but taking no new work."));
    // Utilisation, power and carbon are measured only where the centre has accelerator
    // telemetry; without it the overview carries zeros that mean "no data".
    const bool telemetry = o.telemetry_available();
    m_utilisation->setValueText(
        telemetry ? Words::percent(o.utilisation_percent()) : Words::noTelemetry());
    m_running->setValueText(locale.toString(qint64(o.jobs_running())));
    m_pending->setValueText(locale.toString(qint64(o.jobs_pending())));
    m_pending->setSubtitle(tr("%1 held").arg(locale.toString(qint64(o.jobs_held()))));
    m_wait->setValueText(Words::duration(qint64(o.wait_seconds_p50())));
    m_wait->setSubtitle(tr("p95 %1").arg(Words::duration(qint64(o.wait_seconds_p95()))));
    const qint64 alerts = openAlertsTotal(o);
    const qint64 critical = openAlerts(o, v1::SEVERITY_CRITICAL);
    m_alerts->setValueText(locale.toString(alerts));
    m_alerts->setSeverity(critical > 0
            ? widgets::SeverityColour::Critical
            : (alerts > 0 ? widgets::SeverityColour::Warning : widgets::SeverityColour::Ok));
    m_alerts->setSubtitle(tr("%1 critical").arg(locale.toString(critical)));
    // Facility power, PUE and emissions also need the site's configured PUE and grid carbon
    // factor: without them they are "not configured", never a default.
    // Before the first overview nothing is known to be missing.
    using Figure = EnergyFigures::Figure;
    const bool received = !o.site().empty() || o.has_data_time();
    auto missing = [&](Figure f) {
        return received ? EnergyFigures::text(EnergyFigures::missing(o, f)) : Words::noData();
    };
    const auto facility = EnergyFigures::value(o, Figure::FacilityPower);
    m_power->setValueText(facility ? Words::power(*facility) : missing(Figure::FacilityPower));
    m_power->setSubtitle(telemetry ? tr("IT %1").arg(Words::power(o.it_power_watts()))
                                   : tr("no accelerator telemetry"));
    const auto pue = EnergyFigures::value(o, Figure::Pue);
    m_pue->setValueText(pue ? locale.toString(*pue, 'f', 2) : missing(Figure::Pue));
    const auto emissions = EnergyFigures::value(o, Figure::Emissions);
    m_carbon->setValueText(
        emissions ? locale.toString(*emissions, 'f', 0) : missing(Figure::Emissions));
    m_carbon->setUnit(emissions ? tr("kg CO₂") : QString());
    const auto intensity = EnergyFigures::value(o, Figure::CarbonIntensity);
    m_carbon->setSubtitle(intensity ? tr("grid %1 g/kWh").arg(locale.toString(*intensity, 'f', 0))
            : received              ? tr("grid carbon factor not configured")
                                    : QString());
    auto why = [&](Figure f) {
        return received ? EnergyFigures::tooltip(EnergyFigures::missing(o, f)) : QString();
    };
    m_utilisation->setExplanation(why(Figure::Utilisation));
    m_power->setExplanation(why(Figure::FacilityPower));
    m_pue->setExplanation(why(Figure::Pue));
    m_carbon->setExplanation(why(Figure::Emissions));
    const double pflops = o.peak_tflops_fp16() / 1000.0;
    m_peak->setValueText(locale.toString(pflops, 'f', 0));
    m_peak->setUnit(tr("PFLOPS"));
    const bool stale = m_connection->site()->stale();
    const qint64 age = m_connection->site()->dataTime().isValid()
        ? m_connection->site()->dataTime().secsTo(QDateTime::currentDateTimeUtc())
        : -1;
    for (auto *t : { m_accelerators, m_free, m_down, m_unavailable, m_utilisation, m_running,
             m_pending, m_wait, m_alerts, m_power, m_pue, m_carbon, m_peak })
        t->setStale(stale, age);
}

void OverviewPage::updateQueueCharts()
{
    using widgets::Palette;
    using widgets::TimeSeriesPlot;
    QStringList names = m_connection->site()->queues().items.keys();
    names.sort();
    if (names == m_queues)
        return;
    m_queues = names;
    const auto range = m_queueFeed ? m_queueFeed->range() : TimeSeriesPlot::Range::Day;
    delete m_queueFeed;
    m_queueFeed = new MetricsFeed(m_connection, this);
    m_queueDepth->removeAllSeries();
    m_queueWait->removeAllSeries();
    const auto scope = suanli::v1::METRIC_SCOPE_QUEUE;
    for (int i = 0; i < names.size(); ++i) {
        const QString &q = names.at(i);
        // A queue has one colour in both charts.
        const QColor colour = Palette::categoryColour(i);
        m_queueDepth->addSeries(q, q, colour);
        m_queueFeed->bind(m_queueDepth, scope, q, QLatin1String(metric::kJobsPending), q);
        const QString p95 = q + QStringLiteral("/p95");
        const QString p50 = q + QStringLiteral("/p50");
        m_queueWait->addSeries(p95, tr("%1 p95").arg(q), colour);
        m_queueWait->addSeries(p50, tr("%1 p50").arg(q), colour, TimeSeriesPlot::Axis::Left,
            TimeSeriesPlot::Style::Line, Qt::DashLine);
        m_queueFeed->bind(m_queueWait, scope, q, QLatin1String(metric::kWaitSecondsP95), p95);
        m_queueFeed->bind(m_queueWait, scope, q, QLatin1String(metric::kWaitSecondsP50), p50);
    }
    m_queueFeed->setRange(range);
    m_queueFeed->start();
}

QString OverviewPage::pageTitle()
{
    return tr("Overview");
}

QString OverviewPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
