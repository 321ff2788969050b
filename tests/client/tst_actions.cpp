// Actions against a real gateway: every action's happy path, refusals with
// their status, and per-target results of batches.
#include "client/Actions.h"
#include "tests/client/TestSupport.h"

#include <QTest>
#include <google/protobuf/util/time_util.h>
#include <memory>
#include <optional>

using namespace suanli::client;
using namespace suanli::client::test;
using State = Connection::State;

namespace {
// The clock stands still, so job and node states change only by our actions.
const std::vector<std::string> kStillCentre
    = { "--sim-nodes", "32", "--sim-jobs", "200", "--sim-speed", "0", "--tick", "0.2" };
constexpr int kTimeoutMs = 30000;
const std::initializer_list<v1::NodeState> kInService
    = { v1::NODE_STATE_IDLE, v1::NODE_STATE_MIXED, v1::NODE_STATE_ALLOCATED };

bool inService(const v1::Node &n)
{
    return std::find(kInService.begin(), kInService.end(), n.state()) != kInService.end();
}

// Waits for one Done callback on the GUI thread.
struct Waiter {
    std::optional<ActionResult> result;
    Actions::Done done()
    {
        return [this](const ActionResult &r) { result = r; };
    }
};
} // namespace

class TestActions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_gateway = std::make_unique<GatewayProcess>(kStillCentre);
        QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
        m_ops = open(m_gateway->addUser("ops", "operator"));
        m_admin = open(m_gateway->addUser("boss", "admin"));
        m_viewer = open(m_gateway->addUser("wall", "viewer"));
        m_manager = open(m_gateway->addUser("mgr", "tenant-manager", { "galaxy" }));
        for (Connection *c : { m_ops.get(), m_admin.get(), m_viewer.get(), m_manager.get() })
            QTRY_COMPARE_WITH_TIMEOUT(c->state(), State::Live, kTimeoutMs);
    }

    void cleanupTestCase()
    {
        m_ops.reset();
        m_admin.reset();
        m_viewer.reset();
        m_manager.reset();
        m_gateway.reset();
    }

    void nodeActions()
    {
        const QString name = nodeIn(kInService);
        QVERIFY(!name.isEmpty());
        Actions *actions = m_ops->actions();

        Waiter drain;
        actions->drainNodes({ name }, QStringLiteral("fan replacement"), drain.done());
        // Never called back synchronously: always later, on this thread.
        QVERIFY(!drain.result);
        QTRY_VERIFY_WITH_TIMEOUT(drain.result.has_value(), kTimeoutMs);
        QVERIFY2(drain.result->allApplied(), qPrintable(drain.result->summary()));
        QCOMPARE(drain.result->targets.size(), 1);
        QCOMPARE(drain.result->targets.first().target(), name.toStdString());
        QCOMPARE(drain.result->codeName, QStringLiteral("OK"));
        QCOMPARE(drain.result->summary(), QStringLiteral("Drain: 1 of 1 node(s)"));
        QTRY_VERIFY_WITH_TIMEOUT(siteNode(name).state() == v1::NODE_STATE_DRAINING
                || siteNode(name).state() == v1::NODE_STATE_DRAINED,
            kTimeoutMs);
        QCOMPARE(siteNode(name).reason(), std::string("fan replacement"));

        Waiter resume;
        actions->resumeNodes({ name }, QStringLiteral("fan replaced"), resume.done());
        QTRY_VERIFY_WITH_TIMEOUT(resume.result.has_value(), kTimeoutMs);
        QVERIFY2(resume.result->allApplied(), qPrintable(resume.result->summary()));
        QTRY_VERIFY_WITH_TIMEOUT(inService(siteNode(name)), kTimeoutMs);

        Waiter reboot;
        actions->rebootNodes({ name }, QStringLiteral("firmware update"), reboot.done());
        QTRY_VERIFY_WITH_TIMEOUT(reboot.result.has_value(), kTimeoutMs);
        QVERIFY2(reboot.result->allApplied(), qPrintable(reboot.result->summary()));
        QTRY_VERIFY_WITH_TIMEOUT(
            siteNode(name).reboot_pending() || siteNode(name).state() == v1::NODE_STATE_MAINTENANCE,
            kTimeoutMs);
    }

    void batchWithABadTarget()
    {
        const QString good = nodeIn(kInService);
        QVERIFY(!good.isEmpty());
        const QString bad = QStringLiteral("lg-r9999-n9");
        Waiter w;
        m_ops->actions()->drainNodes({ good, bad }, QStringLiteral("batch test"), w.done());
        QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), kTimeoutMs);
        const ActionResult &r = *w.result;
        QVERIFY(r.ok());
        QVERIFY(!r.allApplied());
        QCOMPARE(r.targets.size(), 2);
        QCOMPARE(r.targets.at(0).target(), good.toStdString());
        QVERIFY(r.targets.at(0).ok());
        QCOMPARE(r.targets.at(1).target(), bad.toStdString());
        QVERIFY(!r.targets.at(1).ok());
        QCOMPARE(r.targets.at(1).code(), std::string("NOT_FOUND"));
        QVERIFY2(r.summary().startsWith(QStringLiteral("Drain: 1 of 2 node(s); lg-r9999-n9: ")),
            qPrintable(r.summary()));
        // The good one was drained all the same.
        QTRY_VERIFY_WITH_TIMEOUT(siteNode(good).state() == v1::NODE_STATE_DRAINING
                || siteNode(good).state() == v1::NODE_STATE_DRAINED,
            kTimeoutMs);
    }

    void jobActions()
    {
        Actions *actions = m_ops->actions();
        const QString pending = jobIn(v1::JOB_STATE_PENDING);
        QVERIFY(!pending.isEmpty());

        Waiter hold;
        actions->holdJobs({ pending }, QStringLiteral("waiting for data"), hold.done());
        QTRY_VERIFY_WITH_TIMEOUT(hold.result.has_value(), kTimeoutMs);
        QVERIFY2(hold.result->allApplied(), qPrintable(hold.result->summary()));
        QCOMPARE(hold.result->summary(), QStringLiteral("Hold: 1 of 1 job(s)"));
        QTRY_COMPARE_WITH_TIMEOUT(siteJob(pending).state(), v1::JOB_STATE_HELD, kTimeoutMs);

        Waiter release;
        actions->releaseJobs({ pending }, QStringLiteral("data arrived"), release.done());
        QTRY_VERIFY_WITH_TIMEOUT(release.result.has_value(), kTimeoutMs);
        QVERIFY2(release.result->allApplied(), qPrintable(release.result->summary()));
        QTRY_VERIFY_WITH_TIMEOUT(siteJob(pending).state() != v1::JOB_STATE_HELD, kTimeoutMs);

        const QString other = jobIn(v1::JOB_STATE_PENDING, pending);
        QVERIFY(!other.isEmpty());
        Waiter priority;
        actions->setJobPriority({ other }, 999999, QStringLiteral("deadline"), priority.done());
        QTRY_VERIFY_WITH_TIMEOUT(priority.result.has_value(), kTimeoutMs);
        QVERIFY2(priority.result->allApplied(), qPrintable(priority.result->summary()));
        QTRY_COMPARE_WITH_TIMEOUT(siteJob(other).priority(), 999999, kTimeoutMs);

        const QString running = jobIn(v1::JOB_STATE_RUNNING);
        QVERIFY(!running.isEmpty());
        Waiter requeue;
        actions->requeueJobs({ running }, QStringLiteral("bad node"), requeue.done());
        QTRY_VERIFY_WITH_TIMEOUT(requeue.result.has_value(), kTimeoutMs);
        QVERIFY2(requeue.result->allApplied(), qPrintable(requeue.result->summary()));

        const QString doomed = jobIn(v1::JOB_STATE_RUNNING, running);
        QVERIFY(!doomed.isEmpty());
        Waiter cancel;
        actions->cancelJobs({ doomed }, QStringLiteral("runaway"), cancel.done());
        QTRY_VERIFY_WITH_TIMEOUT(cancel.result.has_value(), kTimeoutMs);
        QVERIFY2(cancel.result->allApplied(), qPrintable(cancel.result->summary()));
        // Ended jobs leave the watched (active) set.
        QTRY_VERIFY_WITH_TIMEOUT(!m_ops->site()->jobs().items.contains(doomed)
                || siteJob(doomed).state() == v1::JOB_STATE_CANCELLED,
            kTimeoutMs);
    }

    void viewerIsRefused()
    {
        const QString name = nodeIn(kInService);
        Waiter w;
        m_viewer->actions()->drainNodes({ name }, QStringLiteral("not mine to do"), w.done());
        QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), kTimeoutMs);
        const ActionResult &r = *w.result;
        QVERIFY(!r.ok());
        QCOMPARE(r.code, int(grpc::StatusCode::PERMISSION_DENIED));
        QCOMPARE(r.codeName, QStringLiteral("PERMISSION_DENIED"));
        QVERIFY2(r.message.contains(QStringLiteral("viewer")), qPrintable(r.message));
        QVERIFY(r.targets.isEmpty());
        QVERIFY(!r.allApplied());
        QVERIFY2(
            r.summary().startsWith(QStringLiteral("Drain not allowed: ")), qPrintable(r.summary()));

        Waiter cancel;
        m_viewer->actions()->cancelJobs({ jobIn(v1::JOB_STATE_RUNNING) }, QString(), cancel.done());
        QTRY_VERIFY_WITH_TIMEOUT(cancel.result.has_value(), kTimeoutMs);
        QCOMPARE(cancel.result->codeName, QStringLiteral("PERMISSION_DENIED"));
    }

    void invalidArgumentNamesTheField()
    {
        // Draining needs a reason.
        Waiter w;
        m_ops->actions()->drainNodes({ nodeIn(kInService) }, QString(), w.done());
        QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), kTimeoutMs);
        QCOMPARE(w.result->codeName, QStringLiteral("INVALID_ARGUMENT"));
        QVERIFY2(
            w.result->message.contains(QStringLiteral("reason")), qPrintable(w.result->message));
    }

    void quotaActions()
    {
        // A tenant manager asks; the admin approves one and rejects another.
        v1::CreateQuotaRequestRequest ask;
        ask.set_tenant("galaxy");
        ask.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
        ask.set_max_accelerators(768);
        ask.set_justification("70B pretraining, phase 2");
        std::optional<ActionResult> created;
        v1::QuotaRequest request;
        m_manager->actions()->createQuotaRequest(
            ask, [&](const ActionResult &r, const v1::QuotaRequest &qr) {
                created = r;
                request = qr;
            });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), kTimeoutMs);
        QVERIFY2(created->ok(), qPrintable(created->summary()));
        QVERIFY(!request.id().empty());
        QCOMPARE(request.requester(), std::string("mgr"));
        QCOMPARE(request.state(), v1::QUOTA_REQUEST_STATE_PENDING);
        const QString id = q(request.id());
        QTRY_VERIFY_WITH_TIMEOUT(m_admin->site()->quotaRequests().items.contains(id), kTimeoutMs);

        Waiter approve;
        m_admin->actions()->approveQuotaRequest(id, QStringLiteral("go ahead"), approve.done());
        QTRY_VERIFY_WITH_TIMEOUT(approve.result.has_value(), kTimeoutMs);
        QVERIFY2(approve.result->ok(), qPrintable(approve.result->summary()));
        QCOMPARE(approve.result->summary(), QStringLiteral("Approve: done"));
        QTRY_COMPARE_WITH_TIMEOUT(m_admin->site()->quotaRequests().items.value(id).state(),
            v1::QUOTA_REQUEST_STATE_APPROVED, kTimeoutMs);

        // Deciding twice is refused with the reason.
        Waiter again;
        m_admin->actions()->approveQuotaRequest(id, QString(), again.done());
        QTRY_VERIFY_WITH_TIMEOUT(again.result.has_value(), kTimeoutMs);
        QCOMPARE(again.result->codeName, QStringLiteral("FAILED_PRECONDITION"));

        ask.set_max_accelerators(1024);
        created.reset();
        m_manager->actions()->createQuotaRequest(
            ask, [&](const ActionResult &r, const v1::QuotaRequest &qr) {
                created = r;
                request = qr;
            });
        QTRY_VERIFY_WITH_TIMEOUT(created.has_value(), kTimeoutMs);
        QVERIFY2(created->ok(), qPrintable(created->summary()));
        Waiter rejectWithoutWhy;
        m_admin->actions()->rejectQuotaRequest(q(request.id()), QString(), rejectWithoutWhy.done());
        QTRY_VERIFY_WITH_TIMEOUT(rejectWithoutWhy.result.has_value(), kTimeoutMs);
        QCOMPARE(rejectWithoutWhy.result->codeName, QStringLiteral("INVALID_ARGUMENT"));
        Waiter reject;
        m_admin->actions()->rejectQuotaRequest(
            q(request.id()), QStringLiteral("no capacity this quarter"), reject.done());
        QTRY_VERIFY_WITH_TIMEOUT(reject.result.has_value(), kTimeoutMs);
        QVERIFY2(reject.result->ok(), qPrintable(reject.result->summary()));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_admin->site()->quotaRequests().items.value(q(request.id())).state(),
            v1::QUOTA_REQUEST_STATE_REJECTED, kTimeoutMs);

        // Setting a quota directly is for admins only.
        v1::QuotaLimit limit;
        limit.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
        limit.set_max_accelerators(900);
        Waiter set;
        m_admin->actions()->setQuota(QStringLiteral("galaxy"), QString(), limit,
            QStringLiteral("contract renewal"), set.done());
        QTRY_VERIFY_WITH_TIMEOUT(set.result.has_value(), kTimeoutMs);
        QVERIFY2(set.result->ok(), qPrintable(set.result->summary()));
        auto galaxyH100 = [this] {
            const v1::Tenant galaxy
                = m_admin->site()->tenants().items.value(QStringLiteral("galaxy"));
            for (const auto &l : galaxy.quotas())
                if (l.model() == v1::ACCELERATOR_MODEL_NVIDIA_H100)
                    return l.max_accelerators();
            return int64_t(-1);
        };
        QTRY_COMPARE_WITH_TIMEOUT(galaxyH100(), int64_t(900), kTimeoutMs);
        Waiter refused;
        m_ops->actions()->setQuota(
            QStringLiteral("galaxy"), QString(), limit, QStringLiteral("not mine"), refused.done());
        QTRY_VERIFY_WITH_TIMEOUT(refused.result.has_value(), kTimeoutMs);
        QCOMPARE(refused.result->codeName, QStringLiteral("PERMISSION_DENIED"));
    }

    void acknowledgeAlerts()
    {
        // Alerts need a running clock: a centre of its own, at speed.
        GatewayProcess busy(
            { "--sim-nodes", "64", "--sim-jobs", "300", "--sim-speed", "1800", "--tick", "0.5" });
        QVERIFY2(busy.start(), busy.error().c_str());
        Connection ops(profileFor(busy, busy.addUser("ops", "operator")));
        watchEverything(ops);
        ops.open();
        QTRY_COMPARE_WITH_TIMEOUT(ops.state(), State::Live, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!ops.site()->alerts().items.isEmpty(), 60000);
        const QString id = ops.site()->alerts().items.constBegin().key();

        Waiter w;
        ops.actions()->acknowledgeAlerts(
            { id, QStringLiteral("al-999999") }, QStringLiteral("on it"), w.done());
        QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), kTimeoutMs);
        QVERIFY(w.result->ok());
        QCOMPARE(w.result->targets.size(), 2);
        QVERIFY(w.result->targets.at(0).ok());
        QCOMPARE(w.result->targets.at(1).code(), std::string("NOT_FOUND"));
        QVERIFY2(w.result->summary().startsWith(QStringLiteral("Acknowledge: 1 of 2 alert(s)")),
            qPrintable(w.result->summary()));
        // Unless the alert cleared (and left) meanwhile, the console shows who is on it.
        QTRY_VERIFY_WITH_TIMEOUT(!ops.site()->alerts().items.contains(id)
                || ops.site()->alerts().items.value(id).acknowledged_by() == "ops",
            kTimeoutMs);
    }

    void queries()
    {
        v1::QueryMetricsRequest query;
        query.set_scope(v1::METRIC_SCOPE_SITE);
        const auto now = google::protobuf::util::TimeUtil::GetCurrentTime();
        *query.mutable_end_time() = now;
        *query.mutable_start_time()
            = now - google::protobuf::util::TimeUtil::SecondsToDuration(3600);
        *query.mutable_step() = google::protobuf::util::TimeUtil::SecondsToDuration(60);
        std::optional<ActionResult> metrics;
        v1::QueryMetricsResponse series;
        m_viewer->actions()->queryMetrics(
            query, [&](const ActionResult &r, const v1::QueryMetricsResponse &s) {
                metrics = r;
                series = s;
            });
        QTRY_VERIFY_WITH_TIMEOUT(metrics.has_value(), kTimeoutMs);
        QVERIFY2(metrics->ok(), qPrintable(metrics->summary()));
        QVERIFY(series.series_size() > 0);

        std::optional<ActionResult> audit;
        v1::ListAuditEntriesResponse entries;
        v1::ListAuditEntriesRequest list;
        list.set_page_size(500);
        m_admin->actions()->listAuditEntries(
            list, [&](const ActionResult &r, const v1::ListAuditEntriesResponse &e) {
                audit = r;
                entries = e;
            });
        QTRY_VERIFY_WITH_TIMEOUT(audit.has_value(), kTimeoutMs);
        QVERIFY2(audit->ok(), qPrintable(audit->summary()));
        // Refused actions are in the log too.
        bool refusedDrain = false;
        for (const auto &e : entries.entries())
            refusedDrain = refusedDrain
                || (e.action() == "Cluster.DrainNodes" && e.user() == "wall"
                    && e.result() == "PERMISSION_DENIED");
        QVERIFY(refusedDrain);

        std::optional<ActionResult> viewerAudit;
        m_viewer->actions()->listAuditEntries(list,
            [&](const ActionResult &r, const v1::ListAuditEntriesResponse &) { viewerAudit = r; });
        QTRY_VERIFY_WITH_TIMEOUT(viewerAudit.has_value(), kTimeoutMs);
        QCOMPARE(viewerAudit->codeName, QStringLiteral("PERMISSION_DENIED"));
    }

    void notConnected()
    {
        Connection closed(profileFor(*m_gateway, "sl_whatever"));
        Waiter w;
        closed.actions()->drainNodes({ QStringLiteral("x") }, QStringLiteral("y"), w.done());
        QVERIFY(!w.result);
        QTRY_VERIFY_WITH_TIMEOUT(w.result.has_value(), kTimeoutMs);
        QCOMPARE(w.result->codeName, QStringLiteral("UNAVAILABLE"));
    }

private:
    std::unique_ptr<Connection> open(const std::string &token)
    {
        auto c = std::make_unique<Connection>(profileFor(*m_gateway, token));
        watchEverything(*c);
        c->open();
        return c;
    }

    // A node of the operator's view in one of `states`.
    // A node in service, not touched by an earlier test.
    QString nodeIn(std::initializer_list<v1::NodeState> states)
    {
        const auto &items = m_ops->site()->nodes().items;
        QStringList names = items.keys();
        names.sort();
        for (const QString &name : names)
            if (!m_used.contains(name)
                && std::find(states.begin(), states.end(), items.value(name).state())
                    != states.end()) {
                m_used.insert(name);
                return name;
            }
        return {};
    }

    QString jobIn(v1::JobState state, const QString &except = {}) const
    {
        const auto &items = m_ops->site()->jobs().items;
        QStringList ids = items.keys();
        ids.sort();
        for (const QString &id : ids)
            if (id != except && items.value(id).state() == state)
                return id;
        return {};
    }

    v1::Node siteNode(const QString &name) const
    {
        return m_ops->site()->nodes().items.value(name);
    }
    v1::Job siteJob(const QString &id) const { return m_ops->site()->jobs().items.value(id); }

    std::unique_ptr<GatewayProcess> m_gateway;
    std::unique_ptr<Connection> m_ops;
    std::unique_ptr<Connection> m_admin;
    std::unique_ptr<Connection> m_viewer;
    std::unique_ptr<Connection> m_manager;
    QSet<QString> m_used;
};

QTEST_GUILESS_MAIN(TestActions)
#include "tst_actions.moc"
