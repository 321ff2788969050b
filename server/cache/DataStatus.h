#pragma once

#include <chrono>

namespace suanli::server {

// Freshness of what the gateway serves: stale while the backend cannot be
// reached, with the time of its last answer.
struct DataStatus {
    bool stale = false;
    std::chrono::system_clock::time_point dataTime {};
    // The backend's own clock at dataTime (simulated time for the simulator).
    std::chrono::system_clock::time_point backendTime {};
};

} // namespace suanli::server
