#pragma once

#include "server/backends/slurm/SiteFacts.h"

#include <functional>
#include <string>

namespace suanli::server {

// How `suanlid serve --backend slurm` reaches its cluster.
struct SlurmOptions {
    // How nodes, jobs and partitions are read: "libslurm" (Slurm's client
    // library, cheap at any size) or "rest" (slurmrestd; for sites that
    // expose only it; costly at scale, see docs/slurm.md).
    std::string api = "libslurm";
    std::string url; // slurmrestd, e.g. http://127.0.0.1:6820
    std::string user; // X-SLURM-USER-NAME
    std::string jwtKeyFile; // slurm's jwt_key: the gateway mints its own tokens
    std::string tokenFile; // or a token issued by `scontrol token`
    std::string slurmConf; // SLURM_CONF for the commands the gateway runs
    std::string cluster; // sacctmgr's cluster (default: slurm.conf's ClusterName)
    std::string binDir; // where scontrol and sacctmgr are (default: PATH)
    std::string topologyFile; // racks (see Topology)
    std::string metricsUrl; // DCGM or Ascend exporter (Prometheus text)
    std::string siteName; // shown as the centre's name (default: the cluster's name)
    SiteFacts site; // PUE and grid carbon, as the operators configured them
    double tickSeconds = 1.0;
    // Longest a slurmrestd request or a Slurm command may take.
    double timeoutSeconds = 10.0;
    // Seconds between reads of accounts and quotas (slurmdbd).
    double accountsEverySeconds = 10.0;
    // Seconds between full reads that ignore update_time (catches CPU load
    // and pending reasons, which Slurm does not count as changes).
    double fullReadEverySeconds = 30.0;
    // Where the backend reports what it cannot fix by itself (the gateway's log).
    std::function<void(const std::string &)> warn;
};

} // namespace suanli::server
