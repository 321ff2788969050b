#pragma once

#include "server/backends/sim/SimOptions.h"
#include "server/backends/slurm/SlurmOptions.h"

#include <string>
#include <vector>

namespace suanli::server {

// Everything `suanlid serve` is told on its command line.
struct GatewayOptions {
    std::string listen = "127.0.0.1:7443";
    std::string dataDir;
    std::string backend = "sim";
    SimOptions sim;
    SlurmOptions slurm;
    std::string tlsCert;
    std::string tlsKey;
    std::vector<std::string> tlsSans;
    std::string clientCa;
    // Real seconds between backend ticks.
    double tickSeconds = 1.0;
    // Real seconds between forecasts of every waiting job's start (scored as the jobs start);
    // 0: none.
    double forecastEverySeconds = 30.0;
    // Threads that run actions (scheduler commands, store writes), and how many actions may
    // wait for one before the gateway answers that it is busy.
    int actionThreads = 4;
    int actionQueue = 64;
};

} // namespace suanli::server
