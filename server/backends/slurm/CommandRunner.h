#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace suanli::server {

// Outcome of one Slurm command run by CommandRunner.
struct CommandResult {
    bool started = false; // false when the program could not be run at all
    bool timedOut = false;
    int exitCode = -1; // valid when started, not timed out and not killed by a signal
    std::string out;
    std::string err;
    bool ok() const { return started && !timedOut && exitCode == 0; }
    // "sacctmgr timed out after 10 s (is slurmdbd running?)", "exit 1: <stderr>".
    std::string describe(const std::string &program) const;
};

// CommandRunner runs Slurm's commands (scontrol, sacctmgr, squeue) with
// fork/exec and no shell, with SLURM_CONF set, a deadline after which the
// child is killed (sinfo/squeue/sacctmgr hang for minutes while their daemon
// is down), and stdout/stderr captured.
class CommandRunner {
public:
    CommandRunner(std::string binDir, std::string slurmConf, std::chrono::milliseconds timeout);

    // Runs `program` (looked up in the bin folder, or on PATH when none was
    // given) with `args`.
    CommandResult run(const std::string &program, const std::vector<std::string> &args) const;
    // As run(), with an explicit timeout.
    CommandResult run(const std::string &program, const std::vector<std::string> &args,
        std::chrono::milliseconds timeout) const;

    std::chrono::milliseconds timeout() const { return m_timeout; }

private:
    std::string m_binDir;
    std::string m_slurmConf;
    std::chrono::milliseconds m_timeout;
};

} // namespace suanli::server
