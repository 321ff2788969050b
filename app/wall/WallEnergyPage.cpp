#include "app/wall/WallEnergyPage.h"

#include "app/models/EnergyFigures.h"
#include "app/models/GatewayWords.h"
#include "app/models/Words.h"
#include "app/wall/WallStyle.h"
#include "client/Connection.h"
#include "client/MetricsQuery.h"
#include "client/MetricsStream.h"
#include "client/SiteState.h"
#include "common/MetricNames.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QAbstractButton>
#include <QGridLayout>
#include <QLocale>
#include <QVBoxLayout>
#include <QtNumeric>
#include <cmath>
#include <functional>

namespace suanli::app {

namespace {
const QString kFacility = QLatin1String(metric::kFacilityPowerWatts);
const QString kEmissions = QLatin1String(metric::kEmissionsKgPerHour);
constexpr qint64 kTrendSeconds = 24 * 3600;
} // namespace

WallEnergyPage::WallEnergyPage(client::Connection *centre, QWidget *parent)
    : WallPage(centre, parent)
    , m_layout(new QVBoxLayout(this))
    , m_trend(new widgets::TimeSeriesPlot(this))
    , m_query(new client::MetricsQuery(centre, this))
    , m_newest(qQNaN())
{
    setObjectName(QStringLiteral("WallEnergyPage"));
    auto *grid = new QGridLayout;
    grid->setSpacing(24);
    auto tile = [&](const QString &title, int row, int column) {
        auto *t = new widgets::KpiTile(title, this);
        t->setScale(WallStyle::kTileScale);
        grid->addWidget(t, row, column);
        return t;
    };
    m_facility = tile(tr("Facility power"), 0, 0);
    m_it = tile(tr("IT power"), 0, 1);
    m_pue = tile(tr("PUE"), 0, 2);
    m_intensity = tile(tr("Grid carbon intensity"), 1, 0);
    m_emissions = tile(tr("Carbon per hour"), 1, 1);
    m_perDay = tile(tr("Carbon per day"), 1, 2);
    for (int i = 0; i < 3; ++i)
        grid->setColumnStretch(i, 1);
    m_layout->addLayout(grid);

    using Plot = widgets::TimeSeriesPlot;
    m_trend->setTitle(tr("Facility power and carbon, last 24 hours"));
    m_trend->setValueUnit(Plot::Axis::Left, widgets::ValueUnit::Watts);
    m_trend->setValueUnit(Plot::Axis::Right, widgets::ValueUnit::KilogramsPerHour);
    m_trend->addSeries(kFacility, tr("Facility power"),
        widgets::Palette::seriesColour(widgets::SeriesMeaning::FacilityPower, true));
    m_trend->addSeries(kEmissions, tr("CO₂ emitted per hour"),
        widgets::Palette::seriesColour(widgets::SeriesMeaning::Emissions, true), Plot::Axis::Right);
    // The gateway keeps no such series for a site fact nobody configured.
    m_trend->setUnavailableText(tr("Not configured: this centre's gateway was not given its PUE "
                                   "or its grid's carbon factor"),
        tr("not configured", "after a chart's series in its legend"));
    m_trend->setRanges({});
    m_trend->setRange(Plot::Range::Day);
    m_trend->setFocusPolicy(Qt::NoFocus);
    // Nobody clicks a wall: no range or export buttons.
    for (auto *button : m_trend->findChildren<QAbstractButton *>())
        button->hide();
    m_layout->addWidget(m_trend, 1);

    // The stream says where the centre's clock is (a simulated one runs ahead of ours).
    v1::StreamMetricsRequest request;
    request.set_scope(v1::METRIC_SCOPE_SITE);
    request.add_metrics(kFacility.toStdString());
    m_stream = new client::MetricsStream(centre, request, this);
    connect(m_stream, &client::MetricsStream::pointsArrived, this,
        [this](const QList<client::MetricPoint> &points) {
            if (!points.isEmpty() && !(points.last().time <= m_newest))
                m_newest = points.last().time;
        });
    m_stream->start();
}

QString WallEnergyPage::title() const
{
    return tr("%1 · Energy and carbon").arg(Words::centreName(centre()));
}

void WallEnergyPage::refreshContent()
{
    const auto &o = centre()->site()->overview();
    const QLocale locale;
    const bool synced = o.nodes_total() > 0;
    // Power and emissions need accelerator telemetry, and facility power, PUE and emissions the
    // site's configured PUE and grid carbon factor; without them they are unknown, not zero.
    using Figure = EnergyFigures::Figure;
    auto show = [&](Figure f, const std::function<QString(double)> &format) {
        if (!synced)
            return Words::noData();
        const auto v = EnergyFigures::value(o, f);
        return v ? format(*v) : EnergyFigures::text(EnergyFigures::missing(o, f));
    };
    auto has = [&](Figure f) { return synced && EnergyFigures::value(o, f).has_value(); };
    auto fixed = [&](int decimals, double scale = 1) {
        return [&locale, decimals, scale](
                   double v) { return locale.toString(v * scale, 'f', decimals); };
    };
    m_facility->setValueText(show(Figure::FacilityPower, &Words::power));
    m_facility->setSubtitle(tr("servers, cooling and losses"));
    m_it->setValueText(show(Figure::ItPower, &Words::power));
    m_it->setSubtitle(tr("servers and accelerators"));
    m_pue->setValueText(show(Figure::Pue, fixed(2)));
    m_pue->setSubtitle(tr("facility ÷ IT power"));
    m_intensity->setValueText(show(Figure::CarbonIntensity, fixed(0)));
    m_intensity->setUnit(has(Figure::CarbonIntensity) ? tr("g CO₂/kWh") : QString());
    m_intensity->setSubtitle(GatewayWords::province(QString::fromStdString(o.province())));
    m_emissions->setValueText(show(Figure::Emissions, fixed(0)));
    m_emissions->setUnit(has(Figure::Emissions) ? tr("kg CO₂") : QString());
    m_perDay->setValueText(show(Figure::Emissions, fixed(1, 24.0 / 1000.0)));
    m_perDay->setUnit(has(Figure::Emissions) ? tr("t CO₂") : QString());
    m_perDay->setSubtitle(tr("at the current draw"));
    const bool stale = isStale();
    const qint64 age = dataAgeSeconds();
    for (auto *t : { m_facility, m_it, m_pue, m_intensity, m_emissions, m_perDay })
        t->setStale(stale, age);
    setGreyed(m_trend, stale);

    if (std::isnan(m_newest) || m_loading || (m_loaded.isValid() && m_loaded.elapsed() < 60000))
        return;
    m_loading = true;
    m_loaded.restart();
    const auto query
        = client::MetricsQuery::request(v1::METRIC_SCOPE_SITE, QString(), { kFacility, kEmissions },
            m_newest, kTrendSeconds, client::MetricsQuery::stepFor(kTrendSeconds, 96));
    m_query->query(query, [this](const client::MetricsResult &result) {
        m_loading = false;
        if (!result.ok()) {
            m_trend->setMessage(tr("The centre did not send its history: %1").arg(result.message));
            return;
        }
        m_trend->setMessage(QString());
        for (const QString &metric : { kFacility, kEmissions }) {
            if (const client::MetricSeries *s = result.find(metric)) {
                m_trend->setSeriesAvailable(metric, s->available);
                m_trend->setSeriesData(metric, s->times, s->values);
            }
        }
        m_trend->setEndTime(m_newest);
    });
}

} // namespace suanli::app
