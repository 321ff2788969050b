// Renders every page of the wall display, with the demo's simulated centres, to PNGs for the
// documentation: federation, a centre's key figures, heatmap, queues, tenants, energy, and a
// critical-alert takeover (waits for the simulator to raise one).
//
//   QT_QPA_PLATFORM=offscreen build/bench/bench_wall_shots docs [--centre lingang] [--prefix wall-]
#include "app/DemoFederation.h"
#include "app/Federation.h"
#include "app/wall/WallEnergyPage.h"
#include "app/wall/WallPage.h"
#include "app/wall/WallWindow.h"
#include "bench/BenchHelp.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/TimeSeriesPlot.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QTimer>
#include <cstdio>
#include <functional>

namespace {
// Runs the event loop until done() or the deadline; false on timeout.
bool waitFor(const std::function<bool()> &done, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    }
    return true;
}

void settle(int ms)
{
    waitFor([] { return false; }, ms);
}
} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: QT_QPA_PLATFORM=offscreen bench_wall_shots DIR [--centre lingang] [--prefix "
            "wall-]\nRenders every page of the wall on the demo's centres to PNGs in DIR.\n"))
        return 0;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("Where the PNGs go."));
    const QCommandLineOption prefixOption(QStringLiteral("prefix"),
        QStringLiteral("File name prefix."), QStringLiteral("text"), QStringLiteral("wall-"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Screen size."),
        QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    parser.addOptions({ prefixOption, sizeOption });
    parser.process(app);
    const QString folder = parser.positionalArguments().value(0, QStringLiteral("."));
    const QString prefix = parser.value(prefixOption);
    const QStringList size = parser.value(sizeOption).split(u'x');
    QDir().mkpath(folder);

    suanli::app::Federation federation;
    suanli::app::WallWindow wall(&federation);
    wall.setRotateSeconds(0);
    wall.setTakeoverSeconds(0);
    wall.resize(size.value(0).toInt(), size.value(1).toInt());
    wall.show();
    suanli::app::DemoFederation simulated(suanli::app::DemoFederation::findSuanlid());
    QObject::connect(&simulated, &suanli::app::DemoFederation::siteReady, &federation,
        [&](const suanli::client::ConnectionProfile &profile) { federation.addCentre(profile); });
    const auto sites = suanli::app::DemoFederation::defaultSites();
    // Fast, so the energy page has hours of history to plot by the time it is rendered.
    simulated.start(sites, 600.0);

    auto save = [&](const QString &name) {
        const QString path = folder + u'/' + prefix + name + QStringLiteral(".png");
        const bool ok = wall.grab().save(path);
        std::printf("%s %s (%s)\n", ok ? "saved" : "FAILED", qPrintable(path),
            qPrintable(wall.titleText()));
    };
    const bool ready = waitFor(
        [&] {
            if (federation.centres().size() != sites.size())
                return false;
            for (auto *c : federation.centres())
                if (c->state() != suanli::client::Connection::State::Live
                    || c->site()->overview().nodes_total() == 0 || !c->site()->tenants().synced
                    || !c->site()->queues().synced || c->site()->nodes().items.isEmpty())
                    return false;
            return true;
        },
        120000);
    if (!ready) {
        std::printf("the demo centres did not come up in 2 minutes\n");
        return 1;
    }
    // Let the alerts already open count as old news, and a few simulated hours pass.
    settle(45000);
    // The largest demo centre, for the per-centre pages.
    auto *first = federation.centres().first();
    for (auto *c : federation.centres())
        if (c->site()->nodes().items.size() > first->site()->nodes().items.size())
            first = c;
    const QList<QPair<QString, QString>> pages
        = { { QStringLiteral("WallFederationPage"), QStringLiteral("federation") },
              { QStringLiteral("WallKpiPage"), QStringLiteral("kpis") },
              { QStringLiteral("WallHeatmapPage"), QStringLiteral("heatmap") },
              { QStringLiteral("WallQueuePage"), QStringLiteral("queues") },
              { QStringLiteral("WallTenantPage"), QStringLiteral("tenants") },
              { QStringLiteral("WallEnergyPage"), QStringLiteral("energy") } };
    // Pages first, with takeovers held off for a moment.
    wall.setTakeoverSeconds(1);
    for (const auto &[kind, name] : pages) {
        auto *page
            = wall.findPage(kind, kind == QStringLiteral("WallFederationPage") ? nullptr : first);
        for (int i = 0; i < wall.pageCount(); ++i)
            if (wall.page(i) == page)
                wall.showPage(i);
        waitFor([&] { return !wall.isTakeoverShown(); }, 5000);
        wall.tick();
        settle(1200);
        if (auto *energy = qobject_cast<suanli::app::WallEnergyPage *>(page))
            waitFor(
                [&] {
                    energy->refresh();
                    return energy->trend()->pointCount(QStringLiteral("facility_power_watts")) > 0;
                },
                60000);
        // Plots draw new points on their next replot tick.
        settle(600);
        waitFor([&] { return !wall.isTakeoverShown(); }, 5000);
        save(name);
    }
    wall.setTakeoverSeconds(0);
    if (waitFor([&] { return wall.isTakeoverShown(); }, 300000)) {
        settle(500);
        save(QStringLiteral("critical"));
    } else {
        std::printf("no critical alert in 5 minutes: no takeover shot\n");
    }
    simulated.stop();
    return 0;
}
