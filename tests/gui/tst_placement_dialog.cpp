// "Where can this run?" against three real gateways, offscreen: every centre answers in the
// ranked table, each order ranks the options as the gateways' own quotes say, the CO₂ figure
// carries its carbon factor's provenance, a stopped gateway's row says "no answer" while the
// others keep answering, and the window's Ctrl+Shift+P opens the dialog.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/dialogs/PlacementDialog.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/PlacementRanking.h"
#include "suanli/v1/placement.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"

#include <QAction>
#include <QComboBox>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QtTest>

using namespace suanli;
using Dialog = app::PlacementDialog;

namespace {

// A frozen simulation (speed 0), so that the quotes hold still while they are compared.
std::vector<std::string> centreArgs(const std::string &site)
{
    return { "--sim-site", site, "--sim-nodes", "24", "--sim-jobs", "120", "--sim-speed", "0",
        "--tick", "0.2" };
}

struct Centre {
    QString name;
    test::GatewayProcess *gateway;
    std::string token;
};

// The gateways' own answers to the dialog's shape, ranked as the dialog should rank them:
// "Centre Model" per runnable option.
QStringList expectedOrder(const std::vector<Centre> &centres,
    const v1::QuotePlacementRequest &request, PlacementOrder order)
{
    std::vector<CentreAnswer> answers;
    for (const Centre &c : centres) {
        CentreAnswer a;
        a.centre = c.name.toStdString();
        auto ctx = test::GatewayProcess::context(c.token);
        a.answered = v1::Placement::NewStub(c.gateway->channel())
                         ->QuotePlacement(ctx.get(), request, &a.response)
                         .ok();
        answers.push_back(std::move(a));
    }
    QStringList out;
    for (const PlacementRow &row : rankPlacements(answers, order))
        if (row.runnable)
            out.append(QString::fromStdString(answers[row.answer].centre) + u' '
                + app::Words::modelName(answers[row.answer].response.quotes(row.quote).model(),
                    answers[row.answer].response.quotes(row.quote).model_name()));
    return out;
}

QString text(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

// "Centre Model" of the rows that can run (those with a start), in the table's order.
QStringList shownOrder(const QTableWidget *table)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        if (text(table, r, Dialog::StartColumn) != app::Words::noData())
            out.append(
                text(table, r, Dialog::CentreColumn) + u' ' + text(table, r, Dialog::ModelColumn));
    return out;
}

// The rows of one centre.
QList<int> rowsOf(const QTableWidget *table, const QString &centre)
{
    QList<int> out;
    for (int r = 0; r < table->rowCount(); ++r)
        if (text(table, r, Dialog::CentreColumn) == centre)
            out.append(r);
    return out;
}

bool answeredBy(const QTableWidget *table, const QString &centre)
{
    const QList<int> rows = rowsOf(table, centre);
    return !rows.isEmpty()
        && text(table, rows.first(), Dialog::ModelColumn) != app::Words::noData();
}

} // namespace

class PlacementDialogTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCentreIsAskedAndASilentOneHoldsUpNoOne();
};

void PlacementDialogTest::everyCentreIsAskedAndASilentOneHoldsUpNoOne()
{
    test::GatewayProcess lingang(centreArgs("lingang"));
    test::GatewayProcess xian(centreArgs("xian"));
    test::GatewayProcess wuhan(centreArgs("wuhan"));
    for (auto *g : { &lingang, &xian, &wuhan })
        QVERIFY2(g->start(), g->error().c_str());
    const std::vector<Centre> centres {
        { QStringLiteral("Lingang"), &lingang, lingang.addUser("ops", "admin") },
        { QStringLiteral("Xian"), &xian, xian.addUser("ops", "admin") },
        { QStringLiteral("Wuhan"), &wuhan, wuhan.addUser("ops", "admin") },
    };

    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    for (const Centre &c : centres)
        federation.addCentre(test::profileFor(*c.gateway, c.token, c.name));
    for (auto *centre : federation.centres())
        QTRY_VERIFY_WITH_TIMEOUT(centre->site()->overview().accelerators_size() > 0, 30000);

    // Ctrl+Shift+P opens the dialog from the window.
    auto *action = window.findChild<QAction *>(QStringLiteral("PlacementAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    action->trigger();
    auto *dialog = window.findChild<Dialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *ask = dialog->findChild<QPushButton *>(QStringLiteral("PlacementAsk"));
    QVERIFY(ask && ask->isDefault()); // Enter asks

    // The shape: 16 accelerators, 8 a node, for 2 hours, on H100 or Ascend 910B.
    auto *models = dialog->findChild<QListWidget *>(QStringLiteral("PlacementModels"));
    QVERIFY(models);
    QTRY_VERIFY(models->count() >= 2);
    for (int i = 0; i < models->count(); ++i) {
        const QString name = models->item(i)->text();
        models->item(i)->setCheckState(
            name == QStringLiteral("H100") || name == QStringLiteral("Ascend 910B")
                ? Qt::Checked
                : Qt::Unchecked);
    }
    dialog->findChild<QSpinBox *>(QStringLiteral("PlacementAccelerators"))->setValue(16);
    dialog->findChild<QSpinBox *>(QStringLiteral("PlacementPerNode"))->setValue(8);
    dialog->findChild<QDoubleSpinBox *>(QStringLiteral("PlacementHours"))->setValue(2);
    v1::QuotePlacementRequest request;
    QString error;
    QVERIFY2(dialog->shape(&request, &error), qPrintable(error));
    QCOMPARE(request.models_size(), 2);
    // Enter in the form asks.
    QTest::keyClick(
        dialog->findChild<QSpinBox *>(QStringLiteral("PlacementAccelerators")), Qt::Key_Return);

    QTableWidget *table = dialog->table();
    for (const Centre &c : centres)
        QTRY_VERIFY_WITH_TIMEOUT(answeredBy(table, c.name), 30000);

    // Each order ranks as the gateways' own quotes say.
    QComboBox *order = dialog->orderBox();
    QList<QStringList> orders;
    for (auto by :
        { PlacementOrder::Soonest, PlacementOrder::Greenest, PlacementOrder::Domestic }) {
        const QStringList expected = expectedOrder(centres, request, by);
        QVERIFY(!expected.isEmpty());
        order->setCurrentIndex(order->findData(int(by)));
        QTRY_COMPARE_WITH_TIMEOUT(shownOrder(table), expected, 20000);
        orders.append(expected);
    }
    // The choice matters for this shape: not every order ranks alike.
    QVERIFY2(orders[0] != orders[1] || orders[0] != orders[2],
        qPrintable(orders[0].join(QStringLiteral(", "))));

    // The CO₂ figure says where its factor comes from.
    order->setCurrentIndex(order->findData(int(PlacementOrder::Greenest)));
    const QList<int> wuhanRows = rowsOf(table, QStringLiteral("Wuhan"));
    QVERIFY(!wuhanRows.isEmpty());
    const QString tip = table->item(wuhanRows.first(), Dialog::Co2Column)->toolTip();
    QVERIFY2(
        tip.contains(QStringLiteral("Hubei")) && tip.contains(QStringLiteral("annual average")),
        qPrintable(tip));

    // Xi'an stops: its row says no answer, the others answer all the same.
    QCOMPARE(xian.stop(), 0);
    dialog->ask();
    QTRY_VERIFY_WITH_TIMEOUT(!answeredBy(table, QStringLiteral("Xian")), 30000);
    const QList<int> silent = rowsOf(table, QStringLiteral("Xian"));
    QCOMPARE(silent.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(
        text(table, rowsOf(table, QStringLiteral("Xian")).first(), Dialog::WhyNotColumn)
            .startsWith(QStringLiteral("no answer")),
        30000);
    QVERIFY(text(table, rowsOf(table, QStringLiteral("Xian")).first(), Dialog::WhyNotColumn)
                .contains(QStringLiteral("last seen")));
    QVERIFY(answeredBy(table, QStringLiteral("Lingang")));
    QVERIFY(answeredBy(table, QStringLiteral("Wuhan")));
    // The silent centre comes last, after every answer.
    QCOMPARE(rowsOf(table, QStringLiteral("Xian")).first(), table->rowCount() - 1);
    // The answering centres still rank as they say.
    const std::vector<Centre> answering { centres[0], centres[2] };
    order->setCurrentIndex(order->findData(int(PlacementOrder::Soonest)));
    QTRY_COMPARE_WITH_TIMEOUT(
        shownOrder(table), expectedOrder(answering, request, PlacementOrder::Soonest), 20000);

    // Esc closes.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!window.findChild<Dialog *>() || !window.findChild<Dialog *>()->isVisible());
}

QTEST_MAIN(PlacementDialogTest)
#include "tst_placement_dialog.moc"
