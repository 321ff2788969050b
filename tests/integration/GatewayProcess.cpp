#include "tests/integration/GatewayProcess.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace suanli::test {

namespace {
std::string readAll(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Forks and execs argv with stdout/stderr to the given fds; the child dies with its parent.
int spawn(const std::vector<std::string> &argv, const std::map<std::string, std::string> &env,
    int outFd, int errFd)
{
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent)
            _exit(127);
        const int devnull = open("/dev/null", O_RDONLY);
        dup2(devnull, 0);
        dup2(outFd, 1);
        dup2(errFd, 2);
        for (const auto &[k, v] : env)
            setenv(k.c_str(), v.c_str(), 1);
        std::vector<char *> args;
        for (const auto &a : argv)
            args.push_back(const_cast<char *>(a.c_str()));
        args.push_back(nullptr);
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}
} // namespace

std::string suanlidPath()
{
    return SUANLID_PATH;
}
std::string suanlictlPath()
{
    return SUANLICTL_PATH;
}

RunResult run(const std::vector<std::string> &argv, const std::map<std::string, std::string> &env,
    std::chrono::seconds timeout)
{
    int outPipe[2], errPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");
    const int pid = spawn(argv, env, outPipe[1], errPipe[1]);
    close(outPipe[1]);
    close(errPipe[1]);
    RunResult result;
    pollfd fds[2] = { { outPipe[0], POLLIN, 0 }, { errPipe[0], POLLIN, 0 } };
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int open = 2;
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            ::kill(pid, SIGKILL);
            result.err += "\n[test harness: killed after timeout]";
            break;
        }
        if (poll(fds, 2, static_cast<int>(left.count())) <= 0)
            continue;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            char buf[65536];
            const ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            } else {
                (i == 0 ? result.out : result.err).append(buf, n);
            }
        }
    }
    for (auto &f : fds)
        if (f.fd >= 0)
            close(f.fd);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

TempDir::TempDir()
{
    char tmpl[] = "/tmp/suanli-test-XXXXXX";
    if (!mkdtemp(tmpl))
        throw std::runtime_error("mkdtemp failed");
    m_path = tmpl;
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

GatewayProcess::GatewayProcess(std::vector<std::string> serveArgs, std::string dataDir)
    : m_serveArgs(std::move(serveArgs))
{
    if (dataDir.empty()) {
        m_ownDir = std::make_unique<TempDir>();
        m_dataDir = m_ownDir->path() + "/data";
    } else {
        m_dataDir = std::move(dataDir);
    }
    m_logFile = (m_ownDir ? m_ownDir->path() : m_dataDir) + "/suanlid-" + std::to_string(getpid())
        + ".log";
}

GatewayProcess::~GatewayProcess()
{
    if (m_pid > 0)
        stop();
}

bool GatewayProcess::start()
{
    std::filesystem::create_directories(m_dataDir);
    int outPipe[2];
    if (pipe2(outPipe, O_CLOEXEC) != 0)
        return false;
    const int errFd = open(m_logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    std::vector<std::string> argv
        = { suanlidPath(), "serve", "--data-dir", m_dataDir, "--listen", "127.0.0.1:0" };
    bool hasListen = false;
    for (size_t i = 0; i < m_serveArgs.size(); ++i)
        if (m_serveArgs[i] == "--listen")
            hasListen = true;
    if (hasListen)
        argv.resize(4);
    argv.insert(argv.end(), m_serveArgs.begin(), m_serveArgs.end());
    // A simulated centre starts without a past unless the test asks for one: the state its
    // checks were written against, and a quick start.
    if (std::find(m_serveArgs.begin(), m_serveArgs.end(), "--sim-history") == m_serveArgs.end())
        argv.insert(argv.end(), { "--sim-history", "0" });
    m_pid = spawn(argv, {}, outPipe[1], errFd);
    close(outPipe[1]);
    close(errFd);
    // Read stdout line by line until the "serving" line, for at most 60 s.
    std::string out;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    pollfd pfd { outPipe[0], POLLIN, 0 };
    while (std::chrono::steady_clock::now() < deadline) {
        if (poll(&pfd, 1, 200) <= 0)
            continue;
        char buf[4096];
        const ssize_t n = read(outPipe[0], buf, sizeof buf);
        if (n <= 0)
            break;
        out.append(buf, n);
        const auto serving = out.find("on port ");
        if (serving != std::string::npos && out.find('\n', serving) != std::string::npos) {
            m_port = std::stoi(out.substr(serving + 8));
            const auto fp = out.find("fingerprint SHA256 ");
            if (fp != std::string::npos)
                m_fingerprint = out.substr(fp + 19, out.find('\n', fp) - fp - 19);
            break;
        }
    }
    // Keep draining stdout in the background so the gateway never blocks on a full pipe.
    std::thread([fd = outPipe[0]] {
        char buf[4096];
        while (read(fd, buf, sizeof buf) > 0) { }
        close(fd);
    }).detach();
    if (m_port == 0) {
        m_error = "suanlid did not start; stdout:\n" + out + "\nstderr:\n" + logs();
        kill();
        return false;
    }
    return true;
}

int GatewayProcess::stop()
{
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 200; ++i) {
        if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
            m_pid = -1;
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill();
    return 137;
}

void GatewayProcess::kill()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGKILL);
    waitpid(m_pid, nullptr, 0);
    m_pid = -1;
}

std::string GatewayProcess::caPem() const
{
    return readAll(caFile());
}

std::string GatewayProcess::logs() const
{
    return readAll(m_logFile);
}

std::string GatewayProcess::addUser(
    const std::string &name, const std::string &role, const std::vector<std::string> &tenants) const
{
    std::vector<std::string> argv
        = { suanlidPath(), "--data-dir", m_dataDir, "user", "add", name, "--role", role };
    for (const auto &t : tenants) {
        argv.push_back("--tenant");
        argv.push_back(t);
    }
    const auto r = run(argv);
    if (r.exitCode != 0)
        throw std::runtime_error("suanlid user add failed: " + r.err);
    std::string token = r.out;
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
        token.pop_back();
    return token;
}

std::shared_ptr<grpc::Channel> GatewayProcess::channel() const
{
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = caPem();
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 << 20);
    return grpc::CreateCustomChannel(address(), grpc::SslCredentials(ssl), args);
}

std::unique_ptr<grpc::ClientContext> GatewayProcess::context(const std::string &token)
{
    auto ctx = std::make_unique<grpc::ClientContext>();
    if (!token.empty())
        ctx->AddMetadata("authorization", "Bearer " + token);
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    return ctx;
}

RunResult GatewayProcess::ctl(const std::string &token, std::vector<std::string> args) const
{
    std::vector<std::string> argv = { suanlictlPath(), "--server", address(), "--ca", caFile() };
    if (!token.empty()) {
        argv.push_back("--token");
        argv.push_back(token);
    }
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

} // namespace suanli::test
