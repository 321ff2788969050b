#pragma once

#include <QByteArray>
#include <QString>

namespace suanli::client {

// ConnectionProfile says how to reach one centre's gateway and whom to trust.
struct ConnectionProfile {
    // Shown to the user, e.g. "Shanghai Lingang".
    QString name;
    // host:port of suanlid, e.g. "10.2.0.5:7443".
    QString address;
    // PEM of the gateway's CA, given by the operator (a file read by the app)
    // or pinned on first use. Empty: not trusted yet (trust on first use).
    QByteArray caPem;
    // SHA-256 of caPem's certificate, "AB:CD:..." as suanlid prints it.
    QString caFingerprint;
    // Bearer token (kept in the system keychain by the app, never in settings).
    QString token;
};

} // namespace suanli::client
