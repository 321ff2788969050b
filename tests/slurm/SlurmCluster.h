#pragma once

#include "tests/integration/GatewayProcess.h"

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace suanli::test {

// SlurmCluster is the test's view of the Slurm cluster that scripts/slurm/start.sh
// started for the ctest fixture: its DIR/env, Slurm's commands with the
// cluster's SLURM_CONF and a time limit, slurmctld stop/start, and the
// arguments that point suanlid at it.
class SlurmCluster {
public:
    // Reads the cluster folder (SUANLI_SLURM_CLUSTER_DIR, else
    // SUANLI_BUILD_DIR/slurm-cluster). Returns the exit code main() should
    // end with before running any test: 77 (skip) with the reason where a
    // cluster cannot run on this machine, 1 where it should have started
    // but did not, 0 when it is there.
    static int load();
    static SlurmCluster &instance();

    const std::string &dir() const { return m_dir; }
    // A value of DIR/env, e.g. "SUANLI_SLURM_URL"; empty when absent.
    std::string env(const std::string &key) const;

    // A Slurm command (sinfo, squeue, sbatch, scontrol, sacctmgr, scancel)
    // from SUANLI_SLURM_BIN with the cluster's SLURM_CONF, killed after 30 s.
    RunResult slurm(const std::string &command, const std::vector<std::string> &args) const;
    // GET on slurmrestd with the user and token of DIR/env; the HTTP status
    // code is appended to out as a last line.
    RunResult rest(const std::string &path, const std::string &token) const;

    // scripts/slurm/ctld.sh DIR stop|start.
    RunResult ctld(const std::string &action) const;

    // `suanlid serve` arguments for the Slurm backend on this cluster, with
    // `--slurm-api $SUANLI_SLURM_API` when that is set.
    std::vector<std::string> gatewayArgs(const std::string &tick = "1") const;

    // Submits `sbatch --parsable ARGS --wrap COMMAND`; returns the job id, or
    // an empty string (and the error in *error).
    std::string submit(const std::vector<std::string> &args, const std::string &command,
        std::string *error = nullptr) const;
    // A field of `scontrol show job ID`, e.g. "JobState" or "Reason".
    std::string jobField(const std::string &id, const std::string &field) const;
    // State of one node as `sinfo -h -n NODE -o %t` prints it ("idle", "drain", "mix").
    std::string nodeState(const std::string &node) const;

    // Cancels every job, resumes every drained node and puts the quotas back
    // as start.sh made them, so each test starts from the same cluster.
    // Not for the big lab: it would resume its slurmd-less nodes.
    bool reset(std::string *error) const;

    // The big lab (start.sh --extra-nodes N, queue-jobs.sh): the number of
    // slurmd-less nodes, 0 on the small cluster. They are DOWN with reason
    // "no slurmd (lab node)"; drain one with `scontrol update nodename=X
    // state=drain reason=R` (sinfo: drain, JSON: down + DRAIN) and give it
    // back with state=undrain (state=resume would make it idle* until
    // SlurmdTimeout marks it down again).
    int extraNodes() const;
    // Their partitions ("gpu" with gpu:h100:8, "npu" with gpu:910b:8).
    std::vector<std::string> extraPartitions() const;
    // All of them as a Slurm hostlist expression, for scontrol and sinfo -n.
    std::string extraNodeList() const;
    // The name of extra node INDEX (from 0) as start.sh names them: 8 a rack,
    // lg-r0001-n01 .. lg-r0001-n08, lg-r0002-n01 ..; the first half (rounded
    // up) are the gpu partition's.
    static std::string extraNodeName(int index);
    // Jobs in the queue when queue-jobs.sh last finished, or -1 when it has not run.
    long labJobs() const;

private:
    std::string m_dir;
    std::map<std::string, std::string> m_env;
};

// Calls `done` every 200 ms until it returns true or `timeout` passes.
bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout);

// The lines of text, without their line ends.
std::vector<std::string> lines(const std::string &text);

} // namespace suanli::test
