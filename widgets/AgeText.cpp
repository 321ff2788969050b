#include "widgets/AgeText.h"

#include <algorithm>

namespace suanli::widgets {

QString AgeText::of(qint64 seconds, const QLocale &locale)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s", "age in seconds").arg(locale.toString(seconds));
    if (seconds < 3600)
        return tr("%1 min", "age in minutes").arg(locale.toString(seconds / 60));
    if (seconds < 86400)
        return tr("%1 h", "age in hours").arg(locale.toString(seconds / 3600));
    return tr("%1 d", "age in days").arg(locale.toString(seconds / 86400));
}

} // namespace suanli::widgets
