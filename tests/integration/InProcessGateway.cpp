#include "tests/integration/InProcessGateway.h"

#include "server/gateway/Gateway.h"

#include <fstream>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <sstream>
#include <thread>

namespace suanli::test {

server::SimOptions stillCentre()
{
    server::SimOptions sim;
    sim.nodes = 16;
    sim.jobs = 60;
    sim.speed = 0;
    return sim;
}

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

InProcessGateway::InProcessGateway(
    const server::SimOptions &sim, bool reachable, double tickSeconds)
{
    m_options.listen = "127.0.0.1:0";
    m_options.dataDir = m_dir.path();
    m_options.tickSeconds = tickSeconds;
    m_options.sim = sim;
    m_options.sim.tickSeconds = tickSeconds;
    m_ownBackend = std::make_unique<OutageBackend>(m_options.sim, reachable);
    m_backend = m_ownBackend.get();
}

InProcessGateway::~InProcessGateway()
{
    shutdown();
}

bool InProcessGateway::start()
{
    try {
        m_gateway = std::make_unique<server::Gateway>(m_options, std::move(m_ownBackend));
        m_gateway->start();
    } catch (const std::exception &e) {
        m_error = e.what();
        return false;
    }
    m_port = m_gateway->port();
    return true;
}

void InProcessGateway::shutdown()
{
    if (m_gateway)
        m_gateway->shutdown();
}

std::string InProcessGateway::caPem() const
{
    std::ifstream in(caFile());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string InProcessGateway::fingerprint() const
{
    return m_gateway->caFingerprint();
}

std::string InProcessGateway::addUser(const std::string &name, const std::string &role) const
{
    const auto r
        = run({ suanlidPath(), "--data-dir", dataDir(), "user", "add", name, "--role", role });
    if (r.exitCode != 0)
        throw std::runtime_error("suanlid user add failed: " + r.err);
    std::string token = r.out;
    while (!token.empty() && (token.back() == '\n' || token.back() == '\r'))
        token.pop_back();
    return token;
}

std::shared_ptr<grpc::Channel> InProcessGateway::channel(const std::string &serviceConfig) const
{
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = caPem();
    grpc::ChannelArguments args;
    args.SetMaxReceiveMessageSize(64 << 20);
    if (!serviceConfig.empty()) {
        args.SetServiceConfigJSON(serviceConfig);
        args.SetInt(GRPC_ARG_ENABLE_RETRIES, 1);
    }
    return grpc::CreateCustomChannel(address(), grpc::SslCredentials(ssl), args);
}

RunResult InProcessGateway::ctl(const std::string &token, std::vector<std::string> args) const
{
    std::vector<std::string> argv
        = { suanlictlPath(), "--server", address(), "--ca", caFile(), "--token", token };
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv);
}

} // namespace suanli::test
