// The Slurm backend's behaviour when Slurm is slow or absent, against a
// loopback listener that never answers (a slurmrestd busy building a large
// answer) and against a closed port (no slurmrestd at all).
#include "server/backends/slurm/SlurmBackend.h"

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace suanli::server;

namespace {

// A listening socket on a free port of 127.0.0.1.
int listenOnLoopback(int *port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    ::listen(fd, 16);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    *port = ntohs(a.sin_port);
    return fd;
}

// Accepts connections on 127.0.0.1 and never answers them.
class SilentServer {
public:
    SilentServer()
    {
        m_fd = listenOnLoopback(&m_port);
        m_thread = std::thread([this] {
            while (!m_stop) {
                pollfd p { m_fd, POLLIN, 0 };
                if (::poll(&p, 1, 50) > 0) {
                    const int c = ::accept(m_fd, nullptr, nullptr);
                    if (c >= 0) {
                        m_open.push_back(c);
                        ++m_accepted;
                    }
                }
            }
        });
    }
    ~SilentServer()
    {
        m_stop = true;
        m_thread.join();
        for (int c : m_open)
            ::close(c);
        ::close(m_fd);
    }
    int port() const { return m_port; }
    int accepted() const { return m_accepted; }

private:
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop { false };
    std::atomic<int> m_accepted { 0 };
    std::vector<int> m_open;
    std::thread m_thread;
};

// Answers every request on 127.0.0.1, after `delay`, with an empty Slurm listing: a
// slurmrestd that works but is slow.
class SlowServer {
public:
    explicit SlowServer(std::chrono::milliseconds delay)
        : m_delay(delay)
    {
        m_fd = listenOnLoopback(&m_port);
        m_thread = std::thread([this] {
            while (!m_stop) {
                pollfd p { m_fd, POLLIN, 0 };
                if (::poll(&p, 1, 50) <= 0)
                    continue;
                const int c = ::accept(m_fd, nullptr, nullptr);
                if (c < 0)
                    continue;
                std::string request;
                char buffer[4096];
                while (request.find("\r\n\r\n") == std::string::npos) {
                    const ssize_t n = ::read(c, buffer, sizeof buffer);
                    if (n <= 0)
                        break;
                    request.append(buffer, size_t(n));
                }
                std::this_thread::sleep_for(m_delay);
                const std::string body = R"({"partitions":[],"nodes":[],"jobs":[],"errors":[]})";
                const std::string reply = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                          "Connection: close\r\nContent-Length: "
                    + std::to_string(body.size()) + "\r\n\r\n" + body;
                (void)!::send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
                ::close(c);
            }
        });
    }
    ~SlowServer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_fd);
    }
    int port() const { return m_port; }

private:
    std::chrono::milliseconds m_delay;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop { false };
    std::thread m_thread;
};

// A port nothing listens on.
int closedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a {};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

SlurmOptions restOptions(int port)
{
    static const std::string key = [] {
        const std::string path = std::filesystem::temp_directory_path() / "tst_slurm_backend.key";
        std::ofstream(path) << "0123456789abcdef0123456789abcdef";
        return path;
    }();
    SlurmOptions o;
    o.api = "rest";
    o.url = "http://127.0.0.1:" + std::to_string(port);
    o.user = "slurm";
    o.jwtKeyFile = key;
    o.binDir = "/nonexistent"; // no Slurm commands run here
    o.timeoutSeconds = 2;
    return o;
}

} // namespace

TEST(SlurmBackendRest, ASlowSlurmrestdIsSaidToBeSlowNotAbsentAndIsNotAskedAgainAtOnce)
{
    SilentServer server;
    SlurmBackend backend(restOptions(server.port()));
    std::string error;
    EXPECT_FALSE(backend.tick(&error));
    EXPECT_FALSE(backend.reachable());
    EXPECT_NE(error.find("running but slow"), std::string::npos) << error;
    EXPECT_EQ(error.find("is slurmrestd running?"), std::string::npos) << error;
    EXPECT_EQ(server.accepted(), 1);
    // The next tick comes a second later; the read that failed took two:
    // slurmrestd is left alone until as long again has passed.
    std::string again;
    EXPECT_FALSE(backend.tick(&again));
    EXPECT_EQ(server.accepted(), 1) << "a new request while slurmrestd is still busy";
    EXPECT_EQ(again, error);
}

TEST(SlurmBackendRest, NoSlurmrestdIsSaidToBeUnreachable)
{
    SlurmBackend backend(restOptions(closedPort()));
    std::string error;
    EXPECT_FALSE(backend.tick(&error));
    EXPECT_NE(error.find("cannot reach slurmrestd"), std::string::npos) << error;
    EXPECT_NE(error.find("is slurmrestd running?"), std::string::npos) << error;
}

TEST(SlurmBackendOptions, TheReadPathIsLibslurmOrRest)
{
    SlurmOptions o = restOptions(closedPort());
    o.api = "json";
    EXPECT_THROW(SlurmBackend { o }, std::invalid_argument);
    o.api = "rest";
    o.url.clear();
    EXPECT_THROW(SlurmBackend { o }, std::invalid_argument);
    o = restOptions(closedPort());
    o.api = "libslurm";
    o.slurmConf = "/nonexistent/slurm.conf";
    try {
        SlurmBackend backend(o);
        ADD_FAILURE() << "a missing slurm.conf was accepted";
    } catch (const std::invalid_argument &e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/slurm.conf"), std::string::npos)
            << e.what();
    }
}

// A read that takes longer than two ticks is reported once, saying where the time went,
// and not again within the minute.
TEST(SlurmBackendRest, AReadLongerThanTwoTicksIsReportedWithItsParts)
{
    SlowServer server(std::chrono::milliseconds(300));
    SlurmOptions options = restOptions(server.port());
    options.tickSeconds = 0.1;
    std::vector<std::string> slow;
    options.warn = [&](const std::string &message) {
        if (message.find("reading Slurm took") != std::string::npos)
            slow.push_back(message);
    };
    SlurmBackend backend(options);
    std::string error;
    ASSERT_TRUE(backend.tick(&error)) << error;
    EXPECT_TRUE(slow.empty()) << "the first read fills the cache and is not a slow tick";
    ASSERT_TRUE(backend.tick(&error)) << error;
    ASSERT_EQ(slow.size(), 1u);
    EXPECT_NE(slow[0].find("more than two ticks"), std::string::npos) << slow[0];
    EXPECT_NE(slow[0].find("partitions"), std::string::npos) << slow[0];
    EXPECT_NE(slow[0].find("nodes"), std::string::npos) << slow[0];
    ASSERT_TRUE(backend.tick(&error)) << error;
    EXPECT_EQ(slow.size(), 1u) << "at most once a minute";
}
