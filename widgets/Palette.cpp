#include "Palette.h"

#include <QGuiApplication>
#include <algorithm>
#include <array>
#include <cmath>

namespace suanli::widgets {

namespace {

struct Pair {
    QRgb light;
    QRgb dark;
};

// Indexed by NodeStateColour. Okabe-Ito hues; the dark variants are lifted so they keep their
// contrast on a dark window. Idle shares Ok's green, Draining Warning's amber and Down Critical's
// vermillion, so "free", "attention" and "broken" read the same in every widget.
constexpr std::array<Pair, Palette::StateCount> kStates = { {
    { 0xffbdbdbd, 0xff5e5e5e }, // unknown: the no-data grey
    { 0xff009e73, 0xff2bb58c }, // idle: bluish green
    { 0xff0072b2, 0xff3d9ad6 }, // allocated: blue
    { 0xff56b4e9, 0xff9ad3f2 }, // mixed: sky blue
    { 0xffe69f00, 0xfff0b429 }, // draining: orange
    { 0xffcc79a7, 0xffdc98bf }, // drained: reddish purple
    { 0xffd55e00, 0xffef7a2b }, // down: vermillion
    { 0xffe8dc3c, 0xffe3d75a }, // maintenance: yellow
} };

// Indexed by SeriesMeaning: Paul Tol's "bright" and "muted" qualitative schemes, colour-blind
// safe. Utilisation is the blue of "allocated" nodes, so "in use" reads the same everywhere.
constexpr std::array<Pair, 13> kSeries = { {
    { 0xff0072b2, 0xff3d9ad6 }, // utilisation: blue
    { 0xff44aa99, 0xff66ccbb }, // memory: teal
    { 0xffcc3311, 0xffee6677 }, // temperature: red
    { 0xffaa3377, 0xffcc66aa }, // power: purple
    { 0xff882255, 0xffdd88bb }, // facility power: wine
    { 0xff117733, 0xff44bb66 }, // pue: green
    { 0xff999933, 0xffccbb44 }, // carbon intensity: olive
    { 0xff5a5a5a, 0xffbbbbbb }, // emissions: graphite
    { 0xffe69f00, 0xfff0b429 }, // jobs pending: orange (waiting)
    { 0xff0072b2, 0xff3d9ad6 }, // jobs running: blue (in use)
    { 0xffee7733, 0xffffa366 }, // wait: orange-red
    { 0xff332288, 0xff8877dd }, // accelerator-hours: indigo
    { 0xff1a1a1a, 0xffe6e6e6 }, // quota line: ink
} };

// Okabe-Ito in its usual order, black replaced by a grey that reads on both themes.
constexpr std::array<Pair, 8> kCategories = { {
    { 0xff0072b2, 0xff3d9ad6 }, // blue
    { 0xffe69f00, 0xfff0b429 }, // orange
    { 0xff009e73, 0xff2bb58c }, // bluish green
    { 0xffcc79a7, 0xffdc98bf }, // reddish purple
    { 0xff56b4e9, 0xff9ad3f2 }, // sky blue
    { 0xffd55e00, 0xffef7a2b }, // vermillion
    { 0xffb8a800, 0xffe3d75a }, // yellow, darkened to read on white
    { 0xff6b6b6b, 0xffb0b0b0 }, // grey
} };

constexpr Pair kNoData = { 0xffbdbdbd, 0xff5e5e5e };
constexpr Pair kNeutral = { 0xff8a8a8a, 0xff8f8f8f };

// ColorBrewer YlGnBu without its near-white first class, which vanishes on a light window. Calm
// hues: a full centre is normal, and red is kept for what is wrong.
constexpr std::array<QRgb, 8> kScaleLight = { 0xffedf8b1, 0xffc7e9b4, 0xff7fcdbb, 0xff41b6c4,
    0xff1d91c0, 0xff225ea8, 0xff253494, 0xff081d58 };
// Matplotlib's viridis from 0.1 up: its near-black start vanishes on a dark window.
constexpr std::array<QRgb, 10> kScaleDark = { 0xff482475, 0xff414487, 0xff355f8d, 0xff2a788e,
    0xff21918c, 0xff22a884, 0xff44bf70, 0xff7ad151, 0xffbddf26, 0xfffde725 };

template <std::size_t N> QColor interpolate(const std::array<QRgb, N> &stops, double fraction)
{
    const double pos = std::clamp(fraction, 0.0, 1.0) * double(N - 1);
    const auto i = std::min<std::size_t>(std::size_t(pos), N - 2);
    const double t = pos - double(i);
    const QRgb a = stops[i];
    const QRgb b = stops[i + 1];
    const auto mix = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(mix(qRed(a), qRed(b)), mix(qGreen(a), qGreen(b)), mix(qBlue(a), qBlue(b)));
}

double linearChannel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &c)
{
    return 0.2126 * linearChannel(c.redF()) + 0.7152 * linearChannel(c.greenF())
        + 0.0722 * linearChannel(c.blueF());
}

} // namespace

bool Palette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

bool Palette::isDark()
{
    return isDark(QGuiApplication::palette());
}

NodeStateColour Palette::stateFromInt(int state)
{
    if (state < 0 || state >= StateCount)
        return NodeStateColour::Unknown;
    return static_cast<NodeStateColour>(state);
}

QColor Palette::stateColour(NodeStateColour state, bool dark)
{
    const Pair &p = kStates[std::size_t(stateFromInt(int(state)))];
    return QColor::fromRgb(dark ? p.dark : p.light);
}

QColor Palette::stateColour(int state, bool dark)
{
    return stateColour(stateFromInt(state), dark);
}

QString Palette::stateLabel(NodeStateColour state)
{
    switch (state) {
    case NodeStateColour::Idle:
        return tr("Idle");
    case NodeStateColour::Allocated:
        return tr("Allocated");
    case NodeStateColour::Mixed:
        return tr("Mixed");
    case NodeStateColour::Draining:
        return tr("Draining");
    case NodeStateColour::Drained:
        return tr("Drained");
    case NodeStateColour::Down:
        return tr("Down");
    case NodeStateColour::Maintenance:
        return tr("Maintenance");
    case NodeStateColour::Unknown:
        break;
    }
    return tr("No data");
}

QColor Palette::severityColour(SeverityColour severity, bool dark)
{
    switch (severity) {
    case SeverityColour::Ok:
        return stateColour(NodeStateColour::Idle, dark);
    case SeverityColour::Info:
        return stateColour(NodeStateColour::Allocated, dark);
    case SeverityColour::Warning:
        return stateColour(NodeStateColour::Draining, dark);
    case SeverityColour::Critical:
        return stateColour(NodeStateColour::Down, dark);
    case SeverityColour::None:
        break;
    }
    return QColor::fromRgb(dark ? kNeutral.dark : kNeutral.light);
}

QString Palette::severityLabel(SeverityColour severity)
{
    switch (severity) {
    case SeverityColour::Ok:
        return tr("OK");
    case SeverityColour::Info:
        return tr("Info");
    case SeverityColour::Warning:
        return tr("Warning");
    case SeverityColour::Critical:
        return tr("Critical");
    case SeverityColour::None:
        break;
    }
    return QString();
}

SeverityColour Palette::usageSeverity(double percent)
{
    if (std::isnan(percent) || percent < WarningPercent)
        return SeverityColour::Ok;
    if (percent < CriticalPercent)
        return SeverityColour::Warning;
    return SeverityColour::Critical;
}

QColor Palette::usageColour(double percent, bool dark)
{
    if (std::isnan(percent))
        return noDataColour(dark);
    return severityColour(usageSeverity(percent), dark);
}

QColor Palette::scaleColour(double value, double min, double max, bool dark)
{
    if (std::isnan(value))
        return noDataColour(dark);
    if (!(max > min))
        return scaleColour(value >= max ? 1.0 : 0.0, dark);
    return scaleColour((value - min) / (max - min), dark);
}

QColor Palette::scaleColour(double fraction, bool dark)
{
    if (std::isnan(fraction))
        return noDataColour(dark);
    return dark ? interpolate(kScaleDark, fraction) : interpolate(kScaleLight, fraction);
}

QList<QColor> Palette::scaleStops(bool dark)
{
    QList<QColor> stops;
    if (dark) {
        for (QRgb c : kScaleDark)
            stops.append(QColor::fromRgb(c));
    } else {
        for (QRgb c : kScaleLight)
            stops.append(QColor::fromRgb(c));
    }
    return stops;
}

QColor Palette::seriesColour(SeriesMeaning meaning, bool dark)
{
    const auto i = std::min<std::size_t>(std::size_t(meaning), kSeries.size() - 1);
    return QColor::fromRgb(dark ? kSeries[i].dark : kSeries[i].light);
}

QColor Palette::categoryColour(int index, bool dark)
{
    const auto n = int(kCategories.size());
    const Pair &p = kCategories[std::size_t(((index % n) + n) % n)];
    return QColor::fromRgb(dark ? p.dark : p.light);
}

QColor Palette::modelColour(int acceleratorModel, bool dark)
{
    // Model numbers start at 1 (0 is unspecified): H100 blue, H800 orange, A100 green ...
    return categoryColour(acceleratorModel - 1, dark);
}

QColor Palette::noDataColour(bool dark)
{
    return QColor::fromRgb(dark ? kNoData.dark : kNoData.light);
}

QColor Palette::textOn(const QColor &background)
{
    const double l = relativeLuminance(background);
    // Contrast against white is 1.05 / (l + 0.05), against black (l + 0.05) / 0.05.
    const bool black = (l + 0.05) / 0.05 >= 1.05 / (l + 0.05);
    return black ? QColor(0x1a, 0x1a, 0x1a) : QColor(Qt::white);
}

} // namespace suanli::widgets
