#pragma once

#include "server/backends/slurm/Listing.h"
#include "server/backends/slurm/SlurmMapping.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace suanli::server::slurm {

// LibSlurm reads nodes, jobs and partitions through Slurm's own client
// library, as squeue, sinfo and sview do: one binary RPC to slurmctld each,
// with the time of the last answer, so an unchanged cluster costs slurmctld a
// "no change" reply and the gateway nothing. Records are turned into the
// fields slurmrestd v0.0.38 would send and mapped by the same functions
// (parseNode, parseJob, parsePartition), so both read paths agree.
class LibSlurm {
public:
    // Loads slurm.conf (`conf`, or SLURM_CONF / the default when empty)
    // once per process; throws std::invalid_argument when it cannot be read.
    explicit LibSlurm(const std::string &conf);

    // since: the last answer's time from the same call (0: everything).
    Listing<NodeRecord> nodes(int64_t since, const Topology &topology);
    Listing<JobRecord> jobs(int64_t since, const AccountTree &accounts);
    Listing<PartitionRecord> partitions(int64_t since);

    // Time of the last answer of each kind, to pass as `since` next time.
    int64_t nodesTime() const { return m_nodesTime; }
    int64_t jobsTime() const { return m_jobsTime; }
    int64_t partitionsTime() const { return m_partitionsTime; }

    // The partitions each node is in, from the last partitions read; nodes
    // read afterwards carry them (slurmctld leaves them out of node records).
    void setNodePartitions(std::map<std::string, std::vector<std::string>> partitionsOf);

    // Whether a libslurm error number means slurmctld did not answer.
    static bool unreachableError(int error);

private:
    std::string userName(uint32_t uid);

    int64_t m_nodesTime = 0, m_jobsTime = 0, m_partitionsTime = 0;
    std::map<std::string, std::vector<std::string>> m_partitionsOf;
    std::mutex m_usersMutex;
    std::unordered_map<uint32_t, std::string> m_users;
};

} // namespace suanli::server::slurm
