#include "widgets/Palette.h"

#include <QPalette>
#include <QtTest>
#include <cmath>

using namespace suanli::widgets;

// Palette: one colour per meaning, the same through every accessor, in both themes.
class TestPalette : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameStateSameColourEverywhere_data();
    void sameStateSameColourEverywhere();
    void statesAreDistinct_data();
    void statesAreDistinct();
    void usageThresholds();
    void scaleIsOrderedAndHandlesNoData_data();
    void scaleIsOrderedAndHandlesNoData();
    void textOnPicksTheReadableOne();
    void darkIsReadFromThePalette();
    void labelsAreWords();
    void chartColoursAreDistinctAndStable();
    void surfacesReadInEveryRole_data();
    void surfacesReadInEveryRole();
    void messagesReadOnBothThemes();
};

void TestPalette::sameStateSameColourEverywhere_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestPalette::sameStateSameColourEverywhere()
{
    QFETCH(bool, dark);
    for (int s = 0; s < Palette::StateCount; ++s) {
        const auto state = static_cast<NodeStateColour>(s);
        QCOMPARE(Palette::stateColour(s, dark), Palette::stateColour(state, dark));
        QCOMPARE(Palette::stateFromInt(s), state);
    }
    // Unknown and out-of-range numbers are "no data", the same grey as a NaN value.
    QCOMPARE(Palette::stateColour(NodeStateColour::Unknown, dark), Palette::noDataColour(dark));
    QCOMPARE(Palette::stateColour(-1, dark), Palette::noDataColour(dark));
    QCOMPARE(Palette::stateColour(Palette::StateCount, dark), Palette::noDataColour(dark));
    QCOMPARE(Palette::stateColour(99, dark), Palette::noDataColour(dark));
    QCOMPARE(Palette::scaleColour(std::nan(""), dark), Palette::noDataColour(dark));
    QCOMPARE(Palette::scaleColour(std::nan(""), 0.0, 100.0, dark), Palette::noDataColour(dark));
    QCOMPARE(Palette::usageColour(std::nan(""), dark), Palette::noDataColour(dark));

    // "Free", "attention", "broken" read the same in states, severities and usage.
    QCOMPARE(Palette::severityColour(SeverityColour::Ok, dark),
        Palette::stateColour(NodeStateColour::Idle, dark));
    QCOMPARE(Palette::severityColour(SeverityColour::Warning, dark),
        Palette::stateColour(NodeStateColour::Draining, dark));
    QCOMPARE(Palette::severityColour(SeverityColour::Critical, dark),
        Palette::stateColour(NodeStateColour::Down, dark));
    QCOMPARE(Palette::usageColour(10, dark), Palette::severityColour(SeverityColour::Ok, dark));
    QCOMPARE(
        Palette::usageColour(75, dark), Palette::severityColour(SeverityColour::Warning, dark));
    QCOMPARE(
        Palette::usageColour(95, dark), Palette::severityColour(SeverityColour::Critical, dark));
}

void TestPalette::statesAreDistinct_data()
{
    sameStateSameColourEverywhere_data();
}

void TestPalette::statesAreDistinct()
{
    QFETCH(bool, dark);
    QSet<QRgb> seen;
    for (int s = 0; s < Palette::StateCount; ++s)
        seen.insert(Palette::stateColour(s, dark).rgb());
    QCOMPARE(seen.size(), Palette::StateCount);
    // The dark variants differ from the light ones (they are lifted for a dark window).
    QVERIFY(Palette::stateColour(NodeStateColour::Allocated, true)
        != Palette::stateColour(NodeStateColour::Allocated, false));
}

void TestPalette::usageThresholds()
{
    QCOMPARE(Palette::usageSeverity(0), SeverityColour::Ok);
    QCOMPARE(Palette::usageSeverity(69.9), SeverityColour::Ok);
    QCOMPARE(Palette::usageSeverity(70), SeverityColour::Warning);
    QCOMPARE(Palette::usageSeverity(89.99), SeverityColour::Warning);
    QCOMPARE(Palette::usageSeverity(90), SeverityColour::Critical);
    QCOMPARE(Palette::usageSeverity(250), SeverityColour::Critical);
    QCOMPARE(Palette::WarningPercent, 70.0);
    QCOMPARE(Palette::CriticalPercent, 90.0);
    QVERIFY(Palette::usageColour(50, false) != Palette::usageColour(80, false));
    QVERIFY(Palette::usageColour(80, false) != Palette::usageColour(95, false));
}

void TestPalette::scaleIsOrderedAndHandlesNoData_data()
{
    sameStateSameColourEverywhere_data();
}

void TestPalette::scaleIsOrderedAndHandlesNoData()
{
    QFETCH(bool, dark);
    // Higher values stand out more from the window: darker on light, brighter on dark, in
    // luminance (what "perceptually ordered" asks; HSL lightness is not).
    const auto luminance = [](const QColor &c) {
        const auto lin = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    };
    double previous = dark ? -1.0 : 2.0;
    for (int i = 0; i <= 50; ++i) {
        const double y = luminance(Palette::scaleColour(i / 50.0, dark));
        if (dark)
            QVERIFY2(y >= previous, qPrintable(QString::number(i)));
        else
            QVERIFY2(y <= previous, qPrintable(QString::number(i)));
        previous = y;
    }
    QCOMPARE(Palette::scaleColour(0.0, 0.0, 100.0, dark), Palette::scaleColour(0.0, dark));
    QCOMPARE(Palette::scaleColour(30.0, 30.0, 40.0, dark), Palette::scaleColour(0.0, dark));
    QCOMPARE(Palette::scaleColour(40.0, 30.0, 40.0, dark), Palette::scaleColour(1.0, dark));
    // Outside the range is clamped, not wrapped.
    QCOMPARE(Palette::scaleColour(-5.0, 0.0, 100.0, dark), Palette::scaleColour(0.0, dark));
    QCOMPARE(Palette::scaleColour(130.0, 0.0, 100.0, dark), Palette::scaleColour(1.0, dark));
    const QList<QColor> stops = Palette::scaleStops(dark);
    QVERIFY(stops.size() >= 5);
    QCOMPARE(stops.first(), Palette::scaleColour(0.0, dark));
    QCOMPARE(stops.last(), Palette::scaleColour(1.0, dark));
    // No data never looks like a value.
    for (int i = 0; i <= 10; ++i)
        QVERIFY(Palette::scaleColour(i / 10.0, dark) != Palette::noDataColour(dark));
}

void TestPalette::textOnPicksTheReadableOne()
{
    QCOMPARE(Palette::textOn(QColor(Qt::white)).lightness() < 60, true);
    QCOMPARE(Palette::textOn(QColor(0xf0, 0xe4, 0x42)).lightness() < 60, true);
    QCOMPARE(Palette::textOn(QColor(0x08, 0x1d, 0x58)), QColor(Qt::white));
    QCOMPARE(Palette::textOn(QColor(Qt::black)), QColor(Qt::white));
}

void TestPalette::darkIsReadFromThePalette()
{
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x31));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    QVERIFY(!Palette::isDark(light));
    QVERIFY(Palette::isDark(dark));
}

void TestPalette::labelsAreWords()
{
    QSet<QString> words;
    for (int s = 0; s < Palette::StateCount; ++s) {
        const QString word = Palette::stateLabel(static_cast<NodeStateColour>(s));
        QVERIFY(!word.isEmpty());
        words.insert(word);
    }
    QCOMPARE(words.size(), Palette::StateCount);
    QCOMPARE(Palette::stateLabel(NodeStateColour::Down), QStringLiteral("Down"));
    QCOMPARE(Palette::severityLabel(SeverityColour::Critical), QStringLiteral("Critical"));
}

void TestPalette::chartColoursAreDistinctAndStable()
{
    for (bool dark : { false, true }) {
        // Series that differ by identity (accelerators, queues, centres) never share a colour.
        for (int a = 0; a < Palette::categoryCount(); ++a)
            for (int b = a + 1; b < Palette::categoryCount(); ++b)
                QVERIFY(Palette::categoryColour(a, dark) != Palette::categoryColour(b, dark));
        QCOMPARE(Palette::categoryColour(Palette::categoryCount(), dark),
            Palette::categoryColour(0, dark));
        // A model is the same colour in every chart: H100 (1) is the first category.
        QCOMPARE(Palette::modelColour(1, dark), Palette::categoryColour(0, dark));
        // Meanings: utilisation, power, temperature and PUE are told apart; "in use" is one blue.
        const QList<SeriesMeaning> apart = { SeriesMeaning::Utilisation, SeriesMeaning::Memory,
            SeriesMeaning::Temperature, SeriesMeaning::Power, SeriesMeaning::FacilityPower,
            SeriesMeaning::Pue, SeriesMeaning::CarbonIntensity, SeriesMeaning::Emissions };
        for (qsizetype a = 0; a < apart.size(); ++a)
            for (qsizetype b = a + 1; b < apart.size(); ++b)
                QVERIFY(Palette::seriesColour(apart.at(a), dark)
                    != Palette::seriesColour(apart.at(b), dark));
        QCOMPARE(Palette::seriesColour(SeriesMeaning::Utilisation, dark),
            Palette::stateColour(NodeStateColour::Allocated, dark));
    }
    QVERIFY(Palette::seriesColour(SeriesMeaning::Power, false)
        != Palette::seriesColour(SeriesMeaning::Power, true));
}

void TestPalette::surfacesReadInEveryRole_data()
{
    QTest::addColumn<int>("surface");
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << int(Surface::Light) << false;
    QTest::newRow("dark") << int(Surface::Dark) << true;
    QTest::newRow("wall") << int(Surface::Wall) << true;
}

// Text on every surface a window draws reads at WCAG AA (4.5:1) or better, in the active and the
// inactive group: body text, buttons, tool tips, selected rows.
void TestPalette::surfacesReadInEveryRole()
{
    QFETCH(int, surface);
    QFETCH(bool, dark);
    const QPalette p = Palette::surface(Surface(surface));
    QCOMPARE(Palette::isDark(p), dark);
    const QList<QPair<QPalette::ColorRole, QPalette::ColorRole>> pairs = {
        { QPalette::WindowText, QPalette::Window },
        { QPalette::Text, QPalette::Base },
        { QPalette::Text, QPalette::AlternateBase },
        { QPalette::ButtonText, QPalette::Button },
        { QPalette::ToolTipText, QPalette::ToolTipBase },
        { QPalette::HighlightedText, QPalette::Highlight },
    };
    for (auto group : { QPalette::Active, QPalette::Inactive }) {
        for (const auto &[text, back] : pairs) {
            const double c = Palette::contrast(p.color(group, text), p.color(group, back));
            QVERIFY2(c >= 4.5,
                qPrintable(QStringLiteral("role %1 on %2: %3:1")
                               .arg(int(text))
                               .arg(int(back))
                               .arg(c, 0, 'f', 2)));
        }
    }
}

// A message block's text reads on its background, and a warning under a field reads on the
// window, in both themes.
void TestPalette::messagesReadOnBothThemes()
{
    for (bool dark : { false, true }) {
        const QPalette p = Palette::surface(dark ? Surface::Dark : Surface::Light);
        for (auto severity :
            { SeverityColour::Info, SeverityColour::Warning, SeverityColour::Critical }) {
            const auto m = Palette::message(severity, dark);
            QVERIFY2(Palette::contrast(m.text, m.background) >= 4.5,
                qPrintable(QStringLiteral("severity %1, dark %2").arg(int(severity)).arg(dark)));
        }
        QVERIFY(Palette::contrast(Palette::warningText(dark), p.color(QPalette::Window)) >= 4.5);
        QVERIFY(Palette::contrast(Palette::warningText(dark), p.color(QPalette::Base)) >= 4.5);
    }
    QCOMPARE(Palette::contrast(Qt::black, Qt::white), 21.0);
    QCOMPARE(Palette::contrast(Qt::white, Qt::white), 1.0);
}

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
