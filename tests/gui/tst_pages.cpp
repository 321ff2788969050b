// The Queues, Jobs, Alerts and Audit pages against a real gateway, offscreen: jobs appear, the
// job actions through the UI reach the gateway and its audit log, a viewer has them disabled
// with the role in the tooltip, alerts are acknowledged through the UI (the sidebar badge goes
// down), the audit page lists and filters what was done, and the queues page answers "can I
// run N now?" from the live counts.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/models/AlertTableModel.h"
#include "app/models/CanRunNow.h"
#include "app/models/ModelRoles.h"
#include "app/pages/AlertsPage.h"
#include "app/pages/AuditPage.h"
#include "app/pages/JobsPage.h"
#include "app/pages/QueuesPage.h"
#include "app/pages/TableTools.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"

#include <QAction>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace suanli;

namespace {
// Enough nodes for the simulated centre to start with a failed node or card (alerts), and
// enough jobs for a queue of pending ones.
const std::vector<std::string> kCentre
    = { "--sim-nodes", "256", "--sim-jobs", "1200", "--tick", "0.2" };

// Answers every confirmation with a reason, and remembers what was asked.
struct Answers {
    QStringList targets;
    QString question;
    bool reasonRequired = false;
    int asked = 0;
    app::ConfirmPrompt prompt(const QString &reason)
    {
        return [this, reason](const QString &, const QString &q, const QStringList &t,
                   bool required, QString *r) {
            ++asked;
            targets = t;
            question = q;
            reasonRequired = required;
            *r = reason;
            return true;
        };
    }
};
} // namespace

class PagesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void jobsAppearAndCancelReachesTheGateway();
    void holdThenRelease();
    void setPriority();
    void viewerHasJobActionsDisabled();
    void alertsAcknowledgeLowersTheBadge();
    void queuesAnswerCanIRunNow();
    void auditShowsAndFiltersTheActions();

private:
    // A pending job the console shows, not yet used by another test.
    QString pendingJob(app::JobsPage *jobs);
    v1::Job jobAtGateway(const QString &id);
    QList<v1::AuditEntry> auditAtGateway(const std::string &filter);

    std::unique_ptr<test::GatewayProcess> m_gateway;
    std::string m_ops;
    std::string m_viewer;
    std::unique_ptr<app::Federation> m_federation;
    std::unique_ptr<app::MainWindow> m_window;
    client::Connection *m_centre = nullptr;
    QStringList m_used;
    QString m_cancelled;
};

void PagesTest::initTestCase()
{
    QSettings().clear();
    m_gateway = std::make_unique<test::GatewayProcess>(kCentre);
    QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
    m_ops = m_gateway->addUser("ops", "operator");
    m_viewer = m_gateway->addUser("wall", "viewer");
    m_federation = std::make_unique<app::Federation>();
    m_window = std::make_unique<app::MainWindow>(m_federation.get());
    m_centre = m_federation->addCentre(profileFor(*m_gateway, m_ops));
    // Shown (offscreen), so pages see themselves shown and painted as a user's would be.
    m_window->show();
    QTRY_COMPARE_WITH_TIMEOUT(m_centre->state(), client::Connection::State::Live, 30000);
    // The jobs are watched once their page is shown.
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(m_centre->site()->jobs().synced, 30000);
}

void PagesTest::cleanupTestCase()
{
    m_window.reset();
    m_federation.reset();
    m_gateway.reset();
}

QString PagesTest::pendingJob(app::JobsPage *jobs)
{
    // Jobs that wait for a quota or for jobs ahead stay pending long enough to act on.
    // Those waiting for free accelerators may start any moment: they come last.
    const auto *model = jobs->table()->model();
    for (bool anyReason : { false, true }) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString id = model->index(row, 0).data(app::KeyRole).toString();
            const auto job = m_centre->site()->jobs().items.value(id);
            if (job.state() != v1::JOB_STATE_PENDING || m_used.contains(id))
                continue;
            if (!anyReason
                && (job.pending_reason() == v1::PENDING_REASON_RESOURCES
                    || job.pending_reason() == v1::PENDING_REASON_NOT_EVALUATED))
                continue;
            m_used.append(id);
            return id;
        }
    }
    return {};
}

v1::Job PagesTest::jobAtGateway(const QString &id)
{
    auto stub = v1::Scheduler::NewStub(m_gateway->channel());
    v1::GetJobRequest request;
    request.set_id(id.toStdString());
    v1::Job job;
    auto ctx = test::GatewayProcess::context(m_ops);
    stub->GetJob(ctx.get(), request, &job);
    return job;
}

QList<v1::AuditEntry> PagesTest::auditAtGateway(const std::string &filter)
{
    auto stub = v1::Audit::NewStub(m_gateway->channel());
    v1::ListAuditEntriesRequest request;
    request.set_filter(filter);
    v1::ListAuditEntriesResponse response;
    auto ctx = test::GatewayProcess::context(m_ops);
    stub->ListAuditEntries(ctx.get(), request, &response);
    return { response.entries().begin(), response.entries().end() };
}

void PagesTest::jobsAppearAndCancelReachesTheGateway()
{
    auto *jobs
        = qobject_cast<app::JobsPage *>(m_window->page(m_centre, QStringLiteral("JobsPage")));
    QVERIFY(jobs);
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(jobs->table()->model()->rowCount() > 100, 10000);
    QCOMPARE(qsizetype(jobs->table()->model()->rowCount()), m_centre->site()->jobs().items.size());

    // The filter language narrows the table.
    jobs->setFilterText(QStringLiteral("state:pending"));
    QTRY_VERIFY(jobs->table()->model()->rowCount() > 0);
    QVERIFY(qsizetype(jobs->table()->model()->rowCount()) < m_centre->site()->jobs().items.size());

    const QString id = pendingJob(jobs);
    QVERIFY2(!id.isEmpty(), "no pending job in the simulated centre");
    jobs->setSelectedIds({ id });
    QCOMPARE(jobs->selectedIds(), QStringList { id });
    QVERIFY(jobs->cancelAction()->isEnabled());
    // A pending job cannot be requeued: the action says so by being off.
    QVERIFY(!jobs->requeueAction()->isEnabled());

    Answers answers;
    jobs->setPrompt(answers.prompt(QStringLiteral("wrong dataset")));
    jobs->cancelAction()->trigger();
    QCOMPARE(answers.asked, 1);
    QCOMPARE(answers.targets, QStringList { id });
    QVERIFY(answers.reasonRequired);
    QVERIFY2(answers.question.contains(QStringLiteral("1 job")), qPrintable(answers.question));

    // Ended at the gateway, gone from the console's active jobs, and in the audit log.
    QTRY_COMPARE_WITH_TIMEOUT(jobAtGateway(id).state(), v1::JOB_STATE_CANCELLED, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_centre->site()->jobs().items.contains(id)
            || m_centre->site()->jobs().items.value(id).state() == v1::JOB_STATE_CANCELLED,
        15000);
    const auto entries = auditAtGateway("action:CancelJobs target:" + id.toStdString());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(QString::fromStdString(entries.at(0).user()), QStringLiteral("ops"));
    QCOMPARE(QString::fromStdString(entries.at(0).reason()), QStringLiteral("wrong dataset"));
    QCOMPARE(QString::fromStdString(entries.at(0).result()), QStringLiteral("OK"));
    m_cancelled = id;
    jobs->setFilterText({});
}

void PagesTest::holdThenRelease()
{
    auto *jobs
        = qobject_cast<app::JobsPage *>(m_window->page(m_centre, QStringLiteral("JobsPage")));
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    const QString id = pendingJob(jobs);
    QVERIFY(!id.isEmpty());
    jobs->setSelectedIds({ id });
    QVERIFY(jobs->holdAction()->isEnabled());
    QVERIFY(!jobs->releaseAction()->isEnabled());
    // Hold asks for an optional reason.
    Answers answers;
    jobs->setPrompt(answers.prompt(QStringLiteral("dataset not ready")));
    jobs->holdAction()->trigger();
    QCOMPARE(answers.asked, 1);
    QVERIFY(!answers.reasonRequired);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_centre->site()->jobs().items.value(id).state(), v1::JOB_STATE_HELD, 15000);
    QCOMPARE(jobAtGateway(id).state(), v1::JOB_STATE_HELD);
    // The selection survived the update, and the actions follow the new state.
    QCOMPARE(jobs->selectedIds(), QStringList { id });
    QTRY_VERIFY(jobs->releaseAction()->isEnabled());
    QVERIFY(!jobs->holdAction()->isEnabled());

    jobs->releaseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_centre->site()->jobs().items.value(id).state() != v1::JOB_STATE_HELD, 15000);
    QVERIFY(jobAtGateway(id).state() != v1::JOB_STATE_HELD);
    QCOMPARE(auditAtGateway("action:HoldJobs target:" + id.toStdString()).size(), 1);
    QCOMPARE(auditAtGateway("action:ReleaseJobs target:" + id.toStdString()).size(), 1);
}

void PagesTest::setPriority()
{
    auto *jobs
        = qobject_cast<app::JobsPage *>(m_window->page(m_centre, QStringLiteral("JobsPage")));
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("JobsPage")));
    const QString id = pendingJob(jobs);
    QVERIFY(!id.isEmpty());
    jobs->setSelectedIds({ id });
    QVERIFY(jobs->priorityAction()->isEnabled());
    qint64 offered = -1;
    jobs->setPriorityPrompt([&](const QStringList &targets, qint64 *priority, QString *reason) {
        if (targets != QStringList { id })
            return false;
        offered = *priority;
        *priority = 777777;
        *reason = QStringLiteral("deadline on Friday");
        return true;
    });
    jobs->priorityAction()->trigger();
    QCOMPARE(offered, m_centre->site()->jobs().items.value(id).priority());
    QTRY_COMPARE_WITH_TIMEOUT(jobAtGateway(id).priority(), 777777, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(m_centre->site()->jobs().items.value(id).priority(), 777777, 15000);
    const auto entries = auditAtGateway("action:SetJobPriority target:" + id.toStdString());
    QCOMPARE(entries.size(), 1);
    QCOMPARE(QString::fromStdString(entries.at(0).reason()), QStringLiteral("deadline on Friday"));
}

void PagesTest::viewerHasJobActionsDisabled()
{
    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(*m_gateway, m_viewer));
    auto *jobs = qobject_cast<app::JobsPage *>(window.page(centre, QStringLiteral("JobsPage")));
    QVERIFY(window.showPage(centre, QStringLiteral("JobsPage")));
    auto *alerts
        = qobject_cast<app::AlertsPage *>(window.page(centre, QStringLiteral("AlertsPage")));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(jobs->table()->model()->rowCount() > 0, 15000);
    QTRY_COMPARE(centre->identity().user().role(), v1::ROLE_VIEWER);
    jobs->setSelectedIds({ jobs->table()->model()->index(0, 0).data(app::KeyRole).toString() });
    for (QAction *action : { jobs->cancelAction(), jobs->holdAction(), jobs->releaseAction(),
             jobs->requeueAction(), jobs->priorityAction() }) {
        QVERIFY(!action->isEnabled());
        QVERIFY2(
            action->toolTip().contains(QStringLiteral("operator")), qPrintable(action->toolTip()));
    }
    QVERIFY(!alerts->acknowledgeAction()->isEnabled());
    QVERIFY(alerts->acknowledgeAction()->toolTip().contains(QStringLiteral("operator")));
    // Reading stays open to a viewer: copy and export work.
    QVERIFY(jobs->tools()->copyAction()->isEnabled());
    QVERIFY(!jobs->tools()->selectionText().isEmpty());
}

void PagesTest::alertsAcknowledgeLowersTheBadge()
{
    auto *alerts
        = qobject_cast<app::AlertsPage *>(m_window->page(m_centre, QStringLiteral("AlertsPage")));
    QVERIFY(alerts);
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("AlertsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(alerts->badge() > 0, 30000);
    QTRY_VERIFY(alerts->table()->model()->rowCount() > 0);
    const int before = alerts->badge();
    QCOMPARE(m_window->sidebarText(m_centre, QStringLiteral("AlertsPage")),
        QStringLiteral("Alerts  %1").arg(before));

    // Newest first, and only open, unacknowledged alerts by default.
    const auto *model = alerts->table()->model();
    const QString id = model->index(0, 0).data(app::KeyRole).toString();
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(model->index(row - 1, app::AlertTableModel::RaisedColumn)
                    .data(app::SortRole)
                    .toLongLong()
            >= model->index(row, app::AlertTableModel::RaisedColumn)
                   .data(app::SortRole)
                   .toLongLong());
    alerts->setSelectedIds({ id });
    QVERIFY(alerts->acknowledgeAction()->isEnabled());
    Answers answers;
    alerts->setPrompt(answers.prompt(QStringLiteral("on it, replacing the card")));
    alerts->acknowledgeAction()->trigger();
    QCOMPARE(answers.targets, QStringList { id });
    QVERIFY(!answers.reasonRequired);

    QTRY_VERIFY_WITH_TIMEOUT(m_centre->site()->alerts().items.value(id).acknowledged(), 15000);
    // The badge counts open alerts nobody has acknowledged: this one no longer.
    auto unacknowledged = [this] {
        int n = 0;
        for (const auto &a : m_centre->site()->alerts().items)
            n += !a.acknowledged() && (!a.has_clear_time() || a.clear_time().seconds() == 0);
        return n;
    };
    QTRY_COMPARE(alerts->badge(), unacknowledged());
    QVERIFY2(alerts->badge() < before, qPrintable(QString::number(alerts->badge())));
    QCOMPARE(m_window->sidebarText(m_centre, QStringLiteral("AlertsPage")),
        alerts->badge() > 0 ? QStringLiteral("Alerts  %1").arg(alerts->badge())
                            : QStringLiteral("Alerts"));
    const auto acked = m_centre->site()->alerts().items.value(id);
    QCOMPARE(QString::fromStdString(acked.acknowledged_by()), QStringLiteral("ops"));
    QCOMPARE(QString::fromStdString(acked.acknowledge_comment()),
        QStringLiteral("on it, replacing the card"));

    // Acknowledged alerts leave the feed unless asked for.
    QTRY_COMPARE(alerts->tools()->selectedKeys(), QStringList {});
    alerts->setShowAcknowledged(true);
    alerts->setShowCleared(true);
    alerts->setSelectedIds({ id });
    QCOMPARE(alerts->selectedIds(), QStringList { id });
    QVERIFY(!alerts->acknowledgeAction()->isEnabled());
    QVERIFY(alerts->table()
                ->model()
                ->index(0, app::AlertTableModel::SeverityColumn)
                .data(Qt::DecorationRole)
                .canConvert<QColor>());
    // The row shows the id the dialog named and the comment given with the acknowledgement.
    QCOMPARE(model->index(0, app::AlertTableModel::IdColumn).data().toString(), id);
    QTRY_COMPARE(model->index(0, app::AlertTableModel::CommentColumn).data().toString(),
        QStringLiteral("on it, replacing the card"));
    QCOMPARE(model->headerData(app::AlertTableModel::CommentColumn, Qt::Horizontal).toString(),
        QStringLiteral("Comment"));

    // At the gateway too.
    auto stub = v1::Events::NewStub(m_gateway->channel());
    v1::ListAlertsRequest request;
    request.set_filter("id:" + id.toStdString());
    v1::ListAlertsResponse response;
    auto ctx = test::GatewayProcess::context(m_ops);
    QVERIFY(stub->ListAlerts(ctx.get(), request, &response).ok());
    QCOMPARE(response.alerts_size(), 1);
    QVERIFY(response.alerts(0).acknowledged());
}

void PagesTest::queuesAnswerCanIRunNow()
{
    auto *queues
        = qobject_cast<app::QueuesPage *>(m_window->page(m_centre, QStringLiteral("QueuesPage")));
    QVERIFY(queues);
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("QueuesPage")));
    QTRY_VERIFY_WITH_TIMEOUT(queues->table()->model()->rowCount() > 0, 10000);
    QCOMPARE(
        qsizetype(queues->table()->model()->rowCount()), m_centre->site()->queues().items.size());
    const v1::Queue queue = m_centre->site()->queues().items.cbegin().value();
    const QString name = QString::fromStdString(queue.name());
    queues->ask(name, v1::ACCELERATOR_MODEL_UNSPECIFIED, 1);
    const auto expected = app::CanRunNow::answer(
        m_centre->site()->queues().items.value(name), v1::ACCELERATOR_MODEL_UNSPECIFIED, 1);
    QCOMPARE(queues->answer(), expected.text);
    QCOMPARE(queues->answerIsYes(), expected.yes);
    // More than the whole queue has can never run.
    qint64 total = 0;
    for (const auto &c : queue.accelerators())
        total += c.total();
    queues->ask(name, v1::ACCELERATOR_MODEL_UNSPECIFIED, int(total + 1));
    QVERIFY(!queues->answerIsYes());
    QVERIFY2(
        queues->answer().contains(QStringLiteral("can never run")), qPrintable(queues->answer()));

    // A big job in any queue for one tenant: the answer names the tenant's quota and its room,
    // and the wait is of jobs of about that size (or says there is no estimate), never the
    // queue's median of mostly small jobs.
    QTRY_VERIFY_WITH_TIMEOUT(!m_centre->site()->tenants().items.isEmpty(), 10000);
    const v1::Tenant tenant = m_centre->site()->tenants().items.cbegin().value();
    const QString tenantId = QString::fromStdString(tenant.id());
    queues->ask(QString(), v1::ACCELERATOR_MODEL_UNSPECIFIED, 600, tenantId);
    const QStringList lines = queues->answer().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines.at(1).contains(QStringLiteral("tenant %1").arg(tenantId), Qt::CaseInsensitive),
        qPrintable(lines.at(1)));
    QVERIFY2(queues->waitEstimate().contains(QStringLiteral("about this size (300 to 1,200")),
        qPrintable(queues->waitEstimate()));
    QVERIFY(!queues->waitEstimate().contains(QStringLiteral("median wait")));
    // Without a tenant, the queue's answer alone.
    queues->ask(name, v1::ACCELERATOR_MODEL_UNSPECIFIED, 1, QString());
    QCOMPARE(queues->answer(),
        app::CanRunNow::answer(
            m_centre->site()->queues().items.value(name), v1::ACCELERATOR_MODEL_UNSPECIFIED, 1)
            .text);
}

void PagesTest::auditShowsAndFiltersTheActions()
{
    auto *audit
        = qobject_cast<app::AuditPage *>(m_window->page(m_centre, QStringLiteral("AuditPage")));
    QVERIFY(audit);
    QSignalSpy loaded(audit, &app::AuditPage::loaded);
    QVERIFY(m_window->showPage(m_centre, QStringLiteral("AuditPage")));
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && !audit->loading(), 15000);
    const auto *model = audit->table()->model();
    QStringList actions;
    for (int row = 0; row < model->rowCount(); ++row)
        actions.append(model->index(row, 4).data().toString());
    for (const char *action : { "Scheduler.CancelJobs", "Scheduler.HoldJobs",
             "Scheduler.ReleaseJobs", "Scheduler.SetJobPriority", "Events.AcknowledgeAlert" })
        QVERIFY2(actions.contains(QString::fromLatin1(action)),
            qPrintable(actions.join(QStringLiteral(", "))));

    // The filter goes to the gateway: only the cancel is left.
    loaded.clear();
    audit->setFilterText(QStringLiteral("action:CancelJobs user:ops"));
    audit->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() > 0 && !audit->loading(), 15000);
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0, 5).data().toString(), m_cancelled);
    QCOMPARE(model->index(0, 7).data().toString(), QStringLiteral("OK"));

    // A filter that does not parse says where, and asks nothing.
    loaded.clear();
    audit->setFilterText(QStringLiteral("result!="));
    audit->refresh();
    QVERIFY2(audit->status().contains(QStringLiteral("Position")), qPrintable(audit->status()));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(model->rowCount(), 1);
}

QTEST_MAIN(PagesTest)
#include "tst_pages.moc"
