#include "app/Language.h"

#include <QActionGroup>
#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QSettings>
#include <QTranslator>

namespace suanli::app {

namespace {
const QString kKey = QStringLiteral("ui/language");
} // namespace

QStringList Language::available()
{
    return { QStringLiteral("en"), QStringLiteral("zh_CN") };
}

QString Language::saved()
{
    return QSettings().value(kKey).toString();
}

void Language::save(const QString &name)
{
    QSettings settings;
    if (name.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, name);
}

QString Language::resolve(const QString &saved)
{
    if (available().contains(saved))
        return saved;
    // Any Chinese locale reads Simplified Chinese best of what we have.
    const QLocale system;
    return system.language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

QString Language::install(QCoreApplication *)
{
    return apply(saved());
}

QString Language::apply(const QString &choice)
{
    // The translators installed last, to take out when the language changes.
    static QTranslator *own = nullptr;
    static QTranslator *qt = nullptr;
    for (QTranslator **installed : { &own, &qt }) {
        if (*installed) {
            QCoreApplication::removeTranslator(*installed);
            delete *installed;
            *installed = nullptr;
        }
    }
    const QString name = resolve(choice);
    const QLocale locale(name);
    QLocale::setDefault(locale);
    own = new QTranslator(QCoreApplication::instance());
    if (own->load(QStringLiteral(":/i18n/suanli_") + name))
        QCoreApplication::installTranslator(own);
    // Qt's own strings (standard buttons, file dialogs).
    qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    return name;
}

QMenu *Language::menu(QWidget *parent, const std::function<void(const QString &)> &onChange)
{
    auto *menu = new QMenu(QCoreApplication::translate("Language", "&Language"), parent);
    auto *group = new QActionGroup(menu);
    const QString current = saved();
    const auto add = [&](const QString &text, const QString &name) {
        QAction *action = menu->addAction(text);
        action->setCheckable(true);
        action->setChecked(name == current || (name.isEmpty() && !available().contains(current)));
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [name, onChange] {
            save(name);
            apply(name);
            onChange(name);
        });
    };
    add(QCoreApplication::translate("Language", "Follow the system"), {});
    menu->addSeparator();
    // Each language names itself, so a user who cannot read the current one finds theirs.
    add(QStringLiteral("English"), QStringLiteral("en"));
    add(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    return menu;
}

} // namespace suanli::app
