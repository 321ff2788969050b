// The Slurm test cluster itself, as scripts/slurm/start.sh promises it: four
// nodes with typed GPUs of two models, two partitions, tenants and projects
// as accounts with a limit, per-model accounting, slurmrestd with JWT.
#include "tests/slurm/SlurmCluster.h"

#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

using namespace suanli::test;

class SlurmClusterTest : public ::testing::Test {
protected:
    SlurmCluster &cluster = SlurmCluster::instance();
};

TEST_F(SlurmClusterTest, FourNodesWithTypedGpusOfTwoModels)
{
    const RunResult r = cluster.slurm("sinfo", { "-h", "-N", "-o", "%N %G %t" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::map<std::string, std::string> gres;
    for (const std::string &line : lines(r.out)) {
        std::istringstream in(line);
        std::string node, g, state;
        in >> node >> g >> state;
        gres[node] = g;
        EXPECT_EQ(state, "idle") << line;
    }
    const std::map<std::string, std::string> expected = { { "n1", "gpu:a100:4" },
        { "n2", "gpu:a100:4" }, { "n3", "gpu:910b:4" }, { "n4", "gpu:910b:4" } };
    EXPECT_EQ(gres, expected) << r.out;
}

TEST_F(SlurmClusterTest, TrainSpansAllNodesAndInferTheAscendOnes)
{
    const RunResult r = cluster.slurm("sinfo", { "-h", "-o", "%P %D %N" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto l = lines(r.out);
    const std::set<std::string> partitions(l.begin(), l.end());
    EXPECT_EQ(partitions, (std::set<std::string> { "train* 4 n[1-4]", "infer 2 n[3-4]" })) << r.out;
}

TEST_F(SlurmClusterTest, AccountsFormTenantsAndProjectsWithALimit)
{
    const RunResult r = cluster.slurm(
        "sacctmgr", { "-n", "-P", "show", "assoc", "format=account,parentname,user,grptres" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::map<std::string, std::string> parent, limit;
    std::set<std::string> rootIn;
    for (const std::string &line : lines(r.out)) {
        std::vector<std::string> f;
        std::istringstream in(line);
        for (std::string part; std::getline(in, part, '|');)
            f.push_back(part);
        f.resize(4);
        if (f[2].empty()) {
            parent[f[0]] = f[1];
            limit[f[0]] = f[3];
        } else if (f[2] == "root") {
            rootIn.insert(f[0]);
        }
    }
    EXPECT_EQ(parent["tenanta"], "root");
    EXPECT_EQ(parent["tenantb"], "root");
    EXPECT_EQ(parent["tenanta-nlp"], "tenanta");
    EXPECT_EQ(parent["tenanta-cv"], "tenanta");
    EXPECT_EQ(parent["tenantb-llm"], "tenantb");
    EXPECT_EQ(limit["tenanta"], "gres/gpu=8");
    for (const char *a : { "tenanta-nlp", "tenanta-cv", "tenantb-llm" })
        EXPECT_TRUE(rootIn.count(a)) << "user root has no association with " << a << ":\n" << r.out;
    const RunResult user = cluster.slurm(
        "sacctmgr", { "-n", "-P", "show", "user", "root", "format=defaultaccount" });
    EXPECT_EQ(lines(user.out), std::vector<std::string> { "tenanta-nlp" }) << user.err;
}

TEST_F(SlurmClusterTest, GpusOfEachModelAreAccountedSoLimitsCanNameThem)
{
    const RunResult r
        = cluster.slurm("sacctmgr", { "-n", "-P", "show", "tres", "format=type,name" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto l = lines(r.out);
    const std::set<std::string> tres(l.begin(), l.end());
    EXPECT_TRUE(tres.count("gres|gpu")) << r.out;
    EXPECT_TRUE(tres.count("gres|gpu:a100")) << r.out;
    EXPECT_TRUE(tres.count("gres|gpu:910b")) << r.out;
}

TEST_F(SlurmClusterTest, APerModelLimitKeepsAJobPendingUntilRaised)
{
    std::string error;
    ASSERT_TRUE(cluster.reset(&error)) << error;
    ASSERT_EQ(cluster
                  .slurm("sacctmgr",
                      { "-i", "modify", "account", "tenanta-cv", "set", "GrpTRES=gres/gpu:a100=1" })
                  .exitCode,
        0);
    const std::string id = cluster.submit(
        { "-A", "tenanta-cv", "-p", "train", "--gres=gpu:a100:2" }, "sleep 60", &error);
    ASSERT_FALSE(id.empty()) << error;
    EXPECT_TRUE(waitUntil(
        [&] { return cluster.jobField(id, "Reason") == "AssocGrpGRES"; }, std::chrono::seconds(20)))
        << "reason: " << cluster.jobField(id, "Reason");
    EXPECT_EQ(cluster.jobField(id, "JobState"), "PENDING");
    // The other model is not limited: the same account runs Ascend jobs.
    const std::string other = cluster.submit(
        { "-A", "tenanta-cv", "-p", "infer", "--gres=gpu:910b:2" }, "sleep 60", &error);
    ASSERT_FALSE(other.empty()) << error;
    EXPECT_TRUE(waitUntil(
        [&] { return cluster.jobField(other, "JobState") == "RUNNING"; }, std::chrono::seconds(20)))
        << cluster.jobField(other, "Reason");
    // Raising the limit lets the first one start.
    cluster.slurm(
        "sacctmgr", { "-i", "modify", "account", "tenanta-cv", "set", "GrpTRES=gres/gpu:a100=2" });
    EXPECT_TRUE(waitUntil(
        [&] { return cluster.jobField(id, "JobState") == "RUNNING"; }, std::chrono::seconds(60)))
        << cluster.jobField(id, "Reason");
    EXPECT_TRUE(cluster.reset(&error)) << error;
}

TEST_F(SlurmClusterTest, SlurmrestdAnswersWithTheTokenAndRefusesWithout)
{
    const std::string token = cluster.env("SUANLI_SLURM_TOKEN");
    const RunResult ping = cluster.rest("/slurm/v0.0.38/ping", token);
    ASSERT_EQ(ping.exitCode, 0) << ping.err;
    EXPECT_EQ(lines(ping.out).back(), "200") << ping.out;
    EXPECT_NE(ping.out.find("\"ping\""), std::string::npos) << ping.out;
    const RunResult nodes = cluster.rest("/slurm/v0.0.38/nodes", token);
    EXPECT_EQ(lines(nodes.out).back(), "200") << nodes.out;
    EXPECT_NE(nodes.out.find("gpu:910b:4"), std::string::npos) << nodes.out;
    const RunResult assoc = cluster.rest("/slurmdb/v0.0.38/associations", token);
    EXPECT_EQ(lines(assoc.out).back(), "200") << assoc.out;
    EXPECT_NE(assoc.out.find("tenanta-nlp"), std::string::npos) << assoc.out;
    // A forged token is refused (slurmrestd 22.05 answers 500, not 401).
    const RunResult forged
        = cluster.rest("/slurm/v0.0.38/ping", token.substr(0, token.size() - 4) + "AAAA");
    EXPECT_NE(lines(forged.out).back(), "200") << forged.out;
}

TEST_F(SlurmClusterTest, TheKeyOfDirEnvMintsTokensTooAndCommandsNeedOnlySlurmConf)
{
    const RunResult token = cluster.slurm("scontrol", { "token", "username=root", "lifespan=600" });
    ASSERT_EQ(token.exitCode, 0) << token.err;
    const std::string jwt = token.out.substr(token.out.find('=') + 1);
    const RunResult ping = cluster.rest("/slurm/v0.0.38/ping", lines(jwt).front());
    EXPECT_EQ(lines(ping.out).back(), "200") << ping.out;
    for (const auto &[command, args] :
        std::vector<std::pair<std::string, std::vector<std::string>>> { { "sinfo", {} },
            { "squeue", {} }, { "scontrol", { "show", "partition", "train" } },
            { "sacctmgr", { "-n", "show", "cluster" } } }) {
        const RunResult r = cluster.slurm(command, args);
        EXPECT_EQ(r.exitCode, 0) << command << ": " << r.err;
    }
}
