// bench_forecast_scale: one start forecast over a large simulated centre's cache (default 20,000
// nodes and 200,000 active jobs, after half an hour of history), as the gateway makes it: the
// time and the memory to build the forecaster's input from the cache's objects, to forecast every
// waiting job (three replays), and to quote one shape. Memory is the rise of peak RSS over what
// the cache's copy already holds (peak reset through /proc/self/clear_refs).
// Usage: bench_forecast_scale [--nodes N] [--jobs N] [--history SECONDS] [--site ID]
#include "bench/BenchHelp.h"
#include "server/placement/Forecaster.h"
#include "server/placement/Quoter.h"
#include "tests/placement/SimMirror.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>

using namespace suanli::server;
using namespace suanli::server::placement;

namespace {
double cpuNow()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

double statusMiB(const char *field)
{
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(field, 0) == 0)
            return std::atof(line.c_str() + std::strlen(field) + 1) / 1024.0;
    return 0;
}

void resetPeak()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

const char *const kUsage = "bench_forecast_scale [--nodes N] [--jobs N] [--history SECONDS] "
                           "[--site ID]\n";
} // namespace

int main(int argc, char **argv)
{
    if (suanli::bench::helpAsked(argc, argv, kUsage))
        return 0;
    SimOptions o;
    o.nodes = 20000;
    o.jobs = 200000;
    o.speed = 1;
    o.startTime = std::chrono::system_clock::time_point(std::chrono::seconds(1773129600));
    double history = 1800;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--nodes")
            o.nodes = std::atoi(argv[i + 1]);
        else if (a == "--jobs")
            o.jobs = std::atoi(argv[i + 1]);
        else if (a == "--history")
            history = std::atof(argv[i + 1]);
        else if (a == "--site")
            o.site = argv[i + 1];
    }
    std::printf("building %s: %d nodes, %d jobs, %.0f s of history...\n", o.site.c_str(), o.nodes,
        o.jobs, history);
    SimBackend sim(o);
    test::SimMirror mirror(sim);
    mirror.advance(history);

    resetPeak();
    const double base = statusMiB("VmHWM:");
    double t0 = cpuNow();
    const ForecastInput input = mirror.input();
    const double inputS = cpuNow() - t0;
    const double inputMiB = statusMiB("VmHWM:") - base;
    std::printf("input: %zu nodes, %zu running, %zu waiting, %zu ended; %.3f s CPU, +%.1f MiB peak\n",
        input.nodes.size(), input.running.size(), input.pending.size(), input.finished.size(),
        inputS, inputMiB);

    resetPeak();
    const double base2 = statusMiB("VmHWM:");
    t0 = cpuNow();
    const Forecaster forecaster(input);
    const auto forecasts = forecaster.forecastPending();
    const double forecastS = cpuNow() - t0;
    size_t known = 0;
    for (const auto &f : forecasts)
        known += f.known;
    std::printf("forecast of every waiting job (3 replays): %.3f s CPU, +%.1f MiB peak; %zu of "
                "%zu known\n",
        forecastS, statusMiB("VmHWM:") - base2, known, forecasts.size());

    suanli::v1::QuotePlacementRequest request;
    request.add_models(suanli::v1::ACCELERATOR_MODEL_NVIDIA_H100);
    request.add_models(suanli::v1::ACCELERATOR_MODEL_ASCEND_910B);
    request.set_tenant("galaxy");
    request.set_accelerators(256);
    request.set_accelerators_per_node(8);
    request.set_hours(12);
    resetPeak();
    const double base3 = statusMiB("VmHWM:");
    t0 = cpuNow();
    const Quoter quoter(input, forecaster, {});
    suanli::v1::QuotePlacementResponse response;
    quoter.quote(request, &response);
    std::printf("quote of 256 x (H100 or 910B) for 12 h: %.3f s CPU, +%.1f MiB peak\n",
        cpuNow() - t0, statusMiB("VmHWM:") - base3);
    return 0;
}
