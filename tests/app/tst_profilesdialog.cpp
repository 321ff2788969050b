// Managing saved centres: connect adds the centre to the window with its
// stored token, disconnect removes its pages but keeps the profile, and remove
// asks first, then deletes the profile, its token and its pages.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/ProfileStore.h"
#include "app/dialogs/ProfilesDialog.h"
#include "client/Connection.h"

#include <QListWidget>
#include <QSettings>
#include <QTcpServer>
#include <QTreeWidget>
#include <QtTest>

using namespace suanli;

class ProfilesDialogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void connectDisconnectRemove();
};

void ProfilesDialogTest::connectDisconnectRemove()
{
    QSettings().clear();
    QFile::remove(app::ProfileStore::tokenFilePath());
    // An address nothing answers on: the centre is added and keeps trying.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    server.close();

    app::Federation federation;
    app::MainWindow window(&federation);
    client::ConnectionProfile profile;
    profile.name = QStringLiteral("Chengdu");
    profile.address = address;
    profile.token = QStringLiteral("token-chengdu");
    federation.saveProfile(profile);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(app::ProfileStore::tokenFilePath()), 20000);

    app::ProfilesDialog dialog(&federation);
    QCOMPARE(dialog.list()->count(), 1);
    QVERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("not connected")));
    dialog.list()->setCurrentRow(0);

    dialog.connectSelected();
    QTRY_VERIFY_WITH_TIMEOUT(federation.centre(QStringLiteral("Chengdu")) != nullptr, 20000);
    auto *centre = federation.centre(QStringLiteral("Chengdu"));
    QCOMPARE(centre->profile().token, QStringLiteral("token-chengdu"));
    QCOMPARE(centre->profile().address, address);
    // The console follows: the centre's pages are there.
    QVERIFY(window.page(centre, QStringLiteral("OverviewPage")));
    auto *sidebar = window.findChild<QTreeWidget *>();
    QCOMPARE(sidebar->topLevelItemCount(), 2);
    QTRY_VERIFY(dialog.list()->item(0)->text().contains(QStringLiteral("(connected)")));

    dialog.disconnectSelected();
    QCOMPARE(federation.centre(QStringLiteral("Chengdu")), nullptr);
    QCOMPARE(federation.centres().size(), 0);
    QCOMPARE(sidebar->topLevelItemCount(), 1);
    QCOMPARE(federation.profiles().size(), 1);

    dialog.connectSelected();
    QTRY_VERIFY_WITH_TIMEOUT(federation.centre(QStringLiteral("Chengdu")) != nullptr, 20000);
    QString asked;
    dialog.setConfirm([&](const QString &question) {
        asked = question;
        return false;
    });
    dialog.removeSelected();
    QVERIFY(asked.contains(QStringLiteral("Remove Chengdu?")));
    QCOMPARE(federation.profiles().size(), 1);
    QVERIFY(federation.centre(QStringLiteral("Chengdu")) != nullptr);

    dialog.setConfirm([](const QString &) { return true; });
    dialog.removeSelected();
    QCOMPARE(federation.profiles().size(), 0);
    QCOMPARE(federation.centre(QStringLiteral("Chengdu")), nullptr);
    QCOMPARE(dialog.list()->count(), 0);
    QFile tokens(app::ProfileStore::tokenFilePath());
    QVERIFY(!tokens.open(QIODevice::ReadOnly) || !tokens.readAll().contains("token-chengdu"));
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profilesdialog"));
    ProfilesDialogTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_profilesdialog.moc"
