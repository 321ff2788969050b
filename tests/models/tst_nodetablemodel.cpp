#include "app/models/ModelRoles.h"
#include "app/models/NodeTableModel.h"
#include "app/models/TableProxyModel.h"
#include "app/models/Words.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QtTest>

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

namespace {

QList<v1::Node> manyNodes(int count)
{
    QList<v1::Node> nodes;
    for (int i = 0; i < count; ++i)
        nodes.append(node(nodeName(i), v1::NODE_STATE_MIXED, i % 100, 1000.0 + i));
    return nodes;
}

QStringList proxyKeys(const QAbstractItemModel &proxy)
{
    QStringList keys;
    for (int row = 0; row < proxy.rowCount(); ++row)
        keys.append(proxy.index(row, 0).data(KeyRole).toString());
    return keys;
}

// Every key is at the row rowOf() says, and the other way round.
void verifyIndex(const NodeTableModel &model)
{
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.rowOf(model.keyAt(row)), row);
}

} // namespace

// NodeTableModel and TableProxyModel: exact signals for deltas, selections that survive them,
// raw-value sorting and the filter language.
class TestNodeTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void snapshotResets();
    void snapshotRowsAreInKeyOrder();
    void deltaSignalsOnlyTheChangedRows();
    void contiguousChangesAreOneRange();
    void insertsAndRemovalsHaveExactRanges();
    void selectionSurvivesDeltas();
    void sortsPowerByRawValue();
    void missingTelemetryIsNoDataNotZero();
    void cellsSpeakTheLocale();
    void reasonAndSinceHaveTheirColumns();
    void filterLanguageKeepsExactlyTheMatchingRows();
    void badFilterReportsPositionAndKeepsTheLastOne();
    void staleMarksEveryRow();
};

void TestNodeTableModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestNodeTableModel::snapshotResets()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, manyNodes(10));
    NodeTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.rowCount(), 10);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    feed.nodes(true, manyNodes(4));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.keyAt(3), nodeName(3));
    verifyIndex(model);
}

void TestNodeTableModel::snapshotRowsAreInKeyOrder()
{
    // Long keys sharing their first 8 characters, prefixes, characters above U+00FF (which the
    // fast ordering caps), and Chinese: the rows come in QString's own order.
    QStringList names = { u"lg-r0017-n10"_qs, u"lg-r0017-n03"_qs, u"lg-r0017-n1"_qs, u"n9"_qs,
        u"n10"_qs, u"abc"_qs, u"ab"_qs, u"a"_qs, u"\u00ffb"_qs, u"\u00ffa"_qs, u"\u0100b"_qs,
        u"\u0100a"_qs, u"\u01ff"_qs, u"节点10"_qs, u"节点2"_qs, u"lg-r0017"_qs, u"lg-r001"_qs };
    QList<v1::Node> nodes;
    for (const QString &name : std::as_const(names))
        nodes.append(node(name));
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, nodes);
    NodeTableModel model(&site);
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.keyAt(row));
    std::sort(names.begin(), names.end());
    QCOMPARE(rows, names);

    // And any mix of them.
    QRandomGenerator random(7);
    const QString alphabet = u"a0-\u00fe\u00ff\u0100\u01ff节"_qs;
    QSet<QString> many;
    while (many.size() < 3000) {
        QString name;
        for (int length = random.bounded(1, 12); length > 0; --length)
            name.append(alphabet.at(random.bounded(int(alphabet.size()))));
        many.insert(name);
    }
    nodes.clear();
    for (const QString &name : std::as_const(many))
        nodes.append(node(name));
    feed.nodes(true, nodes);
    rows.clear();
    for (int row = 0; row < model.rowCount(); ++row)
        rows.append(model.keyAt(row));
    names = many.values();
    std::sort(names.begin(), names.end());
    QCOMPARE(rows, names);
}

void TestNodeTableModel::deltaSignalsOnlyTheChangedRows()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, manyNodes(1000));
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::PowerColumn, Qt::DescendingOrder);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy proxyReset(&proxy, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    feed.nodes(false,
        { node(nodeName(17), v1::NODE_STATE_DRAINING, 3, 400), node(nodeName(503)),
            node(nodeName(998), v1::NODE_STATE_DOWN, 0, 0, false) });

    QCOMPARE(reset.count(), 0);
    QCOMPARE(proxyReset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    // Each changed row on its own (they are not adjacent), and only those rows; which of their
    // columns is tst_columnmask's business.
    QSet<int> rows;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const auto topLeft = signal.at(0).value<QModelIndex>();
        const auto bottomRight = signal.at(1).value<QModelIndex>();
        const auto roles = signal.at(2).value<QList<int>>();
        QCOMPARE(topLeft.row(), bottomRight.row());
        QVERIFY(!roles.contains(KeyRole));
        rows.insert(topLeft.row());
    }
    QCOMPARE(rows, (QSet<int> { 17, 503, 998 }));
    QCOMPARE(model.index(17, NodeTableModel::StateColumn).data().toString(), u"draining");
    // The proxy followed: the node now drawing 400 W sorts among the last.
    QCOMPARE(proxy.index(proxy.rowCount() - 1, 0).data(KeyRole).toString(), nodeName(998));
}

void TestNodeTableModel::contiguousChangesAreOneRange()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, manyNodes(100));
    NodeTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    feed.nodes(
        false, { node(nodeName(12)), node(nodeName(10)), node(nodeName(11)), node(nodeName(40)) });
    // Rows 10-12 and 40 changed alike: every signal covers rows 10 to 12, or row 40.
    QVERIFY(!changed.isEmpty());
    QSet<std::pair<int, int>> ranges;
    for (const QList<QVariant> &signal : std::as_const(changed))
        ranges.insert(
            { signal.at(0).value<QModelIndex>().row(), signal.at(1).value<QModelIndex>().row() });
    QCOMPARE(ranges, (QSet<std::pair<int, int>> { { 10, 12 }, { 40, 40 } }));
}

void TestNodeTableModel::insertsAndRemovalsHaveExactRanges()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, manyNodes(1000));
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::NameColumn);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy aboutToInsert(&model, &QAbstractItemModel::rowsAboutToBeInserted);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy aboutToRemove(&model, &QAbstractItemModel::rowsAboutToBeRemoved);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    // Five new nodes: one insert at the end, in the order the site saw them.
    QList<v1::Node> fresh;
    for (int i = 2000; i < 2005; ++i)
        fresh.append(node(nodeName(i)));
    feed.nodes(false, fresh);
    QCOMPARE(aboutToInsert.count(), 1);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1000);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1004);
    QCOMPARE(model.keyAt(1000), nodeName(2000));
    QCOMPARE(model.keyAt(1004), nodeName(2004));
    QCOMPARE(changed.count(), 0);

    // Removals: one signal per run of rows, the last run first.
    feed.nodes(false, {},
        { nodeName(4), nodeName(3), nodeName(5), nodeName(10), nodeName(2004), nodeName(7777) });
    QCOMPARE(removed.count(), 3);
    QCOMPARE(aboutToRemove.count(), 3);
    const QList<std::pair<int, int>> expected { { 1004, 1004 }, { 10, 10 }, { 3, 5 } };
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(removed.at(i).at(1).toInt(), expected.at(i).first);
        QCOMPARE(removed.at(i).at(2).toInt(), expected.at(i).second);
    }
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(proxy.rowCount(), 1000);
    QCOMPARE(model.rowOf(nodeName(4)), -1);
    QCOMPARE(model.rowOf(nodeName(11)), 7);
    verifyIndex(model);

    // One batch mixing all three: removal, change, insert, in that order.
    QList<QByteArray> order;
    connect(&model, &QAbstractItemModel::rowsRemoved, this, [&] { order.append("remove"); });
    connect(&model, &QAbstractItemModel::dataChanged, this, [&] { order.append("change"); });
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] { order.append("insert"); });
    feed.nodes(
        false, { node(nodeName(3000)), node(nodeName(20), v1::NODE_STATE_DOWN) }, { nodeName(0) });
    order.erase(std::unique(order.begin(), order.end()), order.end());
    QCOMPARE(order, (QList<QByteArray> { "remove", "change", "insert" }));
    QCOMPARE(reset.count(), 0);
    verifyIndex(model);
}

void TestNodeTableModel::selectionSurvivesDeltas()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, manyNodes(300));
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::PowerColumn, Qt::DescendingOrder);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QItemSelectionModel selection(&proxy);

    const QString chosen = nodeName(150);
    const QModelIndex start = proxy.mapFromSource(model.index(model.rowOf(chosen), 0));
    selection.setCurrentIndex(
        start, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);

    QRandomGenerator random(42);
    int next = 1000;
    int removedBefore = 0;
    for (int delta = 0; delta < 100; ++delta) {
        QList<v1::Node> upserts;
        for (int i = 0; i < 6; ++i) {
            const int n = random.bounded(300);
            upserts.append(node(nodeName(n), v1::NODE_STATE_MIXED, random.bounded(100),
                random.bounded(200, 12000)));
        }
        // The chosen node itself changes now and then, moving in the sorted proxy.
        if (delta % 7 == 0)
            upserts.append(node(chosen, v1::NODE_STATE_ALLOCATED, 99, random.bounded(200, 12000)));
        upserts.append(node(nodeName(next++)));
        QStringList gone;
        // A row before the chosen one in the source, and one in the proxy's order.
        const int before = model.rowOf(chosen) - 1;
        if (before >= 0) {
            gone.append(model.keyAt(before));
            ++removedBefore;
        }
        const int proxyRow = selection.currentIndex().row();
        if (proxyRow > 0)
            gone.append(proxy.index(proxyRow - 1, 0).data(KeyRole).toString());
        for (const QString &key : std::as_const(gone))
            upserts.removeIf(
                [&](const v1::Node &n) { return QString::fromStdString(n.name()) == key; });
        feed.nodes(false, upserts, gone);

        const QModelIndexList rows = selection.selectedRows();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().data(KeyRole).toString(), chosen);
        QCOMPARE(selection.currentIndex().data(KeyRole).toString(), chosen);
    }
    QVERIFY(removedBefore > 50);
    QCOMPARE(reset.count(), 0);
    verifyIndex(model);
}

void TestNodeTableModel::sortsPowerByRawValue()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true,
        { node(u"a"_qs, v1::NODE_STATE_IDLE, 1, 950), node(u"b"_qs, v1::NODE_STATE_IDLE, 1, 5600),
            node(u"c"_qs, v1::NODE_STATE_IDLE, 1, 12000),
            node(u"d"_qs, v1::NODE_STATE_IDLE, 1, 800),
            node(u"e"_qs, v1::NODE_STATE_IDLE, 0, 0, false) });
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QCOMPARE(model.index(model.rowOf(u"b"_qs), NodeTableModel::PowerColumn).data().toString(),
        u"5.6 kW");
    QCOMPARE(model.index(model.rowOf(u"b"_qs), NodeTableModel::PowerColumn).data(SortRole),
        QVariant(5600.0));

    // As text "12.0 kW" < "5.6 kW" < "800 W" < "950 W"; by the raw watts it is the other way.
    proxy.sort(NodeTableModel::PowerColumn, Qt::AscendingOrder);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"d"_qs, u"a"_qs, u"b"_qs, u"c"_qs, u"e"_qs }));
    // No data stays last when the order flips.
    proxy.sort(NodeTableModel::PowerColumn, Qt::DescendingOrder);
    QCOMPARE(proxyKeys(proxy), (QStringList { u"c"_qs, u"b"_qs, u"a"_qs, u"d"_qs, u"e"_qs }));

    // A delta re-sorts the changed row in place.
    feed.nodes(false, { node(u"d"_qs, v1::NODE_STATE_IDLE, 1, 20000) });
    QCOMPARE(proxyKeys(proxy), (QStringList { u"d"_qs, u"c"_qs, u"b"_qs, u"a"_qs, u"e"_qs }));
}

void TestNodeTableModel::missingTelemetryIsNoDataNotZero()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, { node(u"x"_qs, v1::NODE_STATE_DOWN, 0, 0, false) });
    NodeTableModel model(&site);
    for (int column : { NodeTableModel::UtilisationColumn, NodeTableModel::MemoryColumn,
             NodeTableModel::TemperatureColumn, NodeTableModel::PowerColumn }) {
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data().toString(), u"\u2014");
        QCOMPARE(index.data(Qt::ToolTipRole).toString(), u"no data");
        QVERIFY(!index.data(SortRole).isValid());
    }
}

void TestNodeTableModel::cellsSpeakTheLocale()
{
    client::SiteState site;
    Feeder feed(&site);
    v1::Node n = node(u"lg-r0017-n3"_qs, v1::NODE_STATE_DRAINED, 97.34, 1250000);
    n.set_reason("XID 79");
    n.set_reason_user("bob");
    n.set_accelerators_allocated(6);
    n.add_job_ids("1048576");
    n.add_job_ids("1048577");
    n.add_queues("train");
    feed.nodes(true, { n });
    NodeTableModel model(&site);
    auto cell
        = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(cell(NodeTableModel::NameColumn).toString(), u"lg-r0017-n3");
    QCOMPARE(cell(NodeTableModel::StateColumn).toString(), u"drained");
    QCOMPARE(cell(NodeTableModel::StateColumn, StateRole).toInt(), int(v1::NODE_STATE_DRAINED));
    QVERIFY(cell(NodeTableModel::StateColumn, Qt::ToolTipRole).toString().contains(u"XID 79"));
    QVERIFY(cell(NodeTableModel::StateColumn, Qt::ToolTipRole).toString().contains(u"bob"));
    QCOMPARE(cell(NodeTableModel::AcceleratorsColumn).toString(), u"8 × H100");
    QCOMPARE(cell(NodeTableModel::AllocatedColumn).toString(), u"6 / 8");
    QCOMPARE(cell(NodeTableModel::UtilisationColumn).toString(), u"97.3 %");
    QCOMPARE(cell(NodeTableModel::TemperatureColumn).toString(), u"61 °C");
    QCOMPARE(cell(NodeTableModel::PowerColumn).toString(), u"1.25 MW");
    QCOMPARE(cell(NodeTableModel::JobsColumn).toString(), u"2");
    QCOMPARE(cell(NodeTableModel::JobsColumn, Qt::ToolTipRole).toString(), u"1048576, 1048577");
    QCOMPARE(cell(NodeTableModel::QueuesColumn).toString(), u"gpu, train");
    QCOMPARE(cell(NodeTableModel::NameColumn, KeyRole).toString(), u"lg-r0017-n3");
    QCOMPARE(model.itemAt(0)->reason(), "XID 79");

    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(cell(NodeTableModel::UtilisationColumn).toString(), u"97,3 %");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestNodeTableModel::reasonAndSinceHaveTheirColumns()
{
    client::SiteState site;
    Feeder feed(&site);
    v1::Node early = node(u"lg-r0001-n1"_qs, v1::NODE_STATE_DRAINED);
    early.set_reason("replace PSU");
    early.set_reason_user("alice");
    early.mutable_reason_time()->set_seconds(1'700'000'000);
    v1::Node late = node(u"lg-r0001-n2"_qs, v1::NODE_STATE_DOWN);
    late.set_reason("XID 79: GPU fell off the bus");
    late.mutable_reason_time()->set_seconds(1'700'086'400);
    const v1::Node idle = node(u"lg-r0001-n3"_qs, v1::NODE_STATE_IDLE);
    feed.nodes(true, { late, idle, early });
    NodeTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.headerData(NodeTableModel::ReasonColumn, Qt::Horizontal).toString(), u"Reason");
    QCOMPARE(model.headerData(NodeTableModel::SinceColumn, Qt::Horizontal).toString(), u"Since");
    const int earlyRow = model.rowOf(u"lg-r0001-n1"_qs);
    const int idleRow = model.rowOf(u"lg-r0001-n3"_qs);
    auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role);
    };
    QCOMPARE(cell(earlyRow, NodeTableModel::ReasonColumn).toString(), u"replace PSU");
    QVERIFY(cell(earlyRow, NodeTableModel::ReasonColumn, Qt::ToolTipRole)
                .toString()
                .contains(u"alice"));
    QCOMPARE(cell(earlyRow, NodeTableModel::SinceColumn).toString(),
        Words::dateTime(early.reason_time()));
    QVERIFY(!cell(earlyRow, NodeTableModel::SinceColumn).toString().isEmpty());
    // A node with no reason shows neither, never a made-up time.
    QVERIFY(cell(idleRow, NodeTableModel::ReasonColumn).toString().isEmpty());
    QVERIFY(!cell(idleRow, NodeTableModel::SinceColumn).isValid());

    // Sorted by time, not by the text of the date.
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::SinceColumn, Qt::DescendingOrder);
    QCOMPARE(proxyKeys(proxy).mid(0, 2), (QStringList { u"lg-r0001-n2"_qs, u"lg-r0001-n1"_qs }));

    // A new reason is announced in both columns.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    early.set_reason("fan replaced");
    early.mutable_reason_time()->set_seconds(1'700'100'000);
    feed.nodes(false, { early });
    QCOMPARE(cell(earlyRow, NodeTableModel::ReasonColumn).toString(), u"fan replaced");
    bool reasonAnnounced = false, sinceAnnounced = false;
    for (const QList<QVariant> &signal : std::as_const(changed)) {
        const int first = signal.at(0).value<QModelIndex>().column();
        const int last = signal.at(1).value<QModelIndex>().column();
        reasonAnnounced
            |= first <= NodeTableModel::ReasonColumn && NodeTableModel::ReasonColumn <= last;
        sinceAnnounced
            |= first <= NodeTableModel::SinceColumn && NodeTableModel::SinceColumn <= last;
    }
    QVERIFY(reasonAnnounced);
    QVERIFY(sinceAnnounced);
}

void TestNodeTableModel::filterLanguageKeepsExactlyTheMatchingRows()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true,
        { node(u"a"_qs, v1::NODE_STATE_DRAINED, 5), node(u"b"_qs, v1::NODE_STATE_DRAINED, 50),
            node(u"c"_qs, v1::NODE_STATE_IDLE, 5),
            node(u"d"_qs, v1::NODE_STATE_DRAINED, 0, 0, false),
            node(u"e"_qs, v1::NODE_STATE_DRAINED, 9.9),
            node(u"f"_qs, v1::NODE_STATE_DRAINED, 10) });
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::NameColumn);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy textChanged(proxy.filter(), &FilterText::textChanged);
    QSignalSpy errorChanged(proxy.filter(), &FilterText::errorChanged);
    proxy.filter()->setText(u"state:drained util<10"_qs);
    QCOMPARE(textChanged.count(), 1);
    QCOMPARE(errorChanged.count(), 0);
    QVERIFY(!proxy.filter()->hasError());
    QCOMPARE(proxyKeys(proxy), (QStringList { u"a"_qs, u"e"_qs }));

    // The same text again changes nothing.
    proxy.filter()->setText(u"state:drained util<10"_qs);
    QCOMPARE(textChanged.count(), 1);

    // Rows join and leave the filter as deltas change them.
    feed.nodes(
        false, { node(u"b"_qs, v1::NODE_STATE_DRAINED, 2), node(u"a"_qs, v1::NODE_STATE_IDLE, 2) });
    QCOMPARE(proxyKeys(proxy), (QStringList { u"b"_qs, u"e"_qs }));

    proxy.filter()->setText({});
    QCOMPARE(proxy.rowCount(), 6);
}

void TestNodeTableModel::badFilterReportsPositionAndKeepsTheLastOne()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(
        true, { node(u"a"_qs, v1::NODE_STATE_DRAINED, 5), node(u"b"_qs, v1::NODE_STATE_IDLE, 5) });
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy errorChanged(proxy.filter(), &FilterText::errorChanged);

    proxy.filter()->setText(u"state:drained"_qs);
    QCOMPARE(proxy.rowCount(), 1);

    proxy.filter()->setText(u"state:drained stat:idle"_qs);
    QVERIFY(proxy.filter()->hasError());
    QCOMPARE(proxy.filter()->errorPosition(), 14);
    QVERIFY(proxy.filter()->errorMessage().contains(u"stat"));
    QCOMPARE(errorChanged.count(), 1);
    QCOMPARE(proxy.filter()->text(), u"state:drained stat:idle");
    QCOMPARE(proxy.rowCount(), 1); // the last valid filter still holds

    // Positions count characters as the line edit does, not UTF-8 bytes.
    proxy.filter()->setText(u"节点 stat:idle"_qs);
    QCOMPARE(proxy.filter()->errorPosition(), 3);
    QCOMPARE(errorChanged.count(), 2);

    proxy.filter()->setText(u"state:idle"_qs);
    QVERIFY(!proxy.filter()->hasError());
    QCOMPARE(proxy.filter()->errorPosition(), -1);
    QVERIFY(proxy.filter()->errorMessage().isEmpty());
    QCOMPARE(errorChanged.count(), 3);
    QCOMPARE(proxyKeys(proxy), QStringList { u"b"_qs });
}

void TestNodeTableModel::staleMarksEveryRow()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true, manyNodes(20));
    NodeTableModel model(&site);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(!model.index(3, 0).data(StaleRole).toBool());

    site.setFreshness(true, QDateTime::currentDateTimeUtc());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.index(0, 0));
    QCOMPARE(
        changed.at(0).at(1).value<QModelIndex>(), model.index(19, NodeTableModel::ColumnCount - 1));
    QVERIFY(changed.at(0).at(2).value<QList<int>>().contains(StaleRole));
    QVERIFY(model.index(3, 0).data(StaleRole).toBool());

    // Newer data alone (still stale, or fresh again at a later time) changes only what it must:
    // every row of a 200,000-job table announced each second kept a sorted proxy busy.
    site.setFreshness(true, QDateTime::currentDateTimeUtc().addSecs(5));
    QCOMPARE(changed.count(), 1);
    site.setFreshness(false, QDateTime::currentDateTimeUtc().addSecs(6));
    QCOMPARE(changed.count(), 2);
    QVERIFY(!model.index(3, 0).data(StaleRole).toBool());
    site.setFreshness(false, QDateTime::currentDateTimeUtc().addSecs(7));
    QCOMPARE(changed.count(), 2);
}

QTEST_MAIN(TestNodeTableModel)
#include "tst_nodetablemodel.moc"
