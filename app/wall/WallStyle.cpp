#include "app/wall/WallStyle.h"

#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/Palette.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace suanli::app {

QPalette WallStyle::palette()
{
    return widgets::Palette::surface(widgets::Surface::Wall);
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
