#include "app/Federation.h"

#include "app/ProfileStore.h"
#include "client/Connection.h"

#include <QPointer>
#include <algorithm>

namespace suanli::app {

namespace {
// "Host:7443" and " host:7443" reach the same gateway.
QString addressKey(const QString &address)
{
    return address.trimmed().toLower();
}

QString fingerprintOf(const client::Connection *centre)
{
    const QString pinned = centre->profile().caFingerprint;
    return pinned.isEmpty() ? centre->presentedFingerprint() : pinned;
}
} // namespace

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

client::Connection *Federation::addCentre(const client::ConnectionProfile &profile, int place)
{
    if (auto *original = duplicateOf(profile)) {
        refuse(profile.name, original, tr("the same address, %1").arg(profile.address.trimmed()));
        return nullptr;
    }
    auto *connection = new client::Connection(profile, this);
    // Saved centres first, in the order they were saved; then the others in the place given,
    // or as they come.
    const auto saved = m_profiles->profiles();
    qint64 key = (qint64(1) << 40) + m_nextPlace++;
    for (int i = 0; i < saved.size(); ++i)
        if (saved.at(i).name == profile.name)
            key = i;
    if (key >= (qint64(1) << 40) && place >= 0)
        key = (qint64(1) << 32) + place;
    m_places.insert(connection, key);
    const auto at = std::upper_bound(m_centres.begin(), m_centres.end(), key,
        [this](qint64 k, const client::Connection *c) { return k < m_places.value(c); });
    m_centres.insert(at, connection);
    connect(connection, &client::Connection::profileChanged, this,
        [this, connection] { Q_EMIT profileChanged(connection->profile()); });
    // Another address can lead to a gateway already connected (a second name, an alias): known
    // once it says which site it is.
    connect(connection, &client::Connection::identityChanged, this, [this, connection] {
        auto *original = sameGatewayAs(connection);
        if (!original)
            return;
        refuse(connection->profile().name, original,
            tr("the same site, %1, behind the same CA %2")
                .arg(QString::fromStdString(connection->identity().site()),
                    fingerprintOf(connection)));
        // Not from inside the connection's own signal.
        QMetaObject::invokeMethod(
            this,
            [this, centre = QPointer<client::Connection>(connection)] {
                if (centre)
                    removeCentre(centre);
            },
            Qt::QueuedConnection);
    });
    Q_EMIT centreAdded(connection);
    if (m_trustOnFirstUse || !profile.caPem.isEmpty())
        connection->open();
    return connection;
}

void Federation::removeCentre(client::Connection *centre)
{
    if (!m_centres.removeOne(centre))
        return;
    m_places.remove(centre);
    Q_EMIT centreRemoved(centre);
    centre->close();
    delete centre;
}

client::Connection *Federation::duplicateOf(const client::ConnectionProfile &profile) const
{
    const QString address = addressKey(profile.address);
    for (auto *c : m_centres)
        if (!address.isEmpty() && addressKey(c->profile().address) == address)
            return c;
    return nullptr;
}

client::Connection *Federation::sameGatewayAs(client::Connection *centre) const
{
    const QString site = QString::fromStdString(centre->identity().site());
    const QString fingerprint = fingerprintOf(centre);
    if (site.isEmpty() || fingerprint.isEmpty())
        return nullptr;
    // The centre that answered first stays.
    for (auto *c : m_centres) {
        if (c == centre)
            continue;
        if (QString::fromStdString(c->identity().site()) == site && fingerprintOf(c) == fingerprint)
            return c;
    }
    return nullptr;
}

void Federation::refuse(const QString &name, client::Connection *original, const QString &why)
{
    Q_EMIT problem(tr("“%1” is the centre already connected as “%2” (%3): it is not connected "
                      "twice, so its accelerators are counted once.")
                       .arg(name, original->profile().name, why));
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
