#include "server/backends/slurm/CommandRunner.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace suanli::server {

std::string CommandResult::describe(const std::string &program) const
{
    if (!started)
        return program + " could not be run: " + err;
    if (timedOut)
        return program + " did not answer in time (is its Slurm daemon running and reachable?)";
    std::string text = err.empty() ? out : err;
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    if (exitCode < 0)
        return program + " was killed" + (text.empty() ? std::string() : ": " + text);
    return program + " failed (exit " + std::to_string(exitCode) + ")"
        + (text.empty() ? std::string() : ": " + text);
}

CommandRunner::CommandRunner(
    std::string binDir, std::string slurmConf, std::chrono::milliseconds timeout)
    : m_binDir(std::move(binDir))
    , m_slurmConf(std::move(slurmConf))
    , m_timeout(timeout)
{
}

CommandResult CommandRunner::run(
    const std::string &program, const std::vector<std::string> &args) const
{
    return run(program, args, m_timeout);
}

CommandResult CommandRunner::run(const std::string &program, const std::vector<std::string> &args,
    std::chrono::milliseconds timeout) const
{
    CommandResult result;
    const std::string path = m_binDir.empty() ? program : m_binDir + "/" + program;

    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0) {
        result.err = std::strerror(errno);
        return result;
    }
    if (pipe2(errPipe, O_CLOEXEC) != 0) {
        result.err = std::strerror(errno);
        close(outPipe[0]);
        close(outPipe[1]);
        return result;
    }

    std::vector<std::string> argStore;
    argStore.push_back(path);
    argStore.insert(argStore.end(), args.begin(), args.end());
    std::vector<char *> argv;
    for (auto &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    // The child's environment: ours, with SLURM_CONF replaced when one is configured.
    std::vector<std::string> envStore;
    for (char **e = environ; *e; ++e) {
        if (!m_slurmConf.empty() && std::strncmp(*e, "SLURM_CONF=", 11) == 0)
            continue;
        envStore.emplace_back(*e);
    }
    if (!m_slurmConf.empty())
        envStore.push_back("SLURM_CONF=" + m_slurmConf);
    std::vector<char *> envp;
    for (auto &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // Its own process group, so a timeout kills whatever it started too.
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK);
    posix_spawnattr_setpgroup(&attr, 0);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attr, &none);

    pid_t pid = 0;
    const int rc = m_binDir.empty()
        ? posix_spawnp(&pid, path.c_str(), &actions, &attr, argv.data(), envp.data())
        : posix_spawn(&pid, path.c_str(), &actions, &attr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(outPipe[1]);
    close(errPipe[1]);
    if (rc != 0) {
        result.err = path + ": " + std::strerror(rc);
        close(outPipe[0]);
        close(errPipe[0]);
        return result;
    }
    result.started = true;

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    pollfd fds[2] = { { outPipe[0], POLLIN, 0 }, { errPipe[0], POLLIN, 0 } };
    int open = 2;
    char buffer[65536];
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            break;
        }
        const int n = poll(fds, 2, int(left.count()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
            if (got > 0) {
                (i == 0 ? result.out : result.err).append(buffer, size_t(got));
            } else if (got == 0 || errno != EINTR) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (auto &f : fds)
        if (f.fd >= 0)
            close(f.fd);

    int status = 0;
    if (result.timedOut) {
        kill(-pid, SIGKILL);
        waitpid(pid, &status, 0);
        return result;
    }
    // Output is closed; the child ends now or is made to.
    for (;;) {
        const pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR)
            break;
        if (std::chrono::steady_clock::now() > deadline) {
            result.timedOut = true;
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            return result;
        }
        usleep(2000);
    }
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

} // namespace suanli::server
