#include "app/Theme.h"

#include "widgets/Palette.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

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

// Fusion with the edges of radio buttons and check boxes in the theme's colour: Fusion draws
// them a shade darker than the window, which on a dark window is all but invisible.
class ThemeStyle : public QProxyStyle {
public:
    explicit ThemeStyle(QStyle *base)
        : QProxyStyle(base)
    {
    }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        if (element != PE_IndicatorRadioButton && element != PE_IndicatorCheckBox)
            return;
        // A focused control keeps Fusion's highlighted edge.
        if ((option->state & State_HasFocus) && (option->state & State_KeyboardFocusChange))
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        QColor edge = widgets::Palette::controlEdge(widgets::Palette::isDark(option->palette));
        if (!(option->state & State_Enabled))
            edge.setAlphaF(0.5);
        painter->setPen(QPen(edge, 1.0));
        painter->setBrush(Qt::NoBrush);
        const QRectF box = QRectF(option->rect).adjusted(0.5, 0.5, -0.5, -0.5);
        if (element == PE_IndicatorRadioButton)
            painter->drawEllipse(box);
        else
            painter->drawRoundedRect(box, 1.0, 1.0);
        painter->restore();
    }
};

} // namespace

void Theme::init()
{
    if (g_initialised)
        return;
    g_initialised = true;
    // Fusion draws every control from the palette, so both themes look whole.
    if (QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion")))
        QApplication::setStyle(new ThemeStyle(fusion));
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
