#include "widgets/AgeText.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"

#include <QSignalSpy>
#include <QtTest>

using namespace suanli::widgets;

namespace {

// The darkest pixel's lightness: the value's text on a light tile.
int darkest(const QImage &image)
{
    int lightness = 255;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            lightness = std::min(lightness, image.pixelColor(x, y).lightness());
    }
    return lightness;
}

} // namespace

// KpiTile: texts, trend, severity, staleness, elision and the wall display's size.
class TestKpiTile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void showsWhatItIsGiven();
    void trendAndAge();
    void staleTileIsGreyed();
    void severityPaintsTheAccent();
    void longTextIsElidedNotCut();
    void largeModeGrows();
    void clickEmitsClicked();
    void explanationStaysInTheTooltip();
};

void TestKpiTile::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestKpiTile::showsWhatItIsGiven()
{
    KpiTile tile(QStringLiteral("Accelerators in use"));
    tile.setValue(14208);
    tile.setUnit(QStringLiteral("/ 16,000"));
    tile.setSubtitle(QStringLiteral("3 nodes draining"));
    QCOMPARE(tile.title(), QStringLiteral("Accelerators in use"));
    QCOMPARE(tile.valueText(), QStringLiteral("14,208"));
    QCOMPARE(tile.unit(), QStringLiteral("/ 16,000"));
    QCOMPARE(tile.subtitle(), QStringLiteral("3 nodes draining"));
    // At its preferred size nothing is shortened.
    tile.resize(tile.sizeHint());
    QCOMPARE(tile.shownText(KpiTile::Part::Title), tile.title());
    QCOMPARE(tile.shownText(KpiTile::Part::Value), QStringLiteral("14,208"));
    QCOMPARE(tile.shownText(KpiTile::Part::Unit), tile.unit());
    QCOMPARE(tile.shownText(KpiTile::Part::Subtitle), tile.subtitle());
    QCOMPARE(tile.accessibleName(), tile.title());
    QVERIFY(tile.accessibleDescription().contains(QStringLiteral("14,208 / 16,000")));

    tile.setValue(6.8421, 2);
    QCOMPARE(tile.valueText(), QStringLiteral("6.84"));
    tile.setValueText(QStringLiteral("3 h 20 min"));
    QCOMPARE(tile.valueText(), QStringLiteral("3 h 20 min"));
}

void TestKpiTile::trendAndAge()
{
    KpiTile tile;
    tile.setTrend(3, 600);
    QCOMPARE(tile.subtitle(), QStringLiteral("+3 in the last 10 min"));
    tile.setTrend(-12.5, 3600, 1);
    QCOMPARE(tile.subtitle(), QStringLiteral("-12.5 in the last 1 h"));
    tile.setTrend(0, 45);
    QCOMPARE(tile.subtitle(), QStringLiteral("0 in the last 45 s"));
    QCOMPARE(AgeText::of(2 * 86400 + 5), QStringLiteral("2 d"));
}

void TestKpiTile::staleTileIsGreyed()
{
    KpiTile fresh(QStringLiteral("Power draw"));
    fresh.setValue(6.84, 2);
    fresh.setUnit(QStringLiteral("MW"));
    fresh.setSubtitle(QStringLiteral("PUE 1.18"));
    fresh.resize(fresh.sizeHint());
    const QImage freshImage = fresh.grab().toImage();

    KpiTile stale(QStringLiteral("Power draw"));
    stale.setValue(6.84, 2);
    stale.setUnit(QStringLiteral("MW"));
    stale.setSubtitle(QStringLiteral("PUE 1.18"));
    stale.setStale(true, 420);
    QVERIFY(stale.isStale());
    stale.resize(fresh.size());
    const QImage staleImage = stale.grab().toImage();

    // The value is drawn in the text colour when fresh, in a grey when stale.
    QVERIFY(darkest(freshImage) < 60);
    QVERIFY2(darkest(staleImage) > darkest(freshImage) + 60,
        qPrintable(QStringLiteral("%1 vs %2").arg(darkest(staleImage)).arg(darkest(freshImage))));
    // The last line says how old the figure is, in place of the trend.
    QVERIFY(stale.shownText(KpiTile::Part::Subtitle).contains(QStringLiteral("7 min")));
    QCOMPARE(stale.shownText(KpiTile::Part::Value), QStringLiteral("6.84"));
    stale.setStale(true);
    QVERIFY(stale.shownText(KpiTile::Part::Subtitle).startsWith(QStringLiteral("Stale")));
    stale.setStale(false);
    QCOMPARE(stale.shownText(KpiTile::Part::Subtitle), QStringLiteral("PUE 1.18"));
}

void TestKpiTile::severityPaintsTheAccent()
{
    KpiTile tile(QStringLiteral("Nodes down"));
    tile.setValue(11);
    tile.setSeverity(SeverityColour::Critical);
    QCOMPARE(tile.severity(), SeverityColour::Critical);
    tile.resize(tile.sizeHint());
    QImage image = tile.grab().toImage();
    const QPoint accent(2, tile.height() / 2);
    QCOMPARE(image.pixelColor(accent), Palette::severityColour(SeverityColour::Critical, false));
    // The severity is also written, for those who cannot tell the colours apart.
    QVERIFY(tile.accessibleDescription().contains(QStringLiteral("Critical")));

    // A stale figure makes no claim: no accent.
    tile.setStale(true, 60);
    image = tile.grab().toImage();
    QVERIFY(image.pixelColor(accent) != Palette::severityColour(SeverityColour::Critical, false));
    tile.setStale(false);
    tile.setSeverity(SeverityColour::None);
    image = tile.grab().toImage();
    QVERIFY(image.pixelColor(accent) != Palette::severityColour(SeverityColour::Critical, false));
}

void TestKpiTile::longTextIsElidedNotCut()
{
    KpiTile tile(
        QStringLiteral("Accelerator-hours used this month by tenant Zhejiang Lab (all projects)"));
    tile.setValue(1234567);
    tile.setUnit(QStringLiteral("accelerator-hours"));
    tile.setSubtitle(QStringLiteral("quota resets on the first of the month at 00:00 CST"));
    tile.resize(220, tile.sizeHint().height());
    const QString title = tile.shownText(KpiTile::Part::Title);
    QVERIFY(title.size() < tile.title().size());
    QVERIFY(title.endsWith(QChar(0x2026)));
    QVERIFY(tile.shownText(KpiTile::Part::Subtitle).endsWith(QChar(0x2026)));
    // The figure shrinks before it is shortened, and the unit gives way first.
    QCOMPARE(tile.shownText(KpiTile::Part::Value), QStringLiteral("1,234,567"));
    // The whole text remains on hover.
    QVERIFY(tile.toolTip().contains(tile.title()));
    // Never cut vertically: the minimum height is the preferred one.
    QCOMPARE(tile.minimumSizeHint().height(), tile.sizeHint().height());
    QVERIFY(tile.minimumSizeHint().width() <= 220);
}

void TestKpiTile::largeModeGrows()
{
    KpiTile tile(QStringLiteral("Queue wait p95"));
    tile.setValue(47);
    tile.setUnit(QStringLiteral("min"));
    tile.setSubtitle(QStringLiteral("gpu-h800: 212 pending"));
    const QSize normal = tile.sizeHint();
    tile.setLarge(true);
    QVERIFY(tile.isLarge());
    const QSize large = tile.sizeHint();
    QVERIFY(large.height() >= normal.height() * 3 / 2);
    QVERIFY(large.width() > normal.width());
    tile.resize(large);
    QCOMPARE(tile.shownText(KpiTile::Part::Subtitle), tile.subtitle());
    tile.setLarge(false);
    QCOMPARE(tile.sizeHint(), normal);
}

void TestKpiTile::explanationStaysInTheTooltip()
{
    KpiTile tile(QStringLiteral("PUE"));
    tile.setValueText(QStringLiteral("Not configured"));
    tile.setExplanation(QStringLiteral("No PUE was configured for this centre."));
    QVERIFY(tile.toolTip().contains(QStringLiteral("No PUE was configured")));
    QVERIFY(tile.accessibleDescription().contains(QStringLiteral("No PUE was configured")));
    // The tile's own changes (its age moving) keep the explanation.
    tile.setStale(true, 30);
    tile.setStale(true, 90);
    QVERIFY2(tile.toolTip().contains(QStringLiteral("No PUE was configured")),
        qPrintable(tile.toolTip()));
    tile.setExplanation({});
    QVERIFY(!tile.toolTip().contains(QStringLiteral("No PUE")));
}

void TestKpiTile::clickEmitsClicked()
{
    KpiTile tile(QStringLiteral("Alerts"));
    tile.resize(tile.sizeHint());
    QSignalSpy spy(&tile, &KpiTile::clicked);
    QTest::mouseClick(&tile, Qt::LeftButton, {}, tile.rect().center());
    QCOMPARE(spy.count(), 1);
}

QTEST_MAIN(TestKpiTile)
#include "tst_kpitile.moc"
