// Plain words for the API's enums, shared by suanlictl and the gateway's logs.
#include "common/Describe.h"

#include <gtest/gtest.h>

using namespace suanli;

TEST(Describe, ModelNames)
{
    EXPECT_EQ(modelShortName(v1::ACCELERATOR_MODEL_NVIDIA_H100), "H100");
    EXPECT_EQ(modelShortName(v1::ACCELERATOR_MODEL_ASCEND_910B), "910B");
    EXPECT_EQ(modelShortName(v1::ACCELERATOR_MODEL_CAMBRICON_MLU370), "MLU370");
    EXPECT_EQ(modelShortName(v1::ACCELERATOR_MODEL_HYGON_K100), "K100");
    EXPECT_EQ(modelDisplayName(v1::ACCELERATOR_MODEL_ASCEND_910B), "Ascend 910B");
    EXPECT_EQ(modelDisplayName(v1::ACCELERATOR_MODEL_NVIDIA_A800), "A800");
    EXPECT_EQ(modelDisplayName(v1::ACCELERATOR_MODEL_OTHER, "MI300X"), "MI300X");
}

TEST(Describe, ParseModelAcceptsCommonSpellings)
{
    EXPECT_EQ(parseModel("h100"), v1::ACCELERATOR_MODEL_NVIDIA_H100);
    EXPECT_EQ(parseModel("NVIDIA_H100"), v1::ACCELERATOR_MODEL_NVIDIA_H100);
    EXPECT_EQ(parseModel("ACCELERATOR_MODEL_NVIDIA_H800"), v1::ACCELERATOR_MODEL_NVIDIA_H800);
    EXPECT_EQ(parseModel("a100"), v1::ACCELERATOR_MODEL_NVIDIA_A100);
    EXPECT_EQ(parseModel("910b"), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(parseModel("ascend910b"), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(parseModel("Ascend 910B"), v1::ACCELERATOR_MODEL_ASCEND_910B);
    EXPECT_EQ(parseModel("mlu370"), v1::ACCELERATOR_MODEL_CAMBRICON_MLU370);
    EXPECT_EQ(parseModel("k100"), v1::ACCELERATOR_MODEL_HYGON_K100);
    EXPECT_EQ(parseModel("dcu"), v1::ACCELERATOR_MODEL_HYGON_K100);
    EXPECT_EQ(parseModel("nvidia"), std::nullopt); // four models
    EXPECT_EQ(parseModel("b200"), std::nullopt);
    EXPECT_EQ(parseModel(""), std::nullopt);
}

TEST(Describe, StateNames)
{
    EXPECT_EQ(stateName(v1::NODE_STATE_DRAINED), "drained");
    EXPECT_EQ(stateName(v1::NODE_STATE_MAINTENANCE), "maintenance");
    EXPECT_EQ(stateName(v1::JOB_STATE_PENDING), "pending");
    EXPECT_EQ(stateName(v1::SEVERITY_CRITICAL), "critical");
    EXPECT_EQ(stateName(v1::QUOTA_REQUEST_STATE_APPROVED), "approved");
    EXPECT_EQ(stateName(v1::ACCELERATOR_HEALTH_DEGRADED), "degraded");
    EXPECT_EQ(stateName(v1::ROLE_TENANT_MANAGER), "tenant-manager");
    EXPECT_EQ(stateName(v1::ROLE_VIEWER), "viewer");
    EXPECT_EQ(stateName(static_cast<v1::NodeState>(99)), "unknown");
    EXPECT_EQ(pendingReasonName(v1::PENDING_REASON_TENANT_QUOTA), "tenant_quota");
    EXPECT_EQ(enumShortName(v1::AcceleratorModel_descriptor(), 5), "ascend_910b");
}

TEST(Describe, ParseRole)
{
    EXPECT_EQ(parseRole("viewer"), v1::ROLE_VIEWER);
    EXPECT_EQ(parseRole("Operator"), v1::ROLE_OPERATOR);
    EXPECT_EQ(parseRole("tenant-manager"), v1::ROLE_TENANT_MANAGER);
    EXPECT_EQ(parseRole("tenant_manager"), v1::ROLE_TENANT_MANAGER);
    EXPECT_EQ(parseRole("ROLE_ADMIN"), v1::ROLE_ADMIN);
    EXPECT_EQ(parseRole("root"), std::nullopt);
}

namespace {

// Tenant galaxy with a limit of 1,976 H100 (1,894 in use) and 100 accelerator-hours across all
// models (120 used), and its project galaxy-llm with 8 of 16 across all models.
v1::Tenant galaxy()
{
    v1::Tenant t;
    t.set_id("galaxy");
    v1::QuotaLimit *h100 = t.add_quotas();
    h100->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    h100->set_max_accelerators(1976);
    v1::QuotaLimit *all = t.add_quotas();
    all->set_all_models(true);
    all->set_max_accelerators(4000);
    all->set_max_accelerator_hours(100);
    v1::QuotaUsage *used = t.add_usage();
    used->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    used->set_accelerators_in_use(1894);
    used->set_accelerator_hours_used(120.5);
    v1::Project *p = t.add_projects();
    p->set_id("galaxy-llm");
    p->set_tenant("galaxy");
    v1::QuotaLimit *pAll = p->add_quotas();
    pAll->set_all_models(true);
    pAll->set_max_accelerators(16);
    v1::QuotaUsage *pUsed = p->add_usage();
    pUsed->set_all_models(true);
    pUsed->set_accelerators_in_use(8);
    return t;
}

} // namespace

TEST(Describe, AQuotaReasonSaysWhatIsMissingWithTheTenantsCurrentFigures)
{
    v1::Job job;
    job.set_state(v1::JOB_STATE_PENDING);
    job.set_tenant("galaxy");
    job.set_project("galaxy-llm");
    job.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    job.set_accelerators(912);
    job.set_pending_reason(v1::PENDING_REASON_TENANT_QUOTA);
    // What the scheduler saw when it last looked: stale, and never shown.
    job.set_quota_used(1731);
    job.set_quota_limit(1976);
    v1::Tenant tenant = galaxy();
    EXPECT_EQ(pendingReasonText(job, &tenant),
        "waiting: needs 912 H100; tenant galaxy uses 1,894 of 1,976");
    // The tenant's use moves on; the job does not change, the words follow.
    tenant.mutable_usage(0)->set_accelerators_in_use(1929);
    EXPECT_EQ(pendingReasonText(job, &tenant),
        "waiting: needs 912 H100; tenant galaxy uses 1,929 of 1,976");
    // Without the tenant's figures: what it needs and whose limit, no numbers.
    EXPECT_EQ(pendingReasonText(job),
        "waiting: needs 912 H100, more than tenant galaxy's quota leaves free");
    // Another tenant's record says nothing of this job.
    v1::Tenant other = galaxy();
    other.set_id("nebula");
    EXPECT_EQ(pendingReasonText(job, &other),
        "waiting: needs 912 H100, more than tenant galaxy's quota leaves free");

    job.set_accelerators(16);
    job.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
    job.set_quota_all_models(true);
    EXPECT_EQ(pendingReasonText(job, &tenant),
        "waiting: needs 16 accelerators; project galaxy-llm uses 8 of 16 across all models");
    job.set_pending_reason(v1::PENDING_REASON_TENANT_HOURS);
    EXPECT_EQ(pendingReasonText(job, &tenant),
        "waiting: tenant galaxy has used 120 of its 100 accelerator-hours across all models this "
        "month");
    EXPECT_EQ(pendingReasonText(job),
        "waiting: tenant galaxy's accelerator-hours across all models for this month are used up");
}

TEST(Describe, PendingReasonInPlainWords)
{
    v1::Job job;
    job.set_state(v1::JOB_STATE_PENDING);
    job.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    job.set_pending_reason(v1::PENDING_REASON_RESOURCES);
    EXPECT_EQ(pendingReasonText(job), "waiting for free H100 accelerators");
    job.set_pending_reason(v1::PENDING_REASON_PRIORITY);
    EXPECT_EQ(pendingReasonText(job), "waiting: jobs of higher priority are ahead");
    job.set_pending_reason(v1::PENDING_REASON_HELD_BY_USER);
    EXPECT_EQ(pendingReasonText(job), "held by a user");
    job.set_pending_reason(v1::PENDING_REASON_OTHER);
    job.set_pending_reason_raw("AssocGrpGRES");
    EXPECT_EQ(pendingReasonText(job), "waiting (scheduler says AssocGrpGRES)");
    job.set_state(v1::JOB_STATE_HELD);
    EXPECT_EQ(pendingReasonText(job), "held by a user");
    // An operator's hold (Slurm's JobHeldAdmin) is not the user's.
    job.set_pending_reason(v1::PENDING_REASON_HELD_BY_ADMIN);
    EXPECT_EQ(pendingReasonText(job), "held by an operator");
    job.set_state(v1::JOB_STATE_RUNNING);
    EXPECT_EQ(pendingReasonText(job), "");
}
