#pragma once

#include "client/ConnectionProfile.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class ProfileStore;

// Federation is the set of centres one console or wall works with: the connections it holds open
// (it owns them) and the centres saved on this computer. Windows and dialogs watch it through
// centreAdded() and centreRemoved() rather than keeping their own list of centres.
class Federation : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Federation)
public:
    explicit Federation(QObject *parent = nullptr);
    // Removes every centre (centreRemoved() for each) and closes its connection.
    ~Federation() override;

    // Connects to a centre: centreAdded() follows, then the connection opens. A federation
    // without trust on first use leaves a centre whose certificate is not pinned unopened.
    // A centre already connected (see duplicateOf()) is refused: problem() says which one it
    // repeats, and the result is null. One that turns out, once it answers, to be the same
    // gateway as a connected one (the same site behind the same CA) is removed again the same
    // way, so no centre is counted twice.
    // `place` orders the centres (centres() and every list that follows it): a saved centre
    // takes its place among the saved ones whatever it is given, another the place given (the
    // demo's order of its sites), or, with -1, the last place.
    client::Connection *addCentre(const client::ConnectionProfile &profile, int place = -1);
    // The connected centre a profile would connect to again (the same address), or null.
    client::Connection *duplicateOf(const client::ConnectionProfile &profile) const;
    // centreRemoved() follows, then the connection is closed and deleted (its saved profile
    // stays).
    void removeCentre(client::Connection *centre);
    // In their order (see addCentre()), not in the order they answered.
    QList<client::Connection *> centres() const { return m_centres; }
    // The connected centre of that name, or null.
    client::Connection *centre(const QString &name) const;
    // Ends every call and stream of every centre; their figures stay, marked stale.
    void closeAll();

    // Whether a centre whose certificate is not pinned yet is connected to, so that its user can
    // be asked to trust what it presents (true by default). A wall asks nobody: false.
    void setTrustOnFirstUse(bool trust) { m_trustOnFirstUse = trust; }
    bool trustOnFirstUse() const { return m_trustOnFirstUse; }

    // The centres saved on this computer (without their tokens), in the order they were added.
    QList<client::ConnectionProfile> profiles() const;
    // Adds or replaces (by name) a saved centre; its token goes to the keychain.
    void saveProfile(const client::ConnectionProfile &profile);
    // Disconnects a saved centre and deletes its profile and token.
    void removeProfile(const QString &name);
    // Names a new centre may not take: those saved and those connected.
    QStringList takenNames() const;
    // Reads a saved centre's token and connects to it, unless it is connected already. A token
    // that cannot be read is reported by problem(); the centre is added all the same and says
    // its token is refused.
    void connectSaved(const QString &name);
    // The saved centres' store, for what the federation does not wrap (the token file's path).
    ProfileStore *profileStore() const { return m_profiles; }

Q_SIGNALS:
    // A centre was added; its connection opens right after.
    void centreAdded(suanli::client::Connection *centre);
    // A centre is being removed: its connection is still there, and is deleted right after.
    void centreRemoved(suanli::client::Connection *centre);
    // Saved centres were added, changed or removed.
    void profilesChanged();
    // A connected centre's profile changed (a certificate was pinned): the app may save it.
    void profileChanged(const suanli::client::ConnectionProfile &profile);
    // Something about the saved centres went wrong that the user should hear of.
    void problem(const QString &message);

private:
    // The connected centre that is the same gateway as `centre` (same site behind the same CA).
    client::Connection *sameGatewayAs(client::Connection *centre) const;
    void refuse(const QString &name, client::Connection *original, const QString &why);

    ProfileStore *m_profiles;
    QList<client::Connection *> m_centres;
    // Each centre's place, by which m_centres is kept sorted.
    QHash<const client::Connection *, qint64> m_places;
    qint64 m_nextPlace = 0;
    bool m_trustOnFirstUse = true;
};

} // namespace suanli::app
