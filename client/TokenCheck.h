#pragma once

#include "client/ConnectionProfile.h"
#include "suanli/v1/auth.pb.h"

#include <QObject>
#include <QString>
#include <memory>

namespace suanli::client {

class CallTracker;

// TokenCheck asks a gateway whom a token belongs to (WhoAmI), over a channel that trusts only the
// profile's CA, before the profile is saved: "Test connection" shows the user and role the
// console would act as. The token goes only to a gateway whose CA the profile pins.
class TokenCheck : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenCheck)
public:
    struct Result {
        bool ok = false;
        // The gateway's answer when ok: the user, the site, the gateway's version.
        suanli::v1::WhoAmIResponse identity;
        // Why not: the gateway's words, and whether it refused the token (rather than not
        // answering).
        QString error;
        bool refused = false;
    };

    explicit TokenCheck(QObject *parent = nullptr);
    ~TokenCheck() override;

    // Starts a check of profile.token at profile.address, trusting profile.caPem (which must
    // be set); an earlier check still running is abandoned.
    void check(const ConnectionProfile &profile, int timeoutMs = 10000);
    bool running() const { return m_running; }

Q_SIGNALS:
    void finished(const suanli::client::TokenCheck::Result &result);

private:
    std::shared_ptr<CallTracker> m_calls;
    quint64 m_number = 0;
    bool m_running = false;
};

} // namespace suanli::client
