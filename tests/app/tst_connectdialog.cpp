// The connect dialog says what to fix before it lets a centre be added, reads
// the CA file it is given, and accepts fingerprints however they are written.
#include "app/ProfileStore.h"
#include "app/dialogs/ConnectDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

using namespace suanli;

namespace {

const QString kFingerprint = QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:"
                                            "EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89");
} // namespace

class ConnectDialogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void saysWhatToFixFieldByField();
    void caFileIsReadAndChecked();
    void fingerprintsAreNormalised();
    void editingKeepsStoredTokenAndPinnedCa();
    void testConnectionReportsAnUnreachableGateway();
    void saysWhenNoKeychainKeepsTheToken();

private:
    QTemporaryDir m_dir;
    QString m_caFile;
};

void ConnectDialogTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
    QFile file(m_caFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(QProcess::execute(QStringLiteral("openssl"),
                { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                    QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                    QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                    QStringLiteral("-keyout"), m_dir.filePath(QStringLiteral("ca.key")),
                    QStringLiteral("-out"), m_caFile, QStringLiteral("-days"), QStringLiteral("30"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=Suanli test CA") })
        == 0);
}

void ConnectDialogTest::saysWhatToFixFieldByField()
{
    app::ConnectDialog dialog;
    dialog.setTakenNames({ QStringLiteral("Shanghai") });
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(dialog.validate().contains(QStringLiteral("name")), qPrintable(dialog.validate()));
    QCOMPARE(dialog.messageLabel()->text(), dialog.validate());

    dialog.nameEdit()->setText(QStringLiteral("Shanghai"));
    QVERIFY2(
        dialog.validate().contains(QStringLiteral("already saved")), qPrintable(dialog.validate()));
    dialog.nameEdit()->setText(QStringLiteral("Beijing"));
    QVERIFY2(
        dialog.validate().contains(QStringLiteral("host:port")), qPrintable(dialog.validate()));
    dialog.addressEdit()->setText(QStringLiteral("gateway.example"));
    QVERIFY2(dialog.validate().contains(QStringLiteral("gateway.example:7443")),
        qPrintable(dialog.validate()));
    dialog.addressEdit()->setText(QStringLiteral("127.0.0.1:7443"));
    QVERIFY2(dialog.validate().contains(QStringLiteral("CA certificate file")),
        qPrintable(dialog.validate()));

    dialog.setTrust(app::ConnectDialog::Trust::Fingerprint);
    dialog.fingerprintEdit()->setText(QStringLiteral("AB:CD"));
    QVERIFY2(dialog.validate().contains(QStringLiteral("64 hexadecimal digits")),
        qPrintable(dialog.validate()));
    dialog.fingerprintEdit()->setText(kFingerprint);
    QVERIFY2(dialog.validate().contains(QStringLiteral("token")), qPrintable(dialog.validate()));
    QVERIFY(!ok->isEnabled());
    dialog.tokenEdit()->setText(QStringLiteral("tok en"));
    QVERIFY2(dialog.validate().contains(QStringLiteral("spaces")), qPrintable(dialog.validate()));
    dialog.tokenEdit()->setText(QStringLiteral("s3cr3t"));
    QCOMPARE(dialog.validate(), QString());
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.messageLabel()->text().isEmpty());

    const auto p = dialog.profile();
    QCOMPARE(p.name, QStringLiteral("Beijing"));
    QCOMPARE(p.address, QStringLiteral("127.0.0.1:7443"));
    QCOMPARE(p.caFingerprint, kFingerprint);
    QVERIFY(p.caPem.isEmpty());
    QCOMPARE(p.token, QStringLiteral("s3cr3t"));

    dialog.setTrust(app::ConnectDialog::Trust::FirstUse);
    QCOMPARE(dialog.validate(), QString());
    QVERIFY(dialog.profile().caFingerprint.isEmpty());
}

void ConnectDialogTest::caFileIsReadAndChecked()
{
    app::ConnectDialog dialog;
    dialog.nameEdit()->setText(QStringLiteral("Hefei"));
    dialog.addressEdit()->setText(QStringLiteral("[::1]:7443"));
    dialog.tokenEdit()->setText(QStringLiteral("t"));
    dialog.setTrust(app::ConnectDialog::Trust::CaFile);
    dialog.caFileEdit()->setText(m_dir.filePath(QStringLiteral("missing.pem")));
    QVERIFY2(dialog.validate().contains(QStringLiteral("Cannot read the CA file")),
        qPrintable(dialog.validate()));
    dialog.caFileEdit()->setText(m_dir.filePath(QStringLiteral("ca.key")));
    QVERIFY2(dialog.validate().contains(QStringLiteral("no PEM certificate")),
        qPrintable(dialog.validate()));
    dialog.caFileEdit()->setText(m_caFile);
    QCOMPARE(dialog.validate(), QString());
    const auto p = dialog.profile();
    QFile file(m_caFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(p.caPem, file.readAll());
    const auto cert = QSslCertificate::fromPath(m_caFile);
    QCOMPARE(cert.size(), 1);
    QCOMPARE(p.caFingerprint,
        QString::fromLatin1(cert[0].digest(QCryptographicHash::Sha256).toHex(':').toUpper()));
}

void ConnectDialogTest::fingerprintsAreNormalised()
{
    const QString lowerNoColons = kFingerprint.toLower().remove(u':');
    QCOMPARE(app::ConnectDialog::normaliseFingerprint(lowerNoColons), kFingerprint);
    QCOMPARE(app::ConnectDialog::normaliseFingerprint(QStringLiteral("SHA256:") + kFingerprint),
        kFingerprint);
    QCOMPARE(app::ConnectDialog::normaliseFingerprint(QStringLiteral("  ") + kFingerprint + u'\n'),
        kFingerprint);
    QCOMPARE(app::ConnectDialog::normaliseFingerprint(kFingerprint.left(90)), QString());
    QCOMPARE(app::ConnectDialog::normaliseFingerprint(QString(kFingerprint).replace(u'A', u'G')),
        QString());
}

void ConnectDialogTest::editingKeepsStoredTokenAndPinnedCa()
{
    client::ConnectionProfile saved;
    saved.name = QStringLiteral("Shanghai");
    saved.address = QStringLiteral("127.0.0.1:7443");
    saved.caPem = QByteArrayLiteral("pinned pem");
    saved.caFingerprint = kFingerprint;
    app::ConnectDialog dialog;
    dialog.setTakenNames({ QStringLiteral("Shanghai"), QStringLiteral("Beijing") });
    dialog.setProfile(saved);
    QCOMPARE(dialog.trust(), app::ConnectDialog::Trust::Fingerprint);
    // Its own name is not "taken"; an empty token keeps the stored one.
    QCOMPARE(dialog.validate(), QString());
    QVERIFY(dialog.keepsStoredToken());
    dialog.addressEdit()->setText(QStringLiteral("127.0.0.1:8443"));
    auto p = dialog.profile();
    QCOMPARE(p.caPem, QByteArrayLiteral("pinned pem"));
    QVERIFY(p.token.isEmpty());
    dialog.nameEdit()->setText(QStringLiteral("Beijing"));
    QVERIFY2(
        dialog.validate().contains(QStringLiteral("already saved")), qPrintable(dialog.validate()));
    dialog.nameEdit()->setText(QStringLiteral("Shanghai"));
    // Another fingerprint drops the pinned certificate: the new one is checked on connect.
    dialog.fingerprintEdit()->setText(QString(kFingerprint).replace(u'A', u'B'));
    QVERIFY(dialog.profile().caPem.isEmpty());
}

void ConnectDialogTest::testConnectionReportsAnUnreachableGateway()
{
    // A port nothing listens on: bind one, then close it.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const quint16 port = server.serverPort();
    server.close();
    app::ConnectDialog dialog;
    dialog.addressEdit()->setText(QStringLiteral("127.0.0.1:%1").arg(port));
    QVERIFY(dialog.testButton()->isEnabled());
    QSignalSpy tested(&dialog, &app::ConnectDialog::tested);
    dialog.testButton()->click();
    QVERIFY(tested.wait(15000));
    QCOMPARE(tested.at(0).at(0).toBool(), false);
    const QString outcome = tested.at(0).at(1).toString();
    QVERIFY2(outcome.contains(QStringLiteral("Cannot reach 127.0.0.1:%1").arg(port)),
        qPrintable(outcome));
    QCOMPARE(dialog.testResultLabel()->text(), outcome);
}

void ConnectDialogTest::saysWhenNoKeychainKeepsTheToken()
{
    // No keychain runs here (the session bus is pointed nowhere): the token would go to the
    // owner-only file, and the dialog says where.
    app::ProfileStore store;
    app::ConnectDialog dialog;
    QVERIFY(dialog.tokenStorageLabel()->isHidden());
    dialog.setTokenStore(&store);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.tokenStorageLabel()->isHidden(), 30000);
    const QString text = dialog.tokenStorageLabel()->text();
    QVERIFY2(text.contains(QStringLiteral("No system keychain answers")), qPrintable(text));
    QVERIFY2(text.contains(app::ProfileStore::tokenFilePath()), qPrintable(text));
}

QTEST_MAIN(ConnectDialogTest)
#include "tst_connectdialog.moc"
