#pragma once

#include "server/backends/Backend.h"
#include "server/cache/ClusterCache.h"
#include "server/gateway/ActionExecutor.h"
#include "server/gateway/BackendHealth.h"
#include "server/metrics/MetricsHistory.h"
#include "server/store/Store.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>

namespace suanli::server {

// GatewayContext is what every service of one gateway shares.
struct GatewayContext {
    Store &store;
    Backend &backend;
    ClusterCache &cache;
    MetricsHistory &metrics;
    // Whether the backend answers, and the gateway's own alert about it.
    BackendHealth &health;
    // Where actions run: backend calls, store writes, publishing and auditing.
    ActionExecutor &actions;
    SiteInfo site;
    std::string version;
    // Pulls the backend's pending changes into the cache now, so an action's
    // effect reaches every watcher at once instead of at the next tick.
    std::function<void()> publishNow;
    // Position of a node in the metrics history, by name.
    std::function<std::optional<uint32_t>(const std::string &)> nodeIndex;
    // Serialises quota decisions: an approval is checked and applied as one step.
    std::mutex quotaMutex;
};

} // namespace suanli::server
