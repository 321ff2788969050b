#pragma once

#include "suanli/v1/auth.pb.h"
#include "suanli/v1/common.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The rules of quotas that the gateway enforces and the console previews, in one place so both
// decide alike: which limit is which (one model's, or the one across all models), how much an
// account's limits let it use, when a request needs a centre admin, and when a model's limit
// would change nothing because a limit across all models below it is reached first.
namespace suanli {

using QuotaLimits = google::protobuf::RepeatedPtrField<v1::QuotaLimit>;
using QuotaUsages = google::protobuf::RepeatedPtrField<v1::QuotaUsage>;

// Which limit: one model's, or (allModels, model UNSPECIFIED) the one across all models.
struct QuotaKind {
    v1::AcceleratorModel model = v1::ACCELERATOR_MODEL_UNSPECIFIED;
    bool allModels = false;

    static QuotaKind acrossAllModels() { return { v1::ACCELERATOR_MODEL_UNSPECIFIED, true }; }
    static QuotaKind of(const v1::QuotaLimit &limit)
    {
        return { limit.model(), limit.all_models() };
    }
    static QuotaKind of(const v1::QuotaUsage &usage)
    {
        return { usage.model(), usage.all_models() };
    }
    static QuotaKind of(const v1::QuotaRequest &r) { return { r.model(), r.all_models() }; }
    static QuotaKind of(const v1::CreateQuotaRequestRequest &r)
    {
        return { r.model(), r.all_models() };
    }
    bool operator==(const QuotaKind &other) const
    {
        return allModels == other.allModels && (allModels || model == other.model);
    }
};

// "all models" or the model's short name ("A100"), for logs, the audit log and suanlictl.
std::string quotaKindName(QuotaKind kind);
// What suanlictl's --model takes: a model as parseModel() reads it, or "all" (also "all-models",
// "all_models", in any case) for the limit across all models.
std::optional<QuotaKind> parseQuotaKind(std::string_view text);

// The limit or use of that kind; nullptr when there is none.
const v1::QuotaLimit *findQuotaLimit(const QuotaLimits &limits, QuotaKind kind);
const v1::QuotaUsage *findQuotaUsage(const QuotaUsages &usages, QuotaKind kind);
// Accelerators in use (and asked for by pending jobs) of that kind; across all models the use
// the backend sends for it, else the sum over the models.
int64_t quotaInUse(const QuotaUsages &usages, QuotaKind kind);
int64_t quotaPending(const QuotaUsages &usages, QuotaKind kind);

// The most accelerators of that kind an account's own limits let it use at once: for a model,
// its limit for the model or the one across all models, whichever is smaller; across all
// models, that limit, else the sum of its models' limits. nullopt when none applies.
std::optional<int64_t> quotaCap(const QuotaLimits &limits, QuotaKind kind);
// The same with the account's limit of that kind set to `accelerators`.
std::optional<int64_t> quotaCapWith(
    const QuotaLimits &limits, QuotaKind kind, int64_t accelerators);

// How much of a tenant's quota of a kind its projects hold: the tenant's cap (0 without one)
// and the sum of its projects' caps (0 for a project without one), now and with `project`'s
// limit of that kind set to `accelerators`.
struct ProjectsHold {
    int64_t tenantCap = 0;
    int64_t now = 0;
    int64_t after = 0;
};
ProjectsHold projectsHold(
    const v1::Tenant &tenant, const std::string &project, QuotaKind kind, int64_t accelerators);

// Whether only a centre admin may grant `accelerators` of a kind to `project` (empty: the
// tenant's own quota): a tenant's own quota is the centre's to set, and a tenant manager
// decides within the tenant's quota, so a grant that takes its projects beyond it is too.
struct AdminRule {
    bool needsAdmin = false;
    bool tenantsOwn = false; // needs an admin because it is the tenant's own quota
    ProjectsHold hold; // for a project's
};
AdminRule adminRule(
    const v1::Tenant &tenant, const std::string &project, QuotaKind kind, int64_t accelerators);

// A limit across all models below `accelerators`, the account's own or (for a project) its
// tenant's, is reached before a model's limit of `accelerators` could be: setting that model's
// limit would change nothing. The lowest such limit and whose it is; nullopt when none.
struct AllModelsLimit {
    std::string owner; // tenant or project id
    bool tenants = false; // the tenant's, where a project's model limit was asked for
    int64_t limit = 0;
};
std::optional<AllModelsLimit> allModelsLimitBelow(
    const v1::Tenant &tenant, const std::string &project, int64_t accelerators);

// One kind of quota an account has a limit or a use of: the limit (nullptr: none) and the use
// (nullptr: none sent) of that kind.
struct QuotaRow {
    QuotaKind kind;
    const v1::QuotaLimit *limit = nullptr;
    const v1::QuotaUsage *usage = nullptr;
};
// An account's limits and uses paired by kind: the one across all models first, then one per
// model in the order of the model's number. Pointers into `limits` and `usages`.
std::vector<QuotaRow> quotaRows(const QuotaLimits &limits, const QuotaUsages &usages);

// What is wrong with a limit to set, in words naming its fields within `field` ("limit" gives
// "limit.model is required, ..."; empty: the fields' own names): a model and across all models
// at once, neither, or a count below zero. nullopt for a limit that can be set.
std::optional<std::string> quotaLimitProblem(const v1::QuotaLimit &limit, std::string_view field);

// A tenant's project by id; nullptr when it has none of that id.
const v1::Project *projectOf(const v1::Tenant &tenant, const std::string &id);
// The limits and the use of a tenant's own quota (project empty) or of its project; nullptr
// when the tenant has no such project.
const QuotaLimits *quotaLimitsOf(const v1::Tenant &tenant, const std::string &project);
const QuotaUsages *quotaUsagesOf(const v1::Tenant &tenant, const std::string &project);

// The limit that holds a waiting job back, with its figures as the tenant's record says them
// now. The job says which limit (its pending reason names the tenant's or the project's, or the
// tenant's accelerator-hours; quota_all_models the limit across all models or its model's) and
// what it needs; the use and the limit come from the tenant, so every job held by one limit
// shows the same current figures, never those of the scheduler's last look at each job.
struct QuotaStanding {
    std::string owner; // the tenant's or the project's id
    bool project = false; // the project's limit, not the tenant's
    bool allModels = false; // the limit across all models, not the job's model's
    bool hours = false; // accelerator-hours this month, not accelerators at once
    int64_t used = 0; // accelerators in use, or whole accelerator-hours used
    int64_t limit = 0;
};
// nullopt for a job that waits for no quota, a tenant that is not the job's, or a limit the
// tenant's record does not have (any more).
std::optional<QuotaStanding> quotaStanding(const v1::Job &job, const v1::Tenant &tenant);

// Tenant scope: an admin acts for every tenant, anyone else for the tenants named on their
// account (`userTenants`, strings comparable with a std::string_view).
template <class Tenants>
bool actsForTenant(v1::Role role, const Tenants &userTenants, std::string_view tenant)
{
    if (role == v1::ROLE_ADMIN)
        return true;
    for (const auto &t : userTenants)
        if (std::string_view(t) == tenant)
            return true;
    return false;
}
// Whether the tenants and quota requests a user lists and watches are only those of the
// tenants they act for: a tenant manager's are; other roles see the whole centre.
inline bool seesOnlyOwnTenants(v1::Role role)
{
    return role == v1::ROLE_TENANT_MANAGER;
}
// Whether a user who may decide a tenant's requests may approve one that needs a centre admin
// (adminRule): only an admin; within the tenant's quota, a tenant manager too.
inline bool mayApproveWith(v1::Role role, bool needsAdmin)
{
    return role == v1::ROLE_ADMIN || !needsAdmin;
}

} // namespace suanli
