#include "widgets/TimeText.h"

#include <QLocale>
#include <cmath>

namespace suanli::widgets {

// The C locale: the same digits and separators whatever the language, as ISO 8601 has them.
QString TimeText::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale::c().toString(time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString TimeText::date(const QDate &date)
{
    if (!date.isValid())
        return {};
    return QLocale::c().toString(date, QStringLiteral("yyyy-MM-dd"));
}

QString TimeText::time(const QTime &time)
{
    if (!time.isValid())
        return {};
    return QLocale::c().toString(time, QStringLiteral("HH:mm"));
}

QString TimeText::fromSeconds(double seconds)
{
    if (std::isnan(seconds))
        return {};
    return dateTime(QDateTime::fromMSecsSinceEpoch(qint64(std::llround(seconds * 1000.0))));
}

} // namespace suanli::widgets
