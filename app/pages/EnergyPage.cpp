#include "app/pages/EnergyPage.h"

#include "app/charts/MetricsFeed.h"
#include "common/MetricNames.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QGridLayout>

namespace suanli::app {

using widgets::Palette;
using widgets::SeriesMeaning;
using widgets::TimeSeriesPlot;
using widgets::ValueUnit;

EnergyPage::EnergyPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_feed(new MetricsFeed(connection, this))
    , m_power(new TimeSeriesPlot(this))
    , m_pue(new TimeSeriesPlot(this))
    , m_carbon(new TimeSeriesPlot(this))
    , m_emissions(new TimeSeriesPlot(this))
{
    setObjectName(QStringLiteral("EnergyPage"));
    const auto site = suanli::v1::METRIC_SCOPE_SITE;

    m_power->setTitle(tr("Site power"));
    m_power->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Watts);
    m_power->addSeries(QStringLiteral("facility"), tr("Facility (IT × PUE)"),
        Palette::seriesColour(SeriesMeaning::FacilityPower));
    m_power->addSeries(QStringLiteral("it"), tr("IT (servers)"),
        Palette::seriesColour(SeriesMeaning::Power), TimeSeriesPlot::Axis::Left,
        TimeSeriesPlot::Style::Line, Qt::DashLine);
    m_feed->bind(
        m_power, site, {}, QLatin1String(metric::kFacilityPowerWatts), QStringLiteral("facility"));
    m_feed->bind(m_power, site, {}, QLatin1String(metric::kItPowerWatts), QStringLiteral("it"));

    m_pue->setTitle(tr("PUE (facility power ÷ IT power)"));
    m_pue->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Ratio);
    m_pue->addSeries(QStringLiteral("pue"), tr("PUE"), Palette::seriesColour(SeriesMeaning::Pue));
    m_feed->bind(m_pue, site, {}, QLatin1String(metric::kPue), QStringLiteral("pue"));

    m_carbon->setTitle(tr("Grid carbon intensity"));
    m_carbon->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::GramsPerKwh);
    m_carbon->addSeries(QStringLiteral("carbon"), tr("CO₂ per kWh drawn"),
        Palette::seriesColour(SeriesMeaning::CarbonIntensity));
    m_feed->bind(m_carbon, site, {}, QLatin1String(metric::kCarbonIntensityGPerKwh),
        QStringLiteral("carbon"));

    m_emissions->setTitle(tr("Emissions"));
    m_emissions->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::KilogramsPerHour);
    m_emissions->addSeries(QStringLiteral("emissions"), tr("CO₂ emitted"),
        Palette::seriesColour(SeriesMeaning::Emissions));
    m_feed->bind(m_emissions, site, {}, QLatin1String(metric::kEmissionsKgPerHour),
        QStringLiteral("emissions"));

    // The gateway says a site series has no source only when its site fact (PUE, grid carbon
    // factor) was never configured: say that, not "no data".
    const QString notConfigured = tr("not configured", "after a chart's series in its legend");
    m_power->setUnavailableText({}, notConfigured);
    m_pue->setUnavailableText(
        tr("Not configured: this centre's gateway was not given its PUE"), notConfigured);
    m_carbon->setUnavailableText(
        tr("Not configured: this centre's gateway was not given its grid's carbon factor"),
        notConfigured);
    m_emissions->setUnavailableText(tr("Not configured: emissions need the centre's PUE and its "
                                       "grid's carbon factor"),
        notConfigured);

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_power, 0, 0, 1, 2);
    grid->addWidget(m_pue, 1, 0);
    grid->addWidget(m_carbon, 1, 1);
    grid->addWidget(m_emissions, 2, 0, 1, 2);
    grid->setRowStretch(0, 3);
    grid->setRowStretch(1, 2);
    grid->setRowStretch(2, 2);
    m_feed->setRange(TimeSeriesPlot::Range::Day);
    m_feed->start();
}

QString EnergyPage::pageTitle()
{
    return tr("Energy");
}

QString EnergyPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
