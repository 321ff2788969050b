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

TEST(Describe, PendingReasonInPlainWords)
{
    v1::Job job;
    job.set_state(v1::JOB_STATE_PENDING);
    job.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    job.set_pending_reason(v1::PENDING_REASON_TENANT_QUOTA);
    job.set_quota_used(64);
    job.set_quota_limit(64);
    EXPECT_EQ(pendingReasonText(job), "waiting: tenant quota for Ascend 910B reached (64/64)");
    job.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
    job.set_quota_used(30);
    job.set_quota_limit(32);
    EXPECT_EQ(pendingReasonText(job), "waiting: project quota for Ascend 910B reached (30/32)");
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

TEST(Describe, AQuotaAcrossAllModelsIsNamedSo)
{
    // An A100 job held back by its tenant's one limit on every model together (Slurm's
    // untyped gres/gpu=8): the figures are of that limit, not of the A100's.
    v1::Job job;
    job.set_state(v1::JOB_STATE_PENDING);
    job.set_model(v1::ACCELERATOR_MODEL_NVIDIA_A100);
    job.set_pending_reason(v1::PENDING_REASON_TENANT_QUOTA);
    job.set_quota_used(7);
    job.set_quota_limit(8);
    job.set_quota_all_models(true);
    EXPECT_EQ(pendingReasonText(job), "waiting: tenant quota across all models reached (7/8)");
    job.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
    EXPECT_EQ(pendingReasonText(job), "waiting: project quota across all models reached (7/8)");
    job.set_pending_reason(v1::PENDING_REASON_TENANT_HOURS);
    job.set_quota_used(100);
    job.set_quota_limit(100);
    EXPECT_EQ(pendingReasonText(job),
        "waiting: tenant's accelerator-hours across all models for this month are used up "
        "(100/100 h)");
}
