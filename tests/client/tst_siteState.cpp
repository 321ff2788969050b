// SiteState: snapshots reset, deltas report each changed key once.
#include "client/SiteState.h"

#include <QSignalSpy>
#include <QTest>

using namespace suanli::client;
namespace v1 = suanli::v1;

namespace {
v1::Node node(const char *name, v1::NodeState state = v1::NODE_STATE_IDLE)
{
    v1::Node n;
    n.set_name(name);
    n.set_state(state);
    return n;
}

QStringList keys(const char *a = nullptr, const char *b = nullptr, const char *c = nullptr)
{
    QStringList out;
    for (const char *k : { a, b, c })
        if (k)
            out << QString::fromLatin1(k);
    return out;
}

const QString kEpoch = QStringLiteral("e1");
} // namespace

class TestSiteState : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void snapshotReplacesAndResets()
    {
        SiteState site;
        QSignalSpy reset(&site.nodes(), &CollectionSignals::reset);
        QSignalSpy changed(&site.nodes(), &CollectionSignals::changed);
        QVERIFY(!site.nodes().synced);

        site.collection<v1::Node>().apply(true, { node("a"), node("b"), node("c") }, {}, kEpoch, 7);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 0);
        QVERIFY(site.nodes().synced);
        QCOMPARE(site.nodes().items.size(), 3);
        QCOMPARE(site.nodes().epoch, kEpoch);
        QCOMPARE(site.nodes().revision, 7);

        // A second snapshot drops what it does not contain.
        site.collection<v1::Node>().apply(
            true, { node("b"), node("d") }, {}, QStringLiteral("e2"), 1);
        QCOMPARE(reset.count(), 2);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(site.nodes().items.size(), 2);
        QVERIFY(!site.nodes().items.contains(QStringLiteral("a")));
        QVERIFY(site.nodes().items.contains(QStringLiteral("d")));
        QCOMPARE(site.nodes().epoch, QStringLiteral("e2"));
        QCOMPARE(site.nodes().revision, 1);

        // An empty snapshot is still a reset: the centre has nothing.
        site.collection<v1::Node>().apply(true, {}, {}, QStringLiteral("e2"), 2);
        QCOMPARE(reset.count(), 3);
        QVERIFY(site.nodes().items.isEmpty());
    }

    void deltaReportsChangedKeys()
    {
        SiteState site;
        site.collection<v1::Node>().apply(true, { node("a"), node("b") }, {}, kEpoch, 1);
        QSignalSpy reset(&site.nodes(), &CollectionSignals::reset);
        QSignalSpy changed(&site.nodes(), &CollectionSignals::changed);

        site.collection<v1::Node>().apply(
            false, { node("b", v1::NODE_STATE_DRAINED), node("c") }, keys("a"), kEpoch, 2);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toStringList(), keys("b", "c"));
        QCOMPARE(changed.at(0).at(1).toStringList(), keys("a"));
        QCOMPARE(site.nodes().items.size(), 2);
        QCOMPARE(site.nodes().items.value(QStringLiteral("b")).state(), v1::NODE_STATE_DRAINED);
        QCOMPARE(site.nodes().revision, 2);
    }

    void deltaDeduplicatesWithinABatch()
    {
        SiteState site;
        site.collection<v1::Node>().apply(true, { node("a"), node("z") }, {}, kEpoch, 1);
        QSignalSpy changed(&site.nodes(), &CollectionSignals::changed);

        // x twice (the last wins); y added and removed (nobody saw it); z
        // removed twice (reported once); a changed and removed (upserts apply
        // first, so it is gone); a key never there is not reported.
        site.collection<v1::Node>().apply(false,
            { node("x", v1::NODE_STATE_IDLE), node("y"), node("x", v1::NODE_STATE_DOWN),
                node("a") },
            { QStringLiteral("y"), QStringLiteral("z"), QStringLiteral("z"), QStringLiteral("a"),
                QStringLiteral("never-there") },
            kEpoch, 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toStringList(), keys("x"));
        QCOMPARE(changed.at(0).at(1).toStringList(), keys("a", "z")); // in the order first touched
        QCOMPARE(site.nodes().items.size(), 1);
        QCOMPARE(site.nodes().items.value(QStringLiteral("x")).state(), v1::NODE_STATE_DOWN);
    }

    void previousValuesDuringTheChange()
    {
        SiteState site;
        auto &nodes = site.collection<v1::Node>();
        nodes.apply(true, { node("a"), node("b", v1::NODE_STATE_IDLE) }, {}, kEpoch, 1);
        QList<int> before; // state before the batch, -1 for a new key
        QStringList seen;
        connect(&nodes, &CollectionSignals::changed, this, [&](const QStringList &upserted) {
            seen = upserted;
            for (qsizetype i = 0; i < upserted.size(); ++i)
                before.append(nodes.previous(i) ? int(nodes.previous(i)->state()) : -1);
        });
        // b changes twice in the batch: its value before the batch is the one reported.
        nodes.apply(false,
            { node("b", v1::NODE_STATE_DRAINING), node("c"), node("b", v1::NODE_STATE_DOWN) }, {},
            kEpoch, 2);
        QCOMPARE(seen, keys("b", "c"));
        QCOMPARE(before, (QList<int> { int(v1::NODE_STATE_IDLE), -1 }));
        QCOMPARE(nodes.find(QStringLiteral("b"))->state(), v1::NODE_STATE_DOWN);
        // Only while the signal is emitted.
        QCOMPARE(nodes.previous(0), nullptr);

        // A removed key's object, as it was before the batch that removed it.
        QList<int> gone;
        connect(&nodes, &CollectionSignals::changed, this,
            [&](const QStringList &, const QStringList &removed) {
                for (qsizetype i = 0; i < removed.size(); ++i)
                    gone.append(nodes.removedItem(i) ? int(nodes.removedItem(i)->state()) : -1);
            });
        nodes.apply(false, { node("b", v1::NODE_STATE_IDLE) },
            { QStringLiteral("b"), QStringLiteral("c") }, kEpoch, 3);
        QCOMPARE(gone, (QList<int> { int(v1::NODE_STATE_DOWN), int(node("c").state()) }));
        QCOMPARE(nodes.removedItem(0), nullptr);
    }

    void batchWithoutChangesIsSilent()
    {
        SiteState site;
        site.collection<v1::Node>().apply(true, { node("a") }, {}, kEpoch, 1);
        QSignalSpy reset(&site.nodes(), &CollectionSignals::reset);
        QSignalSpy changed(&site.nodes(), &CollectionSignals::changed);
        site.collection<v1::Node>().apply(false, {}, { QStringLiteral("not-here") }, kEpoch, 5);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(site.nodes().revision, 5);
    }

    void everyCollectionHasItsKeyAndSignals()
    {
        SiteState site;
        QSignalSpy jobs(&site.jobs(), &CollectionSignals::changed);
        QSignalSpy queues(&site.queues(), &CollectionSignals::changed);
        QSignalSpy alerts(&site.alerts(), &CollectionSignals::changed);
        QSignalSpy requests(&site.quotaRequests(), &CollectionSignals::changed);
        QSignalSpy tenants(&site.tenants(), &CollectionSignals::changed);
        QSignalSpy nodes(&site.nodes(), &CollectionSignals::changed);
        QSignalSpy tenantsReset(&site.tenants(), &CollectionSignals::reset);

        v1::Job job;
        job.set_id("1000001");
        job.set_name("not-the-key");
        site.collection<v1::Job>().apply(false, { job }, {}, kEpoch, 1);
        v1::Queue queue;
        queue.set_name("h100");
        site.collection<v1::Queue>().apply(false, { queue }, {}, kEpoch, 1);
        v1::Alert alert;
        alert.set_id("al-000001");
        alert.set_target("lg-r0001-n1");
        site.collection<v1::Alert>().apply(false, { alert }, {}, kEpoch, 1);
        v1::QuotaRequest request;
        request.set_id("qr-000001");
        request.set_tenant("galaxy");
        site.collection<v1::QuotaRequest>().apply(false, { request }, {}, kEpoch, 1);
        v1::Tenant tenant;
        tenant.set_id("galaxy");
        tenant.set_name("Galaxy AI");
        site.collection<v1::Tenant>().apply(false, { tenant }, {}, kEpoch, 1);

        QCOMPARE(jobs.count(), 1);
        QCOMPARE(jobs.at(0).at(0).toStringList(), keys("1000001"));
        QCOMPARE(queues.at(0).at(0).toStringList(), keys("h100"));
        QCOMPARE(alerts.at(0).at(0).toStringList(), keys("al-000001"));
        QCOMPARE(requests.at(0).at(0).toStringList(), keys("qr-000001"));
        QCOMPARE(tenants.at(0).at(0).toStringList(), keys("galaxy"));
        QCOMPARE(nodes.count(), 0);
        QCOMPARE(tenantsReset.count(), 0);
        QVERIFY(site.jobs().items.contains(QStringLiteral("1000001")));
        QVERIFY(site.tenants().items.contains(QStringLiteral("galaxy")));
        // Deltas alone do not make a collection synced: only a snapshot does.
        QVERIFY(!site.jobs().synced);

        site.collection<v1::Tenant>().apply(true, { tenant }, {}, kEpoch, 2);
        QCOMPARE(tenantsReset.count(), 1);
        QVERIFY(site.tenants().synced);
    }

    void freshnessSignalsOnlyChanges()
    {
        SiteState site;
        QSignalSpy spy(&site, &SiteState::freshnessChanged);
        const QDateTime t = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        site.setFreshness(true, t);
        QCOMPARE(spy.count(), 1);
        QVERIFY(site.stale());
        QCOMPARE(site.dataTime(), t);
        site.setFreshness(true, t);
        QCOMPARE(spy.count(), 1);
        site.setFreshness(false, t);
        QCOMPARE(spy.count(), 2);
        site.setFreshness(false, t.addSecs(1));
        QCOMPARE(spy.count(), 3);
    }

    void overviewIsReplaced()
    {
        SiteState site;
        QSignalSpy spy(&site, &SiteState::overviewChanged);
        v1::Overview o;
        o.set_site("Shanghai Lingang");
        o.set_nodes_total(64);
        site.setOverview(o);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(site.overview().nodes_total(), 64);
        QCOMPARE(site.overview().site(), std::string("Shanghai Lingang"));
    }
};

QTEST_GUILESS_MAIN(TestSiteState)
#include "tst_siteState.moc"
