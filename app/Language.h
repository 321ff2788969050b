#pragma once

#include <QString>
#include <QStringList>
#include <functional>

class QCoreApplication;
class QMenu;
class QWidget;

namespace suanli::app {

// Language chooses the console's language: the one saved in the settings, or
// the system's when none is saved. Numbers, dates and units follow it through
// the default QLocale.
class Language {
public:
    // Languages with a translation, as locale names ("en", "zh_CN").
    static QStringList available();
    // The saved choice: a locale name, or empty to follow the system.
    static QString saved();
    static void save(const QString &name);
    // The language in effect for `saved` (empty: the system's).
    static QString resolve(const QString &saved);

    // Installs the translators (the console's and Qt's own) and the default
    // QLocale for the saved choice. Returns the language installed.
    static QString install(QCoreApplication *app);
    // Replaces the installed translators and default QLocale with those for
    // `choice` (empty: the system's). Returns the language installed.
    static QString apply(const QString &choice);

    // A menu to switch: "Follow the system", "English", "中文 (简体)". A choice
    // is saved and applied; `onChange` then rebuilds what shows text.
    static QMenu *menu(QWidget *parent, const std::function<void(const QString &)> &onChange);
};

} // namespace suanli::app
