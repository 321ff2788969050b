// suanlid with its default options against the Slurm lab (scripts/slurm/
// start.sh --extra-nodes: thousands of slurmd-less nodes of two accelerator
// models and thousands of queued jobs): every node and job is served, a
// drain and a cancel made through the gateway reach Slurm and come back on
// the watch streams, changes made in Slurm arrive, and a minute of ticks
// leaves slurmrestd (which the default read path does not use) as it was
// and costs slurmctld a bounded number of reads whatever the consoles do.
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "tests/slurm/SlurmCluster.h"
#include "tests/slurm/WatchCollector.h"

#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <sstream>
#include <thread>

using namespace suanli::test;
namespace v1 = suanli::v1;
using namespace std::chrono_literals;

namespace {

std::vector<std::string> nonEmptyLines(const std::string &text)
{
    std::vector<std::string> out;
    for (auto &l : lines(text))
        if (!l.empty())
            out.push_back(l);
    return out;
}

long rssKb(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

int daemonPid(const std::string &name)
{
    std::ifstream in(SlurmCluster::instance().dir() + "/run/pids/" + name + ".pid");
    int pid = 0;
    in >> pid;
    return pid;
}

// slurmctld's count of one RPC type since the last `sdiag -r`.
long rpcCount(const std::string &sdiag, const std::string &type)
{
    for (const auto &l : lines(sdiag)) {
        std::istringstream in(l);
        std::string name;
        in >> name;
        if (name == type)
            if (auto at = l.find("count:"); at != std::string::npos)
                return std::atol(l.c_str() + at + 6);
    }
    return 0;
}

class SlurmScaleTest : public ::testing::Test {
protected:
    SlurmCluster &cluster = SlurmCluster::instance();
};

TEST_F(SlurmScaleTest, TheWholeLabIsServedWithTheDefaultsAndActionsRoundTrip)
{
    // What Slurm has.
    std::set<std::string> slurmNodes;
    for (const auto &l : nonEmptyLines(cluster.slurm("scontrol", { "show", "nodes", "-o" }).out))
        if (l.rfind("NodeName=", 0) == 0)
            slurmNodes.insert(l.substr(9, l.find(' ') - 9));
    std::set<std::string> slurmJobs;
    for (const auto &l :
        nonEmptyLines(cluster.slurm("squeue", { "-h", "-t", "PD,R,CG,S", "-o", "%i" }).out))
        slurmJobs.insert(l);
    ASSERT_GE(slurmNodes.size(), 1000u) << "the lab is smaller than this test is for";
    ASSERT_GE(slurmJobs.size(), 1000u) << "the lab has fewer jobs than this test is for";

    GatewayProcess gateway(cluster.gatewayArgs("1"));
    ASSERT_TRUE(gateway.start()) << gateway.error();
    const std::string admin = gateway.addUser("admin", "admin");
    auto clusterApi = std::shared_ptr(v1::Cluster::NewStub(gateway.channel()));
    auto scheduler = std::shared_ptr(v1::Scheduler::NewStub(gateway.channel()));
    WatchCollector<v1::NodesEvent> nodes(
        admin, [clusterApi](auto *c, const auto &r) { return clusterApi->WatchNodes(c, r); });
    WatchCollector<v1::JobsEvent> jobs(
        admin, [scheduler](auto *c, const auto &r) { return scheduler->WatchJobs(c, r); });

    // Every node and job in the first snapshots.
    const int nodesEnd
        = nodes.waitFor([](const v1::NodesEvent &e) { return isSnapshotEnd(e.header()); }, 60s);
    ASSERT_GE(nodesEnd, 0) << nodes.endStatus();
    std::set<std::string> servedNodes;
    std::map<std::string, v1::Node> nodeByName;
    for (int i = 0; i <= nodesEnd; ++i) {
        const auto arrival = nodes.at(i);
        for (const auto &n : arrival.event.upserts()) {
            servedNodes.insert(n.name());
            nodeByName[n.name()] = n;
        }
    }
    EXPECT_EQ(servedNodes, slurmNodes);
    const int jobsEnd
        = jobs.waitFor([](const v1::JobsEvent &e) { return isSnapshotEnd(e.header()); }, 60s);
    ASSERT_GE(jobsEnd, 0) << jobs.endStatus();
    std::set<std::string> servedJobs;
    for (int i = 0; i <= jobsEnd; ++i) {
        const auto arrival = jobs.at(i);
        for (const auto &j : arrival.event.upserts())
            servedJobs.insert(j.id());
    }
    for (const auto &id : slurmJobs)
        EXPECT_TRUE(servedJobs.count(id)) << "job " << id << " is in squeue but not served";
    // Two models at least, each named.
    std::set<std::string> models;
    for (const auto &[name, n] : nodeByName)
        if (n.accelerators_total() > 0)
            models.insert(n.model_name());
    EXPECT_GE(models.size(), 2u);

    // A drain through the gateway reaches Slurm, and the watch says so.
    const std::string node = *slurmNodes.rbegin();
    size_t from = nodes.size();
    const RunResult drain
        = gateway.ctl(admin, { "nodes", "drain", node, "--reason", "scale test drain" });
    ASSERT_EQ(drain.exitCode, 0) << drain.out << drain.err;
    const std::string shown = cluster.slurm("scontrol", { "show", "node", node }).out;
    EXPECT_NE(shown.find("DRAIN"), std::string::npos) << shown;
    EXPECT_NE(shown.find("scale test drain"), std::string::npos) << shown;
    EXPECT_GE(nodes.waitFor(
                  [&](const v1::NodesEvent &e) {
                      for (const auto &n : e.upserts())
                          if (n.name() == node && n.reason() == "scale test drain"
                              && (n.state() == v1::NODE_STATE_DRAINED
                                  || n.state() == v1::NODE_STATE_DRAINING))
                              return true;
                      return false;
                  },
                  10s, from),
        0)
        << "the drain of " << node << " never reached the watch";
    const RunResult resume = gateway.ctl(admin, { "nodes", "resume", node });
    EXPECT_EQ(resume.exitCode, 0) << resume.out << resume.err;

    // A cancel through the gateway ends the job in Slurm and on the watch.
    const std::string job = *slurmJobs.rbegin();
    from = jobs.size();
    const RunResult cancel
        = gateway.ctl(admin, { "jobs", "cancel", job, "--reason", "scale test" });
    ASSERT_EQ(cancel.exitCode, 0) << cancel.out << cancel.err;
    EXPECT_GE(jobs.waitFor(
                  [&](const v1::JobsEvent &e) {
                      for (const auto &j : e.upserts())
                          if (j.id() == job && j.state() == v1::JOB_STATE_CANCELLED)
                              return true;
                      for (const auto &r : e.removed())
                          if (r == job)
                              return true;
                      return false;
                  },
                  10s, from),
        0)
        << "the cancel of job " << job << " never reached the watch";
    const std::string state = cluster.slurm("squeue", { "-h", "-j", job, "-o", "%T" }).out;
    EXPECT_EQ(state.find("PENDING"), std::string::npos) << state;

    // A change made in Slurm itself arrives too.
    const std::string other = *std::next(slurmNodes.rbegin());
    from = nodes.size();
    cluster.slurm(
        "scontrol", { "update", "nodename=" + other, "state=drain", "reason=drained in slurm" });
    EXPECT_GE(nodes.waitFor(
                  [&](const v1::NodesEvent &e) {
                      for (const auto &n : e.upserts())
                          if (n.name() == other && n.reason() == "drained in slurm")
                              return true;
                      return false;
                  },
                  10s, from),
        0);
    cluster.slurm("scontrol", { "update", "nodename=" + other, "state=resume" });

    // A minute of ticks: slurmrestd, which the default read path never asks,
    // stays as it was, and slurmctld serves about one read of each kind a tick.
    const int restd = daemonPid("slurmrestd");
    const long restBefore = restd > 0 ? rssKb(restd) : -1;
    cluster.slurm("sdiag", { "-r" });
    // The window itself is what is measured: 60 one-second ticks.
    std::this_thread::sleep_for(60s);
    const std::string sdiag = cluster.slurm("sdiag", {}).out;
    if (restd > 0) {
        const long restAfter = rssKb(restd);
        EXPECT_LE(restAfter - restBefore, 8 * 1024)
            << "slurmrestd grew from " << restBefore << " to " << restAfter << " KiB";
    }
    for (const char *type : { "REQUEST_JOB_INFO", "REQUEST_NODE_INFO", "REQUEST_PARTITION_INFO" })
        EXPECT_LE(rpcCount(sdiag, type), 2 * 61) << type << " in a minute:\n" << sdiag;
    EXPECT_GE(rpcCount(sdiag, "REQUEST_JOB_INFO"), 30) << "the gateway stopped reading jobs";
    EXPECT_EQ(gateway.stop(), 0) << gateway.logs();
}

} // namespace
