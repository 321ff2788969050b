#include "common/QuotaRules.h"

#include "common/Describe.h"

#include <algorithm>

namespace suanli {

std::string quotaKindName(QuotaKind kind)
{
    return kind.allModels ? std::string("all models") : modelShortName(kind.model);
}

std::optional<QuotaKind> parseQuotaKind(std::string_view text)
{
    std::string key;
    for (const char c : text)
        key += c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c == '_' ? '-' : c;
    if (key == "all" || key == "all-models")
        return QuotaKind::acrossAllModels();
    if (const auto model = parseModel(text))
        return QuotaKind { *model, false };
    return std::nullopt;
}

const v1::QuotaLimit *findQuotaLimit(const QuotaLimits &limits, QuotaKind kind)
{
    for (const v1::QuotaLimit &l : limits)
        if (QuotaKind::of(l) == kind)
            return &l;
    return nullptr;
}

const v1::QuotaUsage *findQuotaUsage(const QuotaUsages &usages, QuotaKind kind)
{
    for (const v1::QuotaUsage &u : usages)
        if (QuotaKind::of(u) == kind)
            return &u;
    return nullptr;
}

namespace {

template <typename Value, typename Field>
Value usageSum(const QuotaUsages &usages, QuotaKind kind, Field field)
{
    if (const v1::QuotaUsage *u = findQuotaUsage(usages, kind))
        return (u->*field)();
    if (!kind.allModels)
        return 0;
    Value sum = 0;
    for (const v1::QuotaUsage &u : usages)
        if (!u.all_models())
            sum += (u.*field)();
    return sum;
}

} // namespace

int64_t quotaInUse(const QuotaUsages &usages, QuotaKind kind)
{
    return usageSum<int64_t>(usages, kind, &v1::QuotaUsage::accelerators_in_use);
}

int64_t quotaPending(const QuotaUsages &usages, QuotaKind kind)
{
    return usageSum<int64_t>(usages, kind, &v1::QuotaUsage::accelerators_pending);
}

std::optional<int64_t> quotaCap(const QuotaLimits &limits, QuotaKind kind)
{
    const v1::QuotaLimit *all = findQuotaLimit(limits, QuotaKind::acrossAllModels());
    if (kind.allModels) {
        if (all)
            return all->max_accelerators();
        std::optional<int64_t> sum;
        for (const v1::QuotaLimit &l : limits)
            if (!l.all_models())
                sum = sum.value_or(0) + l.max_accelerators();
        return sum;
    }
    const v1::QuotaLimit *own = findQuotaLimit(limits, kind);
    if (own && all)
        return std::min(own->max_accelerators(), all->max_accelerators());
    if (own)
        return own->max_accelerators();
    if (all)
        return all->max_accelerators();
    return std::nullopt;
}

std::optional<int64_t> quotaCapWith(const QuotaLimits &limits, QuotaKind kind, int64_t accelerators)
{
    QuotaLimits changed = limits;
    v1::QuotaLimit *limit = nullptr;
    for (v1::QuotaLimit &l : changed)
        if (QuotaKind::of(l) == kind)
            limit = &l;
    if (!limit) {
        limit = changed.Add();
        limit->set_model(kind.allModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED : kind.model);
        limit->set_all_models(kind.allModels);
    }
    limit->set_max_accelerators(accelerators);
    return quotaCap(changed, kind);
}

ProjectsHold projectsHold(
    const v1::Tenant &tenant, const std::string &project, QuotaKind kind, int64_t accelerators)
{
    ProjectsHold hold;
    hold.tenantCap = quotaCap(tenant.quotas(), kind).value_or(0);
    for (const v1::Project &p : tenant.projects()) {
        const int64_t now = quotaCap(p.quotas(), kind).value_or(0);
        hold.now += now;
        hold.after
            += p.id() == project ? quotaCapWith(p.quotas(), kind, accelerators).value_or(0) : now;
    }
    return hold;
}

AdminRule adminRule(
    const v1::Tenant &tenant, const std::string &project, QuotaKind kind, int64_t accelerators)
{
    AdminRule rule;
    if (project.empty()) {
        rule.needsAdmin = rule.tenantsOwn = true;
        return rule;
    }
    rule.hold = projectsHold(tenant, project, kind, accelerators);
    rule.needsAdmin = rule.hold.after > rule.hold.tenantCap;
    return rule;
}

std::optional<AllModelsLimit> allModelsLimitBelow(
    const v1::Tenant &tenant, const std::string &project, int64_t accelerators)
{
    std::optional<AllModelsLimit> lowest;
    auto consider = [&](const QuotaLimits &limits, const std::string &owner, bool tenants) {
        const v1::QuotaLimit *all = findQuotaLimit(limits, QuotaKind::acrossAllModels());
        if (!all || all->max_accelerators() >= accelerators)
            return;
        if (!lowest || all->max_accelerators() < lowest->limit)
            lowest = AllModelsLimit { owner, tenants, all->max_accelerators() };
    };
    if (!project.empty()) {
        if (const v1::Project *p = projectOf(tenant, project))
            consider(p->quotas(), p->id(), false);
    }
    consider(tenant.quotas(), tenant.id(), !project.empty());
    return lowest;
}

std::vector<QuotaRow> quotaRows(const QuotaLimits &limits, const QuotaUsages &usages)
{
    std::vector<QuotaRow> rows;
    auto rowOf = [&](QuotaKind kind) -> QuotaRow & {
        for (QuotaRow &r : rows)
            if (r.kind == kind)
                return r;
        return rows.emplace_back(QuotaRow { kind });
    };
    for (const v1::QuotaLimit &l : limits)
        rowOf(QuotaKind::of(l)).limit = &l;
    for (const v1::QuotaUsage &u : usages)
        rowOf(QuotaKind::of(u)).usage = &u;
    std::stable_sort(rows.begin(), rows.end(), [](const QuotaRow &a, const QuotaRow &b) {
        if (a.kind.allModels != b.kind.allModels)
            return a.kind.allModels;
        return !a.kind.allModels && a.kind.model < b.kind.model;
    });
    return rows;
}

std::optional<std::string> quotaLimitProblem(const v1::QuotaLimit &limit, std::string_view field)
{
    const std::string f = field.empty() ? std::string() : std::string(field) + ".";
    if (limit.all_models() && limit.model() != v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return f + "model must be unset with " + f + "all_models (got "
            + v1::AcceleratorModel_Name(limit.model()) + ")";
    if (!limit.all_models() && limit.model() == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return f + "model is required, or " + f + "all_models for the limit across all models";
    if (limit.max_accelerators() < 0)
        return f + "max_accelerators must be >= 0 (got " + std::to_string(limit.max_accelerators())
            + ")";
    if (limit.max_accelerator_hours() < 0)
        return f + "max_accelerator_hours must be >= 0 (got "
            + std::to_string(limit.max_accelerator_hours()) + ")";
    return std::nullopt;
}

const v1::Project *projectOf(const v1::Tenant &tenant, const std::string &id)
{
    for (const v1::Project &p : tenant.projects())
        if (p.id() == id)
            return &p;
    return nullptr;
}

const QuotaLimits *quotaLimitsOf(const v1::Tenant &tenant, const std::string &project)
{
    if (project.empty())
        return &tenant.quotas();
    const v1::Project *p = projectOf(tenant, project);
    return p ? &p->quotas() : nullptr;
}

const QuotaUsages *quotaUsagesOf(const v1::Tenant &tenant, const std::string &project)
{
    if (project.empty())
        return &tenant.usage();
    const v1::Project *p = projectOf(tenant, project);
    return p ? &p->usage() : nullptr;
}

std::optional<QuotaStanding> quotaStanding(const v1::Job &job, const v1::Tenant &tenant)
{
    if (job.state() != v1::JOB_STATE_PENDING || job.tenant() != tenant.id())
        return std::nullopt;
    QuotaStanding standing;
    switch (job.pending_reason()) {
    case v1::PENDING_REASON_TENANT_QUOTA:
        break;
    case v1::PENDING_REASON_PROJECT_QUOTA:
        standing.project = true;
        break;
    case v1::PENDING_REASON_TENANT_HOURS:
        standing.hours = true;
        break;
    default:
        return std::nullopt;
    }
    if (standing.project && job.project().empty())
        return std::nullopt;
    standing.owner = standing.project ? job.project() : tenant.id();
    standing.allModels = job.quota_all_models();
    const QuotaKind kind
        = standing.allModels ? QuotaKind::acrossAllModels() : QuotaKind { job.model(), false };
    const std::string account = standing.project ? job.project() : std::string();
    const QuotaLimits *limits = quotaLimitsOf(tenant, account);
    const QuotaUsages *usages = quotaUsagesOf(tenant, account);
    if (!limits || !usages)
        return std::nullopt;
    const v1::QuotaLimit *limit = findQuotaLimit(*limits, kind);
    if (!limit)
        return std::nullopt;
    if (standing.hours) {
        if (limit->max_accelerator_hours() <= 0)
            return std::nullopt;
        standing.limit = limit->max_accelerator_hours();
        standing.used = static_cast<int64_t>(
            usageSum<double>(*usages, kind, &v1::QuotaUsage::accelerator_hours_used));
    } else {
        standing.limit = limit->max_accelerators();
        standing.used = quotaInUse(*usages, kind);
    }
    return standing;
}

} // namespace suanli
