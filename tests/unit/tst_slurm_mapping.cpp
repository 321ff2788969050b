// Slurm 22.05's JSON and association manager text, captured from a real cluster (n1,n2 with
// gpu:a100:4, n3,n4 with gpu:910b:4; accounts tenanta{-nlp,-cv}, tenantb{-llm}), turned into
// Suanli's nodes, jobs, queues and tenants.
#include "server/backends/slurm/ExporterMetrics.h"
#include "server/backends/slurm/SlurmMapping.h"

#include <algorithm>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace suanli::server;
using namespace suanli::server::slurm;
namespace v1 = suanli::v1;

namespace {

std::string readFixture(const std::string &name)
{
    std::ifstream in(std::string(SUANLI_SLURM_FIXTURES) + "/" + name);
    EXPECT_TRUE(in) << "missing fixture " << name;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Json fixture(const std::string &name)
{
    return Json::parse(readFixture(name));
}

std::map<std::string, NodeRecord> nodes(const Topology &topology = {})
{
    std::map<std::string, NodeRecord> out;
    const Json doc = fixture("nodes.json");
    for (const auto &j : doc["nodes"]) {
        auto r = parseNode(j, topology);
        out.emplace(r.node.name(), r);
    }
    return out;
}

AccountTree tree()
{
    AccountTree t;
    for (const auto &a : parseAssociations(fixture("associations.json")))
        t.add(a.account, a.parent);
    return t;
}

std::map<std::string, JobRecord> jobs(const std::string &file = "jobs.json")
{
    std::map<std::string, JobRecord> out;
    const AccountTree accounts = tree();
    const Json doc = fixture(file);
    for (const auto &j : doc["jobs"]) {
        auto r = parseJob(j, accounts);
        out.emplace(r.job.id(), r);
    }
    return out;
}

} // namespace

TEST(SlurmNodes, NoLoadIsUnknownNotANumber)
{
    // A node slurmd has not reported on carries Slurm's "no value".
    for (int64_t raw : { int64_t(4294967295), int64_t(4294967294) }) {
        const auto r = parseNode(Json { { "name", "x1" }, { "state", "unknown" },
                                     { "state_flags", { "NOT_RESPONDING" } }, { "cpu_load", raw } },
            Topology());
        EXPECT_FALSE(r.node.has_cpu_load()) << raw;
    }
    EXPECT_FALSE(
        parseNode(Json { { "name", "x1" }, { "state", "idle" } }, Topology()).node.has_cpu_load());
}

TEST(SlurmNodes, StatesReasonsAndGres)
{
    auto all = nodes();
    ASSERT_EQ(all.size(), 4u);
    const v1::Node &n1 = all.at("n1").node;
    EXPECT_EQ(n1.state(), v1::NODE_STATE_DRAINING); // mixed + DRAIN
    EXPECT_EQ(n1.reason(), "draining test");
    EXPECT_EQ(n1.reason_user(), "root");
    EXPECT_EQ(n1.model(), v1::ACCELERATOR_MODEL_NVIDIA_A100);
    EXPECT_EQ(n1.model_name(), "A100");
    EXPECT_EQ(n1.accelerators_total(), 4);
    EXPECT_EQ(n1.accelerators_allocated(), 2);
    EXPECT_EQ(n1.accelerators_size(), 4);
    EXPECT_EQ(all.at("n1").usedIndexes, (std::vector<int> { 0, 1 }));
    EXPECT_EQ(n1.cpus_total(), 32);
    EXPECT_EQ(n1.cpus_allocated(), 1);
    EXPECT_TRUE(n1.has_cpu_load());
    EXPECT_DOUBLE_EQ(n1.cpu_load(), 4.81);
    EXPECT_EQ(n1.memory_total_bytes(), int64_t(256000) * 1024 * 1024);
    EXPECT_TRUE(n1.has_reason_time());
    EXPECT_EQ(std::vector<std::string>(n1.queues().begin(), n1.queues().end()),
        std::vector<std::string> { "train" });
    EXPECT_FALSE(n1.has_telemetry());

    const v1::Node &n2 = all.at("n2").node;
    EXPECT_EQ(n2.state(), v1::NODE_STATE_DRAINED); // idle + DRAIN
    EXPECT_EQ(n2.reason(), "fan replacement");
    EXPECT_EQ(n2.accelerators_allocated(), 0);

    const v1::Node &n3 = all.at("n3").node;
    EXPECT_EQ(n3.state(), v1::NODE_STATE_MIXED);
    EXPECT_EQ(n3.model(), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(n3.model_name(), "910B");
    EXPECT_EQ(n3.accelerators_allocated(), 3);
    EXPECT_EQ(n3.reason(), "");
    EXPECT_EQ(std::vector<std::string>(n3.queues().begin(), n3.queues().end()),
        (std::vector<std::string> { "train", "infer" }));
    EXPECT_EQ(all.at("n4").node.state(), v1::NODE_STATE_IDLE);
}

TEST(SlurmNodes, RacksFromTopologyOrNames)
{
    const Topology topology = Topology::fromText("# racks\nSwitchName=r01 Nodes=n[1-2]\nr02: n3\n"
                                                 "SwitchName=spine Switches=r01,r02\n");
    auto all = nodes(topology);
    EXPECT_EQ(all.at("n1").node.rack(), "r01");
    EXPECT_EQ(all.at("n2").node.rack(), "r01");
    EXPECT_EQ(all.at("n3").node.rack(), "r02");
    EXPECT_EQ(all.at("n4").node.rack(), "n"); // not in the file: from its name
    EXPECT_EQ(Topology().rackOf("lg-r0017-n3"), "lg-r0017");
    EXPECT_EQ(Topology().rackOf("gpu12"), "gpu");
    EXPECT_THROW(Topology::fromText("r01 n1 n2 extra"), std::runtime_error);
}

TEST(SlurmNodes, ReasonsWrittenByTheGatewayNameItsUser)
{
    EXPECT_EQ(reasonWithUser("fan\nreplacement", "alice"), "fan replacement [by alice]");
    auto [reason, user] = splitReasonUser("fan replacement [by alice]");
    EXPECT_EQ(reason, "fan replacement");
    EXPECT_EQ(user, "alice");
    EXPECT_EQ(splitReasonUser("Not responding").second, "");
}

TEST(SlurmJobs, RunningPendingHeld)
{
    auto all = jobs();
    ASSERT_EQ(all.size(), 4u);
    const JobRecord &running = all.at("1");
    EXPECT_EQ(running.job.state(), v1::JOB_STATE_RUNNING);
    EXPECT_EQ(running.job.tenant(), "tenanta");
    EXPECT_EQ(running.job.project(), "tenanta-nlp");
    EXPECT_EQ(running.job.user(), "root");
    EXPECT_EQ(running.job.queue(), "train");
    EXPECT_EQ(running.job.model(), v1::ACCELERATOR_MODEL_NVIDIA_A100);
    EXPECT_EQ(running.job.accelerators(), 2);
    EXPECT_EQ(std::vector<std::string>(running.job.nodes().begin(), running.job.nodes().end()),
        std::vector<std::string> { "n1" });
    ASSERT_EQ(running.allocation.size(), 1u);
    EXPECT_EQ(running.allocation[0].first, "n1");
    EXPECT_EQ(running.allocation[0].second, (std::vector<int> { 0, 1 }));
    EXPECT_TRUE(running.job.has_start_time());
    EXPECT_FALSE(running.job.has_end_time()); // Slurm's end_time of a running job is a forecast
    EXPECT_EQ(running.job.pending_reason(), v1::PENDING_REASON_UNSPECIFIED);

    const JobRecord &quota = all.at("3");
    EXPECT_EQ(quota.job.state(), v1::JOB_STATE_PENDING);
    EXPECT_EQ(quota.job.pending_reason(), v1::PENDING_REASON_TENANT_QUOTA);
    EXPECT_EQ(quota.job.pending_reason_raw(), "AssocGrpGRES");
    EXPECT_EQ(quota.job.model(), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(quota.job.accelerators(), 3);
    EXPECT_EQ(quota.job.nodes_size(), 0);
    EXPECT_FALSE(quota.job.has_start_time());

    const JobRecord &held = all.at("4");
    EXPECT_EQ(held.job.state(), v1::JOB_STATE_HELD);
    EXPECT_EQ(held.job.pending_reason(), v1::PENDING_REASON_HELD_BY_USER);
    // Asked for gpu:2 with no type: the model is named later from its queue.
    EXPECT_EQ(held.gresType, "");
    EXPECT_EQ(held.job.accelerators(), 2);
    EXPECT_EQ(held.job.tenant(), "tenanta");
    EXPECT_EQ(held.job.project(), "tenanta-cv");
}

TEST(SlurmJobs, EndedJobsCarryExitCodeAndWords)
{
    auto all = jobs("jobs_ended.json");
    ASSERT_EQ(all.size(), 4u);
    const v1::Job &failed = all.at("8").job;
    EXPECT_EQ(failed.state(), v1::JOB_STATE_FAILED);
    EXPECT_EQ(failed.exit_code(), 3);
    EXPECT_EQ(failed.failure_reason(), "exited with code 3");
    EXPECT_TRUE(failed.has_end_time());
    const v1::Job &ok = all.at("9").job;
    EXPECT_EQ(ok.state(), v1::JOB_STATE_COMPLETED);
    EXPECT_EQ(ok.tenant(), "tenanta");
    EXPECT_EQ(ok.project(), ""); // ran in the tenant's own account
    const v1::Job &later = all.at("10").job;
    EXPECT_EQ(later.pending_reason(), v1::PENDING_REASON_BEGIN_TIME);
    EXPECT_TRUE(isFinal(failed.state()));
    EXPECT_FALSE(isFinal(later.state()));
    EXPECT_TRUE(failed.has_start_time());
    // Slurm sets StartTime to the moment a waiting job was cancelled: it never started, so it
    // has no start time (and no wait that would count in the queue's percentiles).
    const v1::Job &cancelled = all.at("11").job;
    EXPECT_EQ(cancelled.state(), v1::JOB_STATE_CANCELLED);
    EXPECT_FALSE(cancelled.has_start_time());
    EXPECT_TRUE(cancelled.has_end_time());
}

TEST(SlurmJobs, UnmappedReasonsKeepSlurmsCodeAndGainWords)
{
    Json j = fixture("jobs.json")["jobs"][2];
    j["state_reason"] = "QOSMaxGRESPerUser";
    const JobRecord r = parseJob(j, tree());
    EXPECT_EQ(r.job.pending_reason(), v1::PENDING_REASON_OTHER);
    EXPECT_EQ(r.job.pending_reason_raw(),
        "QOSMaxGRESPerUser: the QoS limit on accelerators per user is reached");
    j["state_reason"] = "ReqNodeNotAvail, UnavailableNodes:n[1-2]";
    EXPECT_EQ(parseJob(j, tree()).job.pending_reason(), v1::PENDING_REASON_NODES_UNAVAILABLE);
}

TEST(SlurmQueues, PartitionsWithCapacityAndJobs)
{
    std::map<std::string, PartitionRecord> partitions;
    const Json doc = fixture("partitions.json");
    for (const auto &j : doc["partitions"]) {
        auto p = parsePartition(j);
        partitions.emplace(p.name, p);
    }
    ASSERT_EQ(partitions.size(), 2u);
    EXPECT_TRUE(partitions.at("train").isDefault);
    EXPECT_FALSE(partitions.at("infer").isDefault);
    EXPECT_EQ(partitions.at("train").nodes, (std::vector<std::string> { "n1", "n2", "n3", "n4" }));
    EXPECT_EQ(partitions.at("train").maxTimeSeconds, 0); // UNLIMITED
    EXPECT_EQ(partitions.at("infer").state, "UP");

    auto all = nodes();
    auto js = jobs();
    std::vector<const v1::Node *> inferNodes = { &all.at("n3").node, &all.at("n4").node };
    std::vector<const v1::Job *> active;
    for (const auto &[id, r] : js)
        active.push_back(&r.job);
    const v1::Queue infer = buildQueue(partitions.at("infer"), inferNodes, active, { 10, 20, 600 });
    EXPECT_EQ(infer.name(), "infer");
    EXPECT_EQ(infer.nodes_total(), 2);
    EXPECT_EQ(infer.nodes_available(), 2);
    ASSERT_EQ(infer.accelerators_size(), 1);
    EXPECT_EQ(infer.accelerators(0).model(), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(infer.accelerators(0).total(), 8);
    EXPECT_EQ(infer.accelerators(0).in_use(), 3);
    EXPECT_EQ(infer.accelerators(0).free(), 5);
    EXPECT_EQ(infer.jobs_running(), 1);
    EXPECT_EQ(infer.jobs_pending(), 1);
    EXPECT_EQ(infer.accelerators_pending(), 3);
    EXPECT_EQ(infer.largest_startable_accelerators(), 4); // n4 whole
    // nodes_by_free_accelerators[i]: nodes with exactly i free.
    EXPECT_EQ(std::vector<int64_t>(infer.nodes_by_free_accelerators().begin(),
                  infer.nodes_by_free_accelerators().end()),
        (std::vector<int64_t> { 0, 1, 0, 0, 1 }));
    EXPECT_DOUBLE_EQ(infer.wait_seconds_p50(), 20);
    EXPECT_DOUBLE_EQ(infer.wait_seconds_p95(), 600);

    std::vector<const v1::Node *> trainNodes;
    for (const auto &[name, r] : all)
        trainNodes.push_back(&r.node);
    const v1::Queue train = buildQueue(partitions.at("train"), trainNodes, active, {});
    EXPECT_EQ(train.nodes_available(), 2); // n1 draining and n2 drained are not available
    EXPECT_EQ(train.jobs_held(), 1);
    ASSERT_EQ(train.accelerators_size(), 2);
    const auto &a100 = train.accelerators(0).model() == v1::ACCELERATOR_MODEL_NVIDIA_A100
        ? train.accelerators(0)
        : train.accelerators(1);
    EXPECT_EQ(a100.in_use(), 2);
    EXPECT_EQ(a100.unavailable(), 6);
    EXPECT_EQ(a100.free(), 0);
    EXPECT_DOUBLE_EQ(train.wait_seconds_p50(), 0);
}

TEST(SlurmTenants, AccountTreeBecomesTenantsAndProjects)
{
    const AccountTree t = tree();
    EXPECT_EQ(
        t.place("tenanta-nlp"), std::make_pair(std::string("tenanta"), std::string("tenanta-nlp")));
    EXPECT_EQ(t.place("tenantb"), std::make_pair(std::string("tenantb"), std::string()));
    EXPECT_EQ(t.place("unknown"), std::make_pair(std::string("unknown"), std::string()));

    const auto associations = parseAssociations(fixture("associations.json"));
    const auto descriptions = parseAccountDescriptions(fixture("accounts.json"));
    const auto usage = parseAssocMgr(readFixture("assoc_mgr.txt"));
    const PendingByAccount pending = { { "tenantb-llm", { { "910b", 3 } } } };
    const std::map<std::string, int64_t> types = { { "a100", 8 }, { "910b", 8 } };
    const auto tenants = buildTenants(associations, descriptions, usage, pending, types);
    ASSERT_EQ(tenants.size(), 2u);
    const v1::Tenant &a = tenants[0];
    EXPECT_EQ(a.id(), "tenanta");
    ASSERT_EQ(a.projects_size(), 2);
    EXPECT_EQ(a.projects(0).tenant(), "tenanta");
    std::set<std::string> projects = { a.projects(0).id(), a.projects(1).id() };
    EXPECT_EQ(projects, (std::set<std::string> { "tenanta-nlp", "tenanta-cv" }));
    // GrpTRES=gres/gpu=8 is one limit across all models (see AnUntypedLimit... below).
    ASSERT_EQ(a.quotas_size(), 1);
    EXPECT_TRUE(a.quotas(0).all_models());
    EXPECT_EQ(a.projects(0).quotas_size(), 0);

    const v1::Tenant &b = tenants[1];
    EXPECT_EQ(b.id(), "tenantb");
    ASSERT_EQ(b.projects_size(), 1);
    EXPECT_EQ(b.projects(0).id(), "tenantb-llm");
    // GrpTRES=gres/gpu:910b=4 is the 910B's limit; GrpTRESMins=gres/gpu=6000 is 100 hours
    // across all models, with no limit on how many at once (the centre's 16).
    std::map<int, v1::QuotaLimit> limits;
    for (const auto &q : b.quotas())
        limits[q.all_models() ? -1 : q.model()] = q;
    ASSERT_EQ(limits.size(), 2u);
    EXPECT_EQ(limits[v1::ACCELERATOR_MODEL_ASCEND_910B].max_accelerators(), 4);
    EXPECT_EQ(limits[v1::ACCELERATOR_MODEL_ASCEND_910B].max_accelerator_hours(), 0);
    EXPECT_EQ(limits[-1].model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(limits[-1].max_accelerators(), 16);
    EXPECT_EQ(limits[-1].max_accelerator_hours(), 100);
    // Usage as slurmctld counts it: 3 Ascend 910B in use by tenantb-llm's job, rolled up.
    std::map<int, v1::QuotaUsage> used;
    for (const auto &u : b.usage())
        used[u.all_models() ? -1 : u.model()] = u;
    EXPECT_EQ(used[-1].accelerators_in_use(), 3);
    EXPECT_EQ(used[v1::ACCELERATOR_MODEL_ASCEND_910B].accelerators_in_use(), 3);
    EXPECT_EQ(used[v1::ACCELERATOR_MODEL_ASCEND_910B].accelerators_pending(), 3);
    EXPECT_EQ(used[v1::ACCELERATOR_MODEL_NVIDIA_A100].accelerators_in_use(), 0);
    std::map<int, v1::QuotaUsage> projectUsed;
    for (const auto &u : b.projects(0).usage())
        projectUsed[u.model()] = u;
    EXPECT_EQ(projectUsed[v1::ACCELERATOR_MODEL_ASCEND_910B].accelerators_in_use(), 3);
    EXPECT_EQ(projectUsed[v1::ACCELERATOR_MODEL_ASCEND_910B].accelerators_pending(), 3);
}

TEST(SlurmTenants, AnUntypedLimitIsOneLimitAcrossAllModels)
{
    // tenanta has GrpTRES=gres/gpu=8: Slurm lets it run 8 accelerators in all, of any model,
    // not 8 of each. Its use across models is what slurmctld counts as gres/gpu (2 here).
    const auto associations = parseAssocMgrAssociations(readFixture("assoc_mgr.txt"));
    const auto usage = parseAssocMgr(readFixture("assoc_mgr.txt"));
    const PendingByAccount pending
        = { { "tenanta-nlp", { { "a100", 4 } } }, { "tenanta-cv", { { "", 2 } } } };
    const std::map<std::string, int64_t> types = { { "a100", 8 }, { "910b", 8 } };
    const auto tenants = buildTenants(associations, {}, usage, pending, types);
    ASSERT_EQ(tenants.size(), 2u);
    const v1::Tenant &a = tenants[0];
    ASSERT_EQ(a.id(), "tenanta");
    ASSERT_EQ(a.quotas_size(), 1) << a.DebugString();
    EXPECT_TRUE(a.quotas(0).all_models());
    EXPECT_EQ(a.quotas(0).model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(a.quotas(0).max_accelerators(), 8);
    EXPECT_EQ(a.quotas(0).max_accelerator_hours(), 0);
    int64_t perModelInUse = 0;
    const v1::QuotaUsage *all = nullptr;
    for (const auto &u : a.usage()) {
        if (u.all_models())
            all = &u;
        else
            perModelInUse += u.accelerators_in_use();
    }
    ASSERT_NE(all, nullptr) << a.DebugString();
    EXPECT_EQ(all->model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(all->accelerators_in_use(), 2);
    EXPECT_EQ(perModelInUse, 2);
    // Pending asks of every model count, also an untyped one not yet named.
    EXPECT_EQ(all->accelerators_pending(), 6);
    // Its projects have no limit of their own but live under the tenant's: their use across
    // models is shown too.
    for (const auto &p : a.projects()) {
        EXPECT_EQ(p.quotas_size(), 0) << p.id();
        EXPECT_TRUE(std::any_of(p.usage().begin(), p.usage().end(), [](const v1::QuotaUsage &u) {
            return u.all_models();
        })) << p.id();
    }

    // A typed limit beside the untyped one stays that model's, and the use across models is
    // the sum of the models' where slurmctld's own count is not given.
    Association both;
    both.account = "t";
    both.parent = "root";
    both.grpTres = parseTres("gres/gpu=8,gres/gpu:a100=4");
    AccountUsage inUse;
    inUse.inUse = parseTres("gres/gpu:a100=4,gres/gpu:910b=3");
    const auto mixed = buildTenants({ both }, {}, { { "t", inUse } }, {}, types);
    ASSERT_EQ(mixed.size(), 1u);
    std::map<int, int64_t> limits;
    for (const auto &q : mixed[0].quotas())
        limits[q.all_models() ? -1 : q.model()] = q.max_accelerators();
    EXPECT_EQ(
        limits, (std::map<int, int64_t> { { -1, 8 }, { v1::ACCELERATOR_MODEL_NVIDIA_A100, 4 } }));
    for (const auto &u : mixed[0].usage()) {
        if (u.all_models()) {
            EXPECT_EQ(u.accelerators_in_use(), 7);
        }
    }

    // With typed limits alone, there is no limit across models and no use across them sent.
    both.grpTres = parseTres("gres/gpu:a100=4");
    const auto typed = buildTenants({ both }, {}, { { "t", inUse } }, {}, types);
    ASSERT_EQ(typed.size(), 1u);
    for (const auto &q : typed[0].quotas())
        EXPECT_FALSE(q.all_models());
    for (const auto &u : typed[0].usage())
        EXPECT_FALSE(u.all_models());
}

TEST(SlurmTenants, AJobWaitingOnGresQuotesTheLimitThatBinds)
{
    // tenanta: gres/gpu=8 with 2 in use (A100); tenantb: gres/gpu:910b=4 with 3 in use.
    const auto associations = parseAssocMgrAssociations(readFixture("assoc_mgr.txt"));
    const auto usage = parseAssocMgr(readFixture("assoc_mgr.txt"));

    // 7 more A100 would pass the 8 across all models: that limit, not an A100 one, is quoted.
    QuotaBinding b
        = quotaThatBinds(associations, usage, "tenanta", "tenanta-nlp", "a100", 7, false);
    ASSERT_TRUE(b.found);
    EXPECT_TRUE(b.allModels);
    EXPECT_FALSE(b.project);
    EXPECT_EQ(b.used, 2);
    EXPECT_EQ(b.limit, 8);
    // A 910B job too: the limit is the same one whatever the model.
    b = quotaThatBinds(associations, usage, "tenanta", "tenanta-cv", "910b", 7, false);
    EXPECT_TRUE(b.allModels);
    EXPECT_EQ(b.limit, 8);

    // tenantb's 910B limit is typed: 3 in use + 3 asked pass 4.
    b = quotaThatBinds(associations, usage, "tenantb", "tenantb-llm", "910b", 3, false);
    ASSERT_TRUE(b.found);
    EXPECT_FALSE(b.allModels);
    EXPECT_EQ(b.used, 3);
    EXPECT_EQ(b.limit, 4);

    // A project's own typed limit binds before its tenant's across all models.
    auto withProject = associations;
    for (auto &a : withProject)
        if (a.account == "tenanta-nlp")
            a.grpTres = parseTres("gres/gpu:a100=2");
    b = quotaThatBinds(withProject, usage, "tenanta", "tenanta-nlp", "a100", 3, false);
    EXPECT_TRUE(b.project);
    EXPECT_FALSE(b.allModels);
    EXPECT_EQ(b.limit, 2);
    // When both the typed and the all-models limit would be passed, the one across all models
    // is quoted: raising the model's alone would not let the job start.
    for (auto &a : withProject)
        if (a.account == "tenanta")
            a.grpTres = parseTres("gres/gpu=8,gres/gpu:a100=2");
    b = quotaThatBinds(withProject, usage, "tenanta", "", "a100", 7, false);
    EXPECT_TRUE(b.allModels);
    EXPECT_EQ(b.limit, 8);
    b = quotaThatBinds(withProject, usage, "tenanta", "", "a100", 1, false);
    EXPECT_FALSE(b.allModels);
    EXPECT_EQ(b.limit, 2);

    // tenantb's hours: GrpTRESMins=gres/gpu=6000 is 100 hours across all models.
    b = quotaThatBinds(associations, usage, "tenantb", "tenantb-llm", "910b", 3, true);
    ASSERT_TRUE(b.found);
    EXPECT_TRUE(b.allModels);
    EXPECT_EQ(b.limit, 100);
}

TEST(SlurmTenants, AssocMgrUsage)
{
    const auto usage = parseAssocMgr(readFixture("assoc_mgr.txt"));
    ASSERT_TRUE(usage.count("tenantb"));
    EXPECT_EQ(usage.at("tenantb").inUse.at("gres/gpu:910b"), 3);
    EXPECT_EQ(usage.at("tenantb").minutesUsed.at("gres/gpu"), 0);
    EXPECT_EQ(usage.at("tenanta").inUse.at("gres/gpu:a100"), 2);
    EXPECT_FALSE(usage.count("")); // user records are not accounts
}

TEST(SlurmTenants, QuotaSettingsPerModel)
{
    v1::QuotaLimit limit;
    limit.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    limit.set_max_accelerators(16);
    limit.set_max_accelerator_hours(500);
    EXPECT_EQ(quotaSettings("910b", limit),
        (std::vector<std::string> {
            "GrpTRES=gres/gpu:910b=16", "GrpTRESMins=gres/gpu:910b=30000" }));
    limit.set_max_accelerator_hours(0);
    EXPECT_EQ(quotaSettings("910b", limit)[1], "GrpTRESMins=gres/gpu:910b=-1");
    // What is written reads back as the same limit.
    Association a;
    a.account = "t";
    a.parent = "root";
    a.grpTres = parseTres(quotaSettings("910b", limit)[0].substr(8));
    const auto tenants = buildTenants({ a }, {}, {}, {}, { { "910b", 32 } });
    ASSERT_EQ(tenants.size(), 1u);
    ASSERT_EQ(tenants[0].quotas_size(), 1);
    EXPECT_EQ(tenants[0].quotas(0).max_accelerators(), 16);
}

TEST(SlurmTenants, QuotaSettingsAcrossAllModels)
{
    // The limit across all models is the untyped gres/gpu, and reads back as that limit.
    v1::QuotaLimit limit;
    limit.set_all_models(true);
    limit.set_max_accelerators(10);
    limit.set_max_accelerator_hours(200);
    EXPECT_EQ(quotaSettings("", limit),
        (std::vector<std::string> { "GrpTRES=gres/gpu=10", "GrpTRESMins=gres/gpu=12000" }));
    Association a;
    a.account = "t";
    a.parent = "root";
    a.grpTres = parseTres(quotaSettings("", limit)[0].substr(8));
    const auto tenants = buildTenants({ a }, {}, {}, {}, { { "910b", 32 }, { "a100", 16 } });
    ASSERT_EQ(tenants.size(), 1u);
    ASSERT_EQ(tenants[0].quotas_size(), 1);
    EXPECT_TRUE(tenants[0].quotas(0).all_models());
    EXPECT_EQ(tenants[0].quotas(0).max_accelerators(), 10);
}

TEST(SlurmModels, GresTypesNameModels)
{
    EXPECT_EQ(modelOfType("a100"), v1::ACCELERATOR_MODEL_NVIDIA_A100);
    EXPECT_EQ(modelOfType("h100"), v1::ACCELERATOR_MODEL_NVIDIA_H100);
    EXPECT_EQ(modelOfType("910b"), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(modelOfType("mlu370"), v1::ACCELERATOR_MODEL_CAMBRICON_MLU370);
    EXPECT_EQ(modelOfType("tesla_t4"), v1::ACCELERATOR_MODEL_OTHER);
    EXPECT_EQ(modelNameOfType("tesla_t4"), "tesla_t4");
    EXPECT_EQ(modelOfType(""), v1::ACCELERATOR_MODEL_UNSPECIFIED);
}

TEST(SlurmExporter, DcgmAndAscendReadings)
{
    const std::string dcgm = R"(# HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).
# TYPE DCGM_FI_DEV_GPU_UTIL gauge
DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-1",device="nvidia0",modelName="NVIDIA A100-SXM4-80GB",Hostname="n1"} 87
DCGM_FI_DEV_GPU_TEMP{gpu="0",Hostname="n1"} 64
DCGM_FI_DEV_POWER_USAGE{gpu="0",Hostname="n1"} 312.5
DCGM_FI_DEV_FB_USED{gpu="0",Hostname="n1"} 40960
DCGM_FI_DEV_FB_FREE{gpu="0",Hostname="n1"} 40960
DCGM_FI_DEV_GPU_UTIL{gpu="1",Hostname="n1"} 0
)";
    auto r = parseExporterMetrics(dcgm);
    ASSERT_TRUE(r.count("n1"));
    const AcceleratorReading &g0 = r["n1"][0];
    EXPECT_DOUBLE_EQ(g0.utilisationPercent, 87);
    EXPECT_DOUBLE_EQ(g0.temperatureCelsius, 64);
    EXPECT_DOUBLE_EQ(g0.powerWatts, 312.5);
    EXPECT_DOUBLE_EQ(g0.memoryTotalBytes, 2 * g0.memoryUsedBytes);
    EXPECT_TRUE(r["n1"][1].hasUtilisation);
    EXPECT_FALSE(r["n1"][1].hasTemperature); // not reported: not invented

    const std::string ascend = "npu_chip_info_utilization{id=\"2\",instance=\"n3:8082\"} 55\n"
                               "npu_chip_info_temperature{id=\"2\",instance=\"n3:8082\"} 48\n";
    auto a = parseExporterMetrics(ascend);
    ASSERT_TRUE(a.count("n3"));
    EXPECT_DOUBLE_EQ(a["n3"][2].utilisationPercent, 55);
    EXPECT_DOUBLE_EQ(a["n3"][2].temperatureCelsius, 48);
}

TEST(SlurmAccounts, AssocMgrTextGivesTheSameTreeAndLimitsAsSlurmdbd)
{
    // The libslurm read path takes accounts from `scontrol show assoc_mgr`
    // alone: it must agree with slurmdbd's associations on the same cluster.
    const auto fromText = parseAssocMgrAssociations(readFixture("assoc_mgr.txt"));
    const auto fromDb = parseAssociations(fixture("associations.json"));
    std::map<std::string, Association> text, db;
    for (const auto &a : fromText)
        text[a.account] = a;
    for (const auto &a : fromDb)
        db[a.account] = a;
    for (const char *account :
        { "tenanta", "tenanta-nlp", "tenanta-cv", "tenantb", "tenantb-llm" }) {
        ASSERT_TRUE(text.count(account)) << account;
        ASSERT_TRUE(db.count(account)) << account;
        EXPECT_EQ(text[account].parent, db[account].parent) << account;
        EXPECT_EQ(text[account].grpTres, db[account].grpTres) << account;
    }
    EXPECT_EQ(text["tenanta"].grpTres, (Tres { { "gres/gpu", 8 } }));
    EXPECT_EQ(text["tenantb"].grpTres, (Tres { { "gres/gpu:910b", 4 } }));
    EXPECT_EQ(text["tenanta-nlp"].parent, "tenanta");
    // Users' own records are not accounts.
    for (const auto &a : fromText)
        EXPECT_NE(a.account, "") << "a record without an account";
    EXPECT_EQ(fromText.size(), 6u); // root and the five accounts
}
