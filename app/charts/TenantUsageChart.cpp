#include "app/charts/TenantUsageChart.h"

#include "app/charts/MetricsFeed.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/MetricsQuery.h"
#include "client/SiteState.h"
#include "common/MetricNames.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QDateTime>
#include <QLocale>
#include <QMap>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

namespace suanli::app {

namespace v1 = suanli::v1;
using widgets::Palette;
using widgets::SeriesMeaning;
using widgets::TimeSeriesPlot;
using widgets::ValueUnit;

namespace {
constexpr int kDailyRefreshMs = 10 * 60 * 1000;
constexpr qint64 kHour = 3600;

QString metricFor(int model)
{
    return QString::fromStdString(
        metric::perModel(metric::kAcceleratorsInUse, v1::AcceleratorModel(model)));
}
} // namespace

TenantUsageChart::TenantUsageChart(
    client::Connection *connection, const QString &tenant, QWidget *parent)
    : QWidget(parent)
    , m_connection(connection)
    , m_tenant(tenant)
    , m_query(new client::MetricsQuery(connection, this))
    , m_dailyRefresh(new QTimer(this))
    , m_usage(new TimeSeriesPlot(this))
    , m_hours(new TimeSeriesPlot(this))
{
    setObjectName(QStringLiteral("TenantUsageChart"));
    m_usage->setTitle(tr("Accelerators in use by model, against quota"));
    m_usage->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Count);
    m_hours->setTitle(tr("Accelerator-hours per day"));
    m_hours->setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::AcceleratorHours);
    m_hours->setRanges({ TimeSeriesPlot::Range::Week });
    m_hours->setRange(TimeSeriesPlot::Range::Week);
    m_hours->addSeries(QStringLiteral("hours"), tr("Accelerator-hours"),
        Palette::seriesColour(SeriesMeaning::AcceleratorHours), TimeSeriesPlot::Axis::Left,
        TimeSeriesPlot::Style::Bars);
    m_hours->setBarWidth(QStringLiteral("hours"), 0.7 * 86400);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_usage, 3);
    layout->addWidget(m_hours, 2);

    auto *site = connection->site();
    connect(
        &site->tenants(), &client::CollectionSignals::reset, this, &TenantUsageChart::updateModels);
    connect(&site->tenants(), &client::CollectionSignals::changed, this,
        [this](const QStringList &upserted) {
            if (upserted.contains(m_tenant))
                updateModels();
        });
    connect(m_dailyRefresh, &QTimer::timeout, this, &TenantUsageChart::loadDailyHours);
    m_dailyRefresh->start(kDailyRefreshMs);
    updateModels();
}

void TenantUsageChart::updateModels()
{
    const v1::Tenant t = m_connection->site()->tenants().items.value(m_tenant);
    QList<int> models;
    // A series per model; the limit across all models has no series of its own.
    for (const auto &q : t.quotas())
        if (!q.all_models() && !models.contains(int(q.model())))
            models.append(int(q.model()));
    for (const auto &u : t.usage())
        if (!u.all_models() && !models.contains(int(u.model())))
            models.append(int(u.model()));
    std::sort(models.begin(), models.end());

    if (models != m_models) {
        m_models = models;
        const auto range = m_feed ? m_feed->range() : TimeSeriesPlot::Range::Day;
        delete m_feed;
        m_feed = new MetricsFeed(m_connection, this);
        m_usage->removeAllSeries();
        for (int model : std::as_const(models)) {
            const QString key = metricFor(model);
            m_usage->addSeries(
                key, Words::modelName(v1::AcceleratorModel(model)), Palette::modelColour(model));
            m_feed->bind(m_usage, v1::METRIC_SCOPE_TENANT, m_tenant, key, key);
        }
        m_usage->setNoDataText(
            models.isEmpty() ? tr("This tenant has no quota or usage here") : tr("No data"));
        connect(m_feed, &MetricsFeed::historyLoaded, this, &TenantUsageChart::loadDailyHours);
        m_feed->setRange(range);
        m_feed->start();
    }
    m_usage->clearReferenceLines();
    for (const auto &q : t.quotas()) {
        if (q.max_accelerators() <= 0 || q.all_models())
            continue;
        const QString name = Words::modelName(q.model());
        m_usage->setReferenceLine(metricFor(int(q.model())), double(q.max_accelerators()),
            tr("%1 quota %2").arg(name, QLocale().toString(qint64(q.max_accelerators()))),
            Palette::modelColour(int(q.model())));
    }
}

void TenantUsageChart::loadDailyHours()
{
    if (!m_feed || std::isnan(m_feed->newestTime()))
        return;
    // Hourly means of accelerators in use: each is that hour's accelerator-hours.
    const double end = m_feed->newestTime();
    m_query->query(client::MetricsQuery::request(v1::METRIC_SCOPE_TENANT, m_tenant,
                       { QLatin1String(metric::kAcceleratorsInUse) }, end, 7 * 86400, kHour),
        [this, end](const client::MetricsResult &result) {
            if (!result.ok()) {
                m_hours->setMessage(tr("Could not load accelerator-hours: %1").arg(result.message));
                return;
            }
            m_hours->setMessage({});
            const client::MetricSeries *s = result.find(QLatin1String(metric::kAcceleratorsInUse));
            if (!s)
                return;
            m_hours->setSeriesAvailable(QStringLiteral("hours"), s->available);
            // Sum per local calendar day; a day without any sample is a gap, not zero.
            QMap<QDate, QPair<double, int>> days;
            for (qsizetype i = 0; i < s->times.size(); ++i) {
                const QDate day = QDateTime::fromSecsSinceEpoch(qint64(s->times.at(i))).date();
                auto &[sum, hours] = days[day];
                if (!std::isnan(s->values.at(i))) {
                    sum += s->values.at(i);
                    ++hours;
                }
            }
            QVector<double> times;
            QVector<double> values;
            for (auto it = days.cbegin(); it != days.cend(); ++it) {
                // The bar stands at the day's noon.
                times.append(double(QDateTime(it.key(), QTime(12, 0)).toSecsSinceEpoch()));
                values.append(it.value().second > 0 ? it.value().first : qQNaN());
            }
            m_hours->setSeriesData(QStringLiteral("hours"), times, values);
            m_hours->setEndTime(std::max(end, times.isEmpty() ? end : times.last() + 43200));
        });
}

} // namespace suanli::app
