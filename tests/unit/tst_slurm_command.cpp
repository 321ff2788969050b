// Running Slurm's commands: no shell, captured output, a deadline, SLURM_CONF passed on.
#include "server/backends/slurm/CommandRunner.h"

#include <gtest/gtest.h>

using namespace suanli::server;
using namespace std::chrono_literals;

TEST(SlurmCommand, CapturesOutputAndExitCode)
{
    CommandRunner runner({}, {}, 5s);
    CommandResult r = runner.run("sh", { "-c", "echo out; echo err >&2; exit 3" });
    EXPECT_TRUE(r.started);
    EXPECT_FALSE(r.timedOut);
    EXPECT_EQ(r.exitCode, 3);
    EXPECT_EQ(r.out, "out\n");
    EXPECT_EQ(r.err, "err\n");
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(r.describe("scontrol"), "scontrol failed (exit 3): err");
}

TEST(SlurmCommand, ArgumentsAreNotInterpretedByAShell)
{
    CommandRunner runner({}, {}, 5s);
    CommandResult r = runner.run("echo", { "reason=fan; rm -rf /", "$HOME" });
    EXPECT_TRUE(r.ok());
    EXPECT_EQ(r.out, "reason=fan; rm -rf / $HOME\n");
}

TEST(SlurmCommand, SetsSlurmConf)
{
    CommandRunner runner({}, "/etc/suanli-test/slurm.conf", 5s);
    CommandResult r = runner.run("sh", { "-c", "echo $SLURM_CONF" });
    EXPECT_EQ(r.out, "/etc/suanli-test/slurm.conf\n");
}

TEST(SlurmCommand, KillsACommandThatHangs)
{
    CommandRunner runner({}, {}, 300ms);
    CommandResult r = runner.run("sleep", { "30" });
    EXPECT_TRUE(r.timedOut);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.describe("sinfo").find("did not answer in time"), std::string::npos);
}

TEST(SlurmCommand, SaysWhenAProgramIsMissing)
{
    CommandRunner runner("/nonexistent-bin", {}, 1s);
    CommandResult r = runner.run("scontrol", {});
    EXPECT_FALSE(r.started);
    EXPECT_NE(r.describe("scontrol").find("could not be run"), std::string::npos);
}
