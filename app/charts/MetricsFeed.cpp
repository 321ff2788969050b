#include "app/charts/MetricsFeed.h"

#include "client/Connection.h"
#include "client/MetricsQuery.h"
#include "client/MetricsStream.h"

#include <algorithm>
#include <cmath>

namespace suanli::app {

namespace v1 = suanli::v1;
using widgets::TimeSeriesPlot;

MetricsFeed::MetricsFeed(client::Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_query(new client::MetricsQuery(connection, this))
    , m_newest(qQNaN())
    , m_oldest(qQNaN())
{
}

MetricsFeed::~MetricsFeed()
{
    qDeleteAll(m_targets);
}

MetricsFeed::Target &MetricsFeed::targetFor(v1::MetricScope scope, const QString &target)
{
    for (Target *t : std::as_const(m_targets))
        if (t->scope == scope && t->target == target)
            return *t;
    auto *t = new Target;
    t->scope = scope;
    t->target = target;
    m_targets.append(t);
    return *t;
}

void MetricsFeed::bind(TimeSeriesPlot *plot, v1::MetricScope scope, const QString &target,
    const QString &metric, const QString &key)
{
    Target &t = targetFor(scope, target);
    if (!t.metrics.contains(metric))
        t.metrics.append(metric);
    t.bindings.append({ plot, metric, key });
    plot->setRange(m_range);
    connect(plot, &TimeSeriesPlot::rangeChanged, this, &MetricsFeed::userPickedRange,
        Qt::UniqueConnection);
    if (m_started && !t.stream)
        openStream(t);
}

QList<TimeSeriesPlot *> MetricsFeed::plots() const
{
    QList<TimeSeriesPlot *> out;
    for (const Target *t : m_targets)
        for (const Binding &b : t->bindings)
            if (b.plot && !out.contains(b.plot.data()))
                out.append(b.plot.data());
    return out;
}

void MetricsFeed::start()
{
    m_started = true;
    for (Target *t : std::as_const(m_targets))
        if (!t->stream)
            openStream(*t);
}

void MetricsFeed::openStream(Target &t)
{
    v1::StreamMetricsRequest request;
    request.set_scope(t.scope);
    request.set_target(t.target.toStdString());
    for (const QString &m : std::as_const(t.metrics))
        request.add_metrics(m.toStdString());
    t.stream = new client::MetricsStream(m_connection, request, this);
    Target *target = &t;
    connect(t.stream, &client::MetricsStream::pointsArrived, this,
        [this, target](
            const QList<client::MetricPoint> &points) { pointsArrived(*target, points); });
    connect(t.stream, &client::MetricsStream::failed, this,
        [this, target](int, const QString &message) {
            for (const Binding &b : std::as_const(target->bindings))
                if (b.plot)
                    b.plot->setMessage(tr("The centre refused these figures: %1").arg(message));
        });
    t.stream->start();
}

void MetricsFeed::pointsArrived(Target &t, const QList<client::MetricPoint> &points)
{
    if (points.isEmpty())
        return;
    const double newest = points.last().time;
    if (std::isnan(m_newest) || newest > m_newest)
        m_newest = newest;
    t.live += points;
    if (t.live.size() > 240)
        t.live.remove(0, t.live.size() - 240);
    for (const client::MetricPoint &p : points) {
        for (const Binding &b : std::as_const(t.bindings)) {
            if (!b.plot)
                continue;
            auto it = p.values.constFind(b.metric);
            if (it != p.values.constEnd())
                b.plot->appendPoint(b.key, p.time, it.value());
        }
    }
    for (const Binding &b : std::as_const(t.bindings))
        if (b.plot)
            b.plot->setEndTime(m_newest);
    // The first point says where the gateway's time is: now the history can be asked for.
    if (!t.loaded && t.generation == 0)
        load(t);
}

void MetricsFeed::setRange(TimeSeriesPlot::Range range)
{
    if (range == m_range)
        return;
    m_range = range;
    for (TimeSeriesPlot *plot : plots())
        plot->setRange(range);
    for (Target *t : std::as_const(m_targets))
        if (!std::isnan(m_newest))
            load(*t);
}

void MetricsFeed::userPickedRange(TimeSeriesPlot::Range range)
{
    m_fit = false;
    setRange(range);
}

TimeSeriesPlot::Range MetricsFeed::fittingRange(double seconds, TimeSeriesPlot::Range longest)
{
    for (auto range : { TimeSeriesPlot::Range::Minutes15, TimeSeriesPlot::Range::Hour,
             TimeSeriesPlot::Range::Day, TimeSeriesPlot::Range::Week }) {
        if (range >= longest || double(TimeSeriesPlot::rangeSeconds(range)) >= seconds)
            return std::min(range, longest);
    }
    return longest;
}

bool MetricsFeed::fitRange()
{
    m_fit = false;
    if (std::isnan(m_oldest) || std::isnan(m_newest))
        return false; // nothing measured: the range stays as asked
    const auto fitted = fittingRange(m_newest - m_oldest, m_range);
    if (fitted == m_range)
        return false;
    m_range = fitted;
    for (TimeSeriesPlot *plot : plots())
        plot->setRange(fitted);
    for (Target *t : std::as_const(m_targets)) {
        t->loaded = false;
        load(*t);
    }
    return true;
}

void MetricsFeed::load(Target &t)
{
    if (std::isnan(m_newest))
        return;
    const qint64 span = TimeSeriesPlot::rangeSeconds(m_range);
    const int generation = ++t.generation;
    Target *target = &t;
    m_query->query(client::MetricsQuery::request(t.scope, t.target, t.metrics, m_newest, span,
                       client::MetricsQuery::stepFor(span)),
        [this, target, generation](const client::MetricsResult &result) {
            // An answer for a range no longer shown is dropped.
            if (generation == target->generation)
                loaded(*target, result);
        });
}

void MetricsFeed::loaded(Target &t, const client::MetricsResult &result)
{
    for (const Binding &b : std::as_const(t.bindings)) {
        if (!b.plot)
            continue;
        if (!result.ok()) {
            b.plot->setMessage(
                tr("Could not load the history: %1. It is asked for again when you pick a range.")
                    .arg(result.message));
            continue;
        }
        b.plot->setMessage({});
        const client::MetricSeries *s = result.find(b.metric);
        if (!s)
            continue;
        b.plot->setSeriesAvailable(b.key, s->available);
        b.plot->setSeriesData(b.key, s->times, s->values);
        for (qsizetype i = 0; m_fit && i < s->values.size() && i < s->times.size(); ++i) {
            if (std::isnan(s->values.at(i)))
                continue;
            if (std::isnan(m_oldest) || s->times.at(i) < m_oldest)
                m_oldest = s->times.at(i);
            break;
        }
        // Live points newer than the history stay.
        const double last = s->times.isEmpty() ? -1 : s->times.last();
        for (const client::MetricPoint &p : std::as_const(t.live)) {
            auto it = p.values.constFind(b.metric);
            if (p.time > last && it != p.values.constEnd())
                b.plot->appendPoint(b.key, p.time, it.value());
        }
    }
    const bool wasLoaded = std::all_of(
        m_targets.begin(), m_targets.end(), [](const Target *x) { return x->loaded; });
    t.loaded = true;
    const bool allLoaded = std::all_of(
        m_targets.begin(), m_targets.end(), [](const Target *x) { return x->loaded; });
    if (!wasLoaded && allLoaded && !(m_fit && fitRange()))
        Q_EMIT historyLoaded();
}

} // namespace suanli::app
