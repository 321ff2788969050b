// The console against a real gateway, offscreen: nodes appear, a drain
// through the UI reaches the gateway and its audit log, a viewer's console
// has the actions disabled, and a gateway restart keeps the selection.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/models/ModelRoles.h"
#include "app/pages/NodesPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"
#include "widgets/RackHeatmap.h"

#include <QAction>
#include <QTableView>
#include <QtTest>

using namespace suanli;

namespace {
const std::vector<std::string> kCentre
    = { "--sim-nodes", "64", "--sim-jobs", "300", "--tick", "0.2" };

v1::Node nodeAtGateway(
    const test::GatewayProcess &gateway, const std::string &token, const std::string &name)
{
    auto stub = v1::Cluster::NewStub(gateway.channel());
    v1::GetNodeRequest request;
    request.set_name(name);
    v1::Node node;
    auto ctx = test::GatewayProcess::context(token);
    stub->GetNode(ctx.get(), request, &node);
    return node;
}
} // namespace

class ConsoleTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nodesAppearAndDrainReachesTheGateway();
    void viewerHasActionsDisabled();
    void gatewayRestartReconnectsAndKeepsTheSelection();
};

void ConsoleTest::nodesAppearAndDrainReachesTheGateway()
{
    test::GatewayProcess gateway(kCentre);
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("ops", "operator");
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway, token));
    auto *nodes = qobject_cast<app::NodesPage *>(window.page(centre, QStringLiteral("NodesPage")));
    QVERIFY(nodes);
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(nodes->heatmap()->nodeCount(), 64, 5000);

    const QString target = nodes->table()->model()->index(3, 0).data(app::KeyRole).toString();
    nodes->setSelectedNames({ target });
    QCOMPARE(nodes->selectedNames(), QStringList { target });
    QCOMPARE(nodes->heatmap()->selectedNames(), QStringList { target });
    QTRY_VERIFY(nodes->drainAction()->isEnabled());

    QStringList confirmed;
    bool reasonRequired = false;
    QString asked;
    nodes->setPrompt([&](const QString &, const QString &question, const QStringList &targets,
                         bool required, QString *reason) {
        confirmed = targets;
        reasonRequired = required;
        asked = question;
        *reason = QStringLiteral("replace PSU");
        return true;
    });
    nodes->drainAction()->trigger();
    QCOMPARE(confirmed, QStringList { target });
    QVERIFY(reasonRequired);
    QVERIFY2(asked.contains(QStringLiteral("1 node")), qPrintable(asked));

    // The console's own copy changes through the watch stream...
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const auto n = centre->site()->nodes().items.value(target);
            return n.state() == v1::NODE_STATE_DRAINING || n.state() == v1::NODE_STATE_DRAINED;
        }(),
        15000);
    // ... because the gateway's did.
    const auto atGateway = nodeAtGateway(gateway, token, target.toStdString());
    QVERIFY(atGateway.state() == v1::NODE_STATE_DRAINING
        || atGateway.state() == v1::NODE_STATE_DRAINED);
    QCOMPARE(QString::fromStdString(atGateway.reason()), QStringLiteral("replace PSU"));

    auto audit = v1::Audit::NewStub(gateway.channel());
    v1::ListAuditEntriesRequest list;
    list.set_filter("action:DrainNodes target:" + target.toStdString());
    v1::ListAuditEntriesResponse entries;
    auto ctx = test::GatewayProcess::context(token);
    QVERIFY(audit->ListAuditEntries(ctx.get(), list, &entries).ok());
    QCOMPARE(entries.entries_size(), 1);
    QCOMPARE(QString::fromStdString(entries.entries(0).user()), QStringLiteral("ops"));
    QCOMPARE(QString::fromStdString(entries.entries(0).result()), QStringLiteral("OK"));
    // The selection survived the update.
    QCOMPARE(nodes->selectedNames(), QStringList { target });
}

void ConsoleTest::viewerHasActionsDisabled()
{
    test::GatewayProcess gateway(kCentre);
    QVERIFY2(gateway.start(), gateway.error().c_str());
    const std::string token = gateway.addUser("wall", "viewer");
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway, token));
    auto *nodes = qobject_cast<app::NodesPage *>(window.page(centre, QStringLiteral("NodesPage")));
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 10000);
    nodes->setSelectedNames({ nodes->table()->model()->index(0, 0).data(app::KeyRole).toString() });
    for (QAction *action : { nodes->drainAction(), nodes->resumeAction(), nodes->rebootAction() }) {
        QVERIFY(!action->isEnabled());
        QVERIFY2(
            action->toolTip().contains(QStringLiteral("operator")), qPrintable(action->toolTip()));
    }
}

void ConsoleTest::gatewayRestartReconnectsAndKeepsTheSelection()
{
    auto gateway = std::make_unique<test::GatewayProcess>(kCentre);
    QVERIFY2(gateway->start(), gateway->error().c_str());
    const std::string token = gateway->addUser("ops", "operator");
    const std::string dataDir = gateway->dataDir();
    const int port = gateway->port();
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(*gateway, token));
    auto *nodes = qobject_cast<app::NodesPage *>(window.page(centre, QStringLiteral("NodesPage")));
    QVERIFY(window.showPage(centre, QStringLiteral("NodesPage")));
    QTRY_COMPARE_WITH_TIMEOUT(nodes->table()->model()->rowCount(), 64, 30000);
    const QString target = nodes->table()->model()->index(10, 0).data(app::KeyRole).toString();
    nodes->setSelectedNames({ target });

    QCOMPARE(gateway->stop(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(centre->state() != client::Connection::State::Live, 15000);
    QVERIFY(centre->site()->stale());

    std::vector<std::string> again = kCentre;
    again.push_back("--listen");
    again.push_back("127.0.0.1:" + std::to_string(port));
    test::GatewayProcess restarted(again, dataDir);
    QVERIFY2(restarted.start(), restarted.error().c_str());
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!centre->site()->stale(), 10000);
    QCOMPARE(nodes->table()->model()->rowCount(), 64);
    QCOMPARE(nodes->selectedNames(), QStringList { target });
}

QTEST_MAIN(ConsoleTest)
#include "tst_console.moc"
