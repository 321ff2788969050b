#include "widgets/Palette.h"
#include "widgets/StatusBadge.h"

#include <QtTest>

using namespace suanli::widgets;

// StatusBadge: a word or a count on a Palette colour, readable and never cut.
class TestStatusBadge : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void toneGivesThePaletteColour();
    void countsAreLocalisedAndCapped();
    void sizeFitsTheText();
};

void TestStatusBadge::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestStatusBadge::toneGivesThePaletteColour()
{
    StatusBadge badge(QStringLiteral("Live"), SeverityColour::Ok);
    QCOMPARE(badge.colour(), Palette::severityColour(SeverityColour::Ok, false));
    badge.setTone(SeverityColour::Critical);
    QCOMPARE(badge.colour(), Palette::severityColour(SeverityColour::Critical, false));
    badge.resize(badge.sizeHint());
    const QImage image = badge.grab().toImage();
    // Left of the text, inside the pill's round end.
    const QPoint inside(badge.height() / 2 - 2, badge.height() / 2);
    QCOMPARE(image.pixelColor(inside), Palette::severityColour(SeverityColour::Critical, false));

    badge.setColour(QColor(0x12, 0x34, 0x56));
    QCOMPARE(badge.colour(), QColor(0x12, 0x34, 0x56));
    badge.setTone(SeverityColour::Warning);
    QCOMPARE(badge.colour(), Palette::severityColour(SeverityColour::Warning, false));
    QCOMPARE(badge.accessibleName(), QStringLiteral("Live"));
}

void TestStatusBadge::countsAreLocalisedAndCapped()
{
    StatusBadge badge;
    badge.setCount(3);
    QCOMPARE(badge.text(), QStringLiteral("3"));
    badge.setCount(1234);
    QCOMPARE(badge.text(), QStringLiteral("99+"));
    badge.setCount(1234, 9999);
    QCOMPARE(badge.text(), QStringLiteral("1,234"));
}

void TestStatusBadge::sizeFitsTheText()
{
    StatusBadge badge(QStringLiteral("Reconnecting in 5 s"), SeverityColour::Warning);
    QVERIFY(badge.sizeHint().width()
        >= badge.fontMetrics().horizontalAdvance(badge.text()) + badge.sizeHint().height());
    QVERIFY(badge.minimumSizeHint().width() < badge.sizeHint().width());
    StatusBadge one(QStringLiteral("3"), SeverityColour::Critical);
    // A single digit is a circle, not a sliver.
    QVERIFY(one.sizeHint().width() >= one.sizeHint().height());
}

QTEST_MAIN(TestStatusBadge)
#include "tst_statusbadge.moc"
