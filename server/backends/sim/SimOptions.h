#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace suanli::server {

// SimOptions says which centre the simulator builds and how fast its clock runs.
struct SimOptions {
    // Servers in the centre (8 accelerators each).
    int nodes = 512;
    // Active jobs (running, pending, held) the centre is kept near.
    int jobs = 4000;
    // Same seed, same options and the same calls give the same centre.
    uint64_t seed = 1;
    // Simulated seconds per real second; 0 pauses the clock.
    double speed = 1.0;
    // Named centre: lingang, wuhan, xian, zhengzhou, nanjing, chengdu (SiteProfile).
    std::string site = "lingang";
    // Real seconds between the gateway's tick() calls: a tick advances the
    // clock by tickSeconds x speed.
    double tickSeconds = 1.0;
    // Simulated time when the centre starts serving; unset means the wall clock at
    // construction. Tests set it so runs compare equal.
    std::optional<std::chrono::system_clock::time_point> startTime;
    // Simulated seconds the centre has already run at startTime: it is built this long
    // before startTime and the gateway replays that time before serving (Backend::replay),
    // so its charts and records have a past when it starts. 0: none (suanlid: 1 h).
    double historySeconds = 0;
};

} // namespace suanli::server
