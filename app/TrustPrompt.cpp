#include "app/TrustPrompt.h"

#include "client/Connection.h"

#include <QMessageBox>

namespace suanli::app {

void TrustPrompt::stateChanged(client::Connection *connection, const Ask &ask, const Notify &notify)
{
    using State = client::Connection::State;
    const QString name = connection->profile().name;
    switch (connection->state()) {
    case State::CertificateUnknown: {
        // A fingerprint given with the profile decides without asking.
        const QString expected = connection->profile().caFingerprint;
        if (!expected.isEmpty()) {
            if (expected.compare(connection->presentedFingerprint(), Qt::CaseInsensitive) == 0) {
                connection->trustPresentedCertificate();
            } else {
                notify(tr("%1 presents a certificate authority with fingerprint %2, not the %3 "
                          "given for it. The connection is blocked: check the fingerprint with "
                          "the centre's operators and correct it under File → Manage centres.")
                           .arg(name, connection->presentedFingerprint(), expected),
                    true, connection->stateDetail());
            }
            break;
        }
        // Trust on first use: the user compares the fingerprint with the one suanlid printed
        // when it started.
        if (ask(name, connection->presentedFingerprint()))
            connection->trustPresentedCertificate();
        else
            notify(tr("%1 is not connected: its certificate was not trusted.").arg(name), true, {});
        break;
    }
    case State::CertificateChanged:
        notify(tr("%1 now presents a DIFFERENT certificate authority (%2). The connection is "
                  "blocked: this can "
                  "mean someone is intercepting it. Check with the centre's operators before "
                  "trusting it.")
                   .arg(name, connection->presentedFingerprint()),
            true, connection->stateDetail());
        break;
    case State::Unauthenticated:
        notify(tr("%1 refused the token: it may have been revoked. Ask an admin for a new one.")
                   .arg(name),
            true, connection->stateDetail());
        break;
    default:
        break;
    }
}

bool TrustPrompt::askWithDialog(QWidget *parent, const QString &centre, const QString &fingerprint)
{
    const auto answer = QMessageBox::question(parent, tr("Trust this centre?"),
        tr("%1 presents a certificate authority this console has not seen before.\n\nSHA-256 "
           "fingerprint:\n%2\n\n"
           "Compare it with the fingerprint suanlid printed when it started. Trust it?")
            .arg(centre, fingerprint));
    return answer == QMessageBox::Yes;
}

} // namespace suanli::app
