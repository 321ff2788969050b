// Measures the console with a federation of many centres: N simulated gateways (each of
// --nodes nodes and --jobs active jobs, the six simulated sites in turn) and the real
// MainWindow offscreen with the N centres, the Federation page shown. It prints the time from
// adding the centres to all of them live, the console's resident memory and its CPU (% of one
// core) at steady state over --seconds, then opens one centre's Jobs page and prints how long
// until every job of that centre is in the page's table.
//
//   build/bench/bench_federation_scale [--centres 20] [--nodes 2000] [--jobs 10000]
//   [--seconds 60] [--speed 1] [--language en|zh_CN] [--hold SECONDS]
//
// --hold keeps the window on the Federation page that long once all are live and the figures are
// printed (run on a display, not offscreen, to take a screenshot of it).
//
// The gateways run on the same machine as the console: their load is in the machine's load
// average, not in the console's CPU figure.
#include "app/Federation.h"
#include "app/Language.h"
#include "app/MainWindow.h"
#include "app/pages/FederationPage.h"
#include "app/pages/JobsPage.h"
#include "bench/BenchHelp.h"
#include "bench/ProcessFigures.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "tests/integration/GatewayProcess.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QElapsedTimer>
#include <cstdio>
#include <memory>
#include <vector>

using namespace suanli;
using namespace suanli::bench;

namespace {
double loadAverage()
{
    double load[1] = { 0 };
    return getloadavg(load, 1) == 1 ? load[0] : -1;
}
} // namespace

int main(int argc, char **argv)
{
    if (helpAsked(argc, argv,
            "usage: bench_federation_scale [--centres 20] [--nodes 2000] [--jobs 10000] "
            "[--seconds 60] [--speed 1] [--language en|zh_CN] [--hold SECONDS]\nThe console with N "
            "simulated centres, the Federation page "
            "shown: time to all live, RSS, CPU at steady state, then one centre's Jobs page.\n"))
        return 0;
    int centres = 20, seconds = 60, hold = 0;
    std::string nodes = "2000", jobs = "10000", speed = "1", language = "en";
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--centres")
            centres = std::stoi(argv[++i]);
        else if (a == "--nodes")
            nodes = argv[++i];
        else if (a == "--jobs")
            jobs = argv[++i];
        else if (a == "--seconds")
            seconds = std::stoi(argv[++i]);
        else if (a == "--speed")
            speed = argv[++i];
        else if (a == "--language")
            language = argv[++i];
        else if (a == "--hold")
            hold = std::stoi(argv[++i]);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliBench"));
    QCoreApplication::setApplicationName(QStringLiteral("federation_scale"));
    app::Language::apply(QString::fromStdString(language));

    static const char *const sites[]
        = { "lingang", "wuhan", "xian", "zhengzhou", "nanjing", "chengdu" };
    std::vector<std::unique_ptr<test::GatewayProcess>> gateways;
    QList<client::ConnectionProfile> profiles;
    std::fprintf(stderr, "starting %d gateways of %s nodes, %s jobs\n", centres, nodes.c_str(),
        jobs.c_str());
    for (int i = 0; i < centres; ++i) {
        auto gateway = std::make_unique<test::GatewayProcess>(
            std::vector<std::string> { "--sim-site", sites[i % 6], "--sim-nodes", nodes,
                "--sim-jobs", jobs, "--sim-speed", speed, "--log-level", "warn" });
        if (!gateway->start()) {
            std::fprintf(stderr, "gateway %d: %s\n", i + 1, gateway->error().c_str());
            return 1;
        }
        client::ConnectionProfile profile;
        profile.name = QStringLiteral("Centre %1").arg(i + 1, 2, 10, QLatin1Char('0'));
        profile.address = QString::fromStdString(gateway->address());
        profile.caPem = QByteArray::fromStdString(gateway->caPem());
        profile.token = QString::fromStdString(gateway->addUser("bench", "operator"));
        profiles.append(profile);
        gateways.push_back(std::move(gateway));
    }
    // The gateways' own start-up settles before the console starts.
    runUntil([] { return false; }, 5000);

    const long rssBefore = statusKb("VmRSS");
    app::Federation federation;
    app::MainWindow window(&federation);
    window.show();
    window.showFederation();
    QElapsedTimer clock;
    clock.start();
    const double cpuStart = cpuSeconds();
    for (const auto &profile : std::as_const(profiles))
        federation.addCentre(profile);
    const double addedAt = clock.elapsed() / 1000.0;
    auto allLive = [&] {
        for (auto *c : federation.centres())
            if (c->state() != client::Connection::State::Live)
                return false;
        return true;
    };
    if (!runUntil(allLive, 300000)) {
        std::fprintf(stderr, "not all centres live after 300 s\n");
        return 1;
    }
    const double liveAt = clock.elapsed() / 1000.0;
    const double cpuToLive = cpuSeconds() - cpuStart;
    const long rssLive = statusKb("VmRSS");
    std::fprintf(
        stderr, "all %d live after %.2f s; steady state for %d s\n", centres, liveAt, seconds);

    // Steady state with the Federation page shown, after the first seconds settle.
    runUntil([] { return false; }, 5000);
    const double cpuSteady = cpuSeconds();
    const double guiSteady = guiCpuSeconds();
    const long rssSteadyStart = statusKb("VmRSS");
    QElapsedTimer steady;
    steady.start();
    runUntil([] { return false; }, seconds * 1000);
    const double wall = steady.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuSteady;
    const double guiCpu = guiCpuSeconds() - guiSteady;
    const long rssSteady = statusKb("VmRSS");
    const bool liveAfter = allLive();

    // One centre's Jobs page opened on demand: until its table holds every job.
    client::Connection *first = federation.centres().constFirst();
    QElapsedTimer open;
    open.start();
    window.showPage(first, QStringLiteral("JobsPage"));
    auto *view
        = window.builtPage(first, QStringLiteral("JobsPage"))->findChild<QAbstractItemView *>();
    const auto *site = first->site();
    const bool jobsShown = runUntil(
        [&] {
            return site->jobs().synced && !site->jobs().items.isEmpty()
                && view->model()->rowCount() == site->jobs().items.size();
        },
        120000);
    const double jobsAt = open.elapsed() / 1000.0;
    const long rssJobs = statusKb("VmRSS");

    std::printf("\nconsole with %d simulated centres (%s nodes, %s active jobs each, speed %s), "
                "MainWindow offscreen, Federation page shown\n",
        centres, nodes.c_str(), jobs.c_str(), speed.c_str());
    std::printf("%-50s %12s\n", "measure", "value");
    std::printf("%-50s %12.2f s\n", "centres added (GUI thread)", addedAt);
    std::printf("%-50s %12.2f s\n", "added -> all live", liveAt);
    std::printf("%-50s %12.2f s\n", "console CPU, added -> all live", cpuToLive);
    std::printf(
        "%-50s %12.1f %%\n", "console CPU at steady state (% of one core)", 100.0 * cpu / wall);
    std::printf("%-50s %12.1f %%\n", "  of it the GUI thread", 100.0 * guiCpu / wall);
    std::printf("%-50s %12.0f s\n", "  measured over", wall);
    std::printf("%-50s %12.1f MB\n", "RSS before the centres", mb(rssBefore));
    std::printf("%-50s %12.1f MB\n", "RSS at all live", mb(rssLive));
    std::printf("%-50s %12.1f MB\n", "RSS at steady state, start", mb(rssSteadyStart));
    std::printf("%-50s %12.1f MB\n", "RSS at steady state, end", mb(rssSteady));
    std::printf("%-50s %12.2f s\n", "Jobs page of one centre -> every job shown", jobsAt);
    std::printf("%-50s %12d\n", "  rows", view->model()->rowCount());
    std::printf("%-50s %12.1f MB\n", "RSS with that Jobs page", mb(rssJobs));
    std::printf("%-50s %12.2f\n", "load average (1 min) at the end", loadAverage());
    std::printf(
        "%-50s %12s\n", "all live at the end of the steady state", liveAfter ? "yes" : "NO");
    std::fflush(stdout);
    if (hold > 0) {
        window.showFederation();
        window.showMaximized();
        runUntil([] { return false; }, hold * 1000);
    }
    federation.closeAll();
    return liveAfter && jobsShown ? 0 : 1;
}
