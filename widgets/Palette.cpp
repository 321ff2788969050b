#include "widgets/Palette.h"

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

double Palette::contrast(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a) + 0.05;
    const double lb = relativeLuminance(b) + 0.05;
    return la > lb ? la / lb : lb / la;
}

namespace {
void setGroups(QPalette &p, QPalette::ColorRole role, const QColor &active, const QColor &disabled)
{
    p.setColor(QPalette::Active, role, active);
    p.setColor(QPalette::Inactive, role, active);
    p.setColor(QPalette::Disabled, role, disabled);
}

void setAll(QPalette &p, QPalette::ColorRole role, const QColor &colour)
{
    setGroups(p, role, colour, colour);
}

QPalette lightSurface()
{
    QPalette p;
    const QColor window(0xf3, 0xf4, 0xf6);
    const QColor text(0x1f, 0x23, 0x28);
    const QColor disabledText(0x8c, 0x92, 0x99);
    setAll(p, QPalette::Window, window);
    setGroups(p, QPalette::WindowText, text, disabledText);
    setGroups(p, QPalette::Base, Qt::white, QColor(0xf0, 0xf0, 0xf0));
    setAll(p, QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa));
    setAll(p, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8));
    setAll(p, QPalette::ToolTipText, text);
    setAll(p, QPalette::PlaceholderText, disabledText);
    setGroups(p, QPalette::Text, text, disabledText);
    setAll(p, QPalette::Button, QColor(0xe9, 0xeb, 0xee));
    setGroups(p, QPalette::ButtonText, text, disabledText);
    setAll(p, QPalette::BrightText, Qt::white);
    setAll(p, QPalette::Light, Qt::white);
    setAll(p, QPalette::Midlight, QColor(0xe3, 0xe5, 0xe8));
    setAll(p, QPalette::Mid, QColor(0xb8, 0xbd, 0xc3));
    setAll(p, QPalette::Dark, QColor(0x8c, 0x92, 0x99));
    setAll(p, QPalette::Shadow, QColor(0x4a, 0x4f, 0x55));
    setGroups(p, QPalette::Highlight, QColor(0x00, 0x72, 0xb2), QColor(0xc8, 0xcc, 0xd0));
    setGroups(p, QPalette::HighlightedText, Qt::white, disabledText);
    setAll(p, QPalette::Link, QColor(0x00, 0x5a, 0x9c));
    setAll(p, QPalette::LinkVisited, QColor(0x6a, 0x3d, 0x9a));
    return p;
}

QPalette darkSurface()
{
    QPalette p;
    const QColor window(0x20, 0x23, 0x28);
    const QColor base(0x17, 0x1a, 0x1e);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor disabledText(0x7a, 0x80, 0x88);
    setAll(p, QPalette::Window, window);
    setGroups(p, QPalette::WindowText, text, disabledText);
    setGroups(p, QPalette::Base, base, window);
    setAll(p, QPalette::AlternateBase, QColor(0x25, 0x29, 0x2e));
    setAll(p, QPalette::ToolTipBase, QColor(0x30, 0x34, 0x3a));
    setAll(p, QPalette::ToolTipText, text);
    setAll(p, QPalette::PlaceholderText, disabledText);
    setGroups(p, QPalette::Text, text, disabledText);
    setGroups(p, QPalette::Button, QColor(0x2d, 0x31, 0x37), QColor(0x26, 0x29, 0x2e));
    setGroups(p, QPalette::ButtonText, text, disabledText);
    setAll(p, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    setAll(p, QPalette::Light, QColor(0x3d, 0x42, 0x49));
    setAll(p, QPalette::Midlight, QColor(0x34, 0x38, 0x3e));
    setAll(p, QPalette::Mid, QColor(0x2a, 0x2e, 0x33));
    setAll(p, QPalette::Dark, QColor(0x12, 0x14, 0x17));
    setAll(p, QPalette::Shadow, QColor(0x08, 0x09, 0x0a));
    // Deep enough that white selected text reads on it.
    setGroups(p, QPalette::Highlight, QColor(0x1f, 0x6f, 0xb4), QColor(0x3a, 0x3f, 0x46));
    setGroups(p, QPalette::HighlightedText, Qt::white, disabledText);
    setAll(p, QPalette::Link, QColor(0x56, 0xb4, 0xe9));
    setAll(p, QPalette::LinkVisited, QColor(0xcc, 0x9c, 0xf0));
    return p;
}

// Near-black, for a screen on a wall all day: light text, a blue selection with black text.
QPalette wallSurface()
{
    QPalette p;
    const QColor window(0x12, 0x14, 0x17);
    const QColor base(0x1c, 0x1f, 0x23);
    const QColor text(0xec, 0xec, 0xec);
    const QColor disabledText(0x8a, 0x8c, 0x90);
    setAll(p, QPalette::Window, window);
    setGroups(p, QPalette::WindowText, text, disabledText);
    setAll(p, QPalette::Base, base);
    setAll(p, QPalette::AlternateBase, QColor(0x24, 0x27, 0x2b));
    setGroups(p, QPalette::Text, text, disabledText);
    setAll(p, QPalette::Button, QColor(0x2a, 0x2d, 0x31));
    setGroups(p, QPalette::ButtonText, text, disabledText);
    setAll(p, QPalette::Highlight, QColor(0x4d, 0x9d, 0xf0));
    setAll(p, QPalette::HighlightedText, Qt::black);
    setAll(p, QPalette::PlaceholderText, disabledText);
    setAll(p, QPalette::ToolTipBase, base);
    setAll(p, QPalette::ToolTipText, text);
    setAll(p, QPalette::Mid, QColor(0x50, 0x52, 0x56));
    setAll(p, QPalette::Dark, QColor(0x0a, 0x0b, 0x0d));
    return p;
}
} // namespace

QPalette Palette::surface(Surface which)
{
    switch (which) {
    case Surface::Light:
        return lightSurface();
    case Surface::Dark:
        return darkSurface();
    case Surface::Wall:
        return wallSurface();
    }
    return lightSurface();
}

Palette::Message Palette::message(SeverityColour severity, bool dark)
{
    switch (severity) {
    case SeverityColour::Critical:
        return { QColor(0xb3, 0x26, 0x1e), Qt::white, QColor(0xb3, 0x26, 0x1e) };
    case SeverityColour::Warning:
        if (dark)
            return { QColor(0x4a, 0x36, 0x12), QColor(0xfd, 0xe7, 0xc2), QColor(0xe6, 0x9f, 0x00) };
        return { QColor(0xfd, 0xe7, 0xc2), QColor(0x4a, 0x2c, 0x00), QColor(0xe6, 0x9f, 0x00) };
    case SeverityColour::Ok:
    case SeverityColour::Info:
    case SeverityColour::None:
        break;
    }
    if (dark)
        return { QColor(0x1c, 0x33, 0x4a), QColor(0xe6, 0xe8, 0xeb), QColor(0x56, 0xb4, 0xe9) };
    return { QColor(0xe3, 0xf0, 0xfa), QColor(0x1f, 0x23, 0x28), QColor(0x00, 0x72, 0xb2) };
}

QColor Palette::warningText(bool dark)
{
    return dark ? QColor(0xf4, 0xb0, 0x5a) : QColor(0xa0, 0x4d, 0x05);
}

QColor Palette::controlEdge(bool dark)
{
    return dark ? QColor(0x9a, 0xa1, 0xaa) : QColor(0x7a, 0x80, 0x88);
}

} // namespace suanli::widgets
