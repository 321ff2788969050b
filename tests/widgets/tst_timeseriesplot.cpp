#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QAbstractButton>
#include <QApplication>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>
#include <cmath>

using namespace suanli::widgets;

namespace {

// 2026-11-25 08:00 UTC, on a minute.
constexpr double kStart = 1795593600;

// Pixels within a small distance of `colour` (anti-aliased edges count when close).
int pixelsOf(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                    + std::abs(c.blue() - colour.blue())
                < 40)
                ++n;
        }
    }
    return n;
}

QImage picture(TimeSeriesPlot &plot)
{
    return plot.plotWidget()->grab().toImage();
}

// A minute-spaced series of `count` points from kStart.
void fill(TimeSeriesPlot &plot, const QString &key, int count, double value)
{
    QVector<double> times;
    QVector<double> values;
    for (int i = 0; i < count; ++i) {
        times.append(kStart + 60.0 * i);
        values.append(value);
    }
    plot.setSeriesData(key, times, values);
}

} // namespace

// TimeSeriesPlot: points drawn, units, ranges, legend toggles, crosshair, "no data", export
// files, and no replots while hidden.
class TestTimeSeriesPlot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void formatsUnitsWithOnePrefixPerAxis();
    void drawsThePointsItIsGiven();
    void rangesSetTheTimeAxis();
    void legendClickTogglesASeries();
    void crosshairListsEveryValue();
    void unavailableSeriesSaysNoData();
    void exportsReadableFiles();
    void hiddenPlotDoesNotReplot();
    void burstOfPointsIsOneReplot();
};

void TestTimeSeriesPlot::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestTimeSeriesPlot::formatsUnitsWithOnePrefixPerAxis()
{
    QCOMPARE(TimeSeriesPlot::formatValue(850, ValueUnit::Watts), QStringLiteral("850 W"));
    QCOMPARE(TimeSeriesPlot::formatValue(5600, ValueUnit::Watts), QStringLiteral("5.6 kW"));
    QCOMPARE(TimeSeriesPlot::formatValue(1.25e6, ValueUnit::Watts), QStringLiteral("1.25 MW"));
    // On an axis up to 2 MW, 500 kW reads in MW like its neighbours.
    QCOMPARE(TimeSeriesPlot::formatValue(5e5, ValueUnit::Watts, 2e6), QStringLiteral("0.5 MW"));
    QCOMPARE(TimeSeriesPlot::formatValue(97.3, ValueUnit::Percent), QStringLiteral("97.3 %"));
    QCOMPARE(TimeSeriesPlot::formatValue(64, ValueUnit::Celsius), QStringLiteral("64 °C"));
    QCOMPARE(TimeSeriesPlot::formatValue(720, ValueUnit::Seconds), QStringLiteral("12 min"));
    QCOMPARE(TimeSeriesPlot::formatValue(1.25, ValueUnit::Ratio), QStringLiteral("1.25"));
    QCOMPARE(TimeSeriesPlot::formatValue(583, ValueUnit::GramsPerKwh), QStringLiteral("583 g/kWh"));
    QCOMPARE(
        TimeSeriesPlot::formatValue(2400, ValueUnit::KilogramsPerHour), QStringLiteral("2.4 t/h"));
    QCOMPARE(TimeSeriesPlot::formatValue(15320, ValueUnit::Count), QStringLiteral("15,320"));
    QVERIFY(TimeSeriesPlot::formatValue(qQNaN(), ValueUnit::Watts).isEmpty());
}

void TestTimeSeriesPlot::drawsThePointsItIsGiven()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    const QColor colour = Palette::seriesColour(SeriesMeaning::Temperature, false);
    plot.addSeries(QStringLiteral("t"), QStringLiteral("Temperature"), colour);
    plot.setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Celsius);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const int before = plot.replotCount();
    // Only the legend's swatch so far.
    const int swatch = pixelsOf(picture(plot), colour);

    QVector<double> times;
    QVector<double> values;
    for (int i = 0; i < 60; ++i) {
        times.append(kStart + 60.0 * i);
        // A gap of five minutes in the middle.
        values.append(i >= 30 && i < 35 ? qQNaN() : 40.0 + i % 10);
    }
    plot.setSeriesData(QStringLiteral("t"), times, values);
    plot.setEndTime(times.last());
    QTRY_VERIFY(plot.replotCount() > before);
    QCOMPARE(plot.pointCount(QStringLiteral("t")), 55);
    QCOMPARE(plot.valueAt(QStringLiteral("t"), kStart + 60.0 * 12 + 10), 42.0);
    QVERIFY(std::isnan(plot.valueAt(QStringLiteral("t"), kStart + 60.0 * 31)));
    // The line is on screen in its colour.
    const int drawn = pixelsOf(picture(plot), colour);
    QVERIFY2(drawn > swatch + 300, qPrintable(QStringLiteral("%1 %2").arg(swatch).arg(drawn)));
    QVERIFY(plot.overlayText().isEmpty());
}

void TestTimeSeriesPlot::rangesSetTheTimeAxis()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    plot.addSeries(QStringLiteral("u"), QStringLiteral("Utilisation"),
        Palette::seriesColour(SeriesMeaning::Utilisation, false));
    fill(plot, QStringLiteral("u"), 120, 50);
    const double end = kStart + 60.0 * 119;
    plot.setEndTime(end);
    plot.setRange(TimeSeriesPlot::Range::Hour);
    QCOMPARE(plot.timeUpper(), end);
    QCOMPARE(plot.timeUpper() - plot.timeLower(), 3600.0);

    // The user's "24 h" button.
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QSignalSpy changed(&plot, &TimeSeriesPlot::rangeChanged);
    QAbstractButton *day = nullptr;
    for (auto *b : plot.findChildren<QAbstractButton *>())
        if (b->text() == TimeSeriesPlot::rangeLabel(TimeSeriesPlot::Range::Day))
            day = b;
    QVERIFY(day);
    day->click();
    QCOMPARE(changed.count(), 1);
    QCOMPARE(plot.range(), TimeSeriesPlot::Range::Day);
    QCOMPARE(plot.timeUpper() - plot.timeLower(), 86400.0);
    QCOMPARE(plot.timeUpper(), end);

    // A new point moves the window along while following.
    plot.appendPoint(QStringLiteral("u"), end + 60, 55);
    QTRY_COMPARE(plot.timeUpper(), end + 60);
    QCOMPARE(plot.pointCount(QStringLiteral("u")), 121);

    // Zooming with the wheel stops following; picking a range follows again.
    QWidget *surface = plot.plotWidget();
    const QPoint centre = surface->rect().center();
    QWheelEvent wheel(centre, surface->mapToGlobal(centre), QPoint(), QPoint(0, 240), Qt::NoButton,
        Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(surface, &wheel);
    QVERIFY(!plot.isFollowing());
    QVERIFY(plot.timeUpper() - plot.timeLower() < 86400.0);
    plot.setRange(TimeSeriesPlot::Range::Minutes15);
    QVERIFY(plot.isFollowing());
    QCOMPARE(plot.timeUpper() - plot.timeLower(), 900.0);
    QCOMPARE(plot.timeUpper(), end + 60);
}

void TestTimeSeriesPlot::legendClickTogglesASeries()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    const QColor a = Palette::categoryColour(0, false);
    const QColor b = Palette::categoryColour(1, false);
    plot.addSeries(QStringLiteral("a"), QStringLiteral("GPU 0"), a);
    plot.addSeries(QStringLiteral("b"), QStringLiteral("GPU 1"), b);
    fill(plot, QStringLiteral("a"), 60, 30);
    fill(plot, QStringLiteral("b"), 60, 70);
    plot.setEndTime(kStart + 60 * 59);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_VERIFY(plot.replotCount() > 0);
    // The legend's swatch and the line: both drawn in b's colour.
    const int shown = pixelsOf(picture(plot), b);
    QVERIFY(shown > 300);

    QSignalSpy toggled(&plot, &TimeSeriesPlot::seriesVisibilityChanged);
    const QRect item = plot.legendItemRect(QStringLiteral("b"));
    QVERIFY(item.isValid());
    QTest::mouseClick(plot.plotWidget(), Qt::LeftButton, {}, item.center());
    QCOMPARE(toggled.count(), 1);
    QVERIFY(!plot.isSeriesVisible(QStringLiteral("b")));
    QVERIFY(plot.isSeriesVisible(QStringLiteral("a")));
    // Only the legend's swatch keeps b's colour; the line is gone.
    const int hidden = pixelsOf(picture(plot), b);
    QVERIFY2(hidden < shown / 4, qPrintable(QStringLiteral("%1 %2").arg(shown).arg(hidden)));
    QVERIFY(pixelsOf(picture(plot), a) > 300);

    QTest::mouseClick(plot.plotWidget(), Qt::LeftButton, {}, item.center());
    QVERIFY(plot.isSeriesVisible(QStringLiteral("b")));
    QCOMPARE(pixelsOf(picture(plot), b), shown);
}

void TestTimeSeriesPlot::crosshairListsEveryValue()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    plot.addSeries(QStringLiteral("u"), QStringLiteral("GPU 0"), Palette::categoryColour(0, false));
    plot.addSeries(QStringLiteral("p"), QStringLiteral("Power"),
        Palette::seriesColour(SeriesMeaning::Power, false), TimeSeriesPlot::Axis::Right);
    plot.addSeries(
        QStringLiteral("m"), QStringLiteral("Memory"), Palette::categoryColour(2, false));
    plot.setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Percent);
    plot.setValueUnit(TimeSeriesPlot::Axis::Right, ValueUnit::Watts);
    fill(plot, QStringLiteral("u"), 30, 97.5);
    fill(plot, QStringLiteral("p"), 30, 5600);
    plot.setSeriesAvailable(QStringLiteral("m"), false);
    plot.setMarkers({ { kStart + 600, QStringLiteral("GPU 5: XID 79"), Qt::red } });
    plot.setEndTime(kStart + 60 * 29);
    plot.setRange(TimeSeriesPlot::Range::Hour);

    plot.showCrosshairAt(kStart + 600 + 20);
    const QString text = plot.crosshairText();
    QVERIFY2(text.contains(QStringLiteral("GPU 0: 97.5 %")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Power: 5.6 kW")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Memory: no data")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("GPU 5: XID 79")), qPrintable(text));
    // Far from the marker, and before the first point.
    plot.showCrosshairAt(kStart - 1200);
    QVERIFY(!plot.crosshairText().contains(QStringLiteral("XID")));
    QVERIFY(plot.crosshairText().contains(QStringLiteral("GPU 0: no data")));
    // A series renamed later is named so in the crosshair, still without data.
    plot.setSeriesLabel(QStringLiteral("m"), QStringLiteral("显存"));
    QCOMPARE(plot.seriesLabel(QStringLiteral("m")), QStringLiteral("显存"));
    plot.showCrosshairAt(kStart - 1200);
    QVERIFY2(plot.crosshairText().contains(QStringLiteral("显存: no data")),
        qPrintable(plot.crosshairText()));

    // The mouse over the plot shows it too; leaving hides it.
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    plot.hideCrosshair();
    // Three quarters across: inside the half hour of data.
    const QRect area = plot.plotWidget()->rect();
    QTest::mouseMove(plot.plotWidget(), QPoint(area.width() * 3 / 4, area.height() / 3));
    QTRY_VERIFY(plot.crosshairText().contains(QStringLiteral("GPU 0: 97.5 %")));
}

void TestTimeSeriesPlot::unavailableSeriesSaysNoData()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    const QColor colour = Palette::seriesColour(SeriesMeaning::Power, false);
    plot.addSeries(QStringLiteral("p"), QStringLiteral("Power"), colour);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_VERIFY(plot.replotCount() > 0);
    // Nothing yet: "No data", not a line at zero.
    QCOMPARE(plot.overlayText(), QStringLiteral("No data"));

    fill(plot, QStringLiteral("p"), 60, 800);
    plot.setEndTime(kStart + 60 * 59);
    QTRY_VERIFY(plot.overlayText().isEmpty());
    const int shown = pixelsOf(picture(plot), colour);
    QVERIFY(shown > 300);

    // The centre has no source for it: whatever was there goes, and the plot says why.
    const int before = plot.replotCount();
    plot.setSeriesAvailable(QStringLiteral("p"), false);
    QTRY_VERIFY(plot.replotCount() > before);
    QVERIFY2(
        plot.overlayText().startsWith(QStringLiteral("No data")), qPrintable(plot.overlayText()));
    QVERIFY(pixelsOf(picture(plot), colour) < shown / 4);
    QCOMPARE(plot.legendText(QStringLiteral("p")), QStringLiteral("Power (no data)"));

    // The owner knows why (a site fact nobody configured): its words, in the middle and in the
    // legend; what it said before is gone.
    plot.setUnavailableText(
        QStringLiteral("Not configured: no PUE"), QStringLiteral("not configured"));
    QCOMPARE(plot.overlayText(), QStringLiteral("Not configured: no PUE"));
    QCOMPARE(plot.legendText(QStringLiteral("p")), QStringLiteral("Power (not configured)"));
    // A series with a source again is drawn and named as before.
    plot.setSeriesAvailable(QStringLiteral("p"), true);
    QCOMPARE(plot.legendText(QStringLiteral("p")), QStringLiteral("Power"));
    QTRY_VERIFY(plot.overlayText().isEmpty());
}

void TestTimeSeriesPlot::exportsReadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    TimeSeriesPlot plot;
    plot.resize(900, 420);
    plot.setTitle(QStringLiteral("Node lg-r0001-n1"));
    plot.addSeries(
        QStringLiteral("u"), QStringLiteral("GPU 0, busy"), Palette::categoryColour(0, false));
    plot.addSeries(QStringLiteral("p"), QStringLiteral("Power"),
        Palette::seriesColour(SeriesMeaning::Power, false), TimeSeriesPlot::Axis::Right);
    plot.setValueUnit(TimeSeriesPlot::Axis::Left, ValueUnit::Percent);
    plot.setValueUnit(TimeSeriesPlot::Axis::Right, ValueUnit::Watts);
    plot.setSeriesData(
        QStringLiteral("u"), { kStart, kStart + 60, kStart + 120 }, { 10, qQNaN(), 30.5 });
    plot.setSeriesData(QStringLiteral("p"), { kStart + 60, kStart + 180 }, { 5600, 5700 });
    plot.setEndTime(kStart + 180);

    const QString png = dir.filePath(QStringLiteral("chart.png"));
    QVERIFY(plot.exportPng(png, 640, 300));
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), QSize(640, 300));
    QVERIFY(pixelsOf(image, Palette::seriesColour(SeriesMeaning::Power, false)) > 20);

    const QString pdf = dir.filePath(QStringLiteral("chart.pdf"));
    QVERIFY(plot.exportPdf(pdf));
    QFile pdfFile(pdf);
    QVERIFY(pdfFile.open(QIODevice::ReadOnly));
    QVERIFY(pdfFile.read(5) == "%PDF-");
    QVERIFY(pdfFile.size() > 1000);

    const QString csv = dir.filePath(QStringLiteral("chart.csv"));
    QVERIFY(plot.exportCsv(csv));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList lines = QString::fromUtf8(csvFile.readAll()).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5); // header and the four times of both series
    QCOMPARE(lines.at(0), QStringLiteral("time,\"GPU 0, busy (%)\",Power (W)"));
    const QStringList first = lines.at(1).split(u',');
    QCOMPARE(QDateTime::fromString(first.at(0), Qt::ISODate).toSecsSinceEpoch(), qint64(kStart));
    QCOMPARE(first.at(1).toDouble(), 10.0);
    QVERIFY(first.at(2).isEmpty());
    const QStringList second = lines.at(2).split(u',');
    QVERIFY(second.at(1).isEmpty()); // the gap stays a gap
    QCOMPARE(second.at(2).toDouble(), 5600.0);
    const QStringList third = lines.at(3).split(u',');
    QCOMPARE(third.at(1).toDouble(), 30.5);
    QCOMPARE(QDateTime::fromString(lines.at(4).split(u',').at(0), Qt::ISODate).toSecsSinceEpoch(),
        qint64(kStart + 180));

    QVERIFY(!plot.exportCsv(dir.filePath(QStringLiteral("no/such/folder/chart.csv"))));
}

void TestTimeSeriesPlot::hiddenPlotDoesNotReplot()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    plot.addSeries(QStringLiteral("u"), QStringLiteral("Utilisation"),
        Palette::seriesColour(SeriesMeaning::Utilisation, false));
    for (int i = 0; i < 50; ++i)
        plot.appendPoint(QStringLiteral("u"), kStart + 60.0 * i, i);
    QVERIFY(!plot.replotScheduled());
    QTest::qWait(300); // three replot periods: a wrongly scheduled replot would have run
    QCOMPARE(plot.replotCount(), 0);
    QCOMPARE(plot.pointCount(QStringLiteral("u")), 50);

    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_COMPARE(plot.replotCount(), 1);

    // Hidden again: new points wait for the next show.
    plot.hide();
    plot.appendPoint(QStringLiteral("u"), kStart + 60.0 * 50, 50);
    QVERIFY(!plot.replotScheduled());
    QTest::qWait(300);
    QCOMPARE(plot.replotCount(), 1);
    plot.show();
    QTRY_COMPARE(plot.replotCount(), 2);
}

void TestTimeSeriesPlot::burstOfPointsIsOneReplot()
{
    TimeSeriesPlot plot;
    plot.resize(800, 400);
    plot.addSeries(QStringLiteral("u"), QStringLiteral("Utilisation"),
        Palette::seriesColour(SeriesMeaning::Utilisation, false));
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QTRY_VERIFY(!plot.replotScheduled());
    const int before = plot.replotCount();
    for (int i = 0; i < 500; ++i)
        plot.appendPoint(QStringLiteral("u"), kStart + 60.0 * i, i % 100);
    QVERIFY(plot.replotScheduled());
    QCOMPARE(plot.replotCount(), before);
    QTRY_COMPARE(plot.replotCount(), before + 1);
    QTest::qWait(300);
    QCOMPARE(plot.replotCount(), before + 1);
    QCOMPARE(plot.pointCount(QStringLiteral("u")), 500);
}

QTEST_MAIN(TestTimeSeriesPlot)
#include "tst_timeseriesplot.moc"
