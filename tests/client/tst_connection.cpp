// Connection against real gateways: trust, identity, informers in sync with
// the gateway, deltas after an action, refusals, and reconnection.
#include "client/Actions.h"
#include "tests/client/TestSupport.h"

#include <QSignalSpy>
#include <QSslCertificate>
#include <QTest>
#include <memory>

using namespace suanli::client;
using namespace suanli::client::test;
using State = Connection::State;

namespace {
// A busy centre: jobs start and end every tick, alerts come within seconds.
const std::vector<std::string> kBusyCentre
    = { "--sim-nodes", "64", "--sim-jobs", "300", "--sim-speed", "1800", "--tick", "1" };
// A centre whose clock stands still: nothing changes but what a test does.
const std::vector<std::string> kStillCentre
    = { "--sim-nodes", "32", "--sim-jobs", "100", "--sim-speed", "0", "--tick", "0.2" };
constexpr int kConnectTimeoutMs = 30000;
constexpr int kReconnectTimeoutMs = 90000;
} // namespace

class TestConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_busy = std::make_unique<GatewayProcess>(kBusyCentre);
        QVERIFY2(m_busy->start(), m_busy->error().c_str());
        m_opsToken = m_busy->addUser("ops", "operator");
        m_adminToken = m_busy->addUser("boss", "admin");
        QVERIFY(!m_busy->fingerprint().empty());
    }

    void cleanupTestCase() { m_busy.reset(); }

    void connectsWithTheCaAndSyncsEveryCollection()
    {
        // Two quota requests, so that collection is not trivially empty.
        GatewayReader admin(*m_busy, m_adminToken);
        QVERIFY(!admin.createQuotaRequest("galaxy", 512).isEmpty());
        QVERIFY(!admin.createQuotaRequest("galaxy", 640).isEmpty());

        Connection connection(profileFor(*m_busy, m_opsToken));
        QSignalSpy states(&connection, &Connection::stateChanged);
        QSignalSpy identity(&connection, &Connection::identityChanged);
        QCOMPARE(connection.state(), State::Disconnected);
        watchEverything(connection);
        connection.open();
        QCOMPARE(connection.state(), State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kConnectTimeoutMs);
        QCOMPARE(states.first().first().value<State>(), State::Connecting);
        QCOMPARE(states.last().first().value<State>(), State::Live);
        QCOMPARE(identity.count(), 1);

        // Who we are, as the gateway says.
        const v1::WhoAmIResponse &who = connection.identity();
        QCOMPARE(who.user().name(), std::string("ops"));
        QCOMPARE(who.user().role(), v1::ROLE_OPERATOR);
        QCOMPARE(who.site(), std::string("Shanghai Lingang"));
        QCOMPARE(who.backend(), std::string("sim"));

        SiteState *site = connection.site();
        QVERIFY(site->nodes().synced);
        QVERIFY(site->jobs().synced);
        QVERIFY(site->queues().synced);
        QVERIFY(site->alerts().synced);
        QVERIFY(site->quotaRequests().synced);
        QVERIFY(site->tenants().synced);
        QVERIFY(!site->stale());
        QVERIFY(site->dataTime().isValid());
        QCOMPARE(site->overview().site(), std::string("Shanghai Lingang"));
        QCOMPARE(site->overview().nodes_total(), 64);

        // Let deltas flow: jobs start and end, alerts are raised.
        QSignalSpy jobChanges(&site->jobs(), &CollectionSignals::changed);
        QSignalSpy jobResets(&site->jobs(), &CollectionSignals::reset);
        auto sawJobRemovals = [&] {
            return std::any_of(jobChanges.begin(), jobChanges.end(),
                [](const QList<QVariant> &args) { return !args.at(1).toStringList().isEmpty(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(sawJobRemovals(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!site->alerts().items.isEmpty(), 60000);
        QCOMPARE(jobResets.count(), 0);

        // The console holds exactly what the gateway holds: the same objects
        // as a fresh snapshot at the same revision (tried until a snapshot
        // and the console meet between two ticks)...
        GatewayReader gateway(*m_busy, m_opsToken);
        QTRY_VERIFY_WITH_TIMEOUT(
            matchesSnapshot("nodes", site->nodes(), gateway.nodeSnapshot()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            matchesSnapshot("jobs", site->jobs(), gateway.jobSnapshot()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            matchesSnapshot("queues", site->queues(), gateway.queueSnapshot()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            matchesSnapshot("alerts", site->alerts(), gateway.alertSnapshot()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            matchesSnapshot("tenants", site->tenants(), gateway.tenantSnapshot()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(matchesSnapshot("quota requests", site->quotaRequests(),
                                     gateway.quotaRequestSnapshot()),
            20000);
        // ... and what the List calls answer (ListJobs also shows jobs that
        // ended a while ago: every active one is here, nothing is here it lacks).
        QCOMPARE(site->nodes().items.size(), 64);
        QTRY_VERIFY_WITH_TIMEOUT(
            sameContent("nodes", contentOf(site->nodes()), gateway.nodes()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            sameContent("queues", contentOf(site->queues()), gateway.queues()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            sameContent("tenants", contentOf(site->tenants()), gateway.tenants()), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(sameContent("quota requests", contentOf(site->quotaRequests()),
                                     gateway.quotaRequests()),
            20000);
        QCOMPARE(site->quotaRequests().items.size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            sameContent("alerts", contentOf(site->alerts()), gateway.alerts()), 20000);
        auto jobsAgree = [&] {
            const auto console = contentOf(site->jobs());
            QHash<QString, QByteArray> all;
            for (const v1::Job &job : gateway.jobList(false)) {
                const QByteArray bytes = GatewayReader::bytes(job);
                all.insert(q(job.id()), bytes);
                const bool active = job.state() == v1::JOB_STATE_PENDING
                    || job.state() == v1::JOB_STATE_RUNNING || job.state() == v1::JOB_STATE_HELD
                    || job.state() == v1::JOB_STATE_COMPLETING;
                if (active && console.value(q(job.id())) != bytes)
                    return false;
            }
            for (auto it = console.constBegin(); it != console.constEnd(); ++it)
                if (all.value(it.key()) != it.value())
                    return false;
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(jobsAgree(), 20000);
        QVERIFY(site->jobs().items.size() > 100);
        QVERIFY(gateway.ok());
        QCOMPARE(connection.state(), State::Live);
    }

    void actionArrivesAsADelta()
    {
        Connection connection(profileFor(*m_busy, m_opsToken));
        watchEverything(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kConnectTimeoutMs);
        SiteState *site = connection.site();

        // A node in service.
        QString name;
        for (auto it = site->nodes().items.constBegin(); it != site->nodes().items.constEnd(); ++it)
            if (it->state() == v1::NODE_STATE_IDLE || it->state() == v1::NODE_STATE_MIXED
                || it->state() == v1::NODE_STATE_ALLOCATED) {
                name = it.key();
                break;
            }
        QVERIFY(!name.isEmpty());

        QSignalSpy resets(&site->nodes(), &CollectionSignals::reset);
        QSignalSpy changes(&site->nodes(), &CollectionSignals::changed);
        bool answered = false;
        ActionResult result;
        connection.actions()->drainNodes(
            { name }, QStringLiteral("client test: delta"), [&](const ActionResult &r) {
                result = r;
                answered = true;
            });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QVERIFY2(result.allApplied(), qPrintable(result.summary()));

        auto drainedInSite = [&] {
            const v1::Node n = site->nodes().items.value(name);
            return (n.state() == v1::NODE_STATE_DRAINING || n.state() == v1::NODE_STATE_DRAINED)
                && n.reason() == "client test: delta";
        };
        QTRY_VERIFY_WITH_TIMEOUT(drainedInSite(), 10000);
        // It came as a delta naming the node, not as a reset of the collection.
        QCOMPARE(resets.count(), 0);
        bool named = false;
        for (const auto &args : changes)
            named = named || args.at(0).toStringList().contains(name);
        QVERIFY(named);
    }

    void badTokenIsUnauthenticated()
    {
        Connection connection(profileFor(*m_busy, "sl_not_a_token"));
        QSignalSpy states(&connection, &Connection::stateChanged);
        watchEverything(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Unauthenticated, kConnectTimeoutMs);
        QVERIFY(!connection.stateDetail().isEmpty());
        QCOMPARE(connection.retryInSeconds(), 0);
        // No retry storm: it waits for a new token.
        const int changes = int(states.count());
        QVERIFY(!states.wait(1500));
        QCOMPARE(int(states.count()), changes);
        QCOMPARE(connection.state(), State::Unauthenticated);

        QSignalSpy profile(&connection, &Connection::profileChanged);
        connection.setToken(QString::fromStdString(m_opsToken));
        QCOMPARE(profile.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kConnectTimeoutMs);
        QCOMPARE(connection.identity().user().name(), std::string("ops"));
    }

    void trustOnFirstUse()
    {
        Connection connection(
            profileFor(*m_busy, m_opsToken, QStringLiteral("Test centre"), false));
        QSignalSpy profile(&connection, &Connection::profileChanged);
        watchEverything(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::CertificateUnknown, kConnectTimeoutMs);
        // Exactly what suanlid printed when it started.
        QCOMPARE(connection.presentedFingerprint(), q(m_busy->fingerprint()));
        QCOMPARE(QSslCertificate(connection.presentedCaPem()),
            QSslCertificate(QByteArray::fromStdString(m_busy->caPem())));
        QVERIFY(connection.channel() == nullptr); // no token went anywhere
        QCOMPARE(profile.count(), 0);

        connection.trustPresentedCertificate();
        QCOMPARE(profile.count(), 1);
        QCOMPARE(connection.profile().caFingerprint, q(m_busy->fingerprint()));
        QCOMPARE(QSslCertificate(connection.profile().caPem),
            QSslCertificate(QByteArray::fromStdString(m_busy->caPem())));
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kConnectTimeoutMs);
    }

    void changedCertificateBlocks()
    {
        // Another gateway, with its own CA, where the pinned one used to be.
        GatewayProcess other(kStillCentre);
        QVERIFY2(other.start(), other.error().c_str());
        const std::string token = other.addUser("ops", "operator");
        QVERIFY(other.fingerprint() != m_busy->fingerprint());

        ConnectionProfile profile = profileFor(*m_busy, token);
        profile.address = q(other.address());
        Connection connection(profile);
        QSignalSpy states(&connection, &Connection::stateChanged);
        watchEverything(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::CertificateChanged, kConnectTimeoutMs);
        QCOMPARE(connection.presentedFingerprint(), q(other.fingerprint()));
        QVERIFY(connection.stateDetail().contains(q(other.fingerprint())));
        QCOMPARE(connection.profile().caFingerprint, q(m_busy->fingerprint()));
        // Blocked: no retries until the user acts.
        const int changes = int(states.count());
        QVERIFY(!states.wait(1500));
        QCOMPARE(int(states.count()), changes);

        // The user looked at it and trusts the new CA.
        connection.trustPresentedCertificate();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kConnectTimeoutMs);
        QCOMPARE(connection.profile().caFingerprint, q(other.fingerprint()));
    }

    void reconnectsToARestartedGateway()
    {
        suanli::test::TempDir dir;
        const std::string dataDir = dir.path() + "/data";
        auto first = std::make_unique<GatewayProcess>(kStillCentre, dataDir);
        QVERIFY2(first->start(), first->error().c_str());
        const std::string token = first->addUser("ops", "operator");
        const int port = first->port();

        Connection connection(profileFor(*first, token));
        watchEverything(connection);
        connection.open();
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kConnectTimeoutMs);
        SiteState *site = connection.site();
        const QString firstEpoch = site->nodes().epoch;
        QVERIFY(!firstEpoch.isEmpty());
        QVERIFY(!site->stale());

        QCOMPARE(first->stop(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Reconnecting, kConnectTimeoutMs);
        QVERIFY(site->stale());
        QVERIFY(!connection.stateDetail().isEmpty());
        // What was shown stays shown while the gateway is away.
        QCOMPARE(site->nodes().items.size(), 32);

        // A new gateway on the same port and data: the connection comes back by itself.
        std::vector<std::string> args = kStillCentre;
        args.push_back("--listen");
        args.push_back("127.0.0.1:" + std::to_string(port));
        args.push_back("--sim-seed");
        args.push_back("7");
        GatewayProcess second(args, dataDir);
        QVERIFY2(second.start(), second.error().c_str());
        QCOMPARE(second.port(), port);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Live, kReconnectTimeoutMs);
        QVERIFY(!site->stale());
        // A new epoch means a fresh snapshot, and the console holds the new centre.
        QVERIFY(site->nodes().epoch != firstEpoch);
        GatewayReader gateway(second, token);
        QVERIFY(sameContent("nodes", contentOf(site->nodes()), gateway.nodes()));
        QVERIFY(sameContent("jobs", contentOf(site->jobs()), gateway.jobs(true)));
        QVERIFY(sameContent("queues", contentOf(site->queues()), gateway.queues()));
        QVERIFY(sameContent("tenants", contentOf(site->tenants()), gateway.tenants()));
        QVERIFY(sameContent(
            "quota requests", contentOf(site->quotaRequests()), gateway.quotaRequests()));
        QVERIFY(sameContent("alerts", contentOf(site->alerts()), gateway.alerts()));
        QVERIFY(gateway.ok());
    }

    void destroyedWhileBusy()
    {
        // Streams mid-snapshot, a WhoAmI and actions in flight: nothing may
        // call back into freed memory (run under AddressSanitizer to check).
        for (int round = 0; round < 3; ++round) {
            auto connection = std::make_unique<Connection>(profileFor(*m_busy, m_opsToken));
            bool called = false;
            watchEverything(*connection);
            connection->open();
            if (round > 0)
                QTRY_VERIFY_WITH_TIMEOUT(round == 1 ? connection->state() == State::Live
                                                    : !connection->identity().user().name().empty(),
                    kConnectTimeoutMs);
            for (int i = 0; i < 10; ++i)
                connection->actions()->drainNodes({ QStringLiteral("lg-r0001-n1") },
                    QStringLiteral("client test: destroyed"),
                    [&called](const ActionResult &) { called = true; });
            connection.reset();
            QCoreApplication::processEvents();
            QVERIFY(!called);
        }
    }

private:
    std::unique_ptr<GatewayProcess> m_busy;
    std::string m_opsToken;
    std::string m_adminToken;
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
