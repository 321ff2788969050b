#pragma once

#include "server/gateway/GatewayOptions.h"
#include "tests/integration/GatewayProcess.h"
#include "tests/integration/OutageBackend.h"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace suanli::server {
class Gateway;
}

namespace suanli::test {

// A still centre of 16 nodes and 60 jobs: its clock moves only when a test advances it.
server::SimOptions stillCentre();

// Asks `done` again every 20 ms until it holds or `timeout` passes.
bool waitUntil(const std::function<bool()> &done,
    std::chrono::milliseconds timeout = std::chrono::seconds(30));

// InProcessGateway runs a real Gateway (TLS on a free loopback port, its own data folder) in
// the test process, in front of an OutageBackend the test switches off and on, so a test can
// take the centre's scheduler away while the gateway stays up.
class InProcessGateway {
public:
    // `reachable` false starts the gateway while the scheduler is down.
    explicit InProcessGateway(
        const server::SimOptions &sim, bool reachable = true, double tickSeconds = 0.2);
    ~InProcessGateway();
    InProcessGateway(const InProcessGateway &) = delete;
    InProcessGateway &operator=(const InProcessGateway &) = delete;

    // What the gateway is started with; may be changed until start().
    server::GatewayOptions &options() { return m_options; }
    // Starts serving; false with the reason in error().
    bool start();
    // Ends every stream and stops serving.
    void shutdown();
    const std::string &error() const { return m_error; }

    OutageBackend &backend() { return *m_backend; }
    std::string address() const { return "127.0.0.1:" + std::to_string(m_port); }
    const std::string &dataDir() const { return m_dir.path(); }
    std::string caFile() const { return m_dir.path() + "/tls/ca.pem"; }
    std::string caPem() const;
    // SHA-256 of the CA certificate, "AB:CD:..." as suanlid prints it.
    std::string fingerprint() const;

    // `suanlid user add` on this gateway's data folder; returns the token.
    std::string addUser(const std::string &name, const std::string &role) const;
    // A TLS channel trusting this gateway's CA, with `serviceConfig` (a retry policy) if given.
    std::shared_ptr<grpc::Channel> channel(const std::string &serviceConfig = {}) const;
    // suanlictl against this gateway with `token`.
    RunResult ctl(const std::string &token, std::vector<std::string> args) const;

private:
    TempDir m_dir;
    server::GatewayOptions m_options;
    std::unique_ptr<OutageBackend> m_ownBackend;
    OutageBackend *m_backend = nullptr;
    std::unique_ptr<server::Gateway> m_gateway;
    std::string m_error;
    int m_port = 0;
};

} // namespace suanli::test
