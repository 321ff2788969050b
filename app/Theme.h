#pragma once

#include <QCoreApplication>
#include <QPalette>
#include <QString>

namespace suanli::app {

// Theme switches the whole console between a light and a dark look (or
// follows the desktop), through the application's QPalette and the Fusion
// style, so every widget, table, heatmap, badge and chart that asks
// widgets::Palette follows at once. The choice is kept in QSettings.
class Theme {
    Q_DECLARE_TR_FUNCTIONS(Theme)
public:
    enum class Mode { System, Light, Dark };

    Theme() = delete;

    // Fusion style and the saved mode; call once, after QApplication exists.
    static void init();
    // Applies mode app-wide and saves it.
    static void apply(Mode mode);
    static Mode current();
    // The saved choice (System when none).
    static Mode saved();

    static QPalette lightPalette();
    static QPalette darkPalette();
    // What the desktop gives when the console does not choose.
    static QPalette systemPalette();

    static QString modeName(Mode mode);
};

} // namespace suanli::app
