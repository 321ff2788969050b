// Themes: the View menu switches the whole console between light and dark
// through the application palette, widgets::Palette follows, and the choice
// is back on the next start.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/Theme.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"

#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QSettings>
#include <QStyle>
#include <QtTest>

using namespace suanli;

class ThemeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void viewMenuSwitchesThePalette();
    void choiceIsSaved();
};

void ThemeTest::initTestCase()
{
    QSettings().clear();
    app::Theme::init();
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    QCOMPARE(app::Theme::current(), app::Theme::Mode::System);
}

void ThemeTest::viewMenuSwitchesThePalette()
{
    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    auto *tile = new widgets::KpiTile(QStringLiteral("Power"), &window);
    QAction *dark
        = window.findChild<QAction *>(QStringLiteral("Theme%1").arg(int(app::Theme::Mode::Dark)));
    QAction *light
        = window.findChild<QAction *>(QStringLiteral("Theme%1").arg(int(app::Theme::Mode::Light)));
    QVERIFY(dark && light);

    light->trigger();
    QVERIFY(!widgets::Palette::isDark());
    // Widgets learn of the application palette through posted events.
    QTRY_COMPARE(window.palette().color(QPalette::Window),
        app::Theme::lightPalette().color(QPalette::Window));
    QVERIFY(!widgets::Palette::isDark(tile->palette()));
    const QColor lightDown = widgets::Palette::stateColour(widgets::NodeStateColour::Down);
    const QColor lightWindow = window.palette().color(QPalette::Window);

    dark->trigger();
    QCOMPARE(app::Theme::current(), app::Theme::Mode::Dark);
    QVERIFY(widgets::Palette::isDark());
    // Widgets that already exist follow.
    QTRY_VERIFY(widgets::Palette::isDark(window.palette()));
    QTRY_VERIFY(widgets::Palette::isDark(tile->palette()));
    QVERIFY(window.palette().color(QPalette::Window).lightness() < lightWindow.lightness());
    QVERIFY(widgets::Palette::stateColour(widgets::NodeStateColour::Down) != lightDown);
    QVERIFY(dark->isChecked());
    QVERIFY(!light->isChecked());

    light->trigger();
    QTRY_VERIFY(!widgets::Palette::isDark(tile->palette()));
    QTRY_COMPARE(window.palette().color(QPalette::Window), lightWindow);
}

void ThemeTest::choiceIsSaved()
{
    app::Theme::apply(app::Theme::Mode::Dark);
    QCOMPARE(app::Theme::saved(), app::Theme::Mode::Dark);
    QCOMPARE(QSettings().value(QStringLiteral("view/theme")).toString(), QStringLiteral("dark"));
    app::Theme::apply(app::Theme::Mode::System);
    QCOMPARE(app::Theme::saved(), app::Theme::Mode::System);
    QVERIFY(QApplication::palette() == app::Theme::systemPalette());
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_theme"));
    ThemeTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_theme.moc"
