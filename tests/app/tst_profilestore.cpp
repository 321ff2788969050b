// Saved centres: profiles round-trip through QSettings in the order added, tokens
// never reach the settings file, and without a keychain they live in a file only
// the user can read (0600), also when that file existed with looser permissions.
#include "app/ProfileStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QtTest>
#include <sys/stat.h>

using namespace suanli;

namespace {
client::ConnectionProfile profile(const QString &name, const QString &token)
{
    client::ConnectionProfile p;
    p.name = name;
    p.address = QStringLiteral("127.0.0.1:7443");
    p.caPem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    p.caFingerprint = QStringLiteral("AB:CD");
    p.token = token;
    return p;
}

QString readToken(app::ProfileStore &store, const QString &name, QString *error = nullptr)
{
    QString result;
    bool done = false;
    store.readToken(name, [&](const QString &token, const QString &why) {
        result = token;
        if (error)
            *error = why;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        return QStringLiteral("(no answer)");
    return result;
}

int fileMode(const QString &path)
{
    struct stat st { };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

bool fileHas(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.readAll().contains(text.toUtf8());
}
} // namespace

class ProfileStoreTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void roundTripKeepsOrderAndFields();
    void tokenFileIsOwnerOnly();
    void looserExistingFileIsTightened();
    void replaceAndRemove();
};

void ProfileStoreTest::init()
{
    QSettings().clear();
    QSettings().sync();
    QFile::remove(app::ProfileStore::tokenFilePath());
}

void ProfileStoreTest::roundTripKeepsOrderAndFields()
{
    app::ProfileStore store;
    store.save(profile(QStringLiteral("Shanghai Lingang"), QStringLiteral("tok-sh-1")));
    store.save(profile(QStringLiteral("Beijing Yizhuang"), QStringLiteral("tok-bj-2")));
    const auto all = store.profiles();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("Shanghai Lingang"));
    QCOMPARE(all[1].name, QStringLiteral("Beijing Yizhuang"));
    QCOMPARE(all[1].address, QStringLiteral("127.0.0.1:7443"));
    QCOMPARE(all[1].caPem, profile({}, {}).caPem);
    QCOMPARE(all[1].caFingerprint, QStringLiteral("AB:CD"));
    QVERIFY2(all[0].token.isEmpty(), "profiles() never carries tokens");

    QCOMPARE(readToken(store, QStringLiteral("Shanghai Lingang")), QStringLiteral("tok-sh-1"));
    QCOMPARE(readToken(store, QStringLiteral("Beijing Yizhuang")), QStringLiteral("tok-bj-2"));

    // A new store (a new start of the console) sees the same.
    app::ProfileStore again;
    QCOMPARE(again.profiles().size(), 2);
    QCOMPARE(readToken(again, QStringLiteral("Beijing Yizhuang")), QStringLiteral("tok-bj-2"));

    // Tokens never reach the settings file.
    QSettings settings;
    settings.sync();
    QVERIFY(QFileInfo::exists(settings.fileName()));
    QVERIFY(fileHas(settings.fileName(), QStringLiteral("Beijing Yizhuang")));
    QVERIFY(!fileHas(settings.fileName(), QStringLiteral("tok-bj-2")));
}

void ProfileStoreTest::tokenFileIsOwnerOnly()
{
    app::ProfileStore store;
    store.save(profile(QStringLiteral("Shenzhen"), QStringLiteral("secret-token-3")));
    const QString path = app::ProfileStore::tokenFilePath();
    // Without a keychain the token goes to the fallback file.
    QTRY_VERIFY_WITH_TIMEOUT(fileHas(path, QStringLiteral("secret-token-3")), 20000);
    QVERIFY(QFileInfo(path).permissions() == QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ReadUser | QFileDevice::WriteUser);
    QCOMPARE(fileMode(path), 0600);
}

void ProfileStoreTest::looserExistingFileIsTightened()
{
    const QString path = app::ProfileStore::tokenFilePath();
    QDir().mkpath(QFileInfo(path).path());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{}");
    }
    QVERIFY(QFile::setPermissions(path,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther));
    QCOMPARE(fileMode(path), 0644);
    app::ProfileStore store;
    store.save(profile(QStringLiteral("Hefei"), QStringLiteral("secret-token-4")));
    QTRY_VERIFY_WITH_TIMEOUT(fileHas(path, QStringLiteral("secret-token-4")), 20000);
    QCOMPARE(fileMode(path), 0600);
}

void ProfileStoreTest::replaceAndRemove()
{
    app::ProfileStore store;
    store.save(profile(QStringLiteral("A"), QStringLiteral("token-a")));
    store.save(profile(QStringLiteral("B"), QStringLiteral("token-b")));
    QTRY_VERIFY_WITH_TIMEOUT(
        fileHas(app::ProfileStore::tokenFilePath(), QStringLiteral("token-b")), 20000);
    auto changed = profile(QStringLiteral("A"), QString());
    changed.address = QStringLiteral("10.0.0.9:7443");
    store.save(changed);
    auto all = store.profiles();
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].name, QStringLiteral("A"));
    QCOMPARE(all[0].address, QStringLiteral("10.0.0.9:7443"));
    // Saving without a token keeps the stored one.
    QCOMPARE(readToken(store, QStringLiteral("A")), QStringLiteral("token-a"));

    store.remove(QStringLiteral("A"));
    all = store.profiles();
    QCOMPARE(all.size(), 1);
    QCOMPARE(all[0].name, QStringLiteral("B"));
    QVERIFY(!fileHas(app::ProfileStore::tokenFilePath(), QStringLiteral("token-a")));
    QString error;
    QCOMPARE(readToken(store, QStringLiteral("A"), &error), QString());
    QVERIFY2(error.contains(QStringLiteral("No token stored for A")), qPrintable(error));
    QCOMPARE(readToken(store, QStringLiteral("B")), QStringLiteral("token-b"));
    QCOMPARE(fileMode(app::ProfileStore::tokenFilePath()), 0600);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profilestore"));
    ProfileStoreTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profilestore.moc"
