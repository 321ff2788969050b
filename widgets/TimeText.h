#pragma once

#include <QDateTime>
#include <QString>

namespace suanli::widgets {

// TimeText writes a moment the one way the console (and suanlictl) does, in every language:
// 24-hour, ISO-like, in this computer's time zone: "2026-12-07 13:31:05".
class TimeText {
public:
    TimeText() = delete;

    // "2026-12-07 13:31:05"; empty for an invalid time.
    static QString dateTime(const QDateTime &time);
    // "2026-12-07"
    static QString date(const QDate &date);
    // "13:31", for a clock or a time of today.
    static QString time(const QTime &time);
    // Seconds since the epoch (with a fraction) as dateTime().
    static QString fromSeconds(double seconds);
};

} // namespace suanli::widgets
