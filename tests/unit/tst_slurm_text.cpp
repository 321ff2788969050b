// Slurm's text grammars and words: hostlists, GRES, TRES, node states, pending reasons.
#include "server/backends/slurm/SlurmText.h"

#include <gtest/gtest.h>

using namespace suanli::server::slurm;
namespace v1 = suanli::v1;

TEST(SlurmHostlist, ExpandsRangesListsAndPadding)
{
    EXPECT_EQ(expandHostlist("n[1-3,7]"), (std::vector<std::string> { "n1", "n2", "n3", "n7" }));
    EXPECT_EQ(expandHostlist("gpu[08-10],login"),
        (std::vector<std::string> { "gpu08", "gpu09", "gpu10", "login" }));
    EXPECT_EQ(expandHostlist("lg-r[01-02]-n[1-2]"),
        (std::vector<std::string> { "lg-r01-n1", "lg-r01-n2", "lg-r02-n1", "lg-r02-n2" }));
    EXPECT_EQ(expandHostlist("n1"), (std::vector<std::string> { "n1" }));
    EXPECT_TRUE(expandHostlist("").empty());
}

// Nested ranges multiply: past kMaxHostlistNames names the list stays
// as written instead of taking the gateway's memory.
TEST(SlurmHostlist, NestedRangesAreCappedNotMultipliedWithoutBound)
{
    const auto names = expandHostlist("a[1-1000000]b[1-1000000],n[1-2]");
    ASSERT_EQ(names.size(), 3u);
    EXPECT_EQ(names[0], "a[1-1000000]b[1-1000000]");
    EXPECT_EQ(names[1], "n1");
    EXPECT_EQ(names[2], "n2");
    EXPECT_EQ(expandHostlist("r[1-1000]n[1-1000]").size(), kMaxHostlistNames);
}

TEST(SlurmGres, ParsesNodeGresWithSocketsAndTypes)
{
    auto gres = parseGres("gpu:a100:4(S:0-1)");
    ASSERT_EQ(gres.size(), 1u);
    EXPECT_EQ(gres[0].name, "gpu");
    EXPECT_EQ(gres[0].type, "a100");
    EXPECT_EQ(gres[0].count, 4);
    EXPECT_TRUE(gres[0].indexes.empty());

    gres = parseGres("gpu:910b:2");
    ASSERT_EQ(gres.size(), 1u);
    EXPECT_EQ(gres[0].type, "910b");
    EXPECT_EQ(gres[0].count, 2);

    gres = parseGres("gpu:8,shard:16");
    ASSERT_EQ(gres.size(), 2u);
    EXPECT_EQ(gres[0].type, "");
    EXPECT_EQ(gres[0].count, 8);
    EXPECT_EQ(gres[1].name, "shard");
}

TEST(SlurmGres, ReadsUsedIndexes)
{
    AcceleratorGres used = acceleratorGres("gpu:a100:3(IDX:0-1,3)");
    EXPECT_EQ(used.type, "a100");
    EXPECT_EQ(used.count, 3);
    EXPECT_EQ(used.indexes, (std::vector<int> { 0, 1, 3 }));

    used = acceleratorGres("gpu:a100:0(IDX:N/A)");
    EXPECT_EQ(used.count, 0);
    EXPECT_TRUE(used.indexes.empty());

    // tres_per_node spells it with a gres: prefix.
    used = acceleratorGres("gres:gpu:910b:2");
    EXPECT_EQ(used.type, "910b");
    EXPECT_EQ(used.count, 2);

    EXPECT_EQ(acceleratorGres("(null)").count, 0);
    EXPECT_EQ(acceleratorGres("shard:4").count, 0);
}

TEST(SlurmTres, ParsesUnitsAndPerModelKeys)
{
    const Tres t = parseTres("cpu=1,mem=250G,node=1,billing=1,gres/gpu=2,gres/gpu:a100=2");
    EXPECT_EQ(t.at("cpu"), 1);
    EXPECT_EQ(t.at("mem"), 250 * 1024); // MiB
    EXPECT_EQ(t.at("gres/gpu"), 2);
    EXPECT_EQ(t.at("gres/gpu:a100"), 2);
    const TresAccelerators acc = tresAccelerators(t);
    EXPECT_EQ(acc.type, "a100");
    EXPECT_EQ(acc.count, 2);

    const TresAccelerators untyped = tresAccelerators(parseTres("cpu=4,gres/gpu=8"));
    EXPECT_EQ(untyped.type, "");
    EXPECT_EQ(untyped.count, 8);
}

// A count too large for 64 bits once scaled is not a count: skipped, not wrapped.
TEST(SlurmTres, ACountThatOverflowsIsSkipped)
{
    const Tres tres = parseTres("mem=9999999999999P,node=1");
    EXPECT_EQ(tres.count("mem"), 0u);
    EXPECT_EQ(tres.at("node"), 1);
}

TEST(SlurmTres, FormatsBackToSlurmSyntax)
{
    const Tres t = { { "gres/gpu", 8 }, { "gres/gpu:a100", 4 } };
    EXPECT_EQ(formatTres(t), "gres/gpu=8,gres/gpu:a100=4");
    EXPECT_EQ(parseTres(formatTres(t)), t);
}

TEST(SlurmNodeState, DrainedIsIdlePlusDrainAndDrainingIsBusyPlusDrain)
{
    EXPECT_EQ(mapNodeState("idle", { "DRAIN" }).state, v1::NODE_STATE_DRAINED);
    EXPECT_EQ(mapNodeState("mixed", { "DRAIN" }).state, v1::NODE_STATE_DRAINING);
    // A node slurmctld has not heard from (UNKNOWN) that an operator drained.
    EXPECT_EQ(mapNodeState("unknown", { "DRAIN", "NOT_RESPONDING" }).state, v1::NODE_STATE_DRAINED);
    EXPECT_EQ(mapNodeState("unknown", { "NOT_RESPONDING" }).state, v1::NODE_STATE_DOWN);
    EXPECT_EQ(mapNodeState("allocated", { "DRAIN" }).state, v1::NODE_STATE_DRAINING);
    EXPECT_EQ(mapNodeState("idle", {}).state, v1::NODE_STATE_IDLE);
    EXPECT_EQ(mapNodeState("mixed", {}).state, v1::NODE_STATE_MIXED);
    EXPECT_EQ(mapNodeState("allocated", {}).state, v1::NODE_STATE_ALLOCATED);
    EXPECT_EQ(mapNodeState("down", { "NOT_RESPONDING" }).state, v1::NODE_STATE_DOWN);
    EXPECT_EQ(mapNodeState("down", { "DRAIN" }).state, v1::NODE_STATE_DOWN);
    // After a resume a node may show idle* (not responding) for a moment: still idle.
    EXPECT_EQ(mapNodeState("idle", { "NOT_RESPONDING" }).state, v1::NODE_STATE_IDLE);
}

TEST(SlurmNodeState, MaintenanceAndReboot)
{
    EXPECT_EQ(mapNodeState("idle", { "MAINTENANCE" }).state, v1::NODE_STATE_MAINTENANCE);
    const auto reboot = mapNodeState("idle", { "DRAIN", "REBOOT_REQUESTED" });
    EXPECT_EQ(reboot.state, v1::NODE_STATE_MAINTENANCE);
    EXPECT_TRUE(reboot.rebootPending);
    const auto busy = mapNodeState("mixed", { "DRAIN", "REBOOT_REQUESTED" });
    EXPECT_EQ(busy.state, v1::NODE_STATE_DRAINING);
    EXPECT_TRUE(busy.rebootPending);
    EXPECT_TRUE(mapNodeState("down", { "REBOOT_ISSUED" }).rebootPending);
}

TEST(SlurmJobState, HeldAndEnded)
{
    EXPECT_EQ(mapJobState("PENDING", "Priority"), v1::JOB_STATE_PENDING);
    EXPECT_EQ(mapJobState("PENDING", "JobHeldUser"), v1::JOB_STATE_HELD);
    EXPECT_EQ(mapJobState("PENDING", "JobHeldAdmin"), v1::JOB_STATE_HELD);
    EXPECT_EQ(mapJobState("RUNNING", "None"), v1::JOB_STATE_RUNNING);
    EXPECT_EQ(mapJobState("COMPLETING", "None"), v1::JOB_STATE_COMPLETING);
    EXPECT_EQ(mapJobState("COMPLETED", "None"), v1::JOB_STATE_COMPLETED);
    EXPECT_EQ(mapJobState("CANCELLED", "None"), v1::JOB_STATE_CANCELLED);
    EXPECT_EQ(mapJobState("TIMEOUT", "TimeLimit"), v1::JOB_STATE_FAILED);
    EXPECT_EQ(mapJobState("NODE_FAIL", "None"), v1::JOB_STATE_FAILED);
    EXPECT_EQ(mapJobState("OUT_OF_MEMORY", "None"), v1::JOB_STATE_FAILED);
}

TEST(SlurmPendingReason, MapsSlurmReasonsToWords)
{
    EXPECT_EQ(mapPendingReason("Priority"), v1::PENDING_REASON_PRIORITY);
    EXPECT_EQ(mapPendingReason("Resources"), v1::PENDING_REASON_RESOURCES);
    EXPECT_EQ(mapPendingReason("AssocGrpGRES"), v1::PENDING_REASON_TENANT_QUOTA);
    EXPECT_EQ(mapPendingReason("AssocGrpGRESMinutes"), v1::PENDING_REASON_TENANT_HOURS);
    EXPECT_EQ(mapPendingReason("AssocGrpGRESRunMinutes"), v1::PENDING_REASON_TENANT_HOURS);
    EXPECT_EQ(mapPendingReason("ReqNodeNotAvail, UnavailableNodes:n[1-2]"),
        v1::PENDING_REASON_NODES_UNAVAILABLE);
    EXPECT_EQ(mapPendingReason("Dependency"), v1::PENDING_REASON_DEPENDENCY);
    EXPECT_EQ(mapPendingReason("BeginTime"), v1::PENDING_REASON_BEGIN_TIME);
    EXPECT_EQ(mapPendingReason("JobHeldUser"), v1::PENDING_REASON_HELD_BY_USER);
    // `scontrol hold` by an operator, as the gateway does: not the user's hold.
    EXPECT_EQ(mapPendingReason("JobHeldAdmin"), v1::PENDING_REASON_HELD_BY_ADMIN);
    EXPECT_EQ(mapPendingReason("None"), v1::PENDING_REASON_NOT_EVALUATED);
    EXPECT_EQ(mapPendingReason("QOSMaxGRESPerUser"), v1::PENDING_REASON_OTHER);
    EXPECT_EQ(
        reasonWords("QOSMaxGRESPerUser"), "the QoS limit on accelerators per user is reached");
    EXPECT_EQ(reasonWords("PartitionDown"), "the queue is down");
    EXPECT_EQ(reasonWords("QOSGrpSomethingNew"), "a limit of the job's QoS is reached");
    EXPECT_EQ(reasonWords("Unheard"), "");
}
