#include "app/charts/FederationEnergyChart.h"

#include "app/charts/MetricsFeed.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/MetricNames.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QVBoxLayout>

namespace suanli::app {

using widgets::Palette;
using widgets::TimeSeriesPlot;
using widgets::ValueUnit;

FederationEnergyChart::FederationEnergyChart(
    const QList<client::Connection *> &centres, QWidget *parent)
    : QWidget(parent)
    , m_power(new TimeSeriesPlot(this))
    , m_emissions(new TimeSeriesPlot(this))
{
    setObjectName(QStringLiteral("FederationEnergyChart"));
    m_power->setTitle(tr("Facility power by centre"));
    m_power->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Watts);
    m_emissions->setTitle(tr("CO₂ emissions by centre"));
    m_emissions->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::KilogramsPerHour);
    // A centre's gateway keeps no such series when its PUE or grid carbon factor was not
    // configured.
    const QString note = tr("not configured", "after a chart's series in its legend");
    m_power->setUnavailableText(tr("Not configured: no centre's gateway was given its PUE"), note);
    m_emissions->setUnavailableText(
        tr("Not configured: no centre's gateway was given its PUE and grid carbon factor"), note);
    const auto site = suanli::v1::METRIC_SCOPE_SITE;
    for (int i = 0; i < centres.size(); ++i) {
        client::Connection *c = centres.at(i);
        const QString key = QString::number(i);
        // A centre keeps its colour in both charts.
        const QColor colour = Palette::categoryColour(i);
        m_power->addSeries(key, Words::centreName(c), colour);
        m_emissions->addSeries(key, Words::centreName(c), colour);
        // The name can change when the centre's overview arrives (its Chinese name).
        connect(c->site(), &client::SiteState::overviewChanged, this, [this, c, key] {
            m_power->setSeriesLabel(key, Words::centreName(c));
            m_emissions->setSeriesLabel(key, Words::centreName(c));
        });
        auto *feed = new MetricsFeed(c, this);
        feed->bind(m_power, site, {}, QLatin1String(metric::kFacilityPowerWatts), key);
        feed->bind(m_emissions, site, {}, QLatin1String(metric::kEmissionsKgPerHour), key);
        feed->setRange(TimeSeriesPlot::Range::Day);
        feed->start();
        m_feeds.append(feed);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_power);
    layout->addWidget(m_emissions);
}

} // namespace suanli::app
