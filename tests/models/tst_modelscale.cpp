#include "app/models/JobTableModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeTableModel.h"
#include "app/models/TableProxyModel.h"
#include "tests/models/ModelFixtures.h"

#include <QSignalSpy>
#include <QtTest>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

// A centre at full size: 20,000 nodes and 200,000 jobs through the models and sorted, filtered
// proxies, then a delta of 500. It checks that this works and stays exact, not how fast (timings
// belong in bench/). QAbstractItemModelTester is left out here on purpose: it walks every cell
// on every signal, minutes per delta at this size; the other programs run it on every model.
class TestModelScale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nodesAtScale();
    void jobsAtScale();
};

namespace {

template <typename Model> void verifyIndex(const Model &model, int step)
{
    for (int row = 0; row < model.rowCount(); row += step)
        QCOMPARE(model.rowOf(model.keyAt(row)), row);
}

// Rows of a sorted proxy are in order of SortRole (spot checks along the whole table).
void verifySorted(const QAbstractItemModel &proxy, int column, int step)
{
    for (int row = step; row < proxy.rowCount(); row += step) {
        const QVariant before = proxy.index(row - step, column).data(SortRole);
        const QVariant after = proxy.index(row, column).data(SortRole);
        if (!after.isValid())
            continue;
        QVERIFY(before.isValid());
        QVERIFY(QVariant::compare(before, after) != QPartialOrdering::Greater);
    }
}

} // namespace

void TestModelScale::nodesAtScale()
{
    client::SiteState site;
    Feeder feed(&site);
    QList<v1::Node> nodes;
    nodes.reserve(20000);
    for (int i = 0; i < 20000; ++i)
        nodes.append(node(QStringLiteral("n%1").arg(i, 5, 10, QLatin1Char('0')),
            i % 10 == 0 ? v1::NODE_STATE_DRAINED : v1::NODE_STATE_MIXED, i % 100, 500 + i % 9000,
            i % 50 != 7));
    feed.nodes(true, nodes);

    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::PowerColumn);
    TableProxyModel drained(nodeFields());
    drained.setSourceModel(&model);
    drained.filter()->setText(u"state:drained util<10"_qs);
    QCOMPARE(model.rowCount(), 20000);
    QCOMPARE(proxy.rowCount(), 20000);
    // Every tenth node is drained; of those, util < 10 means i % 100 == 0 (the others have 10..90).
    QCOMPARE(drained.rowCount(), 200);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QList<v1::Node> upserts;
    QStringList removed;
    for (int i = 0; i < 300; ++i)
        upserts.append(
            node(QString::fromStdString(nodes.at(i * 61).name()), v1::NODE_STATE_DRAINED, 5, 100));
    for (int i = 0; i < 100; ++i)
        upserts.append(node(QStringLiteral("m%1").arg(i), v1::NODE_STATE_IDLE));
    for (int i = 0; i < 100; ++i)
        removed.append(QString::fromStdString(nodes.at(i * 197 + 7).name()));
    feed.nodes(false, upserts, removed);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 20000);
    QCOMPARE(proxy.rowCount(), 20000);
    // Per changed row at most the row's state and one signal per run of changed columns (at most
    // every other column): bounded by the rows that changed, not by the table.
    QVERIFY(changed.count() <= 300 * (1 + (NodeTableModel::ColumnCount + 1) / 2));
    verifyIndex(model, 97);
    verifySorted(proxy, NodeTableModel::PowerColumn, 101);
    for (const QString &key : std::as_const(removed))
        QCOMPARE(model.rowOf(key), -1);
    QCOMPARE(model.index(model.rowOf(u"m99"_qs), 0).data(KeyRole).toString(), u"m99");
    // 300 nodes drained at util 5 joined the filtered proxy (minus those that already matched).
    int expected = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        const v1::Node *n = model.itemAt(row);
        expected += n->state() == v1::NODE_STATE_DRAINED && n->has_telemetry()
            && n->utilisation_percent() < 10;
    }
    QCOMPARE(drained.rowCount(), expected);
}

void TestModelScale::jobsAtScale()
{
    client::SiteState site;
    Feeder feed(&site);
    QList<v1::Job> jobs;
    jobs.reserve(200000);
    for (int i = 0; i < 200000; ++i) {
        v1::Job j = job(QString::number(1000000 + i),
            i % 3 ? v1::JOB_STATE_RUNNING : v1::JOB_STATE_PENDING,
            i % 3 ? v1::PENDING_REASON_UNSPECIFIED : v1::PENDING_REASON_TENANT_QUOTA);
        j.set_priority(i % 1000);
        jobs.append(std::move(j));
    }
    feed.jobs(true, jobs);

    JobTableModel model(&site);
    TableProxyModel proxy(jobFields());
    proxy.setSourceModel(&model);
    proxy.filter()->setText(u"state:pending"_qs);
    proxy.sort(JobTableModel::PriorityColumn, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), 200000);
    QCOMPARE(proxy.rowCount(), 66667);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy proxyReset(&proxy, &QAbstractItemModel::modelReset);
    QList<v1::Job> upserts;
    QStringList removed;
    // 300 running jobs start waiting, 100 jobs are new, 100 ended jobs go.
    for (int i = 0; i < 300; ++i) {
        v1::Job j = jobs.at(i * 601 + 1);
        j.set_state(v1::JOB_STATE_PENDING);
        j.set_pending_reason(v1::PENDING_REASON_PRIORITY);
        upserts.append(j);
    }
    for (int i = 0; i < 100; ++i)
        upserts.append(job(QString::number(2000000 + i), v1::JOB_STATE_PENDING));
    for (int i = 0; i < 100; ++i)
        removed.append(QString::fromStdString(jobs.at(i * 1999 + 2).id()));
    feed.jobs(false, upserts, removed);

    QCOMPARE(reset.count(), 0);
    QCOMPARE(proxyReset.count(), 0);
    QCOMPARE(model.rowCount(), 200000);
    verifyIndex(model, 997);
    int pending = 0;
    for (const v1::Job &j : site.jobs().items)
        pending += j.state() == v1::JOB_STATE_PENDING;
    QCOMPARE(proxy.rowCount(), pending);
    // Descending: reversed spot check.
    for (int row = 1009; row < proxy.rowCount(); row += 1009)
        QVERIFY(proxy.index(row - 1009, JobTableModel::PriorityColumn).data(SortRole).toLongLong()
            >= proxy.index(row, JobTableModel::PriorityColumn).data(SortRole).toLongLong());
}

QTEST_MAIN(TestModelScale)
#include "tst_modelscale.moc"
