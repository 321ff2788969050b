// The quota rules the gateway enforces and the console previews: a limit across all models
// caps every model's use together, a tenant manager decides within the tenant's quota of that
// kind, and a model's limit above a limit across all models is one that changes nothing.
#include "common/QuotaRules.h"

#include <gtest/gtest.h>

using namespace suanli;
namespace v1 = suanli::v1;

namespace {

constexpr auto kA100 = v1::ACCELERATOR_MODEL_NVIDIA_A100;
constexpr auto k910B = v1::ACCELERATOR_MODEL_ASCEND_910B;

void addLimit(QuotaLimits *limits, QuotaKind kind, int64_t accelerators)
{
    v1::QuotaLimit *l = limits->Add();
    l->set_model(kind.model);
    l->set_all_models(kind.allModels);
    l->set_max_accelerators(accelerators);
}

void addUsage(QuotaUsages *usages, QuotaKind kind, int64_t inUse, int64_t pending = 0)
{
    v1::QuotaUsage *u = usages->Add();
    u->set_model(kind.model);
    u->set_all_models(kind.allModels);
    u->set_accelerators_in_use(inUse);
    u->set_accelerators_pending(pending);
}

// The test cluster's tenanta: 8 accelerators across all models, nothing per model; two
// projects without limits of their own.
v1::Tenant tenanta()
{
    v1::Tenant t;
    t.set_id("tenanta");
    addLimit(t.mutable_quotas(), QuotaKind::acrossAllModels(), 8);
    for (const char *id : { "tenanta-nlp", "tenanta-cv" }) {
        v1::Project *p = t.add_projects();
        p->set_id(id);
        p->set_tenant("tenanta");
    }
    return t;
}

} // namespace

TEST(QuotaRules, KindsAreOneModelOrAllModels)
{
    EXPECT_EQ((QuotaKind { kA100, false }), (QuotaKind { kA100, false }));
    EXPECT_FALSE((QuotaKind { kA100, false }) == (QuotaKind { k910B, false }));
    EXPECT_FALSE(
        (QuotaKind { v1::ACCELERATOR_MODEL_UNSPECIFIED, false }) == QuotaKind::acrossAllModels());
    EXPECT_EQ(quotaKindName(QuotaKind::acrossAllModels()), "all models");
    EXPECT_EQ(quotaKindName({ kA100, false }), "A100");
    for (const char *all : { "all", "ALL", "all-models", "all_models" })
        EXPECT_EQ(parseQuotaKind(all), QuotaKind::acrossAllModels()) << all;
    EXPECT_EQ(parseQuotaKind("a100"), (QuotaKind { kA100, false }));
    EXPECT_EQ(parseQuotaKind("ascend910b"), (QuotaKind { k910B, false }));
    EXPECT_EQ(parseQuotaKind("b200"), std::nullopt);
}

TEST(QuotaRules, ALimitAcrossAllModelsCapsEachModel)
{
    QuotaLimits limits;
    addLimit(&limits, QuotaKind::acrossAllModels(), 8);
    addLimit(&limits, { kA100, false }, 12);
    addLimit(&limits, { k910B, false }, 4);
    EXPECT_EQ(quotaCap(limits, { kA100, false }), 8);
    EXPECT_EQ(quotaCap(limits, { k910B, false }), 4);
    // A model with no limit of its own has the limit across all models.
    EXPECT_EQ(quotaCap(limits, { v1::ACCELERATOR_MODEL_NVIDIA_H100, false }), 8);
    EXPECT_EQ(quotaCap(limits, QuotaKind::acrossAllModels()), 8);
    EXPECT_EQ(quotaCapWith(limits, QuotaKind::acrossAllModels(), 16), 16);
    EXPECT_EQ(quotaCapWith(limits, { kA100, false }, 6), 6);

    // Per-model limits alone: together they are the most across models.
    QuotaLimits typed;
    addLimit(&typed, { kA100, false }, 12);
    addLimit(&typed, { k910B, false }, 4);
    EXPECT_EQ(quotaCap(typed, QuotaKind::acrossAllModels()), 16);
    EXPECT_EQ(quotaCap(typed, { v1::ACCELERATOR_MODEL_NVIDIA_H100, false }), std::nullopt);
    EXPECT_EQ(quotaCap(QuotaLimits(), QuotaKind::acrossAllModels()), std::nullopt);
}

TEST(QuotaRules, UseAcrossAllModelsIsTheBackendsOrTheSum)
{
    QuotaUsages usages;
    addUsage(&usages, { kA100, false }, 6, 2);
    addUsage(&usages, { k910B, false }, 1, 3);
    EXPECT_EQ(quotaInUse(usages, QuotaKind::acrossAllModels()), 7);
    EXPECT_EQ(quotaPending(usages, QuotaKind::acrossAllModels()), 5);
    EXPECT_EQ(quotaInUse(usages, { kA100, false }), 6);
    // The backend's own figure counts jobs of models it could not name.
    addUsage(&usages, QuotaKind::acrossAllModels(), 9, 7);
    EXPECT_EQ(quotaInUse(usages, QuotaKind::acrossAllModels()), 9);
    EXPECT_EQ(quotaPending(usages, QuotaKind::acrossAllModels()), 7);
}

TEST(QuotaRules, ATenantManagerDecidesWithinTheTenantsLimitAcrossAllModels)
{
    const v1::Tenant t = tenanta();
    // A project's A100 limit of 4 fits in the tenant's 8 across all models.
    AdminRule rule = adminRule(t, "tenanta-nlp", { kA100, false }, 4);
    EXPECT_FALSE(rule.needsAdmin);
    EXPECT_EQ(rule.hold.tenantCap, 8);
    EXPECT_EQ(rule.hold.now, 0);
    EXPECT_EQ(rule.hold.after, 4);
    // 10 does not.
    EXPECT_TRUE(adminRule(t, "tenanta-nlp", { kA100, false }, 10).needsAdmin);
    // Nor do projects' limits across all models summing beyond the tenant's.
    v1::Tenant split = t;
    addLimit(split.mutable_projects(1)->mutable_quotas(), QuotaKind::acrossAllModels(), 6);
    rule = adminRule(split, "tenanta-nlp", QuotaKind::acrossAllModels(), 4);
    EXPECT_TRUE(rule.needsAdmin);
    EXPECT_EQ(rule.hold.now, 6);
    EXPECT_EQ(rule.hold.after, 10);
    EXPECT_FALSE(adminRule(split, "tenanta-nlp", QuotaKind::acrossAllModels(), 2).needsAdmin);
    // The tenant's own is the centre's.
    rule = adminRule(t, "", QuotaKind::acrossAllModels(), 10);
    EXPECT_TRUE(rule.needsAdmin);
    EXPECT_TRUE(rule.tenantsOwn);
}

TEST(QuotaRules, AModelLimitAboveALimitAcrossAllModelsChangesNothing)
{
    v1::Tenant t = tenanta();
    // tenanta may run 8 in all: an A100 limit of 10 (its own, or a project's) could never be
    // reached.
    auto below = allModelsLimitBelow(t, "", 10);
    ASSERT_TRUE(below);
    EXPECT_EQ(below->owner, "tenanta");
    EXPECT_FALSE(below->tenants);
    EXPECT_EQ(below->limit, 8);
    below = allModelsLimitBelow(t, "tenanta-nlp", 10);
    ASSERT_TRUE(below);
    EXPECT_EQ(below->owner, "tenanta");
    EXPECT_TRUE(below->tenants);
    EXPECT_FALSE(allModelsLimitBelow(t, "tenanta-nlp", 8));
    // The project's own, when lower, is the one named.
    addLimit(t.mutable_projects(0)->mutable_quotas(), QuotaKind::acrossAllModels(), 4);
    below = allModelsLimitBelow(t, "tenanta-nlp", 6);
    ASSERT_TRUE(below);
    EXPECT_EQ(below->owner, "tenanta-nlp");
    EXPECT_FALSE(below->tenants);
    EXPECT_EQ(below->limit, 4);
    // Without a limit across all models, any model limit can take effect.
    v1::Tenant typed;
    typed.set_id("t");
    addLimit(typed.mutable_quotas(), { kA100, false }, 8);
    EXPECT_FALSE(allModelsLimitBelow(typed, "", 100));
}

TEST(QuotaRules, LimitsAndUseOfATenantOrItsProject)
{
    v1::Tenant t = tenanta();
    addLimit(t.mutable_projects(1)->mutable_quotas(), { kA100, false }, 4);
    addUsage(t.mutable_projects(1)->mutable_usage(), { kA100, false }, 3);
    addUsage(t.mutable_usage(), { kA100, false }, 3);
    ASSERT_NE(quotaLimitsOf(t, ""), nullptr);
    EXPECT_EQ(quotaLimitsOf(t, ""), &t.quotas());
    EXPECT_EQ(quotaUsagesOf(t, ""), &t.usage());
    ASSERT_NE(quotaLimitsOf(t, "tenanta-cv"), nullptr);
    EXPECT_EQ(quotaCap(*quotaLimitsOf(t, "tenanta-cv"), { kA100, false }), 4);
    EXPECT_EQ(quotaInUse(*quotaUsagesOf(t, "tenanta-cv"), { kA100, false }), 3);
    EXPECT_EQ(quotaLimitsOf(t, "tenantb-cv"), nullptr);
    EXPECT_EQ(quotaUsagesOf(t, "tenantb-cv"), nullptr);
}

TEST(QuotaRules, TenantScopeAndWhoApprovesBeyondATenantsQuota)
{
    const std::vector<std::string> mine = { "tenanta" };
    v1::User user;
    user.add_tenants("tenanta");
    EXPECT_TRUE(actsForTenant(v1::ROLE_TENANT_MANAGER, mine, "tenanta"));
    EXPECT_TRUE(actsForTenant(v1::ROLE_TENANT_MANAGER, user.tenants(), "tenanta"));
    EXPECT_FALSE(actsForTenant(v1::ROLE_TENANT_MANAGER, mine, "tenantb"));
    EXPECT_FALSE(actsForTenant(v1::ROLE_OPERATOR, user.tenants(), "tenantb"));
    EXPECT_TRUE(actsForTenant(v1::ROLE_ADMIN, std::vector<std::string>(), "tenantb"));

    EXPECT_TRUE(seesOnlyOwnTenants(v1::ROLE_TENANT_MANAGER));
    EXPECT_FALSE(seesOnlyOwnTenants(v1::ROLE_OPERATOR));
    EXPECT_FALSE(seesOnlyOwnTenants(v1::ROLE_ADMIN));

    // A grant that takes tenanta's projects past its quota of 8 needs a centre admin.
    const AdminRule beyond = adminRule(tenanta(), "tenanta-nlp", QuotaKind::acrossAllModels(), 9);
    ASSERT_TRUE(beyond.needsAdmin);
    EXPECT_FALSE(mayApproveWith(v1::ROLE_TENANT_MANAGER, beyond.needsAdmin));
    EXPECT_TRUE(mayApproveWith(v1::ROLE_ADMIN, beyond.needsAdmin));
    const AdminRule within = adminRule(tenanta(), "tenanta-nlp", QuotaKind::acrossAllModels(), 8);
    ASSERT_FALSE(within.needsAdmin);
    EXPECT_TRUE(mayApproveWith(v1::ROLE_TENANT_MANAGER, within.needsAdmin));
}

TEST(QuotaRules, RowsPairLimitsAndUseByKindAcrossAllModelsFirst)
{
    QuotaLimits limits;
    QuotaUsages usages;
    addLimit(&limits, QuotaKind { k910B, false }, 16);
    addLimit(&limits, QuotaKind::acrossAllModels(), 20);
    addUsage(&usages, QuotaKind { kA100, false }, 3, 1);
    addUsage(&usages, QuotaKind { k910B, false }, 5);

    const std::vector<QuotaRow> rows = quotaRows(limits, usages);
    ASSERT_EQ(rows.size(), 3u);
    // Across all models: a limit, no use sent for it.
    EXPECT_TRUE(rows[0].kind.allModels);
    ASSERT_NE(rows[0].limit, nullptr);
    EXPECT_EQ(rows[0].limit->max_accelerators(), 20);
    EXPECT_EQ(rows[0].usage, nullptr);
    // Then the models in their numbers' order, each with what it has.
    const auto first = std::min(kA100, k910B);
    const auto second = std::max(kA100, k910B);
    EXPECT_EQ(rows[1].kind, (QuotaKind { first, false }));
    EXPECT_EQ(rows[2].kind, (QuotaKind { second, false }));
    const QuotaRow &a100 = rows[1].kind.model == kA100 ? rows[1] : rows[2];
    const QuotaRow &ascend = rows[1].kind.model == k910B ? rows[1] : rows[2];
    EXPECT_EQ(a100.limit, nullptr);
    ASSERT_NE(a100.usage, nullptr);
    EXPECT_EQ(a100.usage->accelerators_in_use(), 3);
    EXPECT_EQ(a100.usage->accelerators_pending(), 1);
    ASSERT_NE(ascend.limit, nullptr);
    EXPECT_EQ(ascend.limit->max_accelerators(), 16);
    ASSERT_NE(ascend.usage, nullptr);
    EXPECT_EQ(ascend.usage->accelerators_in_use(), 5);

    EXPECT_TRUE(quotaRows(QuotaLimits(), QuotaUsages()).empty());
}

TEST(QuotaRules, ALimitToSetNamesOneKindAndNoCountBelowZero)
{
    v1::QuotaLimit limit;
    limit.set_model(kA100);
    limit.set_max_accelerators(8);
    EXPECT_EQ(quotaLimitProblem(limit, "limit"), std::nullopt);

    limit.set_all_models(true);
    EXPECT_EQ(quotaLimitProblem(limit, "limit"),
        "limit.model must be unset with limit.all_models (got ACCELERATOR_MODEL_NVIDIA_A100)");
    limit.set_model(v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(quotaLimitProblem(limit, "limit"), std::nullopt);
    limit.set_all_models(false);
    EXPECT_EQ(quotaLimitProblem(limit, "quota"),
        "quota.model is required, or quota.all_models for the limit across all models");
    EXPECT_EQ(quotaLimitProblem(limit, ""),
        "model is required, or all_models for the limit across all models");

    limit.set_model(k910B);
    limit.set_max_accelerators(-4);
    EXPECT_EQ(quotaLimitProblem(limit, "limit"), "limit.max_accelerators must be >= 0 (got -4)");
    limit.set_max_accelerators(0); // zero: nothing of that kind may run
    EXPECT_EQ(quotaLimitProblem(limit, "limit"), std::nullopt);
    limit.set_max_accelerator_hours(-1);
    EXPECT_EQ(
        quotaLimitProblem(limit, "limit"), "limit.max_accelerator_hours must be >= 0 (got -1)");
}
