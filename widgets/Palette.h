#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QList>
#include <QPalette>
#include <QString>

namespace suanli::widgets {

// A node's state as the widgets colour it. The numbers are those of suanli.v1.NodeState, so
// the console can static_cast; anything outside the range is shown as Unknown (no data).
enum class NodeStateColour {
    Unknown = 0,
    Idle = 1,
    Allocated = 2,
    Mixed = 3,
    Draining = 4,
    Drained = 5,
    Down = 6,
    Maintenance = 7,
};

// How serious something is, as the widgets colour it. None..Critical are numbered as in
// suanli.v1.Severity; Ok is the console's own "all is well" (a live connection, a quota with room).
enum class SeverityColour {
    None = 0,
    Info = 1,
    Warning = 2,
    Critical = 3,
    Ok = 4,
};

// What a chart's series shows; each meaning has one colour in every chart (Palette::seriesColour).
enum class SeriesMeaning {
    Utilisation, // accelerator utilisation, percent
    Memory, // accelerator memory used
    Temperature,
    Power, // IT power (servers, accelerators)
    FacilityPower, // the whole site: IT power x PUE
    Pue,
    CarbonIntensity, // of the grid, g CO2 per kWh
    Emissions, // kg CO2 per hour
    JobsPending, // queue depth
    JobsRunning,
    Wait, // queue wait (p50 solid, p95 dashed)
    AcceleratorHours,
    Quota, // a limit line
};

// A whole window's colours: the console's light and dark themes, and the wall display's.
enum class Surface {
    Light,
    Dark,
    Wall,
};

// Palette is the one place the console decides colours, so a colour means the same thing in
// every table, heatmap, quota bar, tile, chart and on the wall display. Colours come from the
// Okabe-Ito set (safe for the common colour-vision deficiencies), with a light and a dark variant;
// every `dark` argument defaults to the application's current palette.
class Palette {
    Q_DECLARE_TR_FUNCTIONS(Palette)
public:
    Palette() = delete;

    // Usage at or above WarningPercent is amber, at or above CriticalPercent red.
    static constexpr double WarningPercent = 70.0;
    static constexpr double CriticalPercent = 90.0;
    static constexpr int StateCount = 8;

    // True when the palette draws light text on a dark window.
    static bool isDark(const QPalette &palette);
    // The application's palette (QGuiApplication::palette()).
    static bool isDark();

    static QColor stateColour(NodeStateColour state, bool dark = isDark());
    // A state number as in suanli.v1.NodeState; out of range is Unknown.
    static QColor stateColour(int state, bool dark = isDark());
    static NodeStateColour stateFromInt(int state);
    // The state in words, for legends and tooltips ("Allocated", "Down").
    static QString stateLabel(NodeStateColour state);

    static QColor severityColour(SeverityColour severity, bool dark = isDark());
    static QString severityLabel(SeverityColour severity);

    // Quota or utilisation in percent: Ok below 70, Warning below 90, Critical from 90 on.
    static SeverityColour usageSeverity(double percent);
    static QColor usageColour(double percent, bool dark = isDark());

    // The sequential scale of heatmaps and charts (utilisation, temperature, power), perceptually
    // ordered: light to dark on a light theme (YlGnBu), dark to bright on a dark one (viridis),
    // so a higher value always stands out more from the background. NaN gives noDataColour().
    static QColor scaleColour(double value, double min, double max, bool dark = isDark());
    // fraction in [0, 1] (clamped); NaN gives noDataColour().
    static QColor scaleColour(double fraction, bool dark = isDark());
    // The scale's stops, evenly spaced from low to high (for gradients in legends).
    static QList<QColor> scaleStops(bool dark = isDark());

    // A chart series' colour by what it shows (utilisation is always the same blue).
    static QColor seriesColour(SeriesMeaning meaning, bool dark = isDark());
    // The n-th colour of an ordered categorical set (Okabe-Ito order), for series that differ by
    // identity, not meaning: accelerator 0..7 of a node, queues, centres. Wraps after
    // categoryCount() colours.
    static QColor categoryColour(int index, bool dark = isDark());
    static constexpr int categoryCount() { return 8; }
    // An accelerator model's colour, by its suanli.v1.AcceleratorModel number, so a model has the
    // same colour in every tenant and centre chart.
    static QColor modelColour(int acceleratorModel, bool dark = isDark());

    // "Stale" or "no data": a neutral grey that no state or scale colour is close to.
    static QColor noDataColour(bool dark = isDark());

    // Black or white, whichever reads better on background (WCAG contrast).
    static QColor textOn(const QColor &background);
    // The WCAG contrast ratio of two colours, 1 (none) to 21 (black on white).
    static double contrast(const QColor &a, const QColor &b);

    // The QPalette of a whole window: every role, in the active, inactive and disabled groups.
    static QPalette surface(Surface which);

    // A message that stands out from its page (a filter error, a request that needs a centre
    // admin): its background, its text and the accent of its edge.
    struct Message {
        QColor background;
        QColor text;
        QColor accent;
    };
    static Message message(SeverityColour severity, bool dark = isDark());
    // A warning written straight on the window (under a field): text that reads on the theme.
    static QColor warningText(bool dark = isDark());
    // The edge of a radio button's circle or a check box's square, unchecked: 3:1 against the
    // window and the field it is filled with, as WCAG asks of a control's outline.
    static QColor controlEdge(bool dark = isDark());
};

} // namespace suanli::widgets
