#include "widgets/Palette.h"
#include "widgets/QuotaBar.h"
#include "widgets/QuotaBarDelegate.h"

#include <QHeaderView>
#include <QStandardItemModel>
#include <QTableView>
#include <QtTest>
#include <memory>

using namespace suanli::widgets;

// QuotaBar and QuotaBarDelegate: the words and colours of used / limit.
class TestQuotaBar : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void text_data();
    void text();
    void colourFollowsThresholds_data();
    void colourFollowsThresholds();
    void widgetPaintsFillAndTrack();
    void overLimitIsHatchedPastTheMark();
    void noQuotaHasNoFill();
    void delegatePaintsInATable();

private:
    static QImage paintBar(double used, double limit, QSize size = QSize(300, 24));
};

void TestQuotaBar::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestQuotaBar::text_data()
{
    QTest::addColumn<double>("used");
    QTest::addColumn<double>("limit");
    QTest::addColumn<QString>("expected");
    QTest::newRow("75 %") << 48.0 << 64.0 << QStringLiteral("48 / 64 (75 %)");
    QTest::newRow("thousands") << 1500.0 << 2000.0 << QStringLiteral("1,500 / 2,000 (75 %)");
    QTest::newRow("empty") << 0.0 << 64.0 << QStringLiteral("0 / 64 (0 %)");
    QTest::newRow("full") << 64.0 << 64.0 << QStringLiteral("64 / 64 (100 %)");
    QTest::newRow("over") << 70.0 << 64.0 << QStringLiteral("70 / 64 (109 %, over quota)");
    QTest::newRow("fraction") << 1.5 << 512.0 << QStringLiteral("1.5 / 512 (0.3 %)");
    QTest::newRow("no quota") << 0.0 << 0.0 << QStringLiteral("no quota");
    QTest::newRow("used, no quota") << 12.0 << 0.0 << QStringLiteral("12 used, no quota");
}

void TestQuotaBar::text()
{
    QFETCH(double, used);
    QFETCH(double, limit);
    QFETCH(QString, expected);
    QCOMPARE(QuotaBar::textFor(used, limit), expected);
    QuotaBar bar;
    bar.setValues(used, limit);
    QCOMPARE(bar.text(), expected);
    QCOMPARE(bar.accessibleDescription(), expected);
    // Room for the whole text at the preferred size.
    QVERIFY(bar.sizeHint().width() > bar.fontMetrics().horizontalAdvance(expected));
    // Numbers follow the locale.
    QCOMPARE(QuotaBar::textFor(1500, 2000, QLocale(QLocale::German, QLocale::Germany)),
        QStringLiteral("1.500 / 2.000 (75 %)"));
}

void TestQuotaBar::colourFollowsThresholds_data()
{
    QTest::addColumn<double>("used");
    QTest::addColumn<double>("limit");
    QTest::addColumn<int>("severity");
    QTest::newRow("44 %") << 28.0 << 64.0 << int(SeverityColour::Ok);
    QTest::newRow("69 %") << 69.0 << 100.0 << int(SeverityColour::Ok);
    QTest::newRow("70 %") << 70.0 << 100.0 << int(SeverityColour::Warning);
    QTest::newRow("89 %") << 89.0 << 100.0 << int(SeverityColour::Warning);
    QTest::newRow("90 %") << 90.0 << 100.0 << int(SeverityColour::Critical);
    QTest::newRow("over") << 130.0 << 100.0 << int(SeverityColour::Critical);
}

void TestQuotaBar::colourFollowsThresholds()
{
    QFETCH(double, used);
    QFETCH(double, limit);
    QFETCH(int, severity);
    for (bool dark : { false, true }) {
        QCOMPARE(QuotaBar::colourFor(used, limit, dark),
            Palette::severityColour(static_cast<SeverityColour>(severity), dark));
    }
    QuotaBar bar;
    bar.setValues(used, limit);
    QCOMPARE(
        bar.barColour(), Palette::severityColour(static_cast<SeverityColour>(severity), false));
    QCOMPARE(QuotaBar::isOverLimit(used, limit), used > limit);
}

QImage TestQuotaBar::paintBar(double used, double limit, QSize size)
{
    QuotaBar bar;
    bar.setValues(used, limit);
    bar.resize(size);
    return bar.grab().toImage();
}

void TestQuotaBar::widgetPaintsFillAndTrack()
{
    const QImage image = paintBar(48, 64);
    const int y = image.height() / 2;
    // The text is centred; both ends of the bar are free of it.
    QCOMPARE(image.pixelColor(4, y), Palette::usageColour(75, false));
    QVERIFY(image.pixelColor(image.width() - 5, y) != Palette::usageColour(75, false));
    const QImage low = paintBar(20, 64);
    QCOMPARE(low.pixelColor(4, y), Palette::usageColour(31, false));
}

void TestQuotaBar::overLimitIsHatchedPastTheMark()
{
    const QImage over = paintBar(96, 64);
    const QImage full = paintBar(64, 64);
    const QColor red = Palette::usageColour(100, false);
    const int y0 = 4;
    const int y1 = over.height() - 5;
    QCOMPARE(over.pixelColor(4, over.height() / 2), red);
    // Past the limit mark (two thirds along) the over-limit part is hatched; a full bar is not.
    const auto hatched = [&](const QImage &image) {
        int other = 0;
        for (int x = image.width() - 40; x < image.width() - 6; ++x) {
            for (int y = y0; y <= y1; ++y) {
                if (image.pixelColor(x, y) != red)
                    ++other;
            }
        }
        return other;
    };
    QVERIFY(hatched(over) > 20);
    QCOMPARE(hatched(full), 0);
}

void TestQuotaBar::noQuotaHasNoFill()
{
    const QImage image = paintBar(0, 0);
    const int y = image.height() / 2;
    for (SeverityColour s :
        { SeverityColour::Ok, SeverityColour::Warning, SeverityColour::Critical })
        QVERIFY(image.pixelColor(4, y) != Palette::severityColour(s, false));
}

void TestQuotaBar::delegatePaintsInATable()
{
    QStandardItemModel model(0, 2);
    const struct {
        double used;
        double limit;
    } rows[] = { { 48, 64 }, { 20, 64 }, { 96, 64 }, { 0, 0 } };
    for (const auto &r : rows) {
        auto *quota = new QStandardItem;
        quota->setData(r.used, QuotaBarDelegate::UsedRole);
        quota->setData(r.limit, QuotaBarDelegate::LimitRole);
        model.appendRow({ new QStandardItem(QStringLiteral("project")), quota });
    }
    // A cell without the roles is painted as usual.
    model.appendRow(
        { new QStandardItem(QStringLiteral("plain")), new QStandardItem(QStringLiteral("n/a")) });

    QTableView view;
    view.setModel(&model);
    auto *delegate = new QuotaBarDelegate(&view);
    view.setItemDelegateForColumn(1, delegate);
    view.setColumnWidth(1, 320);
    view.resize(500, 260);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QImage image = view.viewport()->grab().toImage();

    const auto leftOfBar = [&](int row) {
        const QRect cell = view.visualRect(model.index(row, 1));
        return image.pixelColor(cell.left() + 8, cell.center().y());
    };
    QCOMPARE(leftOfBar(0), Palette::usageColour(75, false));
    QCOMPARE(leftOfBar(1), Palette::usageColour(31, false));
    QCOMPARE(leftOfBar(2), Palette::usageColour(150, false));
    QVERIFY(leftOfBar(3) != Palette::usageColour(0, false));
    QVERIFY(leftOfBar(4) != Palette::usageColour(75, false));

    QStyleOptionViewItem option;
    option.initFrom(&view);
    const QSize hint = delegate->sizeHint(option, model.index(2, 1));
    QVERIFY(hint.width() > view.fontMetrics().horizontalAdvance(QuotaBar::textFor(96, 64)));
}

QTEST_MAIN(TestQuotaBar)
#include "tst_quotabar.moc"
