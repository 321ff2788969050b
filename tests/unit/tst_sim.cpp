// Tests of the built-in simulated centre (SimBackend): determinism, the
// invariants a scheduler must keep, quotas, node and job actions with their
// per-target results, faults and alerts, change tracking and site facts.
#include "server/backends/sim/SimBackend.h"
#include "server/backends/sim/SiteProfile.h"

#include <algorithm>
#include <cmath>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace suanli::server;
namespace v1 = ::suanli::v1;

// 2026-03-10 08:00:00 UTC: a fixed start, so runs compare equal.
const auto kStart = std::chrono::system_clock::time_point(std::chrono::seconds(1773129600));

SimOptions small(int nodes = 128, int jobs = 1000, double speed = 60, uint64_t seed = 1)
{
    SimOptions o;
    o.nodes = nodes;
    o.jobs = jobs;
    o.speed = speed;
    o.seed = seed;
    o.startTime = kStart;
    return o;
}

void ticks(SimBackend &sim, int n, bool collect = true)
{
    std::string error;
    for (int i = 0; i < n; ++i) {
        ASSERT_TRUE(sim.tick(&error)) << error;
        if (collect)
            sim.collectChanges();
    }
}

std::string bytes(const google::protobuf::Message &m)
{
    std::string out;
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    m.SerializeToCodedStream(&coded);
    return out;
}

std::string serialize(const BackendChanges &c)
{
    std::string out;
    for (const auto &x : c.nodes)
        out += bytes(x);
    for (const auto &x : c.jobs)
        out += bytes(x);
    for (const auto &x : c.queues)
        out += bytes(x);
    for (const auto &x : c.alerts)
        out += bytes(x);
    for (const auto &x : c.removedNodes)
        out += x;
    for (const auto &x : c.removedQueues)
        out += x;
    out += c.tenantsChanged ? "T" : "F";
    return out;
}

std::string serialize(const std::vector<v1::Tenant> &tenants)
{
    std::string out;
    for (const auto &t : tenants)
        out += bytes(t);
    return out;
}

const v1::Node *findNode(const BackendChanges &c, const std::string &name)
{
    for (const auto &n : c.nodes)
        if (n.name() == name)
            return &n;
    return nullptr;
}

const v1::Job *findJob(const BackendChanges &c, const std::string &id)
{
    for (const auto &j : c.jobs)
        if (j.id() == id)
            return &j;
    return nullptr;
}

const v1::Alert *findAlert(
    const std::vector<v1::Alert> &alerts, const std::string &kind, const std::string &target)
{
    for (const auto &a : alerts)
        if (a.kind() == kind && a.target() == target)
            return &a;
    return nullptr;
}

// Limit of a tenant (project empty) or project for a model; -1 when none.
int64_t limitOf(const std::vector<v1::Tenant> &tenants, const std::string &tenant,
    const std::string &project, v1::AcceleratorModel model)
{
    for (const auto &t : tenants) {
        if (t.id() != tenant)
            continue;
        if (project.empty()) {
            for (const auto &q : t.quotas())
                if (q.model() == model)
                    return q.max_accelerators();
            return -1;
        }
        for (const auto &p : t.projects()) {
            if (p.id() != project)
                continue;
            for (const auto &q : p.quotas())
                if (q.model() == model)
                    return q.max_accelerators();
        }
    }
    return -1;
}

bool isEnded(v1::JobState s)
{
    return s == v1::JOB_STATE_COMPLETED || s == v1::JOB_STATE_FAILED
        || s == v1::JOB_STATE_CANCELLED;
}

// Everything a scheduler must keep true, checked on a full snapshot.
void checkInvariants(SimBackend &sim)
{
    const BackendChanges snap = sim.snapshot();
    const std::vector<v1::Tenant> tenants = sim.tenants();

    std::map<std::string, const v1::Job *> jobs;
    for (const auto &j : snap.jobs) {
        ASSERT_FALSE(isEnded(j.state())) << "ended job " << j.id() << " in a snapshot";
        ASSERT_TRUE(jobs.emplace(j.id(), &j).second) << "job " << j.id() << " twice";
    }

    // Cards held per job, and node figures against their cards.
    std::map<std::string, int> cardsOf;
    std::map<std::string, std::set<std::string>> nodesOf;
    for (const auto &n : snap.nodes) {
        int allocated = 0, failed = 0;
        std::set<std::string> ids;
        for (const auto &a : n.accelerators()) {
            failed += a.health() == v1::ACCELERATOR_HEALTH_FAILED;
            if (a.job_id().empty())
                continue;
            ++allocated;
            ids.insert(a.job_id());
            ++cardsOf[a.job_id()];
            nodesOf[a.job_id()].insert(n.name());
        }
        EXPECT_EQ(n.accelerators_size(), n.accelerators_total()) << n.name();
        EXPECT_LE(n.accelerators_allocated(), n.accelerators_total()) << n.name();
        EXPECT_EQ(allocated, n.accelerators_allocated()) << n.name();
        EXPECT_EQ(failed, n.accelerators_failed()) << n.name();
        EXPECT_EQ(ids, std::set<std::string>(n.job_ids().begin(), n.job_ids().end())) << n.name();
        const int usable = n.accelerators_total() - n.accelerators_failed();
        switch (n.state()) {
        case v1::NODE_STATE_IDLE:
            EXPECT_EQ(allocated, 0) << n.name();
            break;
        case v1::NODE_STATE_ALLOCATED:
            EXPECT_GT(allocated, 0) << n.name();
            EXPECT_EQ(allocated, usable) << n.name();
            break;
        case v1::NODE_STATE_MIXED:
            EXPECT_GT(allocated, 0) << n.name();
            EXPECT_LT(allocated, usable) << n.name();
            break;
        case v1::NODE_STATE_DRAINING:
            EXPECT_GT(allocated, 0) << n.name();
            break;
        case v1::NODE_STATE_DRAINED:
        case v1::NODE_STATE_DOWN:
            EXPECT_EQ(allocated, 0) << n.name();
            break;
        case v1::NODE_STATE_MAINTENANCE:
            if (!n.reboot_pending()) {
                EXPECT_EQ(allocated, 0) << n.name();
            }
            break;
        default:
            ADD_FAILURE() << n.name() << " has no state";
        }
    }

    // Running jobs hold exactly their cards on exactly their nodes. Use across all models is
    // counted under model UNSPECIFIED, as the API names it.
    using Key = std::pair<std::string, v1::AcceleratorModel>;
    constexpr auto kAll = v1::ACCELERATOR_MODEL_UNSPECIFIED;
    std::map<Key, int64_t> tenantUse, tenantPending, projectUse, projectPending;
    auto at = [](std::map<Key, int64_t> &m, const std::string &who, v1::AcceleratorModel model) {
        return m[Key(who, model)];
    };
    for (const auto &[id, j] : jobs) {
        if (j->state() == v1::JOB_STATE_RUNNING) {
            EXPECT_EQ(cardsOf[id], j->accelerators()) << "job " << id;
            EXPECT_EQ(nodesOf[id], std::set<std::string>(j->nodes().begin(), j->nodes().end()))
                << "job " << id;
            EXPECT_TRUE(j->has_start_time()) << "job " << id;
            for (auto model : { j->model(), kAll }) {
                tenantUse[Key(j->tenant(), model)] += j->accelerators();
                projectUse[Key(j->project(), model)] += j->accelerators();
            }
        } else {
            EXPECT_EQ(cardsOf.count(id), 0u) << "waiting job " << id << " holds cards";
            EXPECT_EQ(j->nodes_size(), 0) << "waiting job " << id;
            EXPECT_NE(j->pending_reason(), v1::PENDING_REASON_UNSPECIFIED) << "job " << id;
            EXPECT_FALSE(j->pending_reason_raw().empty()) << "job " << id;
            if (j->state() == v1::JOB_STATE_HELD) {
                EXPECT_TRUE(j->pending_reason() == v1::PENDING_REASON_HELD_BY_USER
                    || j->pending_reason() == v1::PENDING_REASON_HELD_BY_ADMIN)
                    << "job " << id;
            }
            if (j->state() == v1::JOB_STATE_PENDING) {
                for (auto model : { j->model(), kAll }) {
                    tenantPending[Key(j->tenant(), model)] += j->accelerators();
                    projectPending[Key(j->project(), model)] += j->accelerators();
                }
            }
        }
    }
    for (const auto &[id, count] : cardsOf) {
        auto it = jobs.find(id);
        ASSERT_NE(it, jobs.end()) << "cards held by unknown job " << id;
        EXPECT_EQ(it->second->state(), v1::JOB_STATE_RUNNING) << "job " << id;
    }

    // Quotas hold, and usage says what the jobs say.
    for (const auto &t : tenants) {
        for (const auto &q : t.quotas())
            EXPECT_LE(at(tenantUse, t.id(), q.model()), q.max_accelerators()) << t.id();
        for (const auto &u : t.usage()) {
            EXPECT_EQ(u.accelerators_in_use(), at(tenantUse, t.id(), u.model())) << t.id();
            EXPECT_EQ(u.accelerators_pending(), at(tenantPending, t.id(), u.model())) << t.id();
        }
        for (const auto &p : t.projects()) {
            for (const auto &q : p.quotas())
                EXPECT_LE(at(projectUse, p.id(), q.model()), q.max_accelerators()) << p.id();
            for (const auto &u : p.usage()) {
                EXPECT_EQ(u.accelerators_in_use(), at(projectUse, p.id(), u.model())) << p.id();
                EXPECT_EQ(u.accelerators_pending(), at(projectPending, p.id(), u.model()))
                    << p.id();
            }
        }
    }

    // Queue figures are what the jobs and nodes say.
    for (const auto &q : snap.queues) {
        int64_t pending = 0, running = 0, held = 0, accPending = 0;
        for (const auto &[id, j] : jobs) {
            if (j->queue() != q.name())
                continue;
            pending += j->state() == v1::JOB_STATE_PENDING;
            running += j->state() == v1::JOB_STATE_RUNNING;
            held += j->state() == v1::JOB_STATE_HELD;
            if (j->state() == v1::JOB_STATE_PENDING)
                accPending += j->accelerators();
        }
        EXPECT_EQ(q.jobs_pending(), pending) << q.name();
        EXPECT_EQ(q.jobs_running(), running) << q.name();
        EXPECT_EQ(q.jobs_held(), held) << q.name();
        EXPECT_EQ(q.accelerators_pending(), accPending) << q.name();
        int64_t nodes = 0, total = 0, inUse = 0;
        for (const auto &n : snap.nodes) {
            if (n.queues(0) != q.name())
                continue;
            ++nodes;
            total += n.accelerators_total();
            inUse += n.accelerators_allocated();
        }
        EXPECT_EQ(q.nodes_total(), nodes) << q.name();
        ASSERT_EQ(q.accelerators_size(), 1) << q.name();
        const auto &c = q.accelerators(0);
        EXPECT_EQ(c.total(), total) << q.name();
        EXPECT_EQ(c.in_use(), inUse) << q.name();
        EXPECT_EQ(c.in_use() + c.free() + c.down() + c.unavailable(), c.total()) << q.name();
        ASSERT_EQ(q.nodes_by_free_accelerators_size(), 9) << q.name();
        int64_t bucketed = 0;
        for (int64_t b : q.nodes_by_free_accelerators())
            bucketed += b;
        EXPECT_EQ(bucketed, q.nodes_available()) << q.name();
        EXPECT_EQ(q.state(), "UP");
        EXPECT_GT(q.max_time_seconds(), 0);
    }
}

// A running job of the snapshot (the first one found), or nullptr.
const v1::Job *someJob(const BackendChanges &snap, v1::JobState state)
{
    for (const auto &j : snap.jobs)
        if (j.state() == state)
            return &j;
    return nullptr;
}

// ---------------------------------------------------------------- tests

TEST(SimBackend, SameSeedSameCentreOtherSeedOtherCentre)
{
    SimBackend a(small(96, 800, 30, 7));
    SimBackend b(small(96, 800, 30, 7));
    SimBackend c(small(96, 800, 30, 8));
    EXPECT_EQ(serialize(a.snapshot()), serialize(b.snapshot()));
    std::string error;
    for (int i = 0; i < 200; ++i) {
        a.tick(&error);
        b.tick(&error);
        c.tick(&error);
        // The change lists must match too, not only the end state.
        ASSERT_EQ(serialize(a.collectChanges()), serialize(b.collectChanges())) << "tick " << i;
        c.collectChanges();
    }
    EXPECT_EQ(a.now(), b.now());
    EXPECT_EQ(serialize(a.snapshot()), serialize(b.snapshot()));
    EXPECT_EQ(serialize(a.tenants()), serialize(b.tenants()));
    EXPECT_NE(serialize(a.snapshot()), serialize(c.snapshot()));
}

TEST(SimBackend, ClockAdvancesByTickTimesSpeed)
{
    SimOptions o = small(32, 100, 45);
    o.tickSeconds = 2;
    SimBackend sim(o);
    EXPECT_EQ(sim.now(), kStart);
    ticks(sim, 10);
    EXPECT_EQ(sim.now(), kStart + std::chrono::seconds(10 * 2 * 45));
    sim.setSpeed(0);
    ticks(sim, 5);
    EXPECT_EQ(sim.now(), kStart + std::chrono::seconds(900));
}

TEST(SimBackend, StartsBusyWithTheJobsAskedFor)
{
    SimBackend sim(small(512, 4000, 1));
    const BackendChanges snap = sim.snapshot();
    ASSERT_EQ(snap.nodes.size(), 512u);
    EXPECT_EQ(snap.jobs.size(), 4000u);
    int64_t total = 0, allocated = 0;
    for (const auto &n : snap.nodes) {
        total += n.accelerators_total();
        allocated += n.accelerators_allocated();
        EXPECT_EQ(n.accelerators_total(), 8);
        EXPECT_TRUE(n.has_telemetry());
        EXPECT_EQ(n.rack(), n.name().substr(0, n.rack().size()));
        EXPECT_EQ(n.name().rfind("lg-r", 0), 0u) << n.name();
    }
    const double share = double(allocated) / double(total);
    EXPECT_GE(share, 0.85);
    EXPECT_LE(share, 0.93);

    // Ids are numeric, from 1000001, in submission order.
    std::vector<std::pair<int64_t, int64_t>> bySubmit;
    int64_t running = 0, held = 0, pretrain = 0, over8 = 0, single = 0;
    for (const auto &j : snap.jobs) {
        const int64_t id = std::stoll(j.id());
        EXPECT_GE(id, 1000001);
        bySubmit.push_back({ j.submit_time().seconds(), id });
        running += j.state() == v1::JOB_STATE_RUNNING;
        held += j.state() == v1::JOB_STATE_HELD;
        pretrain += j.workload() == "pretrain";
        over8 += j.accelerators() > 8;
        single += j.accelerators() == 1;
        if (j.accelerators() > 8) {
            EXPECT_EQ(j.accelerators() % 8, 0) << j.id();
        }
        if (j.state() == v1::JOB_STATE_RUNNING) {
            EXPECT_LE(j.start_time().seconds(), std::chrono::system_clock::to_time_t(kStart));
        }
    }
    std::sort(bySubmit.begin(), bySubmit.end());
    for (size_t i = 1; i < bySubmit.size(); ++i) {
        if (bySubmit[i].first > bySubmit[i - 1].first) {
            EXPECT_GT(bySubmit[i].second, bySubmit[i - 1].second);
        }
    }
    EXPECT_GT(running, 100);
    EXPECT_GT(held, 0);
    EXPECT_GT(pretrain, 0);
    // Acme: median one accelerator, under 7% of jobs over eight.
    EXPECT_GT(single * 2, int64_t(snap.jobs.size()) * 2 / 3);
    EXPECT_LT(over8, int64_t(snap.jobs.size()) * 7 / 100);

    // Queues per model, tenants with projects and contended quotas.
    std::set<std::string> queues;
    for (const auto &q : snap.queues)
        queues.insert(q.name());
    EXPECT_EQ(queues, (std::set<std::string> { "h100", "a100", "h800", "910b" }));
    const auto tenants = sim.tenants();
    EXPECT_GE(tenants.size(), 6u);
    EXPECT_LE(tenants.size(), 10u);
    std::map<v1::AcceleratorModel, int64_t> quotaSum;
    for (const auto &t : tenants) {
        EXPECT_FALSE(t.name().empty());
        EXPECT_FALSE(t.name_zh().empty());
        EXPECT_GE(t.projects_size(), 2);
        EXPECT_LE(t.projects_size(), 4);
        for (const auto &q : t.quotas()) {
            quotaSum[q.model()] += q.max_accelerators();
            int64_t projects = 0;
            for (const auto &p : t.projects())
                projects += std::max<int64_t>(0, limitOf(tenants, t.id(), p.id(), q.model()));
            EXPECT_LE(projects, q.max_accelerators()) << t.id();
        }
    }
    for (const auto &q : snap.queues) {
        const double ratio
            = double(quotaSum[q.accelerators(0).model()]) / double(q.accelerators(0).total());
        EXPECT_GE(ratio, 1.1) << q.name();
        EXPECT_LE(ratio, 1.4) << q.name();
    }
}

TEST(SimBackend, InvariantsHoldWhileTheCentreRuns)
{
    SimBackend sim(small(192, 1500, 120, 3));
    checkInvariants(sim);
    for (int round = 0; round < 8; ++round) {
        ticks(sim, 60); // two simulated hours
        SCOPED_TRACE("round " + std::to_string(round));
        checkInvariants(sim);
        if (HasFatalFailure())
            return;
    }
    // The active count stays near the target.
    EXPECT_NEAR(double(sim.activeJobs()), 1500.0, 150.0);
}

TEST(SimBackend, TenantQuotaIsHonoured)
{
    SimBackend sim(small(128, 1200, 60, 5));
    const BackendChanges snap = sim.snapshot();

    // The tenant and model with the most waiting jobs larger than eight cards.
    std::map<std::pair<std::string, v1::AcceleratorModel>, int> big;
    for (const auto &j : snap.jobs)
        if (j.state() == v1::JOB_STATE_PENDING && j.accelerators() > 8)
            ++big[{ j.tenant(), j.model() }];
    ASSERT_FALSE(big.empty());
    const auto [tenant, model] = std::max_element(big.begin(), big.end(), [](auto &a, auto &b) {
        return a.second < b.second;
    })->first;

    v1::QuotaLimit limit;
    limit.set_model(model);
    limit.set_max_accelerators(8);
    std::string error;
    ASSERT_TRUE(sim.setQuota(tenant, "", limit, &error)) << error;
    EXPECT_EQ(limitOf(sim.tenants(), tenant, "", model), 8);
    EXPECT_TRUE(sim.collectChanges().tenantsChanged);

    // Jobs already running are not killed by a lower quota; cancel them so
    // the tenant starts from nothing.
    std::vector<std::string> running;
    for (const auto &j : snap.jobs)
        if (j.tenant() == tenant && j.model() == model && j.state() == v1::JOB_STATE_RUNNING)
            running.push_back(j.id());
    for (const auto &r : sim.cancelJobs(running, Actor { "ops", "quota test" }))
        EXPECT_TRUE(r.ok());

    auto inUse = [&] {
        int64_t n = 0;
        for (const auto &t : sim.tenants())
            if (t.id() == tenant)
                for (const auto &u : t.usage())
                    if (u.model() == model)
                        n = u.accelerators_in_use();
        return n;
    };
    for (int i = 0; i < 120; ++i) {
        ticks(sim, 1);
        ASSERT_LE(inUse(), 8) << "tick " << i;
    }
    const BackendChanges after = sim.snapshot();
    int64_t running8 = 0, quotaBlocked = 0;
    for (const auto &j : after.jobs) {
        if (j.tenant() != tenant || j.model() != model)
            continue;
        if (j.state() == v1::JOB_STATE_RUNNING)
            running8 += j.accelerators();
        if (j.state() != v1::JOB_STATE_PENDING || j.accelerators() <= 8)
            continue;
        // The project's limit is looked at before the tenant's: a job its project's limit lets
        // in whatever the project uses (at most the tenant's 8) waits for the tenant's.
        const int64_t projectLimit = limitOf(sim.tenants(), tenant, j.project(), model);
        if (projectLimit >= 0 && j.accelerators() + 8 > projectLimit)
            continue;
        EXPECT_EQ(j.pending_reason(), v1::PENDING_REASON_TENANT_QUOTA) << "job " << j.id();
        EXPECT_EQ(j.pending_reason_raw(), "AssocGrpGRES") << "job " << j.id();
        EXPECT_EQ(j.quota_limit(), 8) << "job " << j.id();
        EXPECT_GE(j.quota_used(), 0) << "job " << j.id();
        ++quotaBlocked;
    }
    EXPECT_LE(running8, 8);
    EXPECT_GT(quotaBlocked, 0);
    checkInvariants(sim);
}

TEST(SimBackend, ALimitAcrossAllModelsHoldsEveryModelTogether)
{
    SimBackend sim(small(128, 1200, 60, 5));
    const BackendChanges snap = sim.snapshot();

    // The tenant with waiting jobs of the most models.
    std::map<std::string, std::set<v1::AcceleratorModel>> models;
    for (const auto &j : snap.jobs)
        if (j.state() == v1::JOB_STATE_PENDING)
            models[j.tenant()].insert(j.model());
    const std::string tenant = std::max_element(models.begin(), models.end(), [](auto &a, auto &b) {
        return a.second.size() < b.second.size();
    })->first;
    ASSERT_GE(models[tenant].size(), 2u);

    v1::QuotaLimit limit;
    limit.set_all_models(true);
    limit.set_max_accelerators(8);
    std::string error;
    ASSERT_TRUE(sim.setQuota(tenant, "", limit, &error)) << error;
    EXPECT_TRUE(sim.collectChanges().tenantsChanged);
    auto tenantView = [&] {
        for (const auto &t : sim.tenants())
            if (t.id() == tenant)
                return t;
        return v1::Tenant();
    };
    const v1::Tenant t = tenantView();
    const auto stored = std::find_if(t.quotas().begin(), t.quotas().end(),
        [](const v1::QuotaLimit &q) { return q.all_models(); });
    ASSERT_NE(stored, t.quotas().end()) << t.DebugString();
    EXPECT_EQ(stored->model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(stored->max_accelerators(), 8);
    // Its per-model limits stay what they were.
    EXPECT_GE(t.quotas_size(), 3);

    std::vector<std::string> running;
    for (const auto &j : snap.jobs)
        if (j.tenant() == tenant && j.state() == v1::JOB_STATE_RUNNING)
            running.push_back(j.id());
    for (const auto &r : sim.cancelJobs(running, Actor { "ops", "quota test" }))
        EXPECT_TRUE(r.ok());

    // Every model together stays within 8; the use across models is sent and is the sum.
    auto inUse = [&](bool all) {
        int64_t n = 0;
        const v1::Tenant now = tenantView();
        for (const auto &u : now.usage())
            if (u.all_models() == all)
                n += u.accelerators_in_use();
        return n;
    };
    for (int i = 0; i < 120; ++i) {
        ticks(sim, 1);
        ASSERT_LE(inUse(false), 8) << "tick " << i;
        ASSERT_EQ(inUse(true), inUse(false)) << "tick " << i;
    }
    int64_t quotaBlocked = 0;
    for (const auto &j : sim.snapshot().jobs) {
        if (j.tenant() != tenant || j.state() != v1::JOB_STATE_PENDING || j.accelerators() <= 8)
            continue;
        // The project's limit is looked at first: skip jobs it could hold back.
        const int64_t projectLimit = limitOf(sim.tenants(), tenant, j.project(), j.model());
        if (projectLimit >= 0 && j.accelerators() + 8 > projectLimit)
            continue;
        EXPECT_EQ(j.pending_reason(), v1::PENDING_REASON_TENANT_QUOTA) << "job " << j.id();
        EXPECT_TRUE(j.quota_all_models()) << "job " << j.id();
        EXPECT_EQ(j.quota_limit(), 8) << "job " << j.id();
        ++quotaBlocked;
    }
    EXPECT_GT(quotaBlocked, 0);
    checkInvariants(sim);

    // Raised, more of them run again.
    limit.set_max_accelerators(10000);
    ASSERT_TRUE(sim.setQuota(tenant, "", limit, &error)) << error;
    ticks(sim, 30);
    EXPECT_GT(inUse(false), 8);
    checkInvariants(sim);
}

TEST(SimBackend, SetQuotaValidates)
{
    SimBackend sim(small(32, 100));
    v1::QuotaLimit limit;
    limit.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    limit.set_max_accelerators(16);
    std::string error;
    EXPECT_FALSE(sim.setQuota("nobody", "", limit, &error));
    EXPECT_EQ(error, "tenant 'nobody' not found");
    EXPECT_FALSE(sim.setQuota("galaxy", "nothing", limit, &error));
    EXPECT_EQ(error, "project 'nothing' not found in tenant 'galaxy'");
    limit.set_max_accelerators(-4);
    EXPECT_FALSE(sim.setQuota("galaxy", "", limit, &error));
    EXPECT_EQ(error, "quota.max_accelerators must be >= 0 (got -4)");
    limit.set_max_accelerators(16);
    limit.set_model(v1::ACCELERATOR_MODEL_HYGON_K100); // not installed at Lingang
    EXPECT_FALSE(sim.setQuota("galaxy", "", limit, &error));
    EXPECT_FALSE(error.empty());
    limit.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    limit.set_all_models(true); // names a model and all models at once
    EXPECT_FALSE(sim.setQuota("galaxy", "", limit, &error));
    EXPECT_EQ(error,
        "quota.model must be unset with quota.all_models (got "
        "ACCELERATOR_MODEL_NVIDIA_H100)");
    limit.set_all_models(false);

    sim.snapshot();
    limit.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    limit.set_max_accelerators(24);
    ASSERT_TRUE(sim.setQuota("galaxy", "galaxy-chat", limit, &error)) << error;
    EXPECT_EQ(
        limitOf(sim.tenants(), "galaxy", "galaxy-chat", v1::ACCELERATOR_MODEL_NVIDIA_H100), 24);
    EXPECT_TRUE(sim.collectChanges().tenantsChanged);
}

TEST(SimBackend, DrainKeepsNewJobsOffAndResumeReturnsTheNode)
{
    SimBackend sim(small(128, 1000, 60, 11));
    BackendChanges snap = sim.snapshot();
    const v1::Node *busy = nullptr;
    for (const auto &n : snap.nodes)
        if (n.state() == v1::NODE_STATE_MIXED || n.state() == v1::NODE_STATE_ALLOCATED)
            busy = &n;
    ASSERT_NE(busy, nullptr);
    const std::string name = busy->name();
    const std::set<std::string> before(busy->job_ids().begin(), busy->job_ids().end());

    const auto results
        = sim.drainNodes({ "lg-r9999-n1", name }, Actor { "ops.li", "replace DIMM" });
    ASSERT_EQ(results.size(), 2u);
    EXPECT_FALSE(results[0].ok());
    EXPECT_EQ(results[0].target(), "lg-r9999-n1");
    EXPECT_EQ(results[0].code(), "NOT_FOUND");
    EXPECT_EQ(results[0].message(), "node lg-r9999-n1 not found");
    EXPECT_TRUE(results[1].ok());
    EXPECT_EQ(results[1].target(), name);

    BackendChanges changes = sim.collectChanges();
    const v1::Node *drained = findNode(changes, name);
    ASSERT_NE(drained, nullptr);
    EXPECT_EQ(drained->state(), v1::NODE_STATE_DRAINING);
    EXPECT_EQ(drained->reason(), "replace DIMM");
    EXPECT_EQ(drained->reason_user(), "ops.li");
    EXPECT_EQ(drained->reason_time().seconds(), std::chrono::system_clock::to_time_t(sim.now()));

    // Within the queues' 7-day limit the jobs end, and none start there.
    std::string error;
    bool isDrained = false;
    sim.setSpeed(600);
    for (int i = 0; i < 8 * 144 && !isDrained; ++i) {
        sim.tick(&error);
        changes = sim.collectChanges();
        if (const v1::Node *n = findNode(changes, name)) {
            for (const auto &id : n->job_ids())
                EXPECT_TRUE(before.count(id)) << "job " << id << " landed";
            isDrained = n->state() == v1::NODE_STATE_DRAINED;
        }
    }
    ASSERT_TRUE(isDrained);

    const auto resumed = sim.resumeNodes({ name }, Actor { "ops.li", "DIMM replaced" });
    ASSERT_EQ(resumed.size(), 1u);
    EXPECT_TRUE(resumed[0].ok());
    changes = sim.collectChanges();
    const v1::Node *back = findNode(changes, name);
    ASSERT_NE(back, nullptr);
    EXPECT_EQ(back->state(), v1::NODE_STATE_IDLE);
    EXPECT_TRUE(back->reason().empty());

    const auto again = sim.resumeNodes({ name }, Actor { "ops.li", "" });
    EXPECT_FALSE(again[0].ok());
    EXPECT_EQ(again[0].code(), "FAILED_PRECONDITION");
    EXPECT_EQ(again[0].message(),
        "node " + name + " is idle; only drained, draining or down nodes can be resumed");
    checkInvariants(sim);
}

TEST(SimBackend, RebootWaitsForJobsThenComesBack)
{
    SimBackend sim(small(64, 400, 30, 2));
    BackendChanges snap = sim.snapshot();
    const v1::Node *busy = nullptr;
    for (const auto &n : snap.nodes)
        if (n.state() == v1::NODE_STATE_MIXED || n.state() == v1::NODE_STATE_ALLOCATED)
            busy = &n;
    ASSERT_NE(busy, nullptr);
    const std::string name = busy->name();
    const int64_t oldBoot = busy->boot_time().seconds();

    auto results = sim.rebootNodes({ name }, Actor { "ops.wang", "kernel update" });
    ASSERT_TRUE(results[0].ok());
    const BackendChanges first = sim.collectChanges();
    const v1::Node *n = findNode(first, name);
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(n->state(), v1::NODE_STATE_MAINTENANCE);
    EXPECT_TRUE(n->reboot_pending());
    EXPECT_EQ(n->reason(), "kernel update");
    EXPECT_GT(n->accelerators_allocated(), 0);

    results = sim.rebootNodes({ name }, Actor { "ops.wang", "" });
    EXPECT_FALSE(results[0].ok());
    EXPECT_EQ(results[0].code(), "FAILED_PRECONDITION");
    EXPECT_EQ(results[0].message(), "node " + name + " is already rebooting");

    // Jobs end (none start), the reboot runs about two minutes, the node returns.
    std::string error;
    int64_t rebootStarted = -1;
    bool back = false;
    for (int i = 0; i < 6000 && !back; ++i) {
        sim.tick(&error);
        const BackendChanges c = sim.collectChanges();
        const v1::Node *m = findNode(c, name);
        if (!m)
            continue;
        if (m->state() == v1::NODE_STATE_MAINTENANCE && !m->reboot_pending() && rebootStarted < 0) {
            EXPECT_EQ(m->accelerators_allocated(), 0);
            rebootStarted = std::chrono::system_clock::to_time_t(sim.now());
        }
        if (m->state() != v1::NODE_STATE_MAINTENANCE) {
            back = true;
            // Back in service (the scheduler may already have placed jobs on it).
            EXPECT_TRUE(m->state() == v1::NODE_STATE_IDLE || m->state() == v1::NODE_STATE_MIXED
                || m->state() == v1::NODE_STATE_ALLOCATED)
                << m->state();
            ASSERT_GE(rebootStarted, 0);
            EXPECT_GT(m->boot_time().seconds(), oldBoot);
            const int64_t took = m->boot_time().seconds() - rebootStarted;
            EXPECT_GE(took, 90);
            EXPECT_LE(took, 180);
            EXPECT_TRUE(m->reason().empty());
        }
    }
    EXPECT_TRUE(back);
    checkInvariants(sim);
}

TEST(SimBackend, JobActionsReportPerTarget)
{
    SimBackend sim(small(64, 600, 60, 4));
    const BackendChanges snap = sim.snapshot();
    const v1::Job *run = someJob(snap, v1::JOB_STATE_RUNNING);
    ASSERT_NE(run, nullptr);
    std::vector<std::string> pending;
    for (const auto &j : snap.jobs)
        if (j.state() == v1::JOB_STATE_PENDING && pending.size() < 4)
            pending.push_back(j.id());
    ASSERT_EQ(pending.size(), 4u);
    const std::string running = run->id();
    const Actor ops { "ops.chen", "testing" };

    // Hold: pending yes, running no, unknown not found; results in order.
    auto r = sim.holdJobs({ pending[0], running, "999", "abc" }, ops);
    ASSERT_EQ(r.size(), 4u);
    EXPECT_TRUE(r[0].ok());
    EXPECT_EQ(r[0].target(), pending[0]);
    EXPECT_FALSE(r[1].ok());
    EXPECT_EQ(r[1].code(), "FAILED_PRECONDITION");
    EXPECT_EQ(r[1].message(), "job " + running + " is running; only pending jobs can be held");
    EXPECT_EQ(r[2].code(), "NOT_FOUND");
    EXPECT_EQ(r[2].message(), "job 999 not found");
    EXPECT_EQ(r[3].code(), "NOT_FOUND");
    BackendChanges c = sim.collectChanges();
    const v1::Job *held = findJob(c, pending[0]);
    ASSERT_NE(held, nullptr);
    EXPECT_EQ(held->state(), v1::JOB_STATE_HELD);
    EXPECT_EQ(held->pending_reason(), v1::PENDING_REASON_HELD_BY_ADMIN);
    EXPECT_EQ(held->pending_reason_raw(), "JobHeldAdmin");

    // Release: held yes, pending no.
    r = sim.releaseJobs({ pending[0], pending[1] }, ops);
    EXPECT_TRUE(r[0].ok());
    EXPECT_FALSE(r[1].ok());
    EXPECT_EQ(r[1].code(), "FAILED_PRECONDITION");
    EXPECT_EQ(r[1].message(), "job " + pending[1] + " is pending; only held jobs can be released");
    c = sim.collectChanges();
    const v1::Job *released = findJob(c, pending[0]);
    ASSERT_NE(released, nullptr);
    EXPECT_EQ(released->state(), v1::JOB_STATE_PENDING);
    EXPECT_EQ(released->pending_reason(), v1::PENDING_REASON_NOT_EVALUATED);

    // Priority: pending yes, running no, out of range refused.
    r = sim.setJobPriority({ pending[1], running }, 999999, ops);
    EXPECT_TRUE(r[0].ok());
    EXPECT_EQ(r[1].code(), "FAILED_PRECONDITION");
    r = sim.setJobPriority({ pending[1] }, -1, ops);
    EXPECT_EQ(r[0].code(), "INVALID_ARGUMENT");
    c = sim.collectChanges();
    ASSERT_NE(findJob(c, pending[1]), nullptr);
    EXPECT_EQ(findJob(c, pending[1])->priority(), 999999);

    // Requeue: running yes (its cards are freed), pending no.
    const std::set<std::string> ranOn(run->nodes().begin(), run->nodes().end());
    r = sim.requeueJobs({ running, pending[2] }, ops);
    EXPECT_TRUE(r[0].ok());
    EXPECT_EQ(r[1].code(), "FAILED_PRECONDITION");
    EXPECT_EQ(
        r[1].message(), "job " + pending[2] + " is pending; only running jobs can be requeued");
    c = sim.collectChanges();
    const v1::Job *requeued = findJob(c, running);
    ASSERT_NE(requeued, nullptr);
    EXPECT_EQ(requeued->state(), v1::JOB_STATE_PENDING);
    EXPECT_EQ(requeued->nodes_size(), 0);
    for (const auto &nodeName : ranOn) {
        const v1::Node *n = findNode(c, nodeName);
        ASSERT_NE(n, nullptr) << nodeName;
        for (const auto &id : n->job_ids())
            EXPECT_NE(id, running);
    }

    // Cancel: reported once with its final state, then forgotten.
    r = sim.cancelJobs({ pending[3], "1" }, ops);
    EXPECT_TRUE(r[0].ok());
    EXPECT_EQ(r[1].code(), "NOT_FOUND");
    c = sim.collectChanges();
    const v1::Job *cancelled = findJob(c, pending[3]);
    ASSERT_NE(cancelled, nullptr);
    EXPECT_EQ(cancelled->state(), v1::JOB_STATE_CANCELLED);
    EXPECT_TRUE(cancelled->has_end_time());
    EXPECT_EQ(cancelled->failure_reason(), "cancelled by ops.chen: testing");
    EXPECT_EQ(findJob(sim.collectChanges(), pending[3]), nullptr);
    EXPECT_EQ(findJob(sim.snapshot(), pending[3]), nullptr);
    r = sim.cancelJobs({ pending[3] }, ops);
    EXPECT_EQ(r[0].code(), "NOT_FOUND");
    checkInvariants(sim);
}

TEST(SimBackend, EndedJobsAreReportedOnceWithTheirEnd)
{
    SimBackend sim(small(64, 500, 60, 6));
    sim.snapshot();
    std::string error;
    std::set<std::string> ended;
    std::map<v1::JobState, int> states;
    for (int i = 0; i < 240; ++i) {
        sim.tick(&error);
        for (const auto &j : sim.collectChanges().jobs) {
            if (!isEnded(j.state())) {
                EXPECT_FALSE(ended.count(j.id())) << "job " << j.id() << " came back";
                continue;
            }
            EXPECT_TRUE(ended.insert(j.id()).second) << "job " << j.id() << " ended twice";
            EXPECT_TRUE(j.has_end_time());
            ++states[j.state()];
            if (j.state() == v1::JOB_STATE_FAILED) {
                EXPECT_FALSE(j.failure_reason().empty());
            }
            if (j.state() == v1::JOB_STATE_COMPLETED) {
                EXPECT_EQ(j.exit_code(), 0);
            }
        }
    }
    EXPECT_GT(ended.size(), 200u);
    // Acme: about 40% fail; every ending kind occurs.
    const double failed = double(states[v1::JOB_STATE_FAILED]) / double(ended.size());
    EXPECT_GT(failed, 0.2);
    EXPECT_LT(failed, 0.6);
    EXPECT_GT(states[v1::JOB_STATE_COMPLETED], 0);
    EXPECT_GT(states[v1::JOB_STATE_CANCELLED], 0);
    for (const auto &j : sim.snapshot().jobs)
        EXPECT_FALSE(ended.count(j.id()));
}

TEST(SimBackend, FailuresRaiseAlertsAndRepairsClearThem)
{
    SimBackend sim(small(64, 500, 60, 9));
    BackendChanges snap = sim.snapshot();
    const v1::Node *busy = nullptr;
    for (const auto &n : snap.nodes)
        if (n.state() == v1::NODE_STATE_ALLOCATED || n.state() == v1::NODE_STATE_MIXED)
            busy = &n;
    ASSERT_NE(busy, nullptr);
    const std::string name = busy->name();
    const std::set<std::string> victims(busy->job_ids().begin(), busy->job_ids().end());

    ASSERT_TRUE(sim.injectNodeFailure(name));
    EXPECT_FALSE(sim.injectNodeFailure(name)); // already down
    BackendChanges c = sim.collectChanges();
    const v1::Node *down = findNode(c, name);
    ASSERT_NE(down, nullptr);
    EXPECT_EQ(down->state(), v1::NODE_STATE_DOWN);
    EXPECT_FALSE(down->reason().empty());
    EXPECT_EQ(down->accelerators_allocated(), 0);
    for (const auto &id : victims) {
        const v1::Job *j = findJob(c, id);
        ASSERT_NE(j, nullptr) << id;
        EXPECT_EQ(j->state(), v1::JOB_STATE_FAILED);
        EXPECT_NE(j->failure_reason().find(name), std::string::npos) << j->failure_reason();
    }
    const v1::Alert *alert = findAlert(c.alerts, "node_down", name);
    ASSERT_NE(alert, nullptr);
    EXPECT_EQ(alert->severity(), v1::SEVERITY_CRITICAL);
    EXPECT_NE(alert->cause(), v1::ALERT_CAUSE_UNSPECIFIED) << alert->summary();
    EXPECT_EQ(alert->id().rfind("al-", 0), 0u);
    EXPECT_EQ(alert->id().size(), 9u);
    EXPECT_FALSE(alert->has_clear_time());
    EXPECT_EQ(alert->raise_time().seconds(), std::chrono::system_clock::to_time_t(sim.now()));
    const std::string alertId = alert->id();

    ASSERT_TRUE(sim.acknowledgeAlert(alertId, "ops.li", "on it"));
    EXPECT_FALSE(sim.acknowledgeAlert("al-999999", "ops.li", ""));
    c = sim.collectChanges();
    ASSERT_EQ(c.alerts.size(), 1u);
    EXPECT_TRUE(c.alerts[0].acknowledged());
    EXPECT_EQ(c.alerts[0].acknowledged_by(), "ops.li");
    EXPECT_EQ(c.alerts[0].acknowledge_comment(), "on it");
    EXPECT_TRUE(c.alerts[0].has_acknowledge_time());

    // An ECC error fails one card of another (NVIDIA) node.
    std::string other;
    for (const auto &n : snap.nodes)
        if (n.name() != name && n.state() != v1::NODE_STATE_DOWN && n.model_name() == "H100")
            other = n.name();
    ASSERT_TRUE(sim.injectAcceleratorFailure(other, 3));
    c = sim.collectChanges();
    const v1::Node *hurt = findNode(c, other);
    ASSERT_NE(hurt, nullptr);
    EXPECT_EQ(hurt->accelerators(3).health(), v1::ACCELERATOR_HEALTH_FAILED);
    EXPECT_EQ(hurt->accelerators(3).fault(), "XID 48: double-bit ECC error");
    EXPECT_EQ(hurt->accelerators_failed(), 1);
    const v1::Alert *ecc = findAlert(c.alerts, "ecc", other + "/3");
    ASSERT_NE(ecc, nullptr);
    // Its summary also travels as a code with its parts, for a console to word in its language.
    EXPECT_EQ(ecc->summary(), other + " GPU 3: XID 48: double-bit ECC error");
    EXPECT_EQ(ecc->cause(), v1::ALERT_CAUSE_XID_48_DOUBLE_BIT_ECC);
    EXPECT_EQ(ecc->cause_args_size(), 0);
    EXPECT_EQ(ecc->device(), "GPU");

    // Repairs come within a simulated day and clear both alerts.
    std::string error;
    bool nodeBack = false, cardBack = false, downCleared = false, eccCleared = false;
    for (int i = 0; i < 1440 && !(nodeBack && cardBack && downCleared && eccCleared); ++i) {
        sim.tick(&error);
        c = sim.collectChanges();
        if (const v1::Node *n = findNode(c, name))
            nodeBack = nodeBack || n->state() != v1::NODE_STATE_DOWN;
        if (const v1::Node *n = findNode(c, other))
            cardBack = cardBack || n->accelerators(3).health() == v1::ACCELERATOR_HEALTH_HEALTHY;
        for (const auto &a : c.alerts) {
            if (a.id() == alertId && a.has_clear_time()) {
                downCleared = true;
                EXPECT_TRUE(a.acknowledged()); // the acknowledgement survives
            }
            if (a.kind() == "ecc" && a.target() == other + "/3" && a.has_clear_time())
                eccCleared = true;
        }
    }
    EXPECT_TRUE(nodeBack);
    EXPECT_TRUE(cardBack);
    EXPECT_TRUE(downCleared);
    EXPECT_TRUE(eccCleared);
    checkInvariants(sim);
}

TEST(SimBackend, FaultsHappenOnTheirOwnAndAreRepaired)
{
    SimBackend sim(small(512, 2000, 600, 12));
    sim.snapshot();
    std::set<std::string> kinds;
    std::set<std::string> raised, cleared;
    std::string error;
    for (int i = 0; i < 144; ++i) { // a simulated day
        sim.tick(&error);
        for (const auto &a : sim.collectChanges().alerts) {
            kinds.insert(a.kind());
            raised.insert(a.id());
            if (a.has_clear_time())
                cleared.insert(a.id());
            EXPECT_FALSE(a.summary().empty());
            EXPECT_NE(a.severity(), v1::SEVERITY_UNSPECIFIED);
            // Every fault the simulator raises has its code.
            EXPECT_NE(a.cause(), v1::ALERT_CAUSE_UNSPECIFIED) << a.summary();
        }
    }
    // A few events per simulated hour on 512 nodes.
    EXPECT_GE(raised.size(), 24u);
    EXPECT_LE(raised.size(), 400u);
    EXPECT_GT(cleared.size(), 0u);
    EXPECT_TRUE(kinds.count("node_down"));
    EXPECT_TRUE(kinds.count("xid") || kinds.count("ecc"));
    checkInvariants(sim);
}

TEST(SimBackend, AnUnchangedCentreReportsNothing)
{
    SimBackend sim(small(64, 500, 0));
    sim.snapshot();
    EXPECT_TRUE(sim.collectChanges().empty());
    std::string error;
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(sim.tick(&error));
        EXPECT_TRUE(sim.collectChanges().empty());
    }
    sim.setSpeed(60);
    ticks(sim, 3, false);
    EXPECT_FALSE(sim.collectChanges().empty());
    sim.snapshot();
    EXPECT_TRUE(sim.collectChanges().empty());
}

TEST(SimBackend, SteadyTelemetryDoesNotResendEveryNode)
{
    SimBackend sim(small(512, 4000, 1, 13));
    sim.snapshot();
    std::string error;
    size_t sent = 0;
    for (int i = 0; i < 60; ++i) {
        sim.tick(&error);
        sent += sim.collectChanges().nodes.size();
    }
    // Six telemetry refreshes in a minute; a node is resent only when its
    // jobs, state or health change or its figures move past the deadband.
    EXPECT_LT(sent, 512u * 6 / 4);
}

TEST(SimBackend, TelemetryLooksLikeBusyAndIdleCards)
{
    SimBackend sim(small(128, 1000, 60, 14));
    ticks(sim, 3);
    const BackendChanges snap = sim.snapshot();
    std::vector<NodeSample> samples;
    ASSERT_TRUE(sim.sampleTelemetry(&samples));
    ASSERT_EQ(samples.size(), snap.nodes.size());
    std::vector<double> busyUtil;
    for (size_t i = 0; i < samples.size(); ++i) {
        const v1::Node &n = snap.nodes[i];
        const NodeSample &s = samples[i];
        EXPECT_EQ(s.nodeIndex, i);
        EXPECT_FLOAT_EQ(s.utilisationPercent, float(n.utilisation_percent()));
        EXPECT_FLOAT_EQ(s.powerWatts, float(n.power_watts()));
        EXPECT_FLOAT_EQ(s.temperatureCelsius, float(n.temperature_celsius()));
        ASSERT_EQ(s.accelerators.size(), size_t(n.accelerators_size()));
        double cards = 0;
        for (int k = 0; k < n.accelerators_size(); ++k) {
            const auto &a = n.accelerators(k);
            EXPECT_TRUE(a.has_telemetry());
            EXPECT_FLOAT_EQ(s.accelerators[size_t(k)].powerWatts, float(a.power_watts()));
            cards += a.power_watts();
            if (a.health() != v1::ACCELERATOR_HEALTH_HEALTHY || n.state() == v1::NODE_STATE_DOWN)
                continue;
            if (!a.job_id().empty()) {
                busyUtil.push_back(a.utilisation_percent());
                EXPECT_GE(a.utilisation_percent(), 85.0);
                EXPECT_LE(a.utilisation_percent(), 100.0);
                EXPECT_GT(a.power_watts(), 150.0);
                EXPECT_GE(a.temperature_celsius(), 55.0);
                EXPECT_LE(a.temperature_celsius(), 85.0);
                EXPECT_GT(a.memory_used_bytes(), 0);
            } else {
                EXPECT_EQ(a.utilisation_percent(), 0.0);
                EXPECT_NEAR(a.power_watts(), 60.0, 5.0);
                EXPECT_LT(a.temperature_celsius(), 40.0);
            }
        }
        EXPECT_GT(n.power_watts(), cards); // plus the host
    }
    ASSERT_FALSE(busyUtil.empty());
    std::nth_element(busyUtil.begin(), busyUtil.begin() + busyUtil.size() / 2, busyUtil.end());
    EXPECT_NEAR(busyUtil[busyUtil.size() / 2], 97.0, 2.0);
}

TEST(SimBackend, TinyAndEmptyCentresWork)
{
    for (const std::string &site : SimBackend::siteIds()) {
        for (int nodes : { 1, 3, 9 }) {
            for (int jobs : { 0, 10 }) {
                SCOPED_TRACE(site + " " + std::to_string(nodes) + " nodes " + std::to_string(jobs)
                    + " jobs");
                SimOptions o = small(nodes, jobs, 0.5);
                o.site = site;
                o.tickSeconds = 0.2;
                SimBackend sim(o);
                ticks(sim, 50);
                sim.advance(6 * 3600.0);
                EXPECT_EQ(sim.now(),
                    kStart + std::chrono::milliseconds(50 * 100) + std::chrono::hours(6));
                checkInvariants(sim);
                if (jobs == 0) {
                    EXPECT_EQ(sim.activeJobs(), 0u);
                }
                if (HasFatalFailure())
                    return;
            }
        }
    }
}

TEST(SiteProfile, NamedCentresCarryTheirProvinceFigures)
{
    struct Expect {
        const char *id, *name, *province;
        double carbon;
    };
    const Expect expected[] = {
        { "lingang", "Shanghai Lingang", "Shanghai", 584.9 },
        { "wuhan", "Wuhan", "Hubei", 436.4 },
        { "xian", "Xi'an", "Shaanxi", 655.8 },
        { "zhengzhou", "Zhengzhou", "Henan", 605.8 },
        { "nanjing", "Nanjing", "Jiangsu", 597.8 },
        { "chengdu", "Chengdu", "Sichuan", 140.4 },
    };
    for (const auto &e : expected) {
        const SiteProfile *p = SiteProfile::find(e.id);
        ASSERT_NE(p, nullptr) << e.id;
        EXPECT_EQ(p->name, e.name);
        EXPECT_EQ(p->province, e.province);
        EXPECT_DOUBLE_EQ(p->carbonGPerKwh, e.carbon);
        EXPECT_LT(p->pue, 1.3) << e.id;
        EXPECT_FALSE(p->nameZh.empty());
        double share = 0;
        for (const auto &[model, s] : p->mix)
            share += s;
        EXPECT_NEAR(share, 1.0, 1e-9) << e.id;

        SimOptions o = small(24, 50);
        o.site = e.id;
        SimBackend sim(o);
        const SiteInfo info = sim.site();
        EXPECT_EQ(info.name, e.name);
        EXPECT_EQ(info.province, e.province);
        // A simulated centre's facts are its own: always there.
        ASSERT_TRUE(info.carbonGPerKwh && info.pue) << e.id;
        EXPECT_DOUBLE_EQ(*info.carbonGPerKwh, e.carbon);
        EXPECT_DOUBLE_EQ(*info.pue, p->pue);
        EXPECT_EQ(sim.kind(), "sim");
    }
    // Yangtze Delta hubs: PUE <= 1.25.
    EXPECT_LE(SiteProfile::find("lingang")->pue, 1.25);
    EXPECT_LE(SiteProfile::find("nanjing")->pue, 1.25);
    // Ascend centres run mostly 910B; Nanjing only domestic chips.
    for (const char *id : { "wuhan", "xian", "chengdu" })
        EXPECT_EQ(SiteProfile::find(id)->mix.front().first, v1::ACCELERATOR_MODEL_ASCEND_910B)
            << id;
    for (const auto &[model, s] : SiteProfile::find("nanjing")->mix) {
        EXPECT_NE(model, v1::ACCELERATOR_MODEL_NVIDIA_H100);
        EXPECT_NE(model, v1::ACCELERATOR_MODEL_NVIDIA_A100);
        EXPECT_NE(model, v1::ACCELERATOR_MODEL_NVIDIA_H800);
    }
    EXPECT_EQ(SiteProfile::find("atlantis"), nullptr);
    SimOptions bad = small(8, 10);
    bad.site = "atlantis";
    EXPECT_THROW(SimBackend { bad }, std::invalid_argument);
}

TEST(SiteProfile, NodeNamesFollowTheSitePrefixAndModelDensity)
{
    SimOptions o = small(40, 100);
    o.site = "nanjing";
    SimBackend sim(o);
    const BackendChanges snap = sim.snapshot();
    std::map<std::string, std::set<std::string>> racks;
    for (const auto &n : snap.nodes) {
        EXPECT_EQ(n.name().rfind("nj-r", 0), 0u) << n.name();
        EXPECT_EQ(n.name().size(), std::string("nj-r0001-n1").size()) << n.name();
        racks[n.rack()].insert(n.model_name());
    }
    for (const auto &[rack, models] : racks)
        EXPECT_EQ(models.size(), 1u) << rack;
}

TEST(SiteProfile, LoadLevelsMakeTheCentresUneven)
{
    // Lingang saturated with queues waiting; Xi'an and Chengdu with idle Ascend 910B and
    // MLU370 (docs/FACTS.md section 6); the same tenants rent at each.
    struct Seen {
        int64_t total = 0, free = 0, pending = 0;
    };
    auto look = [](const std::string &site, const std::string &queue) {
        SimOptions o = small(400, 4000, 60, 5);
        o.site = site;
        SimBackend sim(o);
        sim.snapshot();
        ticks(sim, 60);
        checkInvariants(sim);
        Seen seen;
        for (const auto &q : sim.snapshot().queues) {
            if (q.name() != queue)
                continue;
            seen.total = q.accelerators(0).total();
            seen.free = q.accelerators(0).free();
            seen.pending = q.accelerators_pending();
        }
        std::set<std::string> tenants;
        for (const auto &t : sim.tenants())
            tenants.insert(t.id());
        EXPECT_TRUE(tenants.count("galaxy")) << site;
        return seen;
    };
    const Seen lingang = look("lingang", "h100");
    ASSERT_GT(lingang.total, 0);
    EXPECT_LT(double(lingang.free) / double(lingang.total), 0.15);
    EXPECT_GT(lingang.pending, lingang.total / 4);

    const Seen xian = look("xian", "910b");
    ASSERT_GT(xian.total, 0);
    EXPECT_GT(double(xian.free) / double(xian.total), 0.5);
    EXPECT_LT(xian.pending, xian.total / 10);

    const Seen chengdu = look("chengdu", "mlu370");
    ASSERT_GT(chengdu.total, 0);
    EXPECT_GT(double(chengdu.free) / double(chengdu.total), 0.5);
}

} // namespace
