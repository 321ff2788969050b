// bench_sim_scale: builds a large simulated centre (default 20,000 nodes and
// 200,000 active jobs), runs it for a minute of ticks and prints what it
// costs: construction, tick and collectChanges() time, snapshot() time and
// size, and peak memory. Usage: bench_sim_scale [--nodes N] [--jobs N]
// [--ticks N] [--speed X] [--site ID]
#include "bench/BenchHelp.h"
#include "server/backends/sim/SimBackend.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

using namespace suanli::server;
namespace v1 = ::suanli::v1;

namespace {
double cpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double wallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A /proc/self/status field in MiB (VmRSS, VmHWM).
double statusMiB(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::atof(line.c_str() + std::strlen(field) + 1) / 1024.0;
    return 0;
}

size_t bytesOf(const BackendChanges &c)
{
    size_t n = 0;
    for (const auto &x : c.nodes)
        n += x.ByteSizeLong();
    for (const auto &x : c.jobs)
        n += x.ByteSizeLong();
    for (const auto &x : c.queues)
        n += x.ByteSizeLong();
    for (const auto &x : c.alerts)
        n += x.ByteSizeLong();
    return n;
}
} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv,
            "usage: bench_sim_scale [--nodes N] [--jobs N] [--ticks N] [--speed X] [--site "
            "ID]\nBuilds a large simulated centre and prints what its ticks, changes and snapshots "
            "cost.\n"))
        return 0;
    SimOptions options;
    options.nodes = 20000;
    options.jobs = 200000;
    options.seed = 1;
    options.speed = 1.0;
    options.startTime
        = std::chrono::system_clock::time_point(std::chrono::seconds(1767225600)); // 2026-01-01
    int ticks = 60;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--nodes")
            options.nodes = std::atoi(argv[i + 1]);
        else if (a == "--jobs")
            options.jobs = std::atoi(argv[i + 1]);
        else if (a == "--ticks")
            ticks = std::atoi(argv[i + 1]);
        else if (a == "--speed")
            options.speed = std::atof(argv[i + 1]);
        else if (a == "--site")
            options.site = argv[i + 1];
        else {
            std::fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        }
    }
    std::printf("site %s, %d nodes, %d jobs, %d ticks at speed %.1f\n", options.site.c_str(),
        options.nodes, options.jobs, ticks, options.speed);

    double w0 = wallSeconds(), c0 = cpuSeconds();
    SimBackend sim(options);
    std::printf("construction     %8.2f s wall, %.2f s CPU; RSS %.0f MiB\n", wallSeconds() - w0,
        cpuSeconds() - c0, statusMiB("VmRSS:"));

    w0 = wallSeconds();
    BackendChanges snap = sim.snapshot();
    const double snapSeconds = wallSeconds() - w0;
    int64_t total = 0, allocated = 0, running = 0, pending = 0, held = 0;
    for (const auto &n : snap.nodes) {
        total += n.accelerators_total();
        allocated += n.accelerators_allocated();
    }
    for (const auto &j : snap.jobs) {
        running += j.state() == v1::JOB_STATE_RUNNING;
        pending += j.state() == v1::JOB_STATE_PENDING;
        held += j.state() == v1::JOB_STATE_HELD;
    }
    std::printf("snapshot()       %8.2f s; %zu nodes, %zu jobs, %zu queues, %zu alerts; %.1f MiB "
                "serialised; RSS %.0f MiB\n",
        snapSeconds, snap.nodes.size(), snap.jobs.size(), snap.queues.size(), snap.alerts.size(),
        double(bytesOf(snap)) / (1 << 20), statusMiB("VmRSS:"));
    std::printf(
        "start state      %.1f%% of %lld accelerators allocated; %lld running, %lld pending, "
        "%lld held\n",
        100.0 * double(allocated) / double(total), (long long)total, (long long)running,
        (long long)pending, (long long)held);
    snap = {};

    std::vector<double> tickCpu, collectCpu;
    size_t changedNodes = 0, changedJobs = 0, changedQueues = 0, tenantsChanged = 0;
    std::string error;
    for (int i = 0; i < ticks; ++i) {
        double c = cpuSeconds();
        sim.tick(&error);
        tickCpu.push_back(cpuSeconds() - c);
        c = cpuSeconds();
        BackendChanges changes = sim.collectChanges();
        collectCpu.push_back(cpuSeconds() - c);
        changedNodes += changes.nodes.size();
        changedJobs += changes.jobs.size();
        changedQueues += changes.queues.size();
        tenantsChanged += changes.tenantsChanged;
    }
    auto mean = [](const std::vector<double> &v) {
        double s = 0;
        for (double x : v)
            s += x;
        return v.empty() ? 0 : s / double(v.size());
    };
    auto maxOf = [](const std::vector<double> &v) {
        return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
    };
    std::printf("tick()           mean %6.2f ms, max %6.2f ms CPU\n", 1e3 * mean(tickCpu),
        1e3 * maxOf(tickCpu));
    std::printf("collectChanges() mean %6.2f ms, max %6.2f ms CPU\n", 1e3 * mean(collectCpu),
        1e3 * maxOf(collectCpu));
    const double t = std::max(1, ticks);
    std::printf(
        "changes per tick %.0f nodes, %.0f jobs, %.1f queues; tenants changed in %zu of %d ticks\n",
        double(changedNodes) / t, double(changedJobs) / t, double(changedQueues) / t,
        tenantsChanged, ticks);

    w0 = wallSeconds();
    std::vector<NodeSample> samples;
    sim.sampleTelemetry(&samples);
    std::printf(
        "sampleTelemetry  %8.2f ms for %zu nodes\n", 1e3 * (wallSeconds() - w0), samples.size());

    snap = sim.snapshot();
    total = allocated = running = pending = 0;
    for (const auto &n : snap.nodes) {
        total += n.accelerators_total();
        allocated += n.accelerators_allocated();
    }
    for (const auto &j : snap.jobs) {
        running += j.state() == v1::JOB_STATE_RUNNING;
        pending += j.state() == v1::JOB_STATE_PENDING;
    }
    std::printf("end state        %.1f%% allocated; %lld running, %lld pending, %zu active\n",
        100.0 * double(allocated) / double(total), (long long)running, (long long)pending,
        sim.activeJobs());
    for (const auto &q : snap.queues)
        std::printf(
            "  queue %-7s %5d nodes  %6lld running %7lld pending  wait p50 %7.0f s p95 %8.0f s\n",
            q.name().c_str(), q.nodes_total(), (long long)q.jobs_running(),
            (long long)q.jobs_pending(), q.wait_seconds_p50(), q.wait_seconds_p95());
    snap = {};
    std::printf("peak RSS (VmHWM) %.0f MiB\n", statusMiB("VmHWM:"));
    return 0;
}
