#pragma once

// The console's connection profile for a test gateway: Qt and client only, so
// the client's and the console's tests connect to a GatewayProcess alike.
#include "client/ConnectionProfile.h"
#include "tests/integration/GatewayProcess.h"

#include <QByteArray>
#include <QString>

namespace suanli::test {

// A profile for `gateway` acting with `token`. With `withCa`, the gateway's CA
// is given and pinned by its fingerprint; without, the connection meets an
// authority it has not been told about (trust on first use).
inline client::ConnectionProfile profileFor(const GatewayProcess &gateway, const std::string &token,
    const QString &name = QStringLiteral("Test centre"), bool withCa = true)
{
    client::ConnectionProfile p;
    p.name = name;
    p.address = QString::fromStdString(gateway.address());
    p.token = QString::fromStdString(token);
    if (withCa) {
        p.caPem = QByteArray::fromStdString(gateway.caPem());
        p.caFingerprint = QString::fromStdString(gateway.fingerprint());
    }
    return p;
}

} // namespace suanli::test
