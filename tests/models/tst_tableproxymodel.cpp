#include "app/models/FilterProxyModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeTableModel.h"
#include "app/models/SortKey.h"
#include "app/models/TableProxyModel.h"
#include "tests/models/ModelFixtures.h"

#include <QAbstractItemModelTester>
#include <QCollator>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QtTest>
#include <algorithm>

// TableProxyModel against what it must equal at every step: the source's rows that pass the
// filter, in the order a fresh sort gives, kept up by row signals alone (no reset, no layout
// change for a delta), with selections following their rows.

using namespace suanli;
using namespace suanli::app;
using namespace fixtures;

namespace {

QStringList proxyKeys(const QAbstractItemModel &proxy)
{
    QStringList keys;
    for (int row = 0; row < proxy.rowCount(); ++row)
        keys.append(proxy.index(row, 0).data(KeyRole).toString());
    return keys;
}

// The rows a fresh filter and sort of the source give: missing values last either way, ties in
// the source's order.
QStringList expectedKeys(const NodeTableModel &model, const TableProxyModel &proxy)
{
    struct Row {
        QString key;
        SortKey value;
    };
    // Texts in the order of the console's language, as the proxy sorts them.
    const QCollator collator;
    QList<Row> rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (!proxy.filter()->accepts(
                index.data(MessageRole).value<const google::protobuf::Message *>()))
            continue;
        SortKey value;
        if (proxy.sortColumn() >= 0)
            value = SortKey::of(model.index(row, proxy.sortColumn()).data(SortRole), &collator);
        rows.append({ index.data(KeyRole).toString(), value });
    }
    const bool ascending = proxy.sortOrder() == Qt::AscendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [ascending](const Row &a, const Row &b) {
        if (a.value.isMissing() != b.value.isMissing())
            return b.value.isMissing();
        const int order = a.value.compare(b.value);
        return ascending ? order < 0 : order > 0;
    });
    QStringList keys;
    for (const Row &row : std::as_const(rows))
        keys.append(row.key);
    return keys;
}

v1::Node randomNode(QRandomGenerator &random, const QString &name)
{
    static const v1::NodeState states[] = { v1::NODE_STATE_IDLE, v1::NODE_STATE_MIXED,
        v1::NODE_STATE_ALLOCATED, v1::NODE_STATE_DRAINED, v1::NODE_STATE_DOWN };
    // Few distinct values, so ties are common; some nodes without telemetry.
    return node(name, states[random.bounded(5)], random.bounded(5) * 25.0,
        random.bounded(4) * 1000.0, random.bounded(6) != 0);
}

} // namespace

class TestTableProxyModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void textsSortInTheConsolesLanguage();
    void randomDeltasKeepTheFreshOrder_data();
    void randomDeltasKeepTheFreshOrder();
    void selectionFollowsARowThatMoves();
    void sortAndFilterKeepTheSelection();
    void scatteredRemovalsAreRowRemovals();
    void anySourceInsertsAndLayouts();
};

void TestTableProxyModel::randomDeltasKeepTheFreshOrder_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("filter");
    QTest::newRow("source order") << -1 << Qt::AscendingOrder << QString();
    QTest::newRow("name") << int(NodeTableModel::NameColumn) << Qt::AscendingOrder << QString();
    QTest::newRow("utilisation, missing last")
        << int(NodeTableModel::UtilisationColumn) << Qt::AscendingOrder << QString();
    QTest::newRow("utilisation descending, missing last")
        << int(NodeTableModel::UtilisationColumn) << Qt::DescendingOrder << QString();
    QTest::newRow("state, filtered") << int(NodeTableModel::StateColumn) << Qt::AscendingOrder
                                     << u"state:idle,mixed,drained util<60"_qs;
    QTest::newRow("power descending, filtered")
        << int(NodeTableModel::PowerColumn) << Qt::DescendingOrder << u"-state:down"_qs;
    QTest::newRow("source order, filtered") << -1 << Qt::AscendingOrder << u"util>=50"_qs;
}

void TestTableProxyModel::randomDeltasKeepTheFreshOrder()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, filter);

    QRandomGenerator random(20261125);
    client::SiteState site;
    Feeder feed(&site);
    int nextName = 0;
    QList<v1::Node> first;
    for (; nextName < 300; ++nextName)
        first.append(randomNode(random, nodeName(nextName)));
    feed.nodes(true, first);

    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.filter()->setText(filter);
    QVERIFY(!proxy.filter()->hasError());
    proxy.setSourceModel(&model);
    proxy.sort(column, order);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(proxyKeys(proxy), expectedKeys(model, proxy));

    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
    for (int batch = 0; batch < 150; ++batch) {
        QList<v1::Node> upserts;
        QStringList removed;
        const QStringList keys = site.nodes().items.keys();
        const int changes = static_cast<int>(random.bounded(12));
        for (int i = 0; i < changes && !keys.isEmpty(); ++i)
            upserts.append(randomNode(random, keys.at(random.bounded(int(keys.size())))));
        const int gone = static_cast<int>(random.bounded(4));
        for (int i = 0; i < gone && !keys.isEmpty(); ++i) {
            const QString key = keys.at(random.bounded(int(keys.size())));
            if (!removed.contains(key)
                && std::none_of(upserts.cbegin(), upserts.cend(),
                    [&](const v1::Node &n) { return n.name() == str(key); }))
                removed.append(key);
        }
        const int added = static_cast<int>(random.bounded(6));
        for (int i = 0; i < added; ++i)
            upserts.append(randomNode(random, nodeName(nextName++)));
        feed.nodes(false, upserts, removed);
        QCOMPARE(proxyKeys(proxy), expectedKeys(model, proxy));
    }
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(resets.count(), 0);
    QVERIFY(model.rowCount() > 300);

    // Turning the order over and changing the filter come back to the same fresh order.
    proxy.sort(column < 0 ? int(NodeTableModel::NameColumn) : column,
        order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder);
    QCOMPARE(proxyKeys(proxy), expectedKeys(model, proxy));
    proxy.filter()->setText(u"state:allocated"_qs);
    QCOMPARE(proxyKeys(proxy), expectedKeys(model, proxy));
}

void TestTableProxyModel::selectionFollowsARowThatMoves()
{
    client::SiteState site;
    Feeder feed(&site);
    feed.nodes(true,
        { node(u"a"_qs, v1::NODE_STATE_IDLE, 10), node(u"b"_qs, v1::NODE_STATE_IDLE, 20),
            node(u"c"_qs, v1::NODE_STATE_IDLE, 30), node(u"d"_qs, v1::NODE_STATE_IDLE, 40) });
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::UtilisationColumn);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QItemSelectionModel selection(&proxy);
    selection.setCurrentIndex(
        proxy.index(0, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QSignalSpy moves(&proxy, &QAbstractItemModel::rowsMoved);

    // "a" goes from first to last, and back to the middle.
    feed.nodes(false, { node(u"a"_qs, v1::NODE_STATE_IDLE, 90) });
    QCOMPARE(proxyKeys(proxy), (QStringList { u"b"_qs, u"c"_qs, u"d"_qs, u"a"_qs }));
    QCOMPARE(moves.count(), 1);
    QCOMPARE(selection.currentIndex().data(KeyRole).toString(), u"a"_qs);
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().row(), 3);

    feed.nodes(false, { node(u"a"_qs, v1::NODE_STATE_IDLE, 25) });
    QCOMPARE(proxyKeys(proxy), (QStringList { u"b"_qs, u"a"_qs, u"c"_qs, u"d"_qs }));
    QCOMPARE(moves.count(), 2);
    QCOMPARE(selection.selectedRows().first().data(KeyRole).toString(), u"a"_qs);

    // A change that keeps the row in place is no move.
    feed.nodes(false, { node(u"a"_qs, v1::NODE_STATE_IDLE, 26) });
    QCOMPARE(moves.count(), 2);
}

void TestTableProxyModel::sortAndFilterKeepTheSelection()
{
    client::SiteState site;
    Feeder feed(&site);
    QList<v1::Node> nodes;
    for (int i = 0; i < 50; ++i)
        nodes.append(node(
            nodeName(i), i % 2 ? v1::NODE_STATE_IDLE : v1::NODE_STATE_DRAINED, (i * 37) % 100));
    feed.nodes(true, nodes);
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QItemSelectionModel selection(&proxy);
    const QString chosen = nodeName(7); // idle
    selection.select(proxy.mapFromSource(model.index(model.rowOf(chosen), 0)),
        QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    proxy.sort(NodeTableModel::UtilisationColumn, Qt::DescendingOrder);
    QCOMPARE(proxyKeys(proxy), expectedKeys(model, proxy));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().data(KeyRole).toString(), chosen);

    proxy.filter()->setText(u"state:idle"_qs);
    QCOMPARE(proxy.rowCount(), 25);
    QCOMPARE(selection.selectedRows().first().data(KeyRole).toString(), chosen);

    // A filter that hides the row drops it from the selection.
    proxy.filter()->setText(u"state:drained"_qs);
    QVERIFY(selection.selectedRows().isEmpty());
}

void TestTableProxyModel::scatteredRemovalsAreRowRemovals()
{
    client::SiteState site;
    Feeder feed(&site);
    QList<v1::Node> nodes;
    for (int i = 0; i < 100; ++i)
        nodes.append(node(nodeName(i), v1::NODE_STATE_IDLE, i % 10));
    feed.nodes(true, nodes);
    NodeTableModel model(&site);
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&model);
    proxy.sort(NodeTableModel::UtilisationColumn);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy removed(&proxy, &QAbstractItemModel::rowsRemoved);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);

    // Source rows 10, 20, 30 are proxy rows 1, 2, 3 (utilisation 0, ties in source order): one
    // proxy range from three source ranges would still be three signals, one per source range.
    feed.nodes(false, {}, { nodeName(10), nodeName(20), nodeName(30), nodeName(55) });
    QCOMPARE(removed.count(), 4);
    QCOMPARE(layouts.count(), 0);
    QCOMPARE(proxy.rowCount(), 96);
    QCOMPARE(proxyKeys(proxy), expectedKeys(model, proxy));
}

void TestTableProxyModel::textsSortInTheConsolesLanguage()
{
    // Tenant names whose code points (张 U+5F20, 李 U+674E, 王 U+738B, 赵 U+8D75) order them
    // otherwise than their pinyin (li, wang, zhang, zhao), and Latin names in either case.
    const QStringList names { u"张江实验室"_qs, u"李氏智能"_qs, u"王府井云"_qs, u"赵家算力"_qs };
    const QStringList pinyin { u"李氏智能"_qs, u"王府井云"_qs, u"张江实验室"_qs, u"赵家算力"_qs };
    QStringList codePoints = names;
    std::sort(codePoints.begin(), codePoints.end());
    QVERIFY(codePoints != pinyin);

    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    const auto restore = qScopeGuard([&before] { QLocale::setDefault(before); });
    QStandardItemModel source;
    for (const QString &name : { names.at(3), names.at(0), names.at(2), names.at(1) }) {
        auto *cell = new QStandardItem(name);
        cell->setData(name, SortRole);
        cell->setData(name, KeyRole);
        source.appendRow(cell);
    }
    const auto shown = [](const QAbstractItemModel &proxy) {
        QStringList out;
        for (int row = 0; row < proxy.rowCount(); ++row)
            out.append(proxy.index(row, 0).data().toString());
        return out;
    };

    TableProxyModel table(tenantFields());
    table.setSourceModel(&source);
    QAbstractItemModelTester tester(&table, QAbstractItemModelTester::FailureReportingMode::Fatal);
    table.sort(0);
    QCOMPARE(shown(table), pinyin);
    table.sort(0, Qt::DescendingOrder);
    QStringList reversed = pinyin;
    std::reverse(reversed.begin(), reversed.end());
    QCOMPARE(shown(table), reversed);
    // A renamed tenant moves to its place by its new name's pinyin (an, before li).
    source.item(0)->setData(u"安徽超算"_qs, SortRole);
    source.item(0)->setText(u"安徽超算"_qs);
    table.sort(0);
    QCOMPARE(shown(table).first(), u"安徽超算"_qs);

    // The tenant tree's proxy sorts the same way.
    source.item(0)->setData(names.at(3), SortRole);
    source.item(0)->setText(names.at(3));
    FilterProxyModel tree(tenantFields());
    tree.setSourceModel(&source);
    tree.sort(0);
    QCOMPARE(shown(tree), pinyin);
}

void TestTableProxyModel::anySourceInsertsAndLayouts()
{
    // A source that inserts in the middle and reorders itself.
    QStandardItemModel source;
    const auto item = [](const QString &text, int value) {
        auto *cell = new QStandardItem(text);
        cell->setData(value, SortRole);
        cell->setData(text, KeyRole);
        return QList<QStandardItem *> { cell };
    };
    for (int i = 0; i < 6; ++i)
        source.appendRow(item(QString::number(i), (i * 5) % 3));
    TableProxyModel proxy(nodeFields());
    proxy.setSourceModel(&source);
    proxy.sort(0);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto values = [&proxy] {
        QStringList shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.index(row, 0).data().toString());
        return shown;
    };
    // Values 0 2 1 0 2 1: by value, ties in source order.
    QCOMPARE(values(), (QStringList { u"0"_qs, u"3"_qs, u"2"_qs, u"5"_qs, u"1"_qs, u"4"_qs }));

    source.insertRow(1, item(u"x"_qs, 1));
    QCOMPARE(
        values(), (QStringList { u"0"_qs, u"3"_qs, u"x"_qs, u"2"_qs, u"5"_qs, u"1"_qs, u"4"_qs }));
    source.removeRows(2, 2); // "1" and "2"
    QCOMPARE(values(), (QStringList { u"0"_qs, u"3"_qs, u"x"_qs, u"5"_qs, u"4"_qs }));

    QItemSelectionModel selection(&proxy);
    selection.select(proxy.index(3, 0), QItemSelectionModel::ClearAndSelect); // "5"
    // The source reordering itself changes only ties; the selection stays on its row.
    source.setSortRole(KeyRole);
    source.sort(0, Qt::DescendingOrder);
    QCOMPARE(values(), (QStringList { u"3"_qs, u"0"_qs, u"x"_qs, u"5"_qs, u"4"_qs }));
    QCOMPARE(selection.selectedIndexes().first().data().toString(), u"5"_qs);
}

QTEST_MAIN(TestTableProxyModel)
#include "tst_tableproxymodel.moc"
