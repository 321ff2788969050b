#include "app/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcProfiles, "suanli.profiles")

namespace suanli::app {

namespace {
const QString kService = QStringLiteral("suanli");

QJsonObject readTokenFile()
{
    QFile file(ProfileStore::tokenFilePath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
{
}

QString ProfileStore::tokenFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation)
        + QStringLiteral("/tokens.json");
}

QList<suanli::client::ConnectionProfile> ProfileStore::profiles() const
{
    QSettings settings;
    QList<suanli::client::ConnectionProfile> out;
    const int count = settings.beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        suanli::client::ConnectionProfile p;
        p.name = settings.value(QStringLiteral("name")).toString();
        p.address = settings.value(QStringLiteral("address")).toString();
        p.caPem = settings.value(QStringLiteral("caPem")).toByteArray();
        p.caFingerprint = settings.value(QStringLiteral("caFingerprint")).toString();
        if (!p.name.isEmpty())
            out.append(p);
    }
    settings.endArray();
    return out;
}

void ProfileStore::save(const suanli::client::ConnectionProfile &profile)
{
    auto all = profiles();
    bool replaced = false;
    for (auto &p : all) {
        if (p.name == profile.name) {
            p = profile;
            replaced = true;
        }
    }
    if (!replaced)
        all.append(profile);
    QSettings settings;
    settings.beginWriteArray(QStringLiteral("profiles"), int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), all[i].name);
        settings.setValue(QStringLiteral("address"), all[i].address);
        settings.setValue(QStringLiteral("caPem"), all[i].caPem);
        settings.setValue(QStringLiteral("caFingerprint"), all[i].caFingerprint);
    }
    settings.endArray();
    if (!profile.token.isEmpty())
        writeToken(profile.name, profile.token);
}

void ProfileStore::remove(const QString &name)
{
    auto all = profiles();
    all.erase(std::remove_if(all.begin(), all.end(), [&](const auto &p) { return p.name == name; }),
        all.end());
    QSettings settings;
    settings.remove(QStringLiteral("profiles"));
    settings.beginWriteArray(QStringLiteral("profiles"), int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), all[i].name);
        settings.setValue(QStringLiteral("address"), all[i].address);
        settings.setValue(QStringLiteral("caPem"), all[i].caPem);
        settings.setValue(QStringLiteral("caFingerprint"), all[i].caFingerprint);
    }
    settings.endArray();
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(name);
    job->start();
    setFileToken(name, QString());
}

void ProfileStore::writeToken(const QString &name, const QString &token)
{
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(name);
    job->setTextData(token);
    connect(job, &QKeychain::Job::finished, this, [name, token](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            setFileToken(name, QString());
            return;
        }
        qCInfo(lcProfiles) << "no system keychain (" << finished->errorString()
                           << "); token kept in" << tokenFilePath();
        setFileToken(name, token);
    });
    job->start();
}

void ProfileStore::readToken(
    const QString &name, std::function<void(const QString &, const QString &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [name, done](QKeychain::Job *finished) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        if (read->error() == QKeychain::NoError && !read->textData().isEmpty()) {
            done(read->textData(), QString());
            return;
        }
        const QString fromFile = fileToken(name);
        if (!fromFile.isEmpty())
            done(fromFile, QString());
        else
            done(QString(), tr("No token stored for %1: %2").arg(name, read->errorString()));
    });
    job->start();
}

void ProfileStore::probeKeychain(std::function<void(bool, const QString &)> done)
{
    // Reading a name nobody saves: a keychain that runs says it has no such entry.
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(QStringLiteral("suanli-keychain-probe"));
    connect(job, &QKeychain::Job::finished, this, [done](QKeychain::Job *finished) {
        const bool available = finished->error() == QKeychain::NoError
            || finished->error() == QKeychain::EntryNotFound;
        done(available, available ? QString() : finished->errorString());
    });
    job->start();
}

QString ProfileStore::fileToken(const QString &name)
{
    return readTokenFile().value(name).toString();
}

void ProfileStore::setFileToken(const QString &name, const QString &token)
{
    QJsonObject tokens = readTokenFile();
    if (token.isEmpty() && !tokens.contains(name))
        return;
    if (token.isEmpty())
        tokens.remove(name);
    else
        tokens.insert(name, token);
    QDir().mkpath(QFileInfo(tokenFilePath()).path());
    QSaveFile file(tokenFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcProfiles) << "cannot write" << tokenFilePath() << file.errorString();
        return;
    }
    // Only the user may read it, from the first byte on.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(tokens).toJson(QJsonDocument::Compact));
    file.commit();
}

} // namespace suanli::app
