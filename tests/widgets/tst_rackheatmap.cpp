#include "widgets/Palette.h"
#include "widgets/RackHeatmap.h"

#include <QApplication>
#include <QHelpEvent>
#include <QLoggingCategory>
#include <QPalette>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <functional>
#include <memory>

using namespace suanli::widgets;

namespace {

QString nodeName(int rack, int node)
{
    return QStringLiteral("r%1-n%2").arg(rack).arg(node);
}

// racks x perRack nodes named r<rack>-n<node>, numbered from 1, in the given order of racks.
QVector<HeatmapCell> cells(
    const QList<int> &racks, int perRack, const std::function<int(int, int)> &state)
{
    QVector<HeatmapCell> out;
    for (int r : racks) {
        // Nodes arrive out of order too: the heatmap sorts them.
        for (int n = perRack; n >= 1; --n) {
            HeatmapCell c;
            c.name = nodeName(r, n);
            c.rack = QStringLiteral("r%1").arg(r);
            c.state = state(r, n);
            c.value = 50;
            out.append(c);
        }
    }
    return out;
}

QList<int> range(int count)
{
    QList<int> out;
    for (int i = 1; i <= count; ++i)
        out.append(i);
    return out;
}

int allocated(int, int)
{
    return int(NodeStateColour::Allocated);
}

// Where a cell's own colour shows: its centre, except under the cross of a Down node.
QPoint probe(const QRect &rect, int state)
{
    if (state == int(NodeStateColour::Down))
        return QPoint(rect.center().x(), rect.top() + 2);
    return rect.center();
}

QPalette darkPalette()
{
    return Palette::surface(Surface::Dark);
}

// Counts the heatmap's "laid out" debug lines: how often it computed its geometry.
int g_layouts = 0;
QtMessageHandler g_previousHandler = nullptr;

void countLayouts(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (qstrcmp(context.category, "suanli.widgets") == 0) {
        if (message.contains(QStringLiteral("laid out")))
            ++g_layouts;
        return;
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

bool near(const QColor &a, const QColor &b, int tolerance)
{
    return std::abs(a.red() - b.red()) <= tolerance && std::abs(a.green() - b.green()) <= tolerance
        && std::abs(a.blue() - b.blue()) <= tolerance;
}

} // namespace

class TestRackHeatmap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void laysOutCellsByRackInNameOrder();
    void paintsEachStateInItsPaletteColour_data();
    void paintsEachStateInItsPaletteColour();
    void hoverShowsTheCellsTooltip();
    void clickCtrlAndShiftSelect();
    void rubberBandSelectsARectangle();
    void setSelectedNamesEmitsNothing();
    void updateNodesRepaintsOnlyThatCell();
    void updateNodesOfManyCellsKeepsTheLayout();
    void valuesModePaintsTheScaleAndNoData();
    void keyboardMovesSelectsAndActivates();
    void doubleClickActivates();
    void removeNodesDropsThemFromSelection();
    void setNodesKeepsSelection();
    void twentyThousandCellsPaint();
    void describesItselfForAccessibility();

private:
    std::unique_ptr<RackHeatmap> show(const QVector<HeatmapCell> &data, QSize size);
};

void TestRackHeatmap::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

std::unique_ptr<RackHeatmap> TestRackHeatmap::show(const QVector<HeatmapCell> &data, QSize size)
{
    auto w = std::make_unique<RackHeatmap>();
    w->setNodes(data);
    w->resize(size);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    return w;
}

void TestRackHeatmap::laysOutCellsByRackInNameOrder()
{
    // Racks and nodes arrive shuffled; r2 comes before r10 and n2 before n10.
    auto w = show(cells({ 10, 2, 1 }, 10, allocated), QSize(640, 420));
    QVERIFY(w);
    QCOMPARE(w->nodeCount(), 30);
    QCOMPARE(w->rackCount(), 3);
    const QRect legend = w->legendRect();
    QVERIFY(!legend.isEmpty());
    for (int r : { 1, 2, 10 }) {
        const QRect first = w->cellRect(nodeName(r, 1));
        QVERIFY(!first.isEmpty());
        QVERIFY(first.top() > legend.bottom());
        for (int n = 2; n <= 10; ++n) {
            // A rack is one row: same top, left to right in name order, evenly spaced.
            const QRect cell = w->cellRect(nodeName(r, n));
            const QRect before = w->cellRect(nodeName(r, n - 1));
            QCOMPARE(cell.top(), first.top());
            QCOMPARE(cell.size(), first.size());
            QCOMPARE(
                cell.left() - before.left(), w->cellRect(nodeName(r, 2)).left() - first.left());
            QVERIFY(cell.left() > before.right());
            QCOMPARE(w->nameAt(cell.center()), nodeName(r, n));
        }
    }
    // Racks flow down, then across: r1, r2, r10.
    const auto key = [&](int r) {
        const QRect c = w->cellRect(nodeName(r, 1));
        return qMakePair(c.left(), c.top());
    };
    QVERIFY(key(1) < key(2));
    QVERIFY(key(2) < key(10));
    // Cells of different racks never overlap.
    QVERIFY(!w->cellRect(nodeName(1, 1)).intersects(w->cellRect(nodeName(2, 1))));
    // Between cells there is nothing to hit.
    const QRect a = w->cellRect(nodeName(1, 1));
    QCOMPARE(w->nameAt(QPoint(a.right() + 1, a.center().y())), QString());
}

void TestRackHeatmap::paintsEachStateInItsPaletteColour_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light") << false;
    QTest::newRow("dark") << true;
}

void TestRackHeatmap::paintsEachStateInItsPaletteColour()
{
    QFETCH(bool, dark);
    // Rack r<s> holds nodes of state s, for every state (0 is "no data").
    const auto byRack = [](int r, int) { return r - 1; };
    auto w = show(cells(range(8), 4, byRack), QSize(640, 420));
    QVERIFY(w);
    if (dark)
        w->setPalette(darkPalette());
    const QImage image = w->grab().toImage();
    for (int r = 1; r <= 8; ++r) {
        const int state = r - 1;
        for (int n = 1; n <= 4; ++n) {
            const QRect rect = w->cellRect(nodeName(r, n));
            QVERIFY(rect.width() >= 8);
            QCOMPARE(image.pixelColor(probe(rect, state)), Palette::stateColour(state, dark));
        }
    }
    // Down nodes also carry a mark, so they do not depend on telling colours apart.
    const QRect down = w->cellRect(nodeName(int(NodeStateColour::Down) + 1, 1));
    QVERIFY(image.pixelColor(down.center()) != Palette::stateColour(NodeStateColour::Down, dark));
}

void TestRackHeatmap::hoverShowsTheCellsTooltip()
{
    auto data = cells({ 1, 2 }, 4, allocated);
    for (HeatmapCell &c : data) {
        if (c.name == nodeName(1, 2))
            c.tooltip = QStringLiteral("r1-n2: 8 x H800, 97 % busy");
    }
    auto w = show(data, QSize(640, 420));
    QVERIFY(w);

    const auto hover = [&](const QPoint &pos) {
        QHelpEvent help(QEvent::ToolTip, pos, w->mapToGlobal(pos));
        QApplication::sendEvent(w.get(), &help);
    };
    hover(w->cellRect(nodeName(1, 2)).center());
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), QStringLiteral("r1-n2: 8 x H800, 97 % busy"));

    // A node without a tooltip of its own: its name, rack and state in words.
    hover(w->cellRect(nodeName(2, 3)).center());
    QTRY_COMPARE(QToolTip::text(), w->toolTipFor(nodeName(2, 3)));
    QVERIFY(QToolTip::text().contains(nodeName(2, 3)));
    QVERIFY(QToolTip::text().contains(QStringLiteral("r2")));
    QVERIFY(QToolTip::text().contains(QStringLiteral("Allocated")));

    // Nowhere near a cell: no tooltip.
    hover(QPoint(w->width() - 2, w->height() - 2));
    QTRY_VERIFY(!QToolTip::isVisible());
}

void TestRackHeatmap::clickCtrlAndShiftSelect()
{
    auto w = show(cells({ 1, 2 }, 6, allocated), QSize(640, 420));
    QVERIFY(w);
    QSignalSpy spy(w.get(), &RackHeatmap::selectionChanged);
    const auto click = [&](const QString &name, Qt::KeyboardModifiers mods = {}) {
        QTest::mouseClick(w.get(), Qt::LeftButton, mods, w->cellRect(name).center());
    };
    const auto last = [&] { return spy.last().first().toStringList(); };

    click(nodeName(1, 2));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(last(), QStringList { nodeName(1, 2) });
    QCOMPARE(w->currentName(), nodeName(1, 2));

    // Shift: from the anchor to here, in the order shown (across the rack boundary).
    click(nodeName(2, 1), Qt::ShiftModifier);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(last(),
        (QStringList { nodeName(1, 2), nodeName(1, 3), nodeName(1, 4), nodeName(1, 5),
            nodeName(1, 6), nodeName(2, 1) }));

    // Ctrl toggles one cell, out and back in.
    click(nodeName(1, 4), Qt::ControlModifier);
    QCOMPARE(spy.count(), 3);
    QCOMPARE(last(),
        (QStringList {
            nodeName(1, 2), nodeName(1, 3), nodeName(1, 5), nodeName(1, 6), nodeName(2, 1) }));
    click(nodeName(1, 4), Qt::ControlModifier);
    QCOMPARE(spy.count(), 4);
    QCOMPARE(last().size(), 6);

    // Shift now ranges from the last Ctrl+clicked cell.
    click(nodeName(1, 6), Qt::ShiftModifier);
    QCOMPARE(last(), (QStringList { nodeName(1, 4), nodeName(1, 5), nodeName(1, 6) }));

    // A plain click selects just that cell; clicking it again changes nothing and says nothing.
    click(nodeName(2, 3));
    QCOMPARE(last(), QStringList { nodeName(2, 3) });
    const int count = spy.count();
    click(nodeName(2, 3));
    QCOMPARE(spy.count(), count);
    QCOMPARE(w->selectedNames(), QStringList { nodeName(2, 3) });

    // A click on empty space clears the selection.
    QTest::mouseClick(w.get(), Qt::LeftButton, {}, QPoint(w->width() - 3, w->height() - 3));
    QCOMPARE(spy.count(), count + 1);
    QCOMPARE(last(), QStringList());
    QVERIFY(w->selectedNames().isEmpty());
}

void TestRackHeatmap::rubberBandSelectsARectangle()
{
    // Narrow enough that the three racks stack in one column, one row each.
    auto w = show(cells({ 1, 2, 3 }, 6, allocated), QSize(260, 400));
    QVERIFY(w);
    QCOMPARE(w->cellRect(nodeName(1, 1)).left(), w->cellRect(nodeName(3, 1)).left());
    QVERIFY(w->cellRect(nodeName(2, 1)).top() > w->cellRect(nodeName(1, 1)).bottom());
    QSignalSpy spy(w.get(), &RackHeatmap::selectionChanged);

    const auto drag = [&](const QPoint &from, const QPoint &to, Qt::KeyboardModifiers mods = {}) {
        QTest::mousePress(w.get(), Qt::LeftButton, mods, from);
        QTest::mouseMove(w.get(), (from + to) / 2);
        QTest::mouseMove(w.get(), to);
        QTest::mouseRelease(w.get(), Qt::LeftButton, mods, to);
    };
    // From the gap above-left of r1-n2 to the middle of r2-n4.
    drag(
        w->cellRect(nodeName(1, 2)).topLeft() - QPoint(1, 1), w->cellRect(nodeName(2, 4)).center());
    QCOMPARE(spy.count(), 1);
    const QStringList block { nodeName(1, 2), nodeName(1, 3), nodeName(1, 4), nodeName(2, 2),
        nodeName(2, 3), nodeName(2, 4) };
    QCOMPARE(spy.last().first().toStringList(), block);
    QCOMPARE(w->selectedNames(), block);

    // Ctrl+drag adds to the selection.
    drag(w->cellRect(nodeName(3, 6)).bottomRight() + QPoint(1, 1),
        w->cellRect(nodeName(3, 5)).center(), Qt::ControlModifier);
    QCOMPARE(spy.count(), 2);
    const QStringList both = block + QStringList { nodeName(3, 5), nodeName(3, 6) };
    QCOMPARE(w->selectedNames(), both);

    // A plain drag replaces it.
    drag(w->cellRect(nodeName(3, 1)).center(), w->cellRect(nodeName(3, 2)).center());
    QCOMPARE(spy.count(), 3);
    QCOMPARE(w->selectedNames(), (QStringList { nodeName(3, 1), nodeName(3, 2) }));
}

void TestRackHeatmap::setSelectedNamesEmitsNothing()
{
    auto w = show(cells({ 1, 2 }, 4, allocated), QSize(640, 420));
    QVERIFY(w);
    QSignalSpy spy(w.get(), &RackHeatmap::selectionChanged);
    w->setSelectedNames({ nodeName(2, 1), nodeName(1, 3), QStringLiteral("no-such-node") });
    QCOMPARE(spy.count(), 0);
    // Unknown names are ignored; the rest come back in the order shown.
    QCOMPARE(w->selectedNames(), (QStringList { nodeName(1, 3), nodeName(2, 1) }));

    // A selected cell keeps its colour inside a ring in the text colour.
    const QImage image = w->grab().toImage();
    const QRect rect = w->cellRect(nodeName(1, 3));
    QCOMPARE(
        image.pixelColor(rect.center()), Palette::stateColour(NodeStateColour::Allocated, false));
    QCOMPARE(image.pixelColor(QPoint(rect.left() - 1, rect.center().y())),
        w->palette().color(QPalette::WindowText));
    const QRect plain = w->cellRect(nodeName(1, 2));
    QVERIFY(image.pixelColor(QPoint(plain.left() - 1, plain.center().y()))
        != w->palette().color(QPalette::WindowText));

    w->setSelectedNames({});
    QCOMPARE(spy.count(), 0);
    QVERIFY(w->selectedNames().isEmpty());
}

void TestRackHeatmap::updateNodesRepaintsOnlyThatCell()
{
    auto w = show(cells(range(4), 6, allocated), QSize(640, 420));
    QVERIFY(w);
    QHash<QString, QRect> rects;
    for (int r = 1; r <= 4; ++r) {
        for (int n = 1; n <= 6; ++n)
            rects.insert(nodeName(r, n), w->cellRect(nodeName(r, n)));
    }
    const QImage before = w->grab().toImage();

    HeatmapCell changed = w->node(nodeName(3, 4));
    changed.state = int(NodeStateColour::Maintenance);
    w->updateNodes({ changed });
    const QImage after = w->grab().toImage();

    const QRect cell = rects.value(nodeName(3, 4));
    QCOMPARE(
        after.pixelColor(cell.center()), Palette::stateColour(NodeStateColour::Maintenance, false));
    // Only that cell changed colour, and the legend its counts.
    const QRect allowed = cell.adjusted(-2, -2, 2, 2);
    const QRect legend = w->legendRect();
    int changedPixels = 0;
    for (int y = 0; y < before.height(); ++y) {
        for (int x = 0; x < before.width(); ++x) {
            if (before.pixel(x, y) == after.pixel(x, y))
                continue;
            ++changedPixels;
            QVERIFY2(allowed.contains(x, y) || legend.contains(x, y),
                qPrintable(QStringLiteral("pixel %1,%2 changed").arg(x).arg(y)));
        }
    }
    QVERIFY(changedPixels > 0);
    // No cell moved.
    for (auto it = rects.cbegin(); it != rects.cend(); ++it)
        QCOMPARE(w->cellRect(it.key()), it.value());

    // A new tooltip alone changes no pixel.
    changed.tooltip = QStringLiteral("rebooting after XID 79");
    w->updateNodes({ changed });
    QCOMPARE(w->grab().toImage(), after);
    QCOMPARE(w->toolTipFor(nodeName(3, 4)), changed.tooltip);
}

void TestRackHeatmap::updateNodesOfManyCellsKeepsTheLayout()
{
    auto data = cells(range(250), 8, allocated);
    auto w = show(data, QSize(1280, 720));
    QVERIFY(w);
    QVector<QRect> rects;
    for (const HeatmapCell &c : data)
        rects.append(w->cellRect(c.name));
    QVector<HeatmapCell> changes;
    for (int i = 0; i < 500; ++i) {
        HeatmapCell c = data[i * 3 % data.size()];
        c.state = int(NodeStateColour::Drained);
        changes.append(c);
    }
    QLoggingCategory::setFilterRules(QStringLiteral("suanli.widgets.debug=true"));
    g_layouts = 0;
    g_previousHandler = qInstallMessageHandler(countLayouts);
    const auto restore = qScopeGuard([] {
        qInstallMessageHandler(g_previousHandler);
        QLoggingCategory::setFilterRules(QString());
    });

    w->updateNodes(changes);
    for (qsizetype i = 0; i < data.size(); ++i)
        QCOMPARE(w->cellRect(data[i].name), rects[i]);
    const QImage image = w->grab().toImage();
    const QRect one = w->cellRect(changes.first().name);
    QCOMPARE(image.pixelColor(one.center()), Palette::stateColour(NodeStateColour::Drained, false));
    QCOMPARE(g_layouts, 0);

    // A new node or a move to another rack does lay out again.
    HeatmapCell moved = data.first();
    moved.rack = QStringLiteral("r999");
    w->updateNodes({ moved });
    QCOMPARE(w->rackCount(), 251);
    QVERIFY(w->cellRect(moved.name) != rects.first());
    QCOMPARE(g_layouts, 1);
}

void TestRackHeatmap::valuesModePaintsTheScaleAndNoData()
{
    auto data = cells({ 1 }, 4, allocated);
    for (HeatmapCell &c : data) {
        if (c.name == nodeName(1, 1))
            c.value = 0;
        else if (c.name == nodeName(1, 2))
            c.value = 100;
        else if (c.name == nodeName(1, 3))
            c.value = std::nan("");
        else
            c.value = 50;
    }
    auto w = show(data, QSize(640, 420));
    QVERIFY(w);
    const int legendStates = w->legendRect().height();
    w->setColourMode(RackHeatmap::ColourMode::Values, 0, 100, QStringLiteral("%"));
    QCOMPARE(w->colourMode(), RackHeatmap::ColourMode::Values);
    QVERIFY(w->legendRect().height() <= legendStates);
    const QImage image = w->grab().toImage();
    const auto at = [&](int n) { return image.pixelColor(w->cellRect(nodeName(1, n)).center()); };
    QCOMPARE(at(1), Palette::scaleColour(0.0, false));
    QCOMPARE(at(2), Palette::scaleColour(1.0, false));
    QCOMPARE(at(3), Palette::noDataColour(false));
    QVERIFY(near(at(4), Palette::scaleColour(0.5, false), 3));
    QVERIFY(w->toolTipFor(nodeName(1, 4)).contains(QStringLiteral("50 %")));
    QVERIFY(w->toolTipFor(nodeName(1, 3)).contains(QStringLiteral("No data")));

    // Back to states: the value no longer matters.
    w->setColourMode(RackHeatmap::ColourMode::States);
    const QImage states = w->grab().toImage();
    QCOMPARE(states.pixelColor(w->cellRect(nodeName(1, 3)).center()),
        Palette::stateColour(NodeStateColour::Allocated, false));
}

void TestRackHeatmap::keyboardMovesSelectsAndActivates()
{
    auto w = show(cells({ 1, 2, 3 }, 6, allocated), QSize(260, 400));
    QVERIFY(w);
    QSignalSpy selection(w.get(), &RackHeatmap::selectionChanged);
    QSignalSpy activated(w.get(), &RackHeatmap::activated);
    QSignalSpy current(w.get(), &RackHeatmap::currentChanged);

    QTest::keyClick(w.get(), Qt::Key_Right);
    QCOMPARE(w->currentName(), nodeName(1, 1));
    QTest::keyClick(w.get(), Qt::Key_Right);
    QCOMPARE(w->currentName(), nodeName(1, 2));
    QTest::keyClick(w.get(), Qt::Key_Down);
    QCOMPARE(w->currentName(), nodeName(2, 2));
    QTest::keyClick(w.get(), Qt::Key_Up);
    QCOMPARE(w->currentName(), nodeName(1, 2));
    QTest::keyClick(w.get(), Qt::Key_End);
    QCOMPARE(w->currentName(), nodeName(3, 6));
    QTest::keyClick(w.get(), Qt::Key_Right); // already last: stays
    QCOMPARE(w->currentName(), nodeName(3, 6));
    QTest::keyClick(w.get(), Qt::Key_Home);
    QCOMPARE(w->currentName(), nodeName(1, 1));
    QCOMPARE(current.count(), 6);
    // Moving does not select.
    QCOMPARE(selection.count(), 0);

    QTest::keyClick(w.get(), Qt::Key_Space);
    QCOMPARE(selection.count(), 1);
    QCOMPARE(w->selectedNames(), QStringList { nodeName(1, 1) });

    QTest::keyClick(w.get(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(w.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(selection.count(), 3);
    QCOMPARE(w->selectedNames(), (QStringList { nodeName(1, 1), nodeName(1, 2), nodeName(1, 3) }));

    QTest::keyClick(w.get(), Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.last().first().toString(), nodeName(1, 3));

    QTest::keyClick(w.get(), Qt::Key_Space, Qt::ControlModifier);
    QCOMPARE(w->selectedNames(), (QStringList { nodeName(1, 1), nodeName(1, 2) }));

    QTest::keyClick(w.get(), Qt::Key_Escape);
    QCOMPARE(selection.count(), 5);
    QVERIFY(w->selectedNames().isEmpty());
}

void TestRackHeatmap::doubleClickActivates()
{
    auto w = show(cells({ 1, 2 }, 6, allocated), QSize(640, 420));
    QVERIFY(w);
    QSignalSpy activated(w.get(), &RackHeatmap::activated);
    QTest::mouseDClick(w.get(), Qt::LeftButton, {}, w->cellRect(nodeName(2, 5)).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toString(), nodeName(2, 5));
    QCOMPARE(w->selectedNames(), QStringList { nodeName(2, 5) });
}

void TestRackHeatmap::removeNodesDropsThemFromSelection()
{
    auto w = show(cells({ 1, 2 }, 4, allocated), QSize(640, 420));
    QVERIFY(w);
    w->setSelectedNames({ nodeName(1, 1), nodeName(1, 2) });
    QSignalSpy spy(w.get(), &RackHeatmap::selectionChanged);
    w->removeNodes({ nodeName(1, 3) });
    QCOMPARE(spy.count(), 0);
    QCOMPARE(w->nodeCount(), 7);
    QVERIFY(!w->contains(nodeName(1, 3)));
    QVERIFY(w->cellRect(nodeName(1, 3)).isEmpty());

    w->removeNodes({ nodeName(1, 1), QStringLiteral("no-such-node") });
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().first().toStringList(), QStringList { nodeName(1, 2) });

    // A rack with no nodes left disappears.
    w->removeNodes({ nodeName(2, 1), nodeName(2, 2), nodeName(2, 3), nodeName(2, 4) });
    QCOMPARE(w->rackCount(), 1);
    const QImage image = w->grab().toImage();
    QCOMPARE(image.pixelColor(w->cellRect(nodeName(1, 4)).center()),
        Palette::stateColour(NodeStateColour::Allocated, false));
}

void TestRackHeatmap::setNodesKeepsSelection()
{
    auto data = cells({ 1, 2 }, 4, allocated);
    auto w = show(data, QSize(640, 420));
    QVERIFY(w);
    w->setSelectedNames({ nodeName(1, 2), nodeName(2, 2) });
    w->setCurrentName(nodeName(2, 2));
    QSignalSpy spy(w.get(), &RackHeatmap::selectionChanged);
    for (HeatmapCell &c : data)
        c.state = int(NodeStateColour::Idle);
    w->setNodes(data);
    QCOMPARE(spy.count(), 0);
    QCOMPARE(w->selectedNames(), (QStringList { nodeName(1, 2), nodeName(2, 2) }));
    QCOMPARE(w->currentName(), nodeName(2, 2));

    // A snapshot without a selected node tells the view its selection shrank.
    data.removeIf([](const HeatmapCell &c) { return c.name == nodeName(2, 2); });
    w->setNodes(data);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().first().toStringList(), QStringList { nodeName(1, 2) });
    QCOMPARE(w->currentName(), QString());
}

void TestRackHeatmap::twentyThousandCellsPaint()
{
    QRandomGenerator rng(42);
    QVector<HeatmapCell> data;
    data.reserve(20000);
    for (int r = 1; r <= 1250; ++r) {
        for (int n = 1; n <= 16; ++n) {
            HeatmapCell c;
            c.name = nodeName(r, n);
            c.rack = QStringLiteral("r%1").arg(r);
            c.state = int(rng.bounded(8));
            c.value = rng.bounded(10) == 0 ? std::nan("") : rng.bounded(100.0);
            data.append(c);
        }
    }
    auto w = show(data, QSize(1280, 800));
    QVERIFY(w);
    QCOMPARE(w->nodeCount(), 20000);
    QImage image = w->grab().toImage();
    QVERIFY(!image.isNull());
    for (int i : { 0, 7777, 19999 }) {
        const QRect rect = w->cellRect(data[i].name);
        QVERIFY(!rect.isEmpty());
        QVERIFY(QRect(QPoint(0, 0), w->size()).contains(rect));
        if (data[i].state != int(NodeStateColour::Down))
            QCOMPARE(image.pixelColor(rect.center()), Palette::stateColour(data[i].state, false));
    }

    QVector<HeatmapCell> changes;
    for (int i = 0; i < 500; ++i) {
        HeatmapCell c = data[int(rng.bounded(20000))];
        c.state = int(NodeStateColour::Down);
        changes.append(c);
    }
    w->updateNodes(changes);
    QStringList gone;
    for (int i = 0; i < 1000; ++i)
        gone.append(data[i * 20].name);
    w->removeNodes(gone);
    QCOMPARE(w->nodeCount(), 19000);
    w->setColourMode(RackHeatmap::ColourMode::Values, 0, 100, QStringLiteral("%"));
    w->setSelectedNames({ data[1].name, data[2].name });
    image = w->grab().toImage();
    QVERIFY(!image.isNull());
}

void TestRackHeatmap::describesItselfForAccessibility()
{
    const auto downInRack2 = [](int r, int n) {
        return r == 2 && n == 1 ? int(NodeStateColour::Down) : int(NodeStateColour::Allocated);
    };
    auto w = show(cells({ 1, 2, 3 }, 6, downInRack2), QSize(640, 420));
    QVERIFY(w);
    QVERIFY(!w->accessibleName().isEmpty());
    QVERIFY(w->accessibleDescription().contains(QStringLiteral("18 nodes in 3 racks")));
    QVERIFY(w->accessibleDescription().contains(QStringLiteral("Down 1")));
    HeatmapCell c = w->node(nodeName(3, 3));
    c.state = int(NodeStateColour::Down);
    w->updateNodes({ c });
    QVERIFY(w->accessibleDescription().contains(QStringLiteral("Down 2")));
    QVERIFY(w->accessibleDescription().contains(QStringLiteral("Allocated 16")));
    QVERIFY(w->focusPolicy() & Qt::TabFocus);
}

QTEST_MAIN(TestRackHeatmap)
#include "tst_rackheatmap.moc"
