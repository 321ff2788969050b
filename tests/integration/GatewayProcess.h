#pragma once

#include <chrono>
#include <grpcpp/grpcpp.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace suanli::test {

// Output and exit code of a program the test ran.
struct RunResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

// Runs argv with extra environment, feeding nothing on stdin; kills it after `timeout`.
RunResult run(const std::vector<std::string> &argv,
    const std::map<std::string, std::string> &env = {},
    std::chrono::seconds timeout = std::chrono::seconds(60));

// A fresh temporary folder, removed with everything in it when destroyed.
class TempDir {
public:
    TempDir();
    ~TempDir();
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

// GatewayProcess runs a real suanlid on a free loopback port with its own
// data folder and TLS, and stops it (SIGTERM, then SIGKILL) when destroyed,
// also when the test fails. The gateway dies with the test process.
class GatewayProcess {
public:
    explicit GatewayProcess(std::vector<std::string> serveArgs = {}, std::string dataDir = {});
    ~GatewayProcess();

    // Starts suanlid serve and waits for its "serving" line; false with the
    // gateway's stderr in error() when it does not come up.
    bool start();
    // SIGTERM and wait; returns the exit code (0 for a clean shutdown).
    int stop();
    // SIGKILL: the gateway dies without cleaning up.
    void kill();
    bool running() const { return m_pid > 0; }
    int pid() const { return m_pid; }

    int port() const { return m_port; }
    std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }
    const std::string &dataDir() const { return m_dataDir; }
    std::string caFile() const { return m_dataDir + "/tls/ca.pem"; }
    std::string caPem() const;
    const std::string &fingerprint() const { return m_fingerprint; }
    const std::string &error() const { return m_error; }
    std::string logs() const;

    // `suanlid user add` on this gateway's data folder; returns the token.
    std::string addUser(const std::string &name, const std::string &role,
        const std::vector<std::string> &tenants = {}) const;

    // A TLS channel trusting this gateway's CA.
    std::shared_ptr<grpc::Channel> channel() const;
    // A client context carrying `token` and a 30 s deadline.
    static std::unique_ptr<grpc::ClientContext> context(const std::string &token);

    // suanlictl against this gateway with `token`; --server and --ca are added.
    RunResult ctl(const std::string &token, std::vector<std::string> args) const;

private:
    std::vector<std::string> m_serveArgs;
    std::unique_ptr<TempDir> m_ownDir;
    std::string m_dataDir;
    int m_pid = -1;
    int m_port = 0;
    std::string m_fingerprint;
    std::string m_error;
    std::string m_logFile;
};

std::string suanlidPath();
std::string suanlictlPath();

} // namespace suanli::test
