// Measures the console against a simulated centre at a real AI centre's scale:
// time from connect to complete nodes and jobs views (every row in the real
// item models and their sorted proxies), the console's CPU while the centre
// churns, and its resident memory.
//
//   build/bench/bench_console_scale [--nodes 20000] [--jobs 200000] [--seconds 30] [--speed 1]
//   [--window]
//
// --window also opens the real MainWindow (offscreen) on the centre, with its nodes page shown.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/models/JobTableModel.h"
#include "app/models/NodeTableModel.h"
#include "app/models/TableProxyModel.h"
#include "bench/BenchHelp.h"
#include "bench/ProcessFigures.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "tests/integration/GatewayProcess.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>
#include <cstdio>

using namespace suanli;

using suanli::bench::cpuSeconds;
using suanli::bench::guiCpuSeconds;
using suanli::bench::mb;
using suanli::bench::runUntil;
using suanli::bench::statusKb;

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: bench_console_scale [--nodes 20000] [--jobs 200000] [--seconds 30] [--speed 1] "
            "[--window]\nThe console against a simulated centre: connect to complete views, CPU at "
            "churn, memory.\n"))
        return 0;
    std::string nodes = "20000", jobs = "200000", speed = "1";
    int seconds = 30;
    bool window = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--window")
            window = true;
        else if (i + 1 < argc && a == "--nodes")
            nodes = argv[++i];
        else if (i + 1 < argc && a == "--jobs")
            jobs = argv[++i];
        else if (i + 1 < argc && a == "--speed")
            speed = argv[++i];
        else if (i + 1 < argc && a == "--seconds")
            seconds = std::stoi(argv[++i]);
    }
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SuanliBench"));
    QCoreApplication::setApplicationName(QStringLiteral("console_scale"));

    test::GatewayProcess gateway(
        { "--sim-nodes", nodes, "--sim-jobs", jobs, "--sim-speed", speed, "--log-level", "warn" });
    if (!gateway.start()) {
        std::fprintf(stderr, "%s\n", gateway.error().c_str());
        return 1;
    }
    const std::string token = gateway.addUser("bench", "viewer");
    client::ConnectionProfile profile;
    profile.name = QStringLiteral("Bench centre");
    profile.address = QString::fromStdString(gateway.address());
    profile.caPem = QByteArray::fromStdString(gateway.caPem());
    profile.token = QString::fromStdString(token);

    const long rssBefore = statusKb("VmRSS");
    std::unique_ptr<app::Federation> federation;
    std::unique_ptr<app::MainWindow> mainWindow;
    std::unique_ptr<client::Connection> own;
    client::Connection *connection = nullptr;
    QElapsedTimer clock;
    if (window) {
        federation = std::make_unique<app::Federation>();
        mainWindow = std::make_unique<app::MainWindow>(federation.get());
        mainWindow->show();
        clock.start();
        connection = federation->addCentre(profile);
        mainWindow->showPage(connection, QStringLiteral("NodesPage"));
    } else {
        own = std::make_unique<client::Connection>(profile);
        connection = own.get();
    }
    // The bench's own tables below read the nodes and jobs: it asks for them, as a page does.
    connection->acquire(client::Connection::Collection::Nodes);
    connection->acquire(client::Connection::Collection::Jobs);
    // When the whole jobs snapshot has arrived and been parsed, just before the models take it:
    // what is left of the view time after this is the console's own work.
    double jobsSnapshotAt = -1;
    QObject::connect(
        &connection->site()->jobs(), &client::CollectionSignals::reset, connection, [&] {
            if (jobsSnapshotAt < 0)
                jobsSnapshotAt = clock.elapsed() / 1000.0;
        });
    // The tables as the console's pages build them: models, then sorted, filterable proxies.
    app::NodeTableModel nodeModel(connection->site());
    app::JobTableModel jobModel(connection->site());
    app::TableProxyModel nodeProxy(suanli::nodeFields());
    app::TableProxyModel jobProxy(suanli::jobFields());
    nodeProxy.setSourceModel(&nodeModel);
    jobProxy.setSourceModel(&jobModel);
    nodeProxy.sort(app::NodeTableModel::NameColumn);
    jobProxy.sort(0);
    if (!window) {
        clock.start();
        connection->open();
    }
    const double cpuConnect = cpuSeconds();
    const double guiConnect = guiCpuSeconds();

    const auto *site = connection->site();
    double nodesAt = -1, jobsAt = -1;
    const bool complete = runUntil(
        [&] {
            if (nodesAt < 0 && site->nodes().synced
                && nodeProxy.rowCount() == site->nodes().items.size() && nodeProxy.rowCount() > 0)
                nodesAt = clock.elapsed() / 1000.0;
            if (jobsAt < 0 && site->jobs().synced
                && jobProxy.rowCount() == site->jobs().items.size() && jobProxy.rowCount() > 0)
                jobsAt = clock.elapsed() / 1000.0;
            return nodesAt >= 0 && jobsAt >= 0;
        },
        300000);
    if (!complete) {
        std::fprintf(stderr, "views not complete after 300 s (nodes %d, jobs %d rows)\n",
            nodeProxy.rowCount(), jobProxy.rowCount());
        return 1;
    }
    const double cpuToComplete = cpuSeconds() - cpuConnect;
    const double guiToComplete = guiCpuSeconds() - guiConnect;
    const long rssComplete = statusKb("VmRSS");
    const long hwmComplete = statusKb("VmHWM");
    // What the objects themselves hold, as protobuf counts it (the rest of RSS is keys, indexes,
    // rows, allocator overhead and the program).
    auto objectBytes = [](const auto &collection) {
        double bytes = 0;
        for (const auto &item : collection.items)
            bytes += double(item.SpaceUsedLong());
        return bytes;
    };
    const double jobBytes = objectBytes(site->jobs());
    const double nodeBytes = objectBytes(site->nodes());

    // Steady churn: the event loop runs as in the console; count what changes.
    long nodeUpserts = 0, jobUpserts = 0, jobRemovals = 0, batches = 0;
    QObject::connect(&site->nodes(), &client::CollectionSignals::changed, &app,
        [&](const QStringList &upserted, const QStringList &) {
            nodeUpserts += upserted.size();
            ++batches;
        });
    QObject::connect(&site->jobs(), &client::CollectionSignals::changed, &app,
        [&](const QStringList &upserted, const QStringList &removed) {
            jobUpserts += upserted.size();
            jobRemovals += removed.size();
            ++batches;
        });
    std::fprintf(stderr, "views complete after %.2f s; steady churn for %d s\n",
        std::max(nodesAt, jobsAt), seconds);
    // Let the first seconds after the snapshot settle before measuring.
    runUntil([] { return false; }, 3000);
    nodeUpserts = jobUpserts = jobRemovals = batches = 0;
    const double cpuSteady = cpuSeconds();
    const double guiSteady = guiCpuSeconds();
    QElapsedTimer steady;
    steady.start();
    // quit() closes the window, which closes its connections: look before.
    bool live = false;
    QTimer::singleShot(seconds * 1000, &app, [&] {
        live = connection->state() == client::Connection::State::Live;
        QCoreApplication::quit();
    });
    app.exec();
    const double wall = steady.elapsed() / 1000.0;
    const double cpu = cpuSeconds() - cpuSteady;
    const double guiCpu = guiCpuSeconds() - guiSteady;

    std::printf("\nconsole against a simulated centre: %s nodes, %s active jobs, speed %s%s\n",
        nodes.c_str(), jobs.c_str(), speed.c_str(), window ? ", MainWindow offscreen" : "");
    std::printf("%-48s %12s\n", "measure", "value");
    std::printf("%-48s %12.2f s\n", "connect -> nodes view complete", nodesAt);
    std::printf("%-48s %12.2f s\n", "connect -> jobs view complete", jobsAt);
    std::printf(
        "%-48s %12.2f s\n", "  of it until the jobs snapshot is in SiteState", jobsSnapshotAt);
    std::printf("%-48s %12d\n", "rows: nodes", nodeProxy.rowCount());
    std::printf("%-48s %12d\n", "rows: jobs", jobProxy.rowCount());
    std::printf("%-48s %12.2f s\n", "console CPU, connect -> complete", cpuToComplete);
    std::printf(
        "%-48s %12.2f s\n", "  of it the GUI thread (state, models, proxies)", guiToComplete);
    std::printf(
        "%-48s %12.1f %%\n", "console CPU at steady churn (% of one core)", 100.0 * cpu / wall);
    std::printf("%-48s %12.1f %%\n", "  of it the GUI thread", 100.0 * guiCpu / wall);
    std::printf("%-48s %12.0f s\n", "  measured over", wall);
    std::printf("%-48s %12.0f /s\n", "  node rows changed", nodeUpserts / wall);
    std::printf("%-48s %12.0f /s\n", "  job rows changed or added", jobUpserts / wall);
    std::printf("%-48s %12.0f /s\n", "  job rows removed", jobRemovals / wall);
    std::printf("%-48s %12.1f /s\n", "  batches applied", batches / wall);
    std::printf("%-48s %12.1f MB\n", "RSS before connect", mb(rssBefore));
    std::printf("%-48s %12.1f MB\n", "RSS at complete views", mb(rssComplete));
    std::printf("%-48s %12.1f MB\n", "  of it job objects (protobuf's count)", jobBytes / 1048576);
    std::printf("%-48s %12.1f MB\n", "  of it node objects (protobuf's count)", nodeBytes / 1048576);
    std::printf("%-48s %12.1f MB\n", "RSS after steady churn", mb(statusKb("VmRSS")));
    std::printf("%-48s %12.1f MB\n", "peak RSS (VmHWM) at complete views", mb(hwmComplete));
    std::printf("%-48s %12.1f MB\n", "peak RSS (VmHWM) overall", mb(statusKb("VmHWM")));
    std::printf("%-48s %12s\n", "connection live at the end", live ? "yes" : "NO");
    std::fflush(stdout);
    mainWindow.reset();
    own.reset();
    gateway.stop();
    return live ? 0 : 1;
}
