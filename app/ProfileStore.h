#pragma once

#include "client/ConnectionProfile.h"

#include <QList>
#include <QObject>
#include <functional>

namespace suanli::app {

// ProfileStore keeps the centres a user connects to: names, addresses and
// pinned CAs in QSettings; tokens in the system keychain (qtkeychain), or,
// where no keychain runs, in a file only the user can read (mode 0600).
class ProfileStore : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileStore)
public:
    explicit ProfileStore(QObject *parent = nullptr);

    // Profiles without their tokens, in the order the user added them.
    QList<suanli::client::ConnectionProfile> profiles() const;
    // Adds or replaces (by name) a profile; its token goes to the keychain.
    void save(const suanli::client::ConnectionProfile &profile);
    void remove(const QString &name);

    // Reads a profile's token; `done` runs on this thread with the token or
    // an empty string and the reason.
    void readToken(
        const QString &name, std::function<void(const QString &token, const QString &error)> done);

    // Asks whether a system keychain answers; `done` runs on this thread with the answer and,
    // when none does, the keychain's reason.
    void probeKeychain(std::function<void(bool available, const QString &why)> done);

    // Where the fallback token file lives (for the settings dialog and tests).
    static QString tokenFilePath();

private:
    void writeToken(const QString &name, const QString &token);
    static QString fileToken(const QString &name);
    static void setFileToken(const QString &name, const QString &token);
};

} // namespace suanli::app
