#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace suanli::widgets {

// AgeText says how old something is in the fewest words: "45 s", "5 min", "3 h", "2 d".
class AgeText {
    Q_DECLARE_TR_FUNCTIONS(AgeText)
public:
    AgeText() = delete;

    static QString of(qint64 seconds, const QLocale &locale = QLocale());
};

} // namespace suanli::widgets
