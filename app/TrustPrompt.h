#pragma once

#include <QCoreApplication>
#include <QString>
#include <functional>

class QWidget;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

// TrustPrompt answers a centre whose connection waits on its user: a certificate authority seen
// for the first time is trusted when it matches the fingerprint given with the profile, or when
// the user, shown its fingerprint, says so (trust on first use); a changed authority or a refused
// token is explained in the notification bar.
class TrustPrompt {
    Q_DECLARE_TR_FUNCTIONS(TrustPrompt)
public:
    // A line for the notification bar, whether it reports a failure, and the details behind it.
    using Notify = std::function<void(const QString &message, bool failed, const QString &details)>;
    // Asks the user whether to trust a fingerprint; true to trust it.
    using Ask = std::function<bool(const QString &centre, const QString &fingerprint)>;

    TrustPrompt() = delete;

    // The connection's state changed: does what that state asks of the user, if anything.
    static void stateChanged(client::Connection *connection, const Ask &ask, const Notify &notify);
    // The question of trust on first use, as a message box over parent.
    static bool askWithDialog(QWidget *parent, const QString &centre, const QString &fingerprint);
};

} // namespace suanli::app
