// The console's actions while a centre's scheduler is away and its gateway is up (an in-process
// gateway in front of an OutageBackend): the console says the scheduler, not the gateway, is
// unreachable and for how long; its channel does not retry the refusal, so one click is one
// audit entry; the gateway's alert reaches the console's alerts and clears.
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/ConnectionProfile.h"
#include "client/SiteState.h"
#include "tests/integration/InProcessGateway.h"

#include <QTest>
#include <optional>

using namespace suanli::client;
using suanli::test::InProcessGateway;
namespace v1 = suanli::v1;
using State = Connection::State;

namespace {
constexpr int kTimeoutMs = 30000;

struct Waiter {
    std::optional<ActionResult> result;
    Actions::Done done()
    {
        return [this](const ActionResult &r) { result = r; };
    }
};

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}
} // namespace

class TestOutage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        suanli::server::SimOptions sim;
        sim.nodes = 16;
        sim.jobs = 60;
        sim.speed = 0;
        m_gateway = std::make_unique<InProcessGateway>(sim);
        QVERIFY2(m_gateway->start(), m_gateway->error().c_str());
        ConnectionProfile profile;
        profile.name = QStringLiteral("test centre");
        profile.address = q(m_gateway->address());
        profile.token = q(m_gateway->addUser("ops", "operator"));
        profile.caPem = QByteArray::fromStdString(m_gateway->caPem());
        profile.caFingerprint = q(m_gateway->fingerprint());
        m_connection = std::make_unique<Connection>(profile);
        // The outage is seen in every collection, those watched on demand too.
        for (int i = 0; i < Connection::kCollections; ++i)
            m_connection->acquire(Connection::Collection(i));
        m_connection->open();
        QTRY_COMPARE_WITH_TIMEOUT(m_connection->state(), State::Live, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_connection->site()->nodes().items.size(), qsizetype(16), kTimeoutMs);
    }

    void cleanupTestCase()
    {
        m_connection.reset();
        m_gateway.reset();
    }

    void aDrainDuringAnOutageBlamesTheSchedulerAndIsAuditedOnce()
    {
        const QString node = m_connection->site()->nodes().items.keys().first();
        m_gateway->backend().setReachable(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_connection->site()->stale(), kTimeoutMs);

        Waiter drain;
        m_connection->actions()->drainNodes({ node }, QStringLiteral("replace fan"), drain.done());
        QTRY_VERIFY_WITH_TIMEOUT(drain.result.has_value(), kTimeoutMs);
        const ActionResult &r = *drain.result;
        QCOMPARE(r.codeName, QStringLiteral("UNAVAILABLE"));
        QVERIFY(r.schedulerUnreachable);
        QCOMPARE(r.backend, QStringLiteral("sim"));
        QVERIFY(r.unreachableSeconds >= 0);
        QCOMPARE(r.summary(),
            QStringLiteral("Drain failed: the centre's scheduler (simulator) has not answered "
                           "for %1 s; the gateway is up")
                .arg(r.unreachableSeconds));
        QVERIFY2(
            r.message.contains(q(suanli::test::OutageBackend::kOutage)), qPrintable(r.message));
        // The gateway is still reachable: the console stays connected.
        QCOMPARE(m_connection->state(), State::Live);

        // The console's channel retries UNAVAILABLE, up to 4 attempts; this one it did not.
        std::optional<v1::ListAuditEntriesResponse> audit;
        v1::ListAuditEntriesRequest request;
        request.set_page_size(100);
        m_connection->actions()->listAuditEntries(
            request, [&](const ActionResult &, const v1::ListAuditEntriesResponse &response) {
                audit = response;
            });
        QTRY_VERIFY_WITH_TIMEOUT(audit.has_value(), kTimeoutMs);
        int drains = 0;
        for (const auto &e : audit->entries())
            if (e.action() == "Cluster.DrainNodes") {
                ++drains;
                QCOMPARE(e.result(), std::string("UNAVAILABLE"));
            }
        QCOMPARE(drains, 1);
    }

    void theOutageAlertReachesTheConsoleAndClears()
    {
        auto outageAlert = [this]() -> std::optional<v1::Alert> {
            for (const auto &a : m_connection->site()->alerts().items)
                if (a.kind() == "scheduler_unreachable")
                    return a;
            return std::nullopt;
        };
        m_gateway->backend().setReachable(false);
        QTRY_VERIFY_WITH_TIMEOUT(outageAlert().has_value(), kTimeoutMs);
        QCOMPARE(outageAlert()->severity(), v1::SEVERITY_CRITICAL);
        QVERIFY(!outageAlert()->has_clear_time());

        m_gateway->backend().setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(outageAlert()->has_clear_time(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!m_connection->site()->stale(), kTimeoutMs);
    }

    void aDrainWhenTheSchedulerIsBackIsApplied()
    {
        m_gateway->backend().setReachable(true);
        QTRY_VERIFY_WITH_TIMEOUT(!m_connection->site()->stale(), kTimeoutMs);
        const QString node = m_connection->site()->nodes().items.keys().last();
        Waiter drain;
        m_connection->actions()->drainNodes({ node }, QStringLiteral("replace fan"), drain.done());
        QTRY_VERIFY_WITH_TIMEOUT(drain.result.has_value(), kTimeoutMs);
        QVERIFY2(drain.result->allApplied(), qPrintable(drain.result->summary()));
    }

private:
    std::unique_ptr<InProcessGateway> m_gateway;
    std::unique_ptr<Connection> m_connection;
};

QTEST_GUILESS_MAIN(TestOutage)
#include "tst_outage.moc"
