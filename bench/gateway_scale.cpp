// Measures suanlid at a real AI centre's scale: start-up, resident memory,
// time for watchers to receive full node and job snapshots, and the
// gateway's CPU while N consoles watch a churning centre.
//
//   build/bench/bench_gateway_scale [--nodes 20000] [--jobs 200000] [--watchers 10] [--seconds 30]
//   [--speed 1]
#include "bench/BenchHelp.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace suanli::test;
namespace v1 = suanli::v1;
using Clock = std::chrono::steady_clock;

namespace {
long statusKb(int pid, const std::string &key)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key + ":", 0) == 0)
            return std::stol(line.substr(key.size() + 1));
    return -1;
}

double cpuSeconds(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(stat.substr(stat.rfind(')') + 2));
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14)
            utime = std::stol(f);
        if (i == 15)
            stime = std::stol(f);
    }
    return double(utime + stime) / sysconf(_SC_CLK_TCK);
}

double since(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

template <class Event>
void watch(
    const std::function<std::unique_ptr<grpc::ClientReader<Event>>(grpc::ClientContext *)> &open,
    const std::string &token, std::atomic<long> *objects, std::atomic<int> *complete,
    std::atomic<bool> *stop, double *snapshotSeconds)
{
    grpc::ClientContext ctx;
    ctx.AddMetadata("authorization", "Bearer " + token);
    const auto start = Clock::now();
    auto reader = open(&ctx);
    Event event;
    bool done = false;
    while (!stop->load() && reader->Read(&event)) {
        *objects += event.upserts_size();
        if (!done && event.header().last_chunk()) {
            done = true;
            *snapshotSeconds = since(start);
            ++*complete;
        }
    }
    ctx.TryCancel();
    while (reader->Read(&event)) { }
    reader->Finish();
}
} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: bench_gateway_scale [--nodes 20000] [--jobs 200000] [--watchers 10] [--seconds "
            "30] [--speed 1]\nsuanlid on a simulated centre: start-up, memory, snapshot time for N "
            "watchers, CPU at churn.\n"))
        return 0;
    std::string nodes = "20000", jobs = "200000", speed = "1";
    int watchers = 10, seconds = 30;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--nodes")
            nodes = argv[i + 1];
        else if (a == "--jobs")
            jobs = argv[i + 1];
        else if (a == "--speed")
            speed = argv[i + 1];
        else if (a == "--watchers")
            watchers = std::stoi(argv[i + 1]);
        else if (a == "--seconds")
            seconds = std::stoi(argv[i + 1]);
    }
    GatewayProcess gateway(
        { "--sim-nodes", nodes, "--sim-jobs", jobs, "--sim-speed", speed, "--log-level", "warn" });
    auto t0 = Clock::now();
    if (!gateway.start()) {
        std::cerr << gateway.error() << "\n";
        return 1;
    }
    const double startSeconds = since(t0);
    const std::string token = gateway.addUser("bench", "viewer");
    std::printf(
        "centre: %s nodes, %s active jobs, speed %s\n", nodes.c_str(), jobs.c_str(), speed.c_str());
    std::printf("gateway start to serving: %.2f s\n", startSeconds);
    std::printf("gateway RSS idle: %.1f MB (peak %.1f MB)\n",
        statusKb(gateway.pid(), "VmRSS") / 1024.0, statusKb(gateway.pid(), "VmHWM") / 1024.0);

    auto channel = gateway.channel();
    auto cluster = v1::Cluster::NewStub(channel);
    auto scheduler = v1::Scheduler::NewStub(channel);
    std::atomic<long> objects { 0 };
    std::atomic<int> complete { 0 };
    std::atomic<bool> stop { false };
    std::vector<double> nodeSnap(watchers), jobSnap(watchers);
    std::vector<std::thread> threads;
    const double cpuBefore = cpuSeconds(gateway.pid());
    t0 = Clock::now();
    for (int i = 0; i < watchers; ++i) {
        threads.emplace_back([&, i] {
            watch<v1::NodesEvent>(
                [&](grpc::ClientContext *c) { return cluster->WatchNodes(c, v1::WatchRequest()); },
                token, &objects, &complete, &stop, &nodeSnap[i]);
        });
        threads.emplace_back([&, i] {
            watch<v1::JobsEvent>(
                [&](grpc::ClientContext *c) { return scheduler->WatchJobs(c, v1::WatchRequest()); },
                token, &objects, &complete, &stop, &jobSnap[i]);
        });
    }
    while (complete.load() < 2 * watchers && since(t0) < 300)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const double allSnap = since(t0);
    double maxNode = 0, maxJob = 0;
    for (int i = 0; i < watchers; ++i) {
        maxNode = std::max(maxNode, nodeSnap[i]);
        maxJob = std::max(maxJob, jobSnap[i]);
    }
    std::printf("%d watchers x (nodes + jobs): all snapshots in %.2f s (slowest nodes %.2f s, jobs "
                "%.2f s), gateway CPU %.2f s\n",
        watchers, allSnap, maxNode, maxJob, cpuSeconds(gateway.pid()) - cpuBefore);
    std::printf("gateway RSS with watchers: %.1f MB (peak %.1f MB)\n",
        statusKb(gateway.pid(), "VmRSS") / 1024.0, statusKb(gateway.pid(), "VmHWM") / 1024.0);

    const double cpuSteady = cpuSeconds(gateway.pid());
    const long objectsBefore = objects.load();
    std::this_thread::sleep_for(std::chrono::seconds(seconds));
    const double cpu = cpuSeconds(gateway.pid()) - cpuSteady;
    std::printf("steady churn over %d s: gateway CPU %.1f %% of one core, %ld objects sent per "
                "watcher-stream per s\n",
        seconds, 100.0 * cpu / seconds,
        (objects.load() - objectsBefore) / (2 * watchers) / seconds);
    std::printf("gateway RSS after steady: %.1f MB (peak %.1f MB)\n",
        statusKb(gateway.pid(), "VmRSS") / 1024.0, statusKb(gateway.pid(), "VmHWM") / 1024.0);
    stop = true;
    gateway.stop();
    for (auto &t : threads)
        t.join();
    return 0;
}
