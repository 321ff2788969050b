#pragma once

#include <QCoreApplication>
#include <QFont>
#include <QPalette>
#include <QString>

namespace suanli::client {
class Connection;
}

namespace suanli::app {

// WallStyle holds what every wall page shares: the dark palette, type sized from the screen's
// height so it reads from five metres, and the words for a centre and the age of its data.
class WallStyle {
    Q_DECLARE_TR_FUNCTIONS(WallStyle)
public:
    WallStyle() = delete;

    // A dark window with light text (Palette::isDark is true for it).
    static QPalette palette();
    // Body text in pixels for a screen `height` pixels tall: 30 px on a 1080p wall.
    static int bodyPixels(int height);
    // base at `factor` times the body size, with weight.
    static QFont font(const QFont &base, qreal factor, QFont::Weight weight = QFont::Normal);
    // Scale of KpiTiles: their values come out at 1/11 of the screen's height.
    static constexpr qreal kTileScale = 1.35;

    // Seconds since the centre's data was current; -1 when unknown.
    static qint64 dataAgeSeconds(const client::Connection *centre);
    // True when the centre's data is not current: the gateway or its scheduler is unreachable.
    static bool isStale(const client::Connection *centre);
};

} // namespace suanli::app
