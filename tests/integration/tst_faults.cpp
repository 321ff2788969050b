// Faults a gateway meets in a centre, on loopback, each bounded in time: a gateway process that
// stops answering (SIGSTOP) and comes back (SIGCONT), and one killed with SIGKILL mid-stream and
// started again on the same data folder. `suanlictl watch --json` records what a client
// received; a checker over the recording proves that within one epoch every batch came once, in
// order, with no gap, that a resumed watch went on right after its last revision, and that a new
// epoch (a restarted gateway) began with a whole snapshot.
#include "suanli/v1/scheduler.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <functional>
#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace suanli;
using namespace suanli::test;

namespace {

std::string slurp(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool waitFor(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return true;
}

// `suanlictl watch jobs --json` in the background, its stdout and stderr in files.
class Watcher {
public:
    Watcher(const GatewayProcess &gateway, const std::string &token, const std::string &dir)
        : m_out(dir + "/watch.out")
        , m_err(dir + "/watch.err")
    {
        m_pid = fork();
        if (m_pid == 0) {
            const int out = open(m_out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            const int err = open(m_err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(out, 1);
            dup2(err, 2);
            const std::string path = suanlictlPath();
            const std::string server = gateway.address();
            const std::string ca = gateway.caFile();
            execl(path.c_str(), path.c_str(), "--server", server.c_str(), "--ca", ca.c_str(),
                "--token", token.c_str(), "watch", "jobs", "--json", static_cast<char *>(nullptr));
            _exit(127);
        }
    }
    ~Watcher()
    {
        if (m_pid > 0) {
            ::kill(m_pid, SIGTERM);
            waitpid(m_pid, nullptr, 0);
        }
    }
    std::string out() const { return slurp(m_out); }
    std::string err() const { return slurp(m_err); }
    size_t lines() const
    {
        const std::string text = out();
        return size_t(std::count(text.begin(), text.end(), '\n'));
    }
    bool running() const { return waitpid(m_pid, nullptr, WNOHANG) == 0; }

private:
    std::string m_out;
    std::string m_err;
    pid_t m_pid = -1;
};

// What the checker found in a recorded stream.
struct StreamCheck {
    std::vector<std::string> problems;
    std::vector<std::string> epochs;
    int resumes = 0; // a batch after a reconnection in the same epoch, right after the last one
    int batches = 0;
};

// Checks a `watch --json` recording. Each epoch starts with a snapshot (its chunks share one
// revision; the last says so); every batch after it has the revision after the one before.
// Heartbeats carry no revision. A new epoch must start with a snapshot again. `reconnects`
// tells where the client reconnected (line numbers after which a stream was reopened): there
// the next batch in the same epoch must follow the last one exactly.
StreamCheck checkStream(const std::string &recording)
{
    StreamCheck check;
    std::istringstream lines(recording);
    std::string line;
    std::string epoch;
    int64_t last = 0;
    bool inSnapshot = false;
    int n = 0;
    while (std::getline(lines, line)) {
        ++n;
        v1::JobsEvent event;
        if (!google::protobuf::util::JsonStringToMessage(line, &event).ok()) {
            check.problems.push_back("line " + std::to_string(n) + " is not a JobsEvent");
            continue;
        }
        const auto &h = event.header();
        if (h.kind() == v1::WATCH_EVENT_KIND_HEARTBEAT)
            continue;
        const bool snapshot = h.kind() == v1::WATCH_EVENT_KIND_SNAPSHOT;
        if (h.epoch() != epoch) {
            if (!snapshot)
                check.problems.push_back("line " + std::to_string(n) + ": epoch " + h.epoch()
                    + " begins without a snapshot");
            epoch = h.epoch();
            check.epochs.push_back(epoch);
            last = 0;
            inSnapshot = false;
        }
        if (snapshot) {
            if (inSnapshot && h.revision() != last)
                check.problems.push_back(
                    "line " + std::to_string(n) + ": snapshot chunks of different revisions");
            last = h.revision();
            inSnapshot = !h.last_chunk();
            continue;
        }
        if (inSnapshot)
            check.problems.push_back(
                "line " + std::to_string(n) + ": a batch inside an unfinished snapshot");
        if (h.revision() != last + 1)
            check.problems.push_back("line " + std::to_string(n) + ": revision "
                + std::to_string(h.revision()) + " after " + std::to_string(last));
        last = h.revision();
        ++check.batches;
    }
    return check;
}

std::vector<std::string> churningCentre()
{
    return { "--sim-nodes", "24", "--sim-jobs", "150", "--sim-speed", "120", "--tick", "0.2" };
}

} // namespace

TEST(Faults, StoppedGatewayIsSaidNotRespondingAndTheWatchResumesAfterIt)
{
    GatewayProcess gateway(churningCentre());
    ASSERT_TRUE(gateway.start()) << gateway.error();
    const std::string token = gateway.addUser("ops", "operator");
    Watcher watch(gateway, token, gateway.dataDir());
    ASSERT_TRUE(waitFor([&] { return watch.lines() >= 3; }, std::chrono::seconds(30)))
        << watch.err();

    ASSERT_EQ(::kill(gateway.pid(), SIGSTOP), 0);
    const auto stopped = std::chrono::steady_clock::now();
    const bool said
        = waitFor([&] { return watch.err().find("NOT RESPONDING") != std::string::npos; },
            std::chrono::seconds(30));
    const auto noticed = std::chrono::steady_clock::now() - stopped;
    ::kill(gateway.pid(), SIGCONT);
    ASSERT_TRUE(said) << watch.err();
    std::printf("a stopped gateway was said not responding after %.1f s\n",
        std::chrono::duration<double>(noticed).count());
    // The promise to a person at a wall: a stopped gateway is said so within 10 s.
    EXPECT_LT(noticed, std::chrono::seconds(10));

    ASSERT_TRUE(waitFor(
        [&] {
            return watch.err().find("RESPONDING the gateway") != std::string::npos
                && watch.err().rfind("RESPONDING") != watch.err().find("NOT RESPONDING") + 4;
        },
        std::chrono::seconds(60)))
        << watch.err() << "\ngateway log:\n"
        << gateway.logs();
    const size_t before = watch.lines();
    ASSERT_TRUE(waitFor([&] { return watch.lines() >= before + 3; }, std::chrono::seconds(30)));
    EXPECT_TRUE(watch.running());

    const StreamCheck check = checkStream(watch.out());
    EXPECT_TRUE(check.problems.empty()) << ::testing::PrintToString(check.problems);
    // The same gateway came back: one epoch, resumed without a second snapshot.
    EXPECT_EQ(check.epochs.size(), 1u);
    EXPECT_GT(check.batches, 3);
}

TEST(Faults, KilledGatewayRestartedOnItsDataResyncsTheWatchAndKeepsItsRecords)
{
    GatewayProcess first(churningCentre());
    ASSERT_TRUE(first.start()) << first.error();
    const std::string admin = first.addUser("root", "admin");
    const std::string ops = first.addUser("ops", "operator");
    // Something audited before the fault.
    ASSERT_EQ(
        first.ctl(ops, { "nodes", "drain", "node-001", "--reason", "fan" }).exitCode >= 0, true);
    Watcher watch(first, ops, first.dataDir());
    ASSERT_TRUE(waitFor([&] { return watch.lines() >= 5; }, std::chrono::seconds(30)))
        << watch.err();

    first.kill();
    ASSERT_TRUE(waitFor([&] { return watch.err().find("NOT RESPONDING") != std::string::npos; },
        std::chrono::seconds(30)))
        << watch.err();
    const size_t beforeRestart = watch.lines();

    std::vector<std::string> args = churningCentre();
    args.insert(args.end(), { "--listen", first.address() });
    GatewayProcess second(args, first.dataDir());
    ASSERT_TRUE(second.start()) << second.error();
    ASSERT_TRUE(
        waitFor([&] { return watch.lines() >= beforeRestart + 5; }, std::chrono::seconds(60)))
        << watch.err();

    const StreamCheck check = checkStream(watch.out());
    EXPECT_TRUE(check.problems.empty()) << ::testing::PrintToString(check.problems);
    // The restarted gateway is a new epoch: the watch got a whole snapshot of it.
    EXPECT_EQ(check.epochs.size(), 2u);

    // The store opened intact (the gateway serves) and its record survived the kill.
    const auto verify = second.ctl(admin, { "audit", "verify" });
    EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
    const auto list = second.ctl(admin, { "audit", "list", "--json" });
    EXPECT_EQ(list.exitCode, 0) << list.err;
    EXPECT_NE(list.out.find("Cluster.DrainNodes"), std::string::npos);
}

namespace {

// Runs one SQL statement on the store file behind the gateway's back; the first column of the
// first row, if any.
std::string sql(const std::string &file, const std::string &statement)
{
    sqlite3 *db = nullptr;
    std::string first;
    if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(db, statement.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                first = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
        }
    }
    sqlite3_close(db);
    return first;
}

// A data folder whose store holds a user and some audited actions, the gateway stopped.
struct StoppedCentre {
    GatewayProcess gateway;
    std::string file;
    StoppedCentre()
    {
        if (!gateway.start())
            throw std::runtime_error(gateway.error());
        const std::string ops = gateway.addUser("ops", "operator");
        for (int i = 1; i <= 3; ++i)
            gateway.ctl(
                ops, { "nodes", "drain", "node-00" + std::to_string(i), "--reason", "fan" });
        gateway.stop();
        file = gateway.dataDir() + "/suanli.db";
    }
};

void expectRefused(StoppedCentre &centre, const std::string &why)
{
    GatewayProcess again({}, centre.gateway.dataDir());
    EXPECT_FALSE(again.start()) << "served from a damaged store";
    const std::string said = again.error();
    EXPECT_NE(said.find(centre.file), std::string::npos) << said; // which file
    EXPECT_NE(said.find("damaged"), std::string::npos) << said;
    EXPECT_NE(said.find(why), std::string::npos) << said; // what is wrong
    EXPECT_NE(said.find("restore"), std::string::npos) << said; // what to do
}

} // namespace

TEST(Faults, DamagedPageInTheStoreIsFoundAtStartAndNotServed)
{
    StoppedCentre centre;
    // Overwrite the header of the audit table's first page, as a bad sector or a stray write
    // would: every byte of the file stays readable, the page no longer makes sense.
    const int page
        = std::stoi(sql(centre.file, "SELECT rootpage FROM sqlite_schema WHERE name = 'audit'"));
    const int pageSize = std::stoi(sql(centre.file, "PRAGMA page_size"));
    ASSERT_GT(page, 1);
    {
        std::fstream f(centre.file, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(std::streamoff(page - 1) * pageSize);
        const std::string junk(12, '\x5a');
        f.write(junk.data(), std::streamsize(junk.size()));
    }
    expectRefused(centre, "SQLite finds it damaged");
}

TEST(Faults, RewrittenAuditEntryIsFoundAtStartAndNotServed)
{
    StoppedCentre centre;
    // A well-formed file whose record was edited by hand: SQLite is content, the chain is not.
    sql(centre.file, "DROP TRIGGER audit_no_update");
    sql(centre.file, "UPDATE audit SET user = 'someone-else' WHERE sequence = 2");
    ASSERT_EQ(sql(centre.file, "SELECT user FROM audit WHERE sequence = 2"), "someone-else");
    expectRefused(centre, "audit log does not verify");
}
