#include "widgets/TimeSeriesPlot.h"

#include "widgets/Palette.h"
#include "widgets/QCustomPlotInclude.h"
#include "widgets/TimeText.h"
#include "widgets/WidgetsLogging.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QSaveFile>
#include <QTextStream>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace suanli::widgets {

namespace {

constexpr int kReplotMs = 100;
constexpr int kLegendColumns = 5;

// Tick labels in the axis' unit, one SI prefix for the whole axis.
class UnitTicker : public QCPAxisTicker {
public:
    ValueUnit unit = ValueUnit::Plain;
    double scale = qQNaN();

protected:
    // Durations step in whole minutes, hours and days ("2 h", "4 h"), not in powers of ten.
    double getTickStep(const QCPRange &range) override
    {
        if (unit != ValueUnit::Seconds)
            return QCPAxisTicker::getTickStep(range);
        const double exact = range.size() / (double(mTickCount) + 1e-10);
        for (double step : { 1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 900.0,
                 1800.0, 3600.0, 7200.0, 10800.0, 21600.0, 43200.0, 86400.0, 172800.0, 604800.0 })
            if (step >= exact)
                return step;
        return QCPAxisTicker::getTickStep(range);
    }

    QString getTickLabel(double tick, const QLocale &, QChar, int) override
    {
        // Rounding noise near zero ("-1.4e-14 W") reads as zero.
        if (std::abs(tick) < 1e-9 * std::max(1.0, std::abs(scale)))
            tick = 0;
        return TimeSeriesPlot::formatValue(tick, unit, scale);
    }
};

// Up to three significant digits, no exponent, in the user's locale.
QString digits(double value)
{
    const QLocale locale;
    const double magnitude = std::abs(value);
    if (magnitude >= 100 || value == std::round(value))
        return locale.toString(value, 'f', 0);
    if (magnitude >= 10)
        return locale.toString(value, 'f', 1);
    QString text = locale.toString(value, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(locale.decimalPoint()))
        text.chop(locale.decimalPoint().size());
    return text;
}

// The prefix step (1, 1e3, 1e6 ...) for the largest value shown.
double prefixFactor(double reference)
{
    const double r = std::abs(reference);
    if (r >= 1e9)
        return 1e9;
    if (r >= 1e6)
        return 1e6;
    if (r >= 1e3)
        return 1e3;
    return 1;
}

QString csvField(const QString &text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString unitSymbol(ValueUnit unit)
{
    switch (unit) {
    case ValueUnit::Percent:
        return QStringLiteral("%");
    case ValueUnit::Watts:
        return QStringLiteral("W");
    case ValueUnit::Celsius:
        return QStringLiteral("°C");
    case ValueUnit::Bytes:
        return QStringLiteral("B");
    case ValueUnit::Seconds:
        return QStringLiteral("s");
    case ValueUnit::GramsPerKwh:
        return QStringLiteral("g/kWh");
    case ValueUnit::KilogramsPerHour:
        return QStringLiteral("kg/h");
    case ValueUnit::AcceleratorHours:
        return QStringLiteral("h");
    case ValueUnit::Plain:
    case ValueUnit::Count:
    case ValueUnit::Ratio:
        break;
    }
    return {};
}

} // namespace

struct TimeSeriesPlot::Series {
    QString key;
    QString label;
    QColor colour;
    Axis axis = Axis::Left;
    Style style = Style::Line;
    Qt::PenStyle pen = Qt::SolidLine;
    QCPGraph *graph = nullptr;
    QCPBars *bars = nullptr;
    QVector<double> times;
    QVector<double> values;
    bool dirty = false;
    bool available = true;
    bool visible = true;

    QCPAbstractPlottable *plottable() const
    {
        return graph ? static_cast<QCPAbstractPlottable *>(graph) : bars;
    }
};

struct TimeSeriesPlot::Reference {
    QString key;
    double value = 0;
    Axis axis = Axis::Left;
    QCPItemStraightLine *line = nullptr;
    QCPItemText *label = nullptr;
};

TimeSeriesPlot::TimeSeriesPlot(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_title(new QLabel(this))
    , m_overlay(new QLabel(this))
    , m_rangeButtons(new QButtonGroup(this))
    , m_export(new QToolButton(this))
    , m_replotTimer(new QTimer(this))
    , m_noDataText(tr("No data"))
{
    m_plot->setObjectName(QStringLiteral("TimeSeriesPlotSurface"));
    m_plot->setMinimumHeight(160);
    m_plot->setMouseTracking(true);
    m_plot->installEventFilter(this);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->setAntialiasedElements(QCP::aePlottables | QCP::aeItems);

    auto timeTicker = QSharedPointer<QCPAxisTickerDateTime>::create();
    timeTicker->setDateTimeSpec(Qt::LocalTime);
    m_plot->xAxis->setTicker(timeTicker);
    for (QCPAxis *axis : { m_plot->yAxis, m_plot->yAxis2 }) {
        axis->setTicker(QSharedPointer<UnitTicker>::create());
        axis->setNumberFormat(QStringLiteral("g"));
    }
    m_plot->yAxis2->setVisible(false);
    m_plot->yAxis->setRange(0, 1);

    // The legend in its own row under the axes, so it never hides a line.
    auto *legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    legendRow->setMargins(QMargins(4, 0, 4, 4));
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    legendRow->addElement(0, 0, m_plot->legend);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    m_plot->legend->setWrap(kLegendColumns);
    m_plot->legend->setSelectableParts(QCPLegend::spItems);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    connect(m_plot, &QCustomPlot::legendClick, this, &TimeSeriesPlot::legendClicked);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { setRange(m_range); });
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this, [this] {
        if (!m_settingRange)
            m_following = false;
    });

    m_crosshair = new QCPItemStraightLine(m_plot);
    m_crosshair->setVisible(false);
    m_crosshair->setSelectable(false);
    m_crosshairLabel = new QCPItemText(m_plot);
    m_crosshairLabel->setVisible(false);
    m_crosshairLabel->setSelectable(false);
    m_crosshairLabel->setClipToAxisRect(false);
    m_crosshairLabel->setPadding(QMargins(6, 4, 6, 4));
    m_crosshairLabel->setTextAlignment(Qt::AlignLeft);
    m_crosshairLabel->position->setType(QCPItemPosition::ptAxisRectRatio);
    // Above the lines, whatever order series are added in.
    m_crosshair->setLayer(QStringLiteral("overlay"));
    m_crosshairLabel->setLayer(QStringLiteral("overlay"));

    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setWordWrap(true);
    m_overlay->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_overlay->setObjectName(QStringLiteral("TimeSeriesPlotOverlay"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setVisible(false);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_title);
    bar->addStretch(1);
    for (Range r : { Range::Minutes15, Range::Hour, Range::Day, Range::Week }) {
        auto *button = new QToolButton(this);
        button->setText(rangeLabel(r));
        button->setToolTip(tr("Show the last %1").arg(rangeLabel(r)));
        button->setCheckable(true);
        button->setAutoRaise(true);
        m_rangeButtons->addButton(button, int(r));
        bar->addWidget(button);
    }
    m_rangeButtons->setExclusive(true);
    m_rangeButtons->button(int(m_range))->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) {
        setRange(Range(id));
        Q_EMIT rangeChanged(Range(id));
    });

    m_export->setText(tr("Export"));
    m_export->setToolTip(
        tr("Save this chart as an image (PNG), a document (PDF) or its data (CSV)"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setAutoRaise(true);
    auto *menu = new QMenu(m_export);
    menu->addAction(tr("Image (PNG)…"), this, [this] { exportWithDialog(QStringLiteral("png")); });
    menu->addAction(
        tr("Document (PDF)…"), this, [this] { exportWithDialog(QStringLiteral("pdf")); });
    menu->addAction(tr("Data (CSV)…"), this, [this] { exportWithDialog(QStringLiteral("csv")); });
    m_export->setMenu(menu);
    bar->addWidget(m_export);

    auto *stack = new QGridLayout;
    stack->setContentsMargins(0, 0, 0, 0);
    stack->addWidget(m_plot, 0, 0);
    stack->addWidget(m_overlay, 0, 0, Qt::AlignCenter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addLayout(stack, 1);

    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(kReplotMs);
    connect(m_replotTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            replotNow();
    });

    applyTheme();
    applyTimeAxis();
    updateOverlay();
}

TimeSeriesPlot::~TimeSeriesPlot()
{
    qDeleteAll(m_series);
    qDeleteAll(m_references);
}

qint64 TimeSeriesPlot::rangeSeconds(Range range)
{
    switch (range) {
    case Range::Minutes15:
        return 15 * 60;
    case Range::Hour:
        return 3600;
    case Range::Day:
        return 24 * 3600;
    case Range::Week:
        return 7 * 24 * 3600;
    }
    return 3600;
}

QString TimeSeriesPlot::rangeLabel(Range range)
{
    switch (range) {
    case Range::Minutes15:
        return tr("15 min");
    case Range::Hour:
        return tr("1 h");
    case Range::Day:
        return tr("24 h");
    case Range::Week:
        return tr("7 d");
    }
    return {};
}

QString TimeSeriesPlot::formatValue(double value, ValueUnit unit, double scale)
{
    if (std::isnan(value))
        return {};
    const double reference = std::isnan(scale) ? value : scale;
    const QLocale locale;
    switch (unit) {
    case ValueUnit::Percent:
        return tr("%1 %").arg(digits(value));
    case ValueUnit::Watts: {
        const double f = prefixFactor(reference);
        const QString number = digits(value / f);
        if (f >= 1e9)
            return tr("%1 GW").arg(number);
        if (f >= 1e6)
            return tr("%1 MW").arg(number);
        if (f >= 1e3)
            return tr("%1 kW").arg(number);
        return tr("%1 W").arg(number);
    }
    case ValueUnit::Celsius:
        return tr("%1 °C").arg(digits(value));
    case ValueUnit::Bytes: {
        const double r = std::abs(reference);
        if (r >= 1e12)
            return tr("%1 TB").arg(digits(value / 1e12));
        if (r >= 1e9)
            return tr("%1 GB").arg(digits(value / 1e9));
        if (r >= 1e6)
            return tr("%1 MB").arg(digits(value / 1e6));
        if (r >= 1e3)
            return tr("%1 kB").arg(digits(value / 1e3));
        return tr("%1 B").arg(digits(value));
    }
    case ValueUnit::Seconds: {
        const double r = std::abs(reference);
        if (r >= 2 * 86400)
            return tr("%1 d").arg(digits(value / 86400));
        if (r >= 2 * 3600)
            return tr("%1 h").arg(digits(value / 3600));
        if (r >= 120)
            return tr("%1 min").arg(digits(value / 60));
        return tr("%1 s").arg(digits(value));
    }
    case ValueUnit::Ratio:
        return locale.toString(value, 'f', 2);
    case ValueUnit::GramsPerKwh:
        return tr("%1 g/kWh").arg(digits(value));
    case ValueUnit::KilogramsPerHour:
        if (std::abs(reference) >= 1000)
            return tr("%1 t/h").arg(digits(value / 1000));
        return tr("%1 kg/h").arg(digits(value));
    case ValueUnit::AcceleratorHours:
        return tr("%1 h", "accelerator-hours")
            .arg(locale.toString(value, 'f', std::abs(value) >= 100 ? 0 : 1));
    case ValueUnit::Count:
        if (value == std::round(value) && std::abs(value) < 1e15)
            return locale.toString(qint64(value));
        return digits(value);
    case ValueUnit::Plain:
        break;
    }
    return digits(value);
}

void TimeSeriesPlot::setTitle(const QString &title)
{
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
    m_plot->setAccessibleName(title);
}

QString TimeSeriesPlot::title() const
{
    return m_title->text();
}

QCPAxis *TimeSeriesPlot::valueAxis(Axis axis) const
{
    return axis == Axis::Left ? m_plot->yAxis : m_plot->yAxis2;
}

void TimeSeriesPlot::setValueUnit(Axis axis, ValueUnit unit)
{
    m_units[int(axis)] = unit;
    static_cast<UnitTicker *>(valueAxis(axis)->ticker().data())->unit = unit;
    scheduleReplot();
}

ValueUnit TimeSeriesPlot::valueUnit(Axis axis) const
{
    return m_units[int(axis)];
}

void TimeSeriesPlot::setAxisLabel(Axis axis, const QString &label)
{
    valueAxis(axis)->setLabel(label);
    scheduleReplot();
}

void TimeSeriesPlot::setValueRange(Axis axis, double lower, double upper)
{
    m_fixed[int(axis)] = true;
    m_fixedRange[int(axis)][0] = lower;
    m_fixedRange[int(axis)][1] = upper;
    scheduleReplot();
}

void TimeSeriesPlot::setRanges(const QList<Range> &ranges)
{
    for (QAbstractButton *button : m_rangeButtons->buttons())
        button->setVisible(ranges.contains(Range(m_rangeButtons->id(button))));
}

void TimeSeriesPlot::addSeries(const QString &key, const QString &label, const QColor &colour,
    Axis axis, Style style, Qt::PenStyle pen)
{
    if (find(key))
        return;
    auto *s = new Series;
    s->key = key;
    s->label = label;
    s->colour = colour;
    s->axis = axis;
    s->style = style;
    s->pen = pen;
    QCPAxis *values = valueAxis(axis);
    if (style == Style::Bars) {
        s->bars = new QCPBars(m_plot->xAxis, values);
        s->bars->setWidthType(QCPBars::wtPlotCoords);
        s->bars->setWidth(3600);
        QColor fill = colour;
        fill.setAlpha(200);
        s->bars->setBrush(fill);
        s->bars->setPen(QPen(colour, 1));
    } else {
        s->graph = m_plot->addGraph(m_plot->xAxis, values);
        s->graph->setPen(QPen(colour, 2, pen));
        s->graph->setLineStyle(QCPGraph::lsLine);
    }
    s->plottable()->setName(label);
    s->plottable()->setSelectable(QCP::stNone);
    if (axis == Axis::Right) {
        m_plot->yAxis2->setVisible(true);
        m_plot->yAxis2->setTickLabels(true);
    }
    m_series.append(s);
    updateLegendItem(*s);
    scheduleReplot();
}

void TimeSeriesPlot::removeAllSeries()
{
    for (Series *s : std::as_const(m_series))
        m_plot->removePlottable(s->plottable());
    qDeleteAll(m_series);
    m_series.clear();
    m_plot->yAxis2->setVisible(false);
    scheduleReplot();
}

QStringList TimeSeriesPlot::seriesKeys() const
{
    QStringList keys;
    for (const Series *s : m_series)
        keys.append(s->key);
    return keys;
}

QString TimeSeriesPlot::seriesLabel(const QString &key) const
{
    const Series *s = find(key);
    return s ? s->label : QString();
}

void TimeSeriesPlot::setSeriesLabel(const QString &key, const QString &label)
{
    Series *s = find(key);
    if (!s || s->label == label)
        return;
    s->label = label;
    updateLegendItem(*s);
    scheduleReplot();
}

QColor TimeSeriesPlot::seriesColour(const QString &key) const
{
    const Series *s = find(key);
    return s ? s->colour : QColor();
}

TimeSeriesPlot::Series *TimeSeriesPlot::find(const QString &key) const
{
    for (Series *s : m_series)
        if (s->key == key)
            return s;
    return nullptr;
}

void TimeSeriesPlot::setSeriesData(
    const QString &key, const QVector<double> &times, const QVector<double> &values)
{
    Series *s = find(key);
    if (!s)
        return;
    const qsizetype n = std::min(times.size(), values.size());
    s->times = times.mid(0, n);
    s->values = values.mid(0, n);
    s->dirty = true;
    scheduleReplot();
}

void TimeSeriesPlot::takeDataFrom(const TimeSeriesPlot &other)
{
    for (Series *s : std::as_const(m_series)) {
        const Series *o = other.find(s->key);
        if (!o)
            continue;
        s->times = o->times;
        s->values = o->values;
        s->dirty = true;
        if (s->available != o->available) {
            s->available = o->available;
            updateLegendItem(*s);
        }
    }
    if (std::isfinite(other.m_endTime)) {
        m_endTime = other.m_endTime;
        if (m_following)
            applyTimeAxis();
    }
    updateOverlay();
    scheduleReplot();
}

void TimeSeriesPlot::appendPoint(const QString &key, double time, double value)
{
    Series *s = find(key);
    if (!s)
        return;
    if (!s->times.isEmpty() && time <= s->times.last()) {
        // A repeated or late point: replace or insert in order.
        auto it = std::lower_bound(s->times.begin(), s->times.end(), time);
        const auto i = it - s->times.begin();
        if (it != s->times.end() && *it == time) {
            s->values[i] = value;
        } else {
            s->times.insert(i, time);
            s->values.insert(i, value);
        }
    } else {
        s->times.append(time);
        s->values.append(value);
    }
    s->dirty = true;
    scheduleReplot();
}

void TimeSeriesPlot::setSeriesAvailable(const QString &key, bool available)
{
    Series *s = find(key);
    if (!s || s->available == available)
        return;
    s->available = available;
    s->dirty = true;
    updateLegendItem(*s);
    scheduleReplot();
}

bool TimeSeriesPlot::isSeriesAvailable(const QString &key) const
{
    const Series *s = find(key);
    return s && s->available;
}

void TimeSeriesPlot::setSeriesVisible(const QString &key, bool visible)
{
    Series *s = find(key);
    if (!s || s->visible == visible)
        return;
    s->visible = visible;
    s->dirty = true;
    updateLegendItem(*s);
    scheduleReplot();
    Q_EMIT seriesVisibilityChanged(key, visible);
}

bool TimeSeriesPlot::isSeriesVisible(const QString &key) const
{
    const Series *s = find(key);
    return s && s->visible;
}

void TimeSeriesPlot::setBarWidth(const QString &key, double seconds)
{
    if (Series *s = find(key); s && s->bars) {
        s->bars->setWidth(seconds);
        scheduleReplot();
    }
}

int TimeSeriesPlot::pointCount(const QString &key) const
{
    const Series *s = find(key);
    if (!s)
        return 0;
    return int(
        std::count_if(s->values.begin(), s->values.end(), [](double v) { return !std::isnan(v); }));
}

double TimeSeriesPlot::valueAt(const QString &key, double time) const
{
    const Series *s = find(key);
    if (!s || s->times.isEmpty())
        return qQNaN();
    auto it = std::upper_bound(s->times.begin(), s->times.end(), time);
    if (it == s->times.begin())
        return qQNaN();
    return s->values.at((it - s->times.begin()) - 1);
}

void TimeSeriesPlot::setReferenceLine(
    const QString &key, double value, const QString &label, const QColor &colour, Axis axis)
{
    Reference *r = nullptr;
    for (Reference *existing : std::as_const(m_references))
        if (existing->key == key)
            r = existing;
    if (!r) {
        r = new Reference;
        r->key = key;
        r->line = new QCPItemStraightLine(m_plot);
        r->line->setSelectable(false);
        r->label = new QCPItemText(m_plot);
        r->label->setSelectable(false);
        r->label->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
        r->label->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        r->label->position->setTypeY(QCPItemPosition::ptPlotCoords);
        m_references.append(r);
    }
    r->value = value;
    r->axis = axis;
    QCPAxis *values = valueAxis(axis);
    for (QCPItemPosition *p : { r->line->point1, r->line->point2 })
        p->setAxes(m_plot->xAxis, values);
    r->line->point1->setCoords(0, value);
    r->line->point2->setCoords(1, value);
    r->line->setPen(QPen(colour, 1.5, Qt::DashLine));
    r->label->position->setAxes(m_plot->xAxis, values);
    r->label->position->setCoords(0.995, value);
    r->label->setText(label);
    r->label->setColor(colour);
    scheduleReplot();
}

void TimeSeriesPlot::clearReferenceLines()
{
    for (Reference *r : std::as_const(m_references)) {
        m_plot->removeItem(r->line);
        m_plot->removeItem(r->label);
    }
    qDeleteAll(m_references);
    m_references.clear();
    scheduleReplot();
}

void TimeSeriesPlot::setMarkers(const QList<Marker> &markers)
{
    for (QCPItemStraightLine *line : std::as_const(m_markerLines))
        m_plot->removeItem(line);
    for (QCPItemText *glyph : std::as_const(m_markerGlyphs))
        m_plot->removeItem(glyph);
    m_markerLines.clear();
    m_markerGlyphs.clear();
    m_markers = markers;
    for (const Marker &m : markers) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->setSelectable(false);
        line->point1->setCoords(m.time, 0);
        line->point2->setCoords(m.time, 1);
        line->setPen(QPen(m.colour, 1.5, Qt::DashDotLine));
        m_markerLines.append(line);
        // A sign at the top of the line says "something happened here"; hovering says what.
        auto *glyph = new QCPItemText(m_plot);
        glyph->setSelectable(false);
        glyph->position->setTypeX(QCPItemPosition::ptPlotCoords);
        glyph->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        glyph->position->setCoords(m.time, 0);
        glyph->setPositionAlignment(Qt::AlignHCenter | Qt::AlignTop);
        glyph->setText(QStringLiteral("⚠"));
        glyph->setColor(m.colour);
        m_markerGlyphs.append(glyph);
    }
    scheduleReplot();
}

int TimeSeriesPlot::markerCount() const
{
    return int(m_markers.size());
}

void TimeSeriesPlot::setRange(Range range)
{
    m_range = range;
    m_following = true;
    if (QAbstractButton *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    applyTimeAxis();
    scheduleReplot();
}

TimeSeriesPlot::Range TimeSeriesPlot::range() const
{
    return m_range;
}

void TimeSeriesPlot::setEndTime(double time)
{
    m_endTime = time;
    if (m_following)
        applyTimeAxis();
    scheduleReplot();
}

double TimeSeriesPlot::timeLower() const
{
    return m_plot->xAxis->range().lower;
}

double TimeSeriesPlot::timeUpper() const
{
    return m_plot->xAxis->range().upper;
}

bool TimeSeriesPlot::isFollowing() const
{
    return m_following;
}

void TimeSeriesPlot::setNoDataText(const QString &text)
{
    m_noDataText = text;
    updateOverlay();
}

void TimeSeriesPlot::setUnavailableText(const QString &overlay, const QString &note)
{
    m_unavailableText = overlay;
    m_unavailableNote = note;
    for (Series *s : std::as_const(m_series))
        if (!s->available)
            updateLegendItem(*s);
    updateOverlay();
    scheduleReplot();
}

void TimeSeriesPlot::setMessage(const QString &message)
{
    m_message = message;
    updateOverlay();
}

QString TimeSeriesPlot::overlayText() const
{
    return m_overlay->isHidden() ? QString() : m_overlay->text();
}

double TimeSeriesPlot::newestTime() const
{
    double newest = qQNaN();
    for (const Series *s : m_series)
        if (!s->times.isEmpty() && !(s->times.last() <= newest))
            newest = s->times.last();
    return newest;
}

void TimeSeriesPlot::applyTimeAxis()
{
    const double span = double(rangeSeconds(m_range));
    auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>();
    if (ticker) {
        if (m_range == Range::Week) {
            ticker->setDateTimeFormat(tr("d MMM", "time axis: day and month"));
            ticker->setTickCount(7);
        } else {
            ticker->setDateTimeFormat(tr("HH:mm", "time axis: hours and minutes"));
            ticker->setTickCount(m_range == Range::Day ? 8 : 6);
        }
    }
    if (!m_following)
        return;
    double end = m_endTime;
    const double newest = newestTime();
    if (std::isnan(end) || newest > end)
        end = newest;
    if (std::isnan(end))
        end = double(QDateTime::currentSecsSinceEpoch());
    m_settingRange = true;
    m_plot->xAxis->setRange(end - span, end);
    m_settingRange = false;
}

void TimeSeriesPlot::fitValueAxes()
{
    const QCPRange keys = m_plot->xAxis->range();
    for (int a = 0; a < 2; ++a) {
        QCPAxis *axis = valueAxis(Axis(a));
        auto *ticker = static_cast<UnitTicker *>(axis->ticker().data());
        double lower = 0;
        double upper = qQNaN();
        if (m_fixed[a]) {
            lower = m_fixedRange[a][0];
            upper = m_fixedRange[a][1];
        } else {
            double low = 0;
            double high = qQNaN();
            for (const Series *s : std::as_const(m_series)) {
                if (int(s->axis) != a || !s->visible || !s->available)
                    continue;
                for (qsizetype i = 0; i < s->times.size(); ++i) {
                    const double v = s->values.at(i);
                    if (std::isnan(v) || s->times.at(i) < keys.lower - 1
                        || s->times.at(i) > keys.upper + 1)
                        continue;
                    low = std::min(low, v);
                    if (std::isnan(high) || v > high)
                        high = v;
                }
            }
            for (const Reference *r : std::as_const(m_references))
                if (int(r->axis) == a && (std::isnan(high) || r->value > high))
                    high = r->value;
            lower = low;
            upper = std::isnan(high) || high <= low ? low + 1 : high + (high - low) * 0.08;
        }
        axis->setRange(lower, upper);
        ticker->scale = std::max(std::abs(lower), std::abs(upper));
    }
}

void TimeSeriesPlot::updateLegendItem(Series &s)
{
    QCPAbstractPlottable *p = s.plottable();
    QString name = s.label;
    if (!s.available)
        name = m_unavailableNote.isEmpty() ? tr("%1 (no data)").arg(s.label)
                                           : tr("%1 (%2)").arg(s.label, m_unavailableNote);
    p->setName(name);
    p->setVisible(s.visible && s.available);
    if (auto *item = m_plot->legend->itemWithPlottable(p)) {
        const QColor text = palette().color(QPalette::Text);
        const QColor faded = palette().color(QPalette::Disabled, QPalette::Text);
        item->setTextColor(s.visible && s.available ? text : faded);
        QFont font = item->font();
        font.setStrikeOut(!s.visible);
        item->setFont(font);
    }
}

void TimeSeriesPlot::updateOverlay()
{
    QString text = m_message;
    if (text.isEmpty() && !m_series.isEmpty()) {
        bool anyAvailable = false;
        bool anyPoint = false;
        for (const Series *s : std::as_const(m_series)) {
            anyAvailable = anyAvailable || s->available;
            if (s->available && std::any_of(s->values.begin(), s->values.end(), [](double v) {
                    return !std::isnan(v);
                }))
                anyPoint = true;
        }
        if (!anyAvailable)
            text = m_unavailableText.isEmpty() ? tr("No data: this centre does not measure it")
                                               : m_unavailableText;
        else if (!anyPoint)
            text = m_noDataText;
    }
    m_overlay->setText(text);
    m_overlay->setVisible(!text.isEmpty());
}

void TimeSeriesPlot::scheduleReplot()
{
    // A hidden plot does nothing now; showEvent() catches up.
    if (!isVisible() || m_replotTimer->isActive())
        return;
    m_replotTimer->start();
}

bool TimeSeriesPlot::replotScheduled() const
{
    return m_replotTimer->isActive();
}

void TimeSeriesPlot::replotNow()
{
    for (Series *s : std::as_const(m_series)) {
        if (!s->dirty)
            continue;
        s->dirty = false;
        if (s->graph) {
            s->graph->setData(s->times, s->values, true);
        } else if (s->bars) {
            QVector<double> times;
            QVector<double> values;
            for (qsizetype i = 0; i < s->times.size(); ++i) {
                if (!std::isnan(s->values.at(i))) {
                    times.append(s->times.at(i));
                    values.append(s->values.at(i));
                }
            }
            s->bars->setData(times, values, true);
        }
        s->plottable()->setVisible(s->visible && s->available);
    }
    applyTimeAxis();
    fitValueAxes();
    updateOverlay();
    m_plot->replot();
    ++m_replots;
}

void TimeSeriesPlot::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    scheduleReplot();
}

void TimeSeriesPlot::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        scheduleReplot();
    }
}

void TimeSeriesPlot::applyTheme()
{
    const QPalette p = palette();
    const QColor text = p.color(QPalette::Text);
    QColor grid = p.color(QPalette::Text);
    grid.setAlpha(40);
    m_plot->setBackground(p.color(QPalette::Base));
    m_plot->axisRect()->setBackground(p.color(QPalette::Base));
    for (QCPAxis *axis : { m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2 }) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 1, Qt::DotLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
    m_plot->yAxis2->grid()->setVisible(false);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setTextColor(text);
    QColor cross = text;
    cross.setAlpha(140);
    m_crosshair->setPen(QPen(cross, 1));
    QColor labelBackground = p.color(QPalette::ToolTipBase);
    labelBackground.setAlpha(235);
    m_crosshairLabel->setBrush(labelBackground);
    m_crosshairLabel->setPen(QPen(cross, 1));
    m_crosshairLabel->setColor(p.color(QPalette::ToolTipText));
    QPalette overlay = m_overlay->palette();
    overlay.setColor(QPalette::WindowText, p.color(QPalette::Disabled, QPalette::Text));
    m_overlay->setPalette(overlay);
    for (Series *s : std::as_const(m_series))
        updateLegendItem(*s);
}

void TimeSeriesPlot::legendClicked(QCPLegend *, QCPAbstractLegendItem *item, QMouseEvent *)
{
    auto *plottableItem = qobject_cast<QCPPlottableLegendItem *>(item);
    if (!plottableItem)
        return;
    for (Series *s : std::as_const(m_series)) {
        if (s->plottable() == plottableItem->plottable()) {
            setSeriesVisible(s->key, !s->visible);
            replotNow();
            return;
        }
    }
}

QRect TimeSeriesPlot::legendItemRect(const QString &key) const
{
    const Series *s = find(key);
    if (!s)
        return {};
    if (auto *item = m_plot->legend->itemWithPlottable(s->plottable()))
        return item->outerRect();
    return {};
}

QString TimeSeriesPlot::legendText(const QString &key) const
{
    const Series *s = find(key);
    return s ? s->plottable()->name() : QString();
}

QWidget *TimeSeriesPlot::plotWidget() const
{
    return m_plot;
}

void TimeSeriesPlot::showCrosshairAt(double time)
{
    QStringList lines { TimeText::fromSeconds(std::round(time)) };
    for (const Series *s : std::as_const(m_series)) {
        if (!s->visible)
            continue;
        QString value;
        if (!s->available) {
            value = tr("no data");
        } else {
            const double v = valueAt(s->key, time);
            const auto *ticker = static_cast<UnitTicker *>(valueAxis(s->axis)->ticker().data());
            value = std::isnan(v) ? tr("no data")
                                  : formatValue(v, m_units[int(s->axis)], ticker->scale);
        }
        lines.append(tr("%1: %2").arg(s->label, value));
    }
    // Markers within a pixel-ish distance: 1/100 of the range shown.
    const double near = m_plot->xAxis->range().size() / 100.0;
    for (const Marker &m : std::as_const(m_markers))
        if (std::abs(m.time - time) <= near)
            lines.append(tr("⚠ %1").arg(m.label));
    m_crosshairText = lines.join(u'\n');

    m_crosshair->point1->setCoords(time, 0);
    m_crosshair->point2->setCoords(time, 1);
    m_crosshair->setVisible(true);
    const QCPRange keys = m_plot->xAxis->range();
    const double ratio = keys.size() > 0 ? (time - keys.lower) / keys.size() : 0.5;
    const bool left = ratio > 0.5;
    m_crosshairLabel->setText(m_crosshairText);
    m_crosshairLabel->setPositionAlignment((left ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    m_crosshairLabel->position->setCoords(left ? ratio - 0.01 : ratio + 0.01, 0.02);
    m_crosshairLabel->setVisible(true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimeSeriesPlot::hideCrosshair()
{
    m_crosshairText.clear();
    m_crosshair->setVisible(false);
    m_crosshairLabel->setVisible(false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString TimeSeriesPlot::crosshairText() const
{
    return m_crosshairText;
}

bool TimeSeriesPlot::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_plot) {
        if (event->type() == QEvent::MouseMove) {
            const QPointF pos = static_cast<QMouseEvent *>(event)->position();
            if (m_plot->axisRect()->rect().contains(pos.toPoint()))
                showCrosshairAt(m_plot->xAxis->pixelToCoord(pos.x()));
            else if (m_crosshair->visible())
                hideCrosshair();
        } else if (event->type() == QEvent::Leave && m_crosshair->visible()) {
            hideCrosshair();
        }
    }
    return QWidget::eventFilter(watched, event);
}

bool TimeSeriesPlot::exportPng(const QString &path, int width, int height)
{
    replotNow();
    const bool ok = m_plot->savePng(path, width, height);
    if (!ok)
        qCWarning(lcWidgets) << "could not write" << path;
    return ok;
}

bool TimeSeriesPlot::exportPdf(const QString &path)
{
    replotNow();
    const bool ok = m_plot->savePdf(path);
    if (!ok)
        qCWarning(lcWidgets) << "could not write" << path;
    return ok;
}

bool TimeSeriesPlot::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    QTextStream out(&file);
    out.setEncoding(QStringConverter::Utf8);
    QStringList header { QStringLiteral("time") };
    QMap<double, QVector<double>> rows;
    for (qsizetype c = 0; c < m_series.size(); ++c) {
        const Series *s = m_series.at(c);
        const QString unit = unitSymbol(m_units[int(s->axis)]);
        header.append(
            csvField(unit.isEmpty() ? s->label : s->label + QStringLiteral(" (") + unit + u')'));
        for (qsizetype i = 0; i < s->times.size(); ++i) {
            auto &row = rows[s->times.at(i)];
            if (row.isEmpty())
                row.fill(qQNaN(), m_series.size());
            row[c] = s->values.at(i);
        }
    }
    out << header.join(u',') << '\n';
    const QLocale c = QLocale::c();
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        const QDateTime local = QDateTime::fromSecsSinceEpoch(qint64(std::llround(it.key())));
        QStringList fields { local.toOffsetFromUtc(local.offsetFromUtc()).toString(Qt::ISODate) };
        for (double v : it.value())
            fields.append(std::isnan(v) ? QString() : c.toString(v, 'g', 12));
        out << fields.join(u',') << '\n';
    }
    out.flush();
    return file.commit();
}

void TimeSeriesPlot::exportWithDialog(const QString &format)
{
    const QString base = title().isEmpty() ? tr("chart") : title();
    QString filter;
    if (format == QLatin1String("png"))
        filter = tr("PNG image (*.png)");
    else if (format == QLatin1String("pdf"))
        filter = tr("PDF document (*.pdf)");
    else
        filter = tr("CSV data (*.csv)");
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Export chart"), base + u'.' + format, filter);
    if (path.isEmpty())
        return;
    bool ok = false;
    if (format == QLatin1String("png"))
        ok = exportPng(path);
    else if (format == QLatin1String("pdf"))
        ok = exportPdf(path);
    else
        ok = exportCsv(path);
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"),
            tr("Could not write %1. Check that the folder exists and that you may write to it, "
               "then try again.")
                .arg(path));
}

} // namespace suanli::widgets
