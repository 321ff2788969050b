#include "Theme.h"

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

void setGroups(QPalette &p, QPalette::ColorRole role, const QColor &active, const QColor &disabled)
{
    p.setColor(QPalette::Active, role, active);
    p.setColor(QPalette::Inactive, role, active);
    p.setColor(QPalette::Disabled, role, disabled);
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
    QPalette p;
    const QColor window(0xf3, 0xf4, 0xf6);
    const QColor text(0x1f, 0x23, 0x28);
    const QColor disabledText(0x8c, 0x92, 0x99);
    setGroups(p, QPalette::Window, window, window);
    setGroups(p, QPalette::WindowText, text, disabledText);
    setGroups(p, QPalette::Base, Qt::white, QColor(0xf0, 0xf0, 0xf0));
    setGroups(p, QPalette::AlternateBase, QColor(0xf6, 0xf8, 0xfa), QColor(0xf6, 0xf8, 0xfa));
    setGroups(p, QPalette::ToolTipBase, QColor(0xff, 0xff, 0xe8), QColor(0xff, 0xff, 0xe8));
    setGroups(p, QPalette::ToolTipText, text, text);
    setGroups(p, QPalette::PlaceholderText, disabledText, disabledText);
    setGroups(p, QPalette::Text, text, disabledText);
    setGroups(p, QPalette::Button, QColor(0xe9, 0xeb, 0xee), QColor(0xe9, 0xeb, 0xee));
    setGroups(p, QPalette::ButtonText, text, disabledText);
    setGroups(p, QPalette::BrightText, Qt::white, Qt::white);
    setGroups(p, QPalette::Light, Qt::white, Qt::white);
    setGroups(p, QPalette::Midlight, QColor(0xe3, 0xe5, 0xe8), QColor(0xe3, 0xe5, 0xe8));
    setGroups(p, QPalette::Mid, QColor(0xb8, 0xbd, 0xc3), QColor(0xb8, 0xbd, 0xc3));
    setGroups(p, QPalette::Dark, QColor(0x8c, 0x92, 0x99), QColor(0x8c, 0x92, 0x99));
    setGroups(p, QPalette::Shadow, QColor(0x4a, 0x4f, 0x55), QColor(0x4a, 0x4f, 0x55));
    setGroups(p, QPalette::Highlight, QColor(0x00, 0x72, 0xb2), QColor(0xc8, 0xcc, 0xd0));
    setGroups(p, QPalette::HighlightedText, Qt::white, disabledText);
    setGroups(p, QPalette::Link, QColor(0x00, 0x5a, 0x9c), QColor(0x00, 0x5a, 0x9c));
    setGroups(p, QPalette::LinkVisited, QColor(0x6a, 0x3d, 0x9a), QColor(0x6a, 0x3d, 0x9a));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x20, 0x23, 0x28);
    const QColor base(0x17, 0x1a, 0x1e);
    const QColor text(0xe6, 0xe8, 0xeb);
    const QColor disabledText(0x7a, 0x80, 0x88);
    setGroups(p, QPalette::Window, window, window);
    setGroups(p, QPalette::WindowText, text, disabledText);
    setGroups(p, QPalette::Base, base, window);
    setGroups(p, QPalette::AlternateBase, QColor(0x25, 0x29, 0x2e), QColor(0x25, 0x29, 0x2e));
    setGroups(p, QPalette::ToolTipBase, QColor(0x30, 0x34, 0x3a), QColor(0x30, 0x34, 0x3a));
    setGroups(p, QPalette::ToolTipText, text, text);
    setGroups(p, QPalette::PlaceholderText, disabledText, disabledText);
    setGroups(p, QPalette::Text, text, disabledText);
    setGroups(p, QPalette::Button, QColor(0x2d, 0x31, 0x37), QColor(0x26, 0x29, 0x2e));
    setGroups(p, QPalette::ButtonText, text, disabledText);
    setGroups(p, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b), QColor(0xff, 0x6b, 0x6b));
    setGroups(p, QPalette::Light, QColor(0x3d, 0x42, 0x49), QColor(0x3d, 0x42, 0x49));
    setGroups(p, QPalette::Midlight, QColor(0x34, 0x38, 0x3e), QColor(0x34, 0x38, 0x3e));
    setGroups(p, QPalette::Mid, QColor(0x2a, 0x2e, 0x33), QColor(0x2a, 0x2e, 0x33));
    setGroups(p, QPalette::Dark, QColor(0x12, 0x14, 0x17), QColor(0x12, 0x14, 0x17));
    setGroups(p, QPalette::Shadow, QColor(0x08, 0x09, 0x0a), QColor(0x08, 0x09, 0x0a));
    setGroups(p, QPalette::Highlight, QColor(0x2f, 0x8f, 0xd8), QColor(0x3a, 0x3f, 0x46));
    setGroups(p, QPalette::HighlightedText, Qt::white, disabledText);
    setGroups(p, QPalette::Link, QColor(0x56, 0xb4, 0xe9), QColor(0x56, 0xb4, 0xe9));
    setGroups(p, QPalette::LinkVisited, QColor(0xcc, 0x9c, 0xf0), QColor(0xcc, 0x9c, 0xf0));
    return p;
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
