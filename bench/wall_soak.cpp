// Runs the wall display unattended against the demo's simulated centres at high speed and
// watches its memory: resident size every 30 s, then the slope of a least-squares line through
// the samples after the warm-up, in MB per hour. A wall that leaks shows a steady climb.
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_wall_soak [--minutes 20] [--speed 60]
//       [--rotate 5] [--sample 30] [--warmup 5]
//
// The centres are those of `suanli --demo` (2,000 + 800 + 600 nodes); their gateways run as
// child processes and are not counted.
#include "app/DemoFederation.h"
#include "app/Federation.h"
#include "app/wall/WallAlertTicker.h"
#include "app/wall/WallWindow.h"
#include "bench/BenchHelp.h"
#include "client/Connection.h"
#include "client/SiteState.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTimer>
#include <cstdio>
#include <unistd.h>

namespace {
double residentMb()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return -1;
    return double(fields.at(1).toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

// Least-squares slope of y over x.
double slope(const QList<QPointF> &points)
{
    const double n = double(points.size());
    if (n < 2)
        return 0;
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto &p : points) {
        sx += p.x();
        sy += p.y();
        sxx += p.x() * p.x();
        sxy += p.x() * p.y();
    }
    const double d = n * sxx - sx * sx;
    return d == 0 ? 0 : (n * sxy - sx * sy) / d;
}
} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: QT_QPA_PLATFORM=offscreen bench_wall_soak [--minutes 20] [--speed 60] "
            "[--rotate 5] [--sample 30] [--warmup 5]\nRuns the wall unattended on the demo's "
            "centres and prints its memory over time (MB per hour).\n"))
        return 0;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption minutesOption(QStringLiteral("minutes"),
        QStringLiteral("How long to run."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption speedOption(QStringLiteral("speed"),
        QStringLiteral("Simulated seconds per real second."), QStringLiteral("x"),
        QStringLiteral("60"));
    const QCommandLineOption rotateOption(QStringLiteral("rotate"),
        QStringLiteral("Seconds per wall page."), QStringLiteral("s"), QStringLiteral("5"));
    const QCommandLineOption sampleOption(QStringLiteral("sample"),
        QStringLiteral("Seconds between memory samples."), QStringLiteral("s"),
        QStringLiteral("30"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
        QStringLiteral("Minutes left out of the slope (snapshots, caches)."), QStringLiteral("n"),
        QStringLiteral("5"));
    parser.addOptions({ minutesOption, speedOption, rotateOption, sampleOption, warmupOption });
    parser.process(app);
    const double minutes = parser.value(minutesOption).toDouble();
    const double speed = parser.value(speedOption).toDouble();
    const int sampleSeconds = std::max(1, parser.value(sampleOption).toInt());
    const double warmupMinutes = parser.value(warmupOption).toDouble();

    suanli::app::Federation federation;
    suanli::app::WallWindow wall(&federation);
    wall.setRotateSeconds(parser.value(rotateOption).toInt());
    // Nobody acknowledges the simulator's alerts: give the screen back after 10 s.
    wall.setTakeoverSeconds(10);
    wall.resize(1920, 1080);
    wall.show();

    suanli::app::DemoFederation simulated(suanli::app::DemoFederation::findSuanlid());
    QObject::connect(&simulated, &suanli::app::DemoFederation::siteReady, &federation,
        [&](const suanli::client::ConnectionProfile &profile) { federation.addCentre(profile); });
    QObject::connect(&simulated, &suanli::app::DemoFederation::failed, &app, [&](const QString &m) {
        std::printf("failed: %s\n", qPrintable(m));
        app.exit(1);
    });
    const auto sites = suanli::app::DemoFederation::defaultSites();
    simulated.start(sites, speed);
    int nodes = 0;
    for (const auto &s : sites)
        nodes += s.nodes;
    std::printf("wall soak: %d centres, %d nodes, speed %.0f, %.0f min, sample every %d s\n",
        int(sites.size()), nodes, speed, minutes, sampleSeconds);

    QElapsedTimer clock;
    clock.start();
    QList<QPointF> samples; // (hours, MB)
    int takeovers = 0;
    bool wasTakeover = false;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, &app, [&] {
        if (wall.isTakeoverShown() && !wasTakeover)
            ++takeovers;
        wasTakeover = wall.isTakeoverShown();
    });
    watch.start(1000);
    auto sample = [&] {
        const double t = clock.elapsed() / 1000.0;
        const double mb = residentMb();
        samples.append({ t / 3600.0, mb });
        int live = 0;
        qsizetype synced = 0, alerts = 0;
        for (auto *c : federation.centres()) {
            live += c->state() == suanli::client::Connection::State::Live ? 1 : 0;
            synced += c->site()->nodes().items.size();
            alerts += c->site()->alerts().items.size();
        }
        std::printf("t=%6.0f s  rss=%7.1f MB  live=%d/%d  nodes=%lld  alerts=%lld  page=%2d  "
                    "ticker=%d  takeovers=%d\n",
            t, mb, live, int(sites.size()), qlonglong(synced), qlonglong(alerts),
            wall.currentIndex(), wall.ticker()->itemCount(), takeovers);
    };
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &app, [&] {
        sample();
        if (clock.elapsed() >= qint64(minutes * 60000))
            app.quit();
    });
    sample();
    sampler.start(sampleSeconds * 1000);
    const int code = app.exec();
    simulated.stop();

    QList<QPointF> steady;
    for (const auto &p : std::as_const(samples))
        if (p.x() * 60.0 >= warmupMinutes)
            steady.append(p);
    if (!samples.isEmpty())
        std::printf("rss first %.1f MB, last %.1f MB, max %.1f MB\n", samples.first().y(),
            samples.last().y(),
            std::max_element(samples.cbegin(), samples.cend(),
                [](const QPointF &a, const QPointF &b) { return a.y() < b.y(); })
                ->y());
    std::printf(
        "slope over all %lld samples: %+.2f MB/h\n", qlonglong(samples.size()), slope(samples));
    std::printf("slope after %.0f min warm-up (%lld samples): %+.2f MB/h\n", warmupMinutes,
        qlonglong(steady.size()), slope(steady));
    // The last third: once the gateways' alert history (2,000 cleared alerts a centre) is full.
    QList<QPointF> last;
    for (const auto &p : std::as_const(samples))
        if (p.x() * 60.0 >= minutes * 2.0 / 3.0)
            last.append(p);
    std::printf("slope over the last third (%lld samples): %+.2f MB/h\n", qlonglong(last.size()),
        slope(last));
    return code;
}
