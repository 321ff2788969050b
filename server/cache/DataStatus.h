#pragma once

#include <chrono>

namespace suanli::server {

// Freshness of what the gateway serves: stale while the backend cannot be
// reached, with the time of its last answer.
struct DataStatus {
    bool stale = false;
    std::chrono::system_clock::time_point dataTime {};
};

} // namespace suanli::server
