#pragma once

#include <QString>
#include <QStringList>
#include <functional>

namespace suanli::app {

// Asks the user to confirm an action on targets; true with the reason (or comment) typed. Pages
// show ConfirmActionDialog; tests put their own answer in its place.
using ConfirmPrompt = std::function<bool(const QString &title, const QString &question,
    const QStringList &targets, bool reasonRequired, QString *reason)>;

} // namespace suanli::app
