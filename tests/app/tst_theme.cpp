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
#include <QCheckBox>
#include <QMenuBar>
#include <QProxyStyle>
#include <QRadioButton>
#include <QSettings>
#include <QStyle>
#include <QStyleOptionButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace suanli;

class ThemeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void viewMenuSwitchesThePalette();
    void choiceIsSaved();
    void radioButtonsAndCheckBoxesStandOutInEitherTheme();
};

void ThemeTest::initTestCase()
{
    QSettings().clear();
    app::Theme::init();
    // Fusion, with the theme's edges on radio buttons and check boxes.
    auto *proxy = qobject_cast<QProxyStyle *>(QApplication::style());
    QVERIFY(proxy && proxy->baseStyle());
    QCOMPARE(proxy->baseStyle()->name().toLower(), QStringLiteral("fusion"));
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

void ThemeTest::radioButtonsAndCheckBoxesStandOutInEitherTheme()
{
    // An unchecked radio button's circle and check box's square must stand out from the window
    // as WCAG asks of a control (3:1), in the dark theme as in the light one.
    for (auto mode : { app::Theme::Mode::Dark, app::Theme::Mode::Light }) {
        app::Theme::apply(mode);
        QWidget window;
        auto *radio = new QRadioButton(QStringLiteral("Trust on first use"), &window);
        auto *check = new QCheckBox(QStringLiteral("Only until"), &window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(radio);
        layout->addWidget(check);
        window.show();
        QTRY_COMPARE(window.palette().color(QPalette::Window),
            QApplication::palette().color(QPalette::Window));
        const QColor background = window.palette().color(QPalette::Window);
        for (QAbstractButton *button :
            { static_cast<QAbstractButton *>(radio), static_cast<QAbstractButton *>(check) }) {
            QStyleOptionButton option;
            option.initFrom(button);
            const QRect indicator = button->style()->subElementRect(
                button == radio ? QStyle::SE_RadioButtonIndicator : QStyle::SE_CheckBoxIndicator,
                &option, button);
            const QImage image = button->grab().toImage();
            double best = 1.0;
            for (int y = indicator.top(); y <= indicator.bottom(); ++y)
                for (int x = indicator.left(); x <= indicator.right(); ++x)
                    best = std::max(
                        best, widgets::Palette::contrast(image.pixelColor(x, y), background));
            QVERIFY2(best >= 3.0,
                qPrintable(QStringLiteral("%1 in the %2 theme: edge contrast %3")
                               .arg(button->text(), app::Theme::modeName(mode))
                               .arg(best)));
        }
    }
    app::Theme::apply(app::Theme::Mode::System);
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
