// bench_heatmap_paint: how long a RackHeatmap of 20,000 nodes takes to lay out, paint whole,
// paint a small exposed rect, and take a 500-node update. Run by hand; prints one line a figure.
//   build-widgets/widgets/bench_heatmap_paint [rounds]
#include "widgets/HeatmapCell.h"
#include "widgets/Palette.h"
#include "widgets/RackHeatmap.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <ctime>
#include <vector>

using namespace suanli::widgets;

namespace {

QVector<HeatmapCell> makeCells(int racks, int perRack, QRandomGenerator &rng)
{
    QVector<HeatmapCell> cells;
    cells.reserve(racks * perRack);
    for (int r = 0; r < racks; ++r) {
        const QString rack = QStringLiteral("R%1").arg(r + 1, 4, 10, QLatin1Char('0'));
        for (int n = 0; n < perRack; ++n) {
            HeatmapCell cell;
            cell.name = rack.toLower() + QStringLiteral("-n%1").arg(n + 1, 2, 10, QLatin1Char('0'));
            cell.rack = rack;
            cell.state = 1 + int(rng.bounded(7));
            cell.value = rng.bounded(50) == 0 ? std::nan("") : rng.bounded(100.0);
            cells.append(cell);
        }
    }
    return cells;
}

struct Stats {
    double median = 0;
    double mean = 0;
    double worst = 0;
    double cpuMedian
        = 0; // this thread's CPU time: what the figure is on a machine shared with others
};

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

template <class F> Stats measure(int rounds, F &&f)
{
    std::vector<double> ms;
    std::vector<double> cpu;
    f(); // warm-up: glyph caches, first layout
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        const double c0 = threadCpuMs();
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        cpu.push_back(threadCpuMs() - c0);
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    Stats s;
    s.median = ms[ms.size() / 2];
    s.worst = ms.back();
    s.cpuMedian = cpu[cpu.size() / 2];
    for (double v : ms)
        s.mean += v / double(ms.size());
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 50;
    QTextStream out(stdout);
    QRandomGenerator rng(20240501);

    RackHeatmap heatmap;
    heatmap.resize(1920, 1080);
    const QVector<HeatmapCell> cells = makeCells(1250, 16, rng);

    QElapsedTimer t;
    t.start();
    heatmap.setNodes(cells);
    const double setMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    const QRect first = heatmap.cellRect(cells.first().name); // forces the layout
    const double layoutMs = double(t.nsecsElapsed()) / 1e6;

    const qreal dpr = heatmap.devicePixelRatioF();
    QImage image(heatmap.size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    const auto paintAll = [&] { heatmap.render(&image); };
    const QRect small(first.topLeft(), QSize(200, 200));
    const auto paintSmall = [&] { heatmap.render(&image, small.topLeft(), QRegion(small)); };

    out << "RackHeatmap: " << cells.size() << " nodes in " << heatmap.rackCount() << " racks, "
        << heatmap.width() << "x" << heatmap.height() << " px, cell pitch "
        << (heatmap.cellRect(cells[1].name).left() - first.left()) << " px, dpr " << dpr << ", "
        << rounds << " rounds\n";
    out << QStringLiteral("  setNodes (group, sort):        %1 ms\n").arg(setMs, 0, 'f', 2);
    out << QStringLiteral("  first layout:                  %1 ms\n").arg(layoutMs, 0, 'f', 2);

    const auto report = [&](const char *what, const Stats &s) {
        out << QStringLiteral("  %1 median %2 ms (CPU %3 ms), mean %4 ms, worst %5 ms\n")
                   .arg(QString::fromLatin1(what).leftJustified(30),
                       QString::number(s.median, 'f', 2), QString::number(s.cpuMedian, 'f', 2),
                       QString::number(s.mean, 'f', 2), QString::number(s.worst, 'f', 2));
    };
    report("full paint, states:", measure(rounds, paintAll));
    report("200x200 exposed rect, states:", measure(rounds, paintSmall));
    heatmap.setColourMode(RackHeatmap::ColourMode::Values, 0, 100, QStringLiteral("%"));
    report("full paint, values:", measure(rounds, paintAll));

    // 500 changed nodes a tick: state and value change, no new nodes, no rack moves.
    QVector<HeatmapCell> changed;
    for (int i = 0; i < 500; ++i)
        changed.append(cells[int(rng.bounded(int(cells.size())))]);
    int tick = 0;
    const QRect before = heatmap.cellRect(changed.first().name);
    report("updateNodes(500):", measure(rounds, [&] {
        ++tick;
        for (HeatmapCell &c : changed) {
            c.state = 1 + (c.state + tick) % 7;
            c.value = double((tick * 7 + c.name.size()) % 100);
        }
        heatmap.updateNodes(changed);
    }));
    out << "  layout unchanged by updates: "
        << (heatmap.cellRect(changed.first().name) == before ? "yes" : "NO") << "\n";
    return 0;
}
