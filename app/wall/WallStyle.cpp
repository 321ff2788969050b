#include "wall/WallStyle.h"

#include "Connection.h"
#include "SiteState.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace suanli::app {

QPalette WallStyle::palette()
{
    QPalette p;
    const QColor window(0x12, 0x14, 0x17);
    const QColor base(0x1c, 0x1f, 0x23);
    const QColor text(0xec, 0xec, 0xec);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x24, 0x27, 0x2b));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2d, 0x31));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(0x4d, 0x9d, 0xf0));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8c, 0x90));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Mid, QColor(0x50, 0x52, 0x56));
    p.setColor(QPalette::Dark, QColor(0x0a, 0x0b, 0x0d));
    return p;
}

int WallStyle::bodyPixels(int height)
{
    return std::max(12, int(std::lround(height / 36.0)));
}

QFont WallStyle::font(const QFont &base, qreal factor, QFont::Weight weight)
{
    QFont f = base;
    if (base.pixelSize() > 0)
        f.setPixelSize(std::max(1, int(std::lround(base.pixelSize() * factor))));
    else
        f.setPointSizeF(base.pointSizeF() * factor);
    f.setWeight(weight);
    return f;
}

qint64 WallStyle::dataAgeSeconds(const client::Connection *centre)
{
    const QDateTime data = centre->site()->dataTime();
    if (!data.isValid())
        return -1;
    return std::max<qint64>(0, data.secsTo(QDateTime::currentDateTimeUtc()));
}

bool WallStyle::isStale(const client::Connection *centre)
{
    return centre->site()->stale() || centre->state() != client::Connection::State::Live;
}

} // namespace suanli::app
