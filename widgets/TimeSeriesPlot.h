#pragma once

#include <QColor>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVector>
#include <QWidget>
#include <QtNumeric>

class QButtonGroup;
class QCPAxis;
class QCPGraph;
class QCPBars;
class QCPItemStraightLine;
class QCPItemText;
class QCPLegend;
class QCPAbstractLegendItem;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QTimer;
class QToolButton;

namespace suanli::widgets {

// What a value axis measures: it decides the tick labels ("5.6 kW", "97 %", "3 h").
enum class ValueUnit {
    Plain,
    Count, // "1,532"
    Percent, // "97 %"
    Watts, // "850 W", "5.6 kW", "1.25 MW" (one prefix for the whole axis)
    Celsius, // "64 °C"
    Bytes, // "80 GB"
    Seconds, // "45 s", "12 min", "3 h"
    Ratio, // "1.25" (PUE)
    GramsPerKwh, // "583 g/kWh"
    KilogramsPerHour, // "820 kg/h", "1.2 t/h"
    AcceleratorHours, // "1,200 h"
};

// TimeSeriesPlot draws several series against local time (QCustomPlot): a range bar
// (15 min, 1 h, 24 h, 7 d), zoom and pan on the time axis, a crosshair that shows every series'
// value under the mouse, a legend whose entries switch series on and off, event markers on the
// time axis, horizontal reference lines (a quota), and export to PNG, PDF and CSV. Points come in
// as plain numbers (times in seconds since the epoch); new points are buffered and drawn on a
// 100 ms timer, so a stream of points costs at most ten replots a second, and a hidden plot does
// no drawing until it is shown. A series whose source has no data says so instead of drawing
// zeros. It knows nothing of the API.
class TimeSeriesPlot : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesPlot)
public:
    enum class Range { Minutes15, Hour, Day, Week };
    Q_ENUM(Range)
    enum class Axis { Left, Right };
    enum class Style { Line, Bars };

    // Something that happened at a time (a fault): a vertical line in its colour.
    struct Marker {
        double time = 0;
        QString label;
        QColor colour;
    };

    explicit TimeSeriesPlot(QWidget *parent = nullptr);
    ~TimeSeriesPlot() override;

    static qint64 rangeSeconds(Range range);
    static QString rangeLabel(Range range);
    // A value in the unit's words; `scale` (the largest value shown) picks one SI prefix for
    // an axis; NaN means "by this value alone". NaN values give an empty string.
    static QString formatValue(double value, ValueUnit unit, double scale = qQNaN());

    void setTitle(const QString &title);
    QString title() const;
    void setValueUnit(Axis axis, ValueUnit unit);
    ValueUnit valueUnit(Axis axis) const;
    // Words beside the axis ("Power", "PUE"); the unit is in the tick labels.
    void setAxisLabel(Axis axis, const QString &label);
    // Fixes the value axis (0..100 for percent); without it the axis fits the data from 0.
    void setValueRange(Axis axis, double lower, double upper);
    // Which range buttons are offered (all four by default).
    void setRanges(const QList<Range> &ranges);

    // Adds a series; `key` names it in the calls below and in CSV headers' order.
    void addSeries(const QString &key, const QString &label, const QColor &colour,
        Axis axis = Axis::Left, Style style = Style::Line, Qt::PenStyle pen = Qt::SolidLine);
    void removeAllSeries();
    QStringList seriesKeys() const;
    QString seriesLabel(const QString &key) const;
    // Renames a series in the legend and the crosshair (a centre's name arriving later).
    void setSeriesLabel(const QString &key, const QString &label);
    QColor seriesColour(const QString &key) const;
    // Replaces a series' points; NaN values are gaps. Times ascending.
    void setSeriesData(
        const QString &key, const QVector<double> &times, const QVector<double> &values);
    // Takes the points, availability and time span of every series `other` has under the same
    // key: a plot made again (in another language) shows at once what the old one showed.
    void takeDataFrom(const TimeSeriesPlot &other);
    // Appends one live point (after the last; an equal time replaces it); drawn on the next tick.
    void appendPoint(const QString &key, double time, double value);
    // False: the source has no data for this series (not zero): nothing is drawn, the legend
    // says "no data", and a plot whose series all have none says so in the middle.
    void setSeriesAvailable(const QString &key, bool available);
    bool isSeriesAvailable(const QString &key) const;
    void setSeriesVisible(const QString &key, bool visible);
    bool isSeriesVisible(const QString &key) const;
    // Bars' width in seconds (e.g. 0.8 days for per-day bars).
    void setBarWidth(const QString &key, double seconds);
    // Points held for a series, pending ones included; finite values only.
    int pointCount(const QString &key) const;
    // The value at or just before `time`, NaN when none (or a gap).
    double valueAt(const QString &key, double time) const;

    // A horizontal line across the plot (a quota) with its label at the right end.
    void setReferenceLine(const QString &key, double value, const QString &label,
        const QColor &colour, Axis axis = Axis::Left);
    void clearReferenceLines();
    int referenceLineCount() const { return int(m_references.size()); }
    void setMarkers(const QList<Marker> &markers);
    int markerCount() const;

    // The time axis shows [end - range, end]; end follows the newest point unless the user
    // zoomed or dragged (picking a range follows again).
    void setRange(Range range);
    Range range() const;
    // The newest time the source has (its "now"), when it runs ahead of or behind this clock.
    void setEndTime(double time);
    // The time axis as shown: lower and upper, seconds since the epoch.
    double timeLower() const;
    double timeUpper() const;
    bool isFollowing() const;

    // Text shown over an empty plot (default "No data").
    void setNoDataText(const QString &text);
    // Why the source has no data for a series (setSeriesAvailable false), in the owner's words:
    // `overlay` over a plot none of whose series has any (default "No data: this centre does
    // not measure it"), `note` after such a series' label in the legend (default "no data").
    // Empty keeps the default.
    void setUnavailableText(const QString &overlay, const QString &note = {});
    // A message over the plot (an error the user can act on); empty hides it.
    void setMessage(const QString &message);
    QString overlayText() const;

    // The crosshair at `time`, as when the mouse is there; its text lists the time and each
    // visible series' value (and any marker close by).
    void showCrosshairAt(double time);
    void hideCrosshair();
    QString crosshairText() const;

    // Files: PNG at the widget's size (or width x height), PDF as vectors, CSV with one row per
    // time (local time, ISO 8601 with offset) and one column per series. False when the file
    // cannot be written.
    bool exportPng(const QString &path, int width = 0, int height = 0);
    bool exportPdf(const QString &path);
    bool exportCsv(const QString &path) const;

    // Where the legend entry of a series is, in plotWidget() coordinates (tests, accessibility).
    QRect legendItemRect(const QString &key) const;
    // The words of a series' legend entry ("Facility (not configured)").
    QString legendText(const QString &key) const;
    // The drawing surface (for mouse events and grabbing).
    QWidget *plotWidget() const;
    // Replots done so far, and whether one is scheduled: a hidden plot schedules none.
    int replotCount() const { return m_replots; }
    bool replotScheduled() const;

Q_SIGNALS:
    // The user picked another range: the owner may load a longer history.
    void rangeChanged(suanli::widgets::TimeSeriesPlot::Range range);
    void seriesVisibilityChanged(const QString &key, bool visible);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Series;
    Series *find(const QString &key) const;
    QCPAxis *valueAxis(Axis axis) const;
    void scheduleReplot();
    void replotNow();
    void applyTheme();
    void applyTimeAxis();
    void fitValueAxes();
    void updateLegendItem(Series &series);
    void updateOverlay();
    void legendClicked(QCPLegend *legend, QCPAbstractLegendItem *item, QMouseEvent *event);
    void exportWithDialog(const QString &format);
    double newestTime() const;

    QCustomPlot *m_plot;
    QLabel *m_title;
    QLabel *m_overlay;
    QButtonGroup *m_rangeButtons;
    QToolButton *m_export;
    QTimer *m_replotTimer;
    QCPItemStraightLine *m_crosshair;
    QCPItemText *m_crosshairLabel;
    QList<Series *> m_series;
    struct Reference;
    QList<Reference *> m_references;
    QList<Marker> m_markers;
    QList<QCPItemStraightLine *> m_markerLines;
    QList<QCPItemText *> m_markerGlyphs;
    ValueUnit m_units[2] = { ValueUnit::Plain, ValueUnit::Plain };
    bool m_fixed[2] = { false, false };
    double m_fixedRange[2][2] = { { 0, 1 }, { 0, 1 } };
    Range m_range = Range::Hour;
    double m_endTime = qQNaN();
    bool m_following = true;
    bool m_settingRange = false;
    QString m_noDataText;
    QString m_unavailableText;
    QString m_unavailableNote;
    QString m_message;
    QString m_crosshairText;
    int m_replots = 0;
};

} // namespace suanli::widgets
