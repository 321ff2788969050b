#include "app/Federation.h"

#include "app/ProfileStore.h"
#include "client/Connection.h"

#include <QPointer>

namespace suanli::app {

Federation::Federation(QObject *parent)
    : QObject(parent)
    , m_profiles(new ProfileStore(this))
{
}

Federation::~Federation()
{
    while (!m_centres.isEmpty())
        removeCentre(m_centres.last());
}

client::Connection *Federation::addCentre(const client::ConnectionProfile &profile)
{
    auto *connection = new client::Connection(profile, this);
    m_centres.append(connection);
    connect(connection, &client::Connection::profileChanged, this,
        [this, connection] { Q_EMIT profileChanged(connection->profile()); });
    Q_EMIT centreAdded(connection);
    if (m_trustOnFirstUse || !profile.caPem.isEmpty())
        connection->open();
    return connection;
}

void Federation::removeCentre(client::Connection *centre)
{
    if (!m_centres.removeOne(centre))
        return;
    Q_EMIT centreRemoved(centre);
    centre->close();
    delete centre;
}

client::Connection *Federation::centre(const QString &name) const
{
    for (auto *c : m_centres)
        if (c->profile().name == name)
            return c;
    return nullptr;
}

void Federation::closeAll()
{
    for (auto *c : std::as_const(m_centres))
        c->close();
}

QList<client::ConnectionProfile> Federation::profiles() const
{
    return m_profiles->profiles();
}

void Federation::saveProfile(const client::ConnectionProfile &profile)
{
    m_profiles->save(profile);
    Q_EMIT profilesChanged();
}

void Federation::removeProfile(const QString &name)
{
    if (auto *connected = centre(name))
        removeCentre(connected);
    m_profiles->remove(name);
    Q_EMIT profilesChanged();
}

QStringList Federation::takenNames() const
{
    QStringList taken;
    for (const auto &p : m_profiles->profiles())
        taken.append(p.name);
    for (auto *c : m_centres)
        taken.append(c->profile().name);
    return taken;
}

void Federation::connectSaved(const QString &name)
{
    if (centre(name))
        return;
    for (const auto &p : m_profiles->profiles()) {
        if (p.name != name)
            continue;
        QPointer<Federation> self = this;
        m_profiles->readToken(
            name, [self, profile = p](const QString &token, const QString &error) mutable {
                if (!self)
                    return;
                if (token.isEmpty())
                    Q_EMIT self->problem(error);
                // Asked twice while the keychain answered: connected once.
                if (self->centre(profile.name))
                    return;
                profile.token = token;
                self->addCentre(profile);
            });
        return;
    }
}

} // namespace suanli::app
