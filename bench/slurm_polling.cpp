// What suanlid's Slurm backend costs slurmctld and slurmdbd, and whether the
// cost grows with the number of consoles watching: RPCs per minute from
// `sdiag` (by message type and by user) and from `sacctmgr show stats`, with
// the gateway alone, then 1, then 50 consoles, each console a channel of its
// own with all seven watch streams of the API open (nodes, jobs, queues,
// alerts, tenants, quota requests, overview).
//
//   build/bench/bench_slurm_polling [--cluster DIR] [--seconds 60] [--consoles 0,1,50] [--tick 1]
//
// DIR holds a cluster from scripts/slurm/start.sh; one is started there
// (and stopped at the end) when none runs. Default DIR: build/slurm-bench.
#include "bench/BenchHelp.h"
#include "bench/SlurmBench.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <thread>

using namespace suanli::test;
using namespace suanli::bench;

namespace {

void printTop(const std::map<std::string, long> &counts, double minutes, const char *indent)
{
    std::vector<std::pair<long, std::string>> sorted;
    for (const auto &[k, v] : counts)
        sorted.push_back({ v, k });
    std::sort(sorted.rbegin(), sorted.rend());
    for (const auto &[v, k] : sorted)
        std::printf("%s%-36s %8.1f /min\n", indent, k.c_str(), v / minutes);
}

} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: bench_slurm_polling [--cluster DIR] [--seconds 60] [--consoles 0,1,50] [--tick "
            "1]\nslurmctld and slurmdbd RPCs per minute with suanlid and 0, 1 and 50 watching "
            "consoles.\n"))
        return 0;
    std::string dir;
    int seconds = 60;
    std::string consolesList = "0,1,50";
    std::string tick = "1";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--cluster")
            dir = argv[i + 1];
        else if (a == "--seconds")
            seconds = std::atoi(argv[i + 1]);
        else if (a == "--consoles")
            consolesList = argv[i + 1];
        else if (a == "--tick")
            tick = argv[i + 1];
        else {
            std::cerr << "unknown option " << a << "\nusage: " << argv[0]
                      << " [--cluster DIR] [--seconds 60] [--consoles 0,1,50] [--tick 1]\n";
            return 2;
        }
    }
    if (dir.empty())
        dir = std::filesystem::absolute(
            std::filesystem::path(argv[0]).parent_path() / ".." / "slurm-bench")
                  .lexically_normal()
                  .string();
    std::vector<int> consoleCounts;
    for (std::istringstream in(consolesList); std::getline(in, consolesList, ',');)
        consoleCounts.push_back(std::atoi(consolesList.c_str()));

    // The cluster: the one running in DIR, or a new one stopped at the end.
    const std::string scripts = SUANLI_SLURM_SCRIPTS;
    const bool wasRunning = std::filesystem::exists(dir + "/env")
        && run({ "/bin/bash", scripts + "/ctld.sh", dir, "status" }).exitCode == 0;
    if (!wasRunning) {
        std::cout << "starting a Slurm cluster in " << dir << " ...\n";
        const RunResult r
            = run({ "/bin/bash", scripts + "/start.sh", dir }, {}, std::chrono::seconds(300));
        std::cout << r.out << r.err;
        if (r.exitCode != 0)
            return r.exitCode;
    }
    setenv("SUANLI_SLURM_CLUSTER_DIR", dir.c_str(), 1);
    if (const int code = SlurmCluster::load(); code != 0)
        return code;
    SlurmCluster &cluster = SlurmCluster::instance();
    int status = 0;
    {
        // Some work for the scheduler to report: running jobs of both models, and waiting ones.
        std::string error;
        if (!cluster.reset(&error))
            std::cerr << "warning: " << error << '\n';
        for (int i = 0; i < 6; ++i)
            cluster.submit({ "-A", i % 2 ? "tenanta-nlp" : "tenantb-llm", "-p", "train",
                               i % 2 ? "--gres=gpu:a100:2" : "--gres=gpu:910b:2" },
                "sleep 3600");
        for (int i = 0; i < 6; ++i)
            cluster.submit(
                { "-A", "tenanta-cv", "-p", "train", "--gres=gpu:a100:4" }, "sleep 3600");

        struct Row {
            std::string label;
            RpcCounts ctld, dbd;
            long messages = 0;
            int failed = 0;
        };
        const double minutes = seconds / 60.0;
        // Counts what slurmctld and slurmdbd serve in `seconds`, less this program's own calls.
        auto measure = [&](const std::string &label) {
            cluster.slurm("sdiag", { "-r" });
            cluster.slurm("sacctmgr", { "-i", "clear", "stats" });
            std::this_thread::sleep_for(std::chrono::seconds(seconds));
            Row row { label, parseRpcStats(cluster.slurm("sdiag", {}).out),
                parseRpcStats(cluster.slurm("sacctmgr", { "show", "stats" }).out) };
            // This program's own calls: sdiag's REQUEST_STATS_INFO; sacctmgr's clear
            // (its DBD_CLEAR_STATS and closing DBD_FINI) and show (its SLURM_PERSIST_INIT
            // and DBD_GET_STATS); all made as root.
            auto drop = [](RpcCounts &c, const std::string &type, long n) {
                const long removed = std::min(c.byType[type], n);
                c.byType[type] -= removed;
                if (c.byType[type] == 0)
                    c.byType.erase(type);
                c.byUser["root"] -= removed;
            };
            drop(row.ctld, "REQUEST_STATS_INFO", 1);
            drop(row.dbd, "DBD_CLEAR_STATS", 1);
            drop(row.dbd, "DBD_FINI", 1);
            drop(row.dbd, "SLURM_PERSIST_INIT", 1);
            drop(row.dbd, "DBD_GET_STATS", 1);
            return row;
        };
        auto print = [&](const Row &row) {
            std::printf("\n== %s: slurmctld %.1f RPCs/min, by message type:\n", row.label.c_str(),
                row.ctld.total() / minutes);
            printTop(row.ctld.byType, minutes, "    ");
            std::printf("  slurmctld RPCs/min by user:\n");
            printTop(row.ctld.byUser, minutes, "    ");
            std::printf("  slurmdbd %.1f RPCs/min, by message type:\n", row.dbd.total() / minutes);
            printTop(row.dbd.byType, minutes, "    ");
            std::fflush(stdout);
        };
        std::printf("slurmctld and slurmdbd RPCs per minute on a 4-node cluster with 12 jobs; "
                    "suanlid --tick %s; %d s per run\n",
            tick.c_str(), seconds);
        std::vector<Row> rows;
        rows.push_back(measure("no gateway"));
        print(rows.back());

        GatewayProcess gateway(cluster.gatewayArgs(tick));
        if (!gateway.start()) {
            std::cerr << gateway.error() << '\n';
            return 1;
        }
        const std::string token = gateway.addUser("bench", "viewer");
        std::this_thread::sleep_for(std::chrono::seconds(3)); // first full read done
        for (int n : consoleCounts) {
            std::vector<std::unique_ptr<Console>> consoles;
            for (int i = 0; i < n; ++i)
                consoles.push_back(std::make_unique<Console>(gateway, token));
            std::this_thread::sleep_for(std::chrono::seconds(2)); // snapshots delivered
            Row row = measure("suanlid, " + std::to_string(n) + " console" + (n == 1 ? "" : "s")
                + " (" + std::to_string(n * 7) + " watch streams)");
            for (const auto &c : consoles) {
                row.messages += c->messages();
                row.failed += c->failedStreams();
            }
            consoles.clear();
            print(row);
            std::printf("  watch messages received: %ld; streams that failed: %d\n", row.messages,
                row.failed);
            rows.push_back(row);
        }
        std::printf("\n%-44s %18s %18s\n", "", "slurmctld RPC/min", "slurmdbd RPC/min");
        for (const Row &r : rows)
            std::printf("%-44s %18.1f %18.1f\n", r.label.c_str(), r.ctld.total() / minutes,
                r.dbd.total() / minutes);
        if (gateway.stop() != 0)
            status = 1;
        cluster.reset(&error);
    }
    if (!wasRunning)
        std::cout
            << run({ "/bin/bash", scripts + "/stop.sh", dir }, {}, std::chrono::seconds(120)).out;
    return status;
}
