#include "app/Theme.h"

#include "widgets/Palette.h"

#include <QApplication>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace suanli::app {

namespace {
const QString kKey = QStringLiteral("view/theme");

Theme::Mode g_mode = Theme::Mode::System;
bool g_initialised = false;
QPalette g_system;

QString keyOf(Theme::Mode mode)
{
    switch (mode) {
    case Theme::Mode::Light:
        return QStringLiteral("light");
    case Theme::Mode::Dark:
        return QStringLiteral("dark");
    case Theme::Mode::System:
        break;
    }
    return QStringLiteral("system");
}

} // namespace

void Theme::init()
{
    if (g_initialised)
        return;
    g_initialised = true;
    // Fusion draws every control from the palette, so both themes look whole.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(fusion);
    g_system = QApplication::palette();
    apply(saved());
}

QPalette Theme::systemPalette()
{
    return g_initialised ? g_system : QApplication::style()->standardPalette();
}

QPalette Theme::lightPalette()
{
    return widgets::Palette::surface(widgets::Surface::Light);
}

QPalette Theme::darkPalette()
{
    return widgets::Palette::surface(widgets::Surface::Dark);
}

void Theme::apply(Mode mode)
{
    g_mode = mode;
    QSettings().setValue(kKey, keyOf(mode));
    switch (mode) {
    case Mode::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setPalette(darkPalette());
        break;
    case Mode::System:
        QApplication::setPalette(systemPalette());
        break;
    }
}

Theme::Mode Theme::current()
{
    return g_mode;
}

Theme::Mode Theme::saved()
{
    const QString key = QSettings().value(kKey).toString();
    if (key == keyOf(Mode::Light))
        return Mode::Light;
    if (key == keyOf(Mode::Dark))
        return Mode::Dark;
    return Mode::System;
}

QString Theme::modeName(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return tr("Light");
    case Mode::Dark:
        return tr("Dark");
    case Mode::System:
        break;
    }
    return tr("Follow system");
}

} // namespace suanli::app
