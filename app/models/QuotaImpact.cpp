#include "app/models/QuotaImpact.h"

#include "app/models/Words.h"
#include "common/Permissions.h"

#include <QLocale>
#include <algorithm>
#include <tuple>
#include <vector>

namespace suanli::app {

namespace {

using Limits = google::protobuf::RepeatedPtrField<v1::QuotaLimit>;
using Usages = google::protobuf::RepeatedPtrField<v1::QuotaUsage>;

// A pending request a user may decide: their role decides requests (tenant-manager or admin)
// and they act for its tenant (common's tenant scope, as the gateway checks it).
bool acts(v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request)
{
    if (request.state() != v1::QUOTA_REQUEST_STATE_PENDING)
        return false;
    if (!roleMayCall(role, "Tenancy.ApproveQuotaRequest"))
        return false;
    std::vector<std::string> scope;
    scope.reserve(size_t(userTenants.size()));
    for (const QString &t : userTenants)
        scope.push_back(t.toStdString());
    return actsForTenant(role, scope, request.tenant());
}

QString ownerOf(const std::string &tenant, const std::string &project)
{
    return project.empty() ? QuotaImpact::tr("tenant %1").arg(QString::fromStdString(tenant))
                           : QuotaImpact::tr("project %1").arg(QString::fromStdString(project));
}

// The fewest that limits let start (-1 when none applies) and which of them stops it.
std::pair<qint64, int> roomOf(const QList<QuotaImpact::Limit> &limits)
{
    qint64 room = -1;
    int binding = -1;
    for (int i = 0; i < limits.size(); ++i) {
        if (room < 0 || limits.at(i).room() < room) {
            room = limits.at(i).room();
            binding = i;
        }
    }
    return { room, binding };
}

} // namespace

QuotaImpact QuotaImpact::of(const v1::QuotaRequest &request,
    const QHash<QString, v1::Tenant> &tenants, const v1::Overview &overview, bool allTenants)
{
    QuotaImpact impact;
    const QuotaKind kind = QuotaKind::of(request);
    impact.kind = kind;
    impact.forProject = !request.project().empty();
    impact.limitNow = request.current_max_accelerators();
    impact.hoursNow = request.current_max_accelerator_hours();
    impact.limitAfter = request.max_accelerators();
    impact.hoursAfter = request.max_accelerator_hours();
    impact.needsAdmin = request.needs_admin();
    const QLocale locale;

    for (const v1::AcceleratorCounts &counts : overview.accelerators()) {
        if (!kind.allModels && counts.model() != kind.model)
            continue;
        impact.centreKnown = true;
        impact.centreTotal += counts.total();
        impact.centreInUse += counts.in_use();
        impact.centreFree += counts.free();
    }

    const auto tenantIt = tenants.constFind(QString::fromStdString(request.tenant()));
    const v1::Project *project = nullptr;
    if (tenantIt != tenants.constEnd() && impact.forProject)
        project = projectOf(*tenantIt, request.project());
    const Limits *limits
        = tenantIt != tenants.constEnd() ? quotaLimitsOf(*tenantIt, request.project()) : nullptr;
    if (!limits) {
        if (impact.needsAdmin)
            impact.needsAdminReason = tr("The gateway marked this request for a centre admin.");
        return impact;
    }
    const v1::Tenant &tenant = tenantIt.value();
    impact.known = true;

    // The limit in force now, from the live copy: it may have moved since the request.
    const Limits &targetLimits = *limits;
    const Usages &targetUsage = *quotaUsagesOf(tenant, request.project());
    const v1::QuotaLimit *current = findQuotaLimit(targetLimits, kind);
    impact.limitNow = current ? current->max_accelerators() : 0;
    impact.hoursNow = current ? current->max_accelerator_hours() : 0;
    impact.targetInUse = quotaInUse(targetUsage, kind);

    impact.tenantLimitNow = quotaCap(tenant.quotas(), kind).value_or(0);
    impact.tenantLimitAfter = impact.forProject
        ? impact.tenantLimitNow
        : quotaCapWith(tenant.quotas(), kind, impact.limitAfter).value_or(0);
    const ProjectsHold hold = projectsHold(tenant, request.project(), kind, impact.limitAfter);
    impact.projectsHoldNow = hold.now;
    impact.projectsHoldAfter = hold.after;
    impact.tenantInUse = quotaInUse(tenant.usage(), kind);
    impact.tenantPending = quotaPending(tenant.usage(), kind);

    // Every limit that applies to what is asked for, now and after: the asked one, the one
    // across all models beside a model's, and the same of the tenant for a project's.
    const QString targetOwner = ownerOf(tenant.id(), request.project());
    const QString tenantOwner = ownerOf(tenant.id(), {});
    QList<Limit> now;
    auto addLimit = [&](QList<Limit> *out, const QString &owner, const Limits &limits,
                        const Usages &usage, QuotaKind k) {
        if (const v1::QuotaLimit *l = findQuotaLimit(limits, k))
            out->append({ owner, k, l->max_accelerators(), quotaInUse(usage, k) });
    };
    auto addAll = [&](QList<Limit> *out, bool after) {
        if (after)
            out->append({ targetOwner, kind, impact.limitAfter, impact.targetInUse });
        else
            addLimit(out, targetOwner, targetLimits, targetUsage, kind);
        if (!kind.allModels)
            addLimit(out, targetOwner, targetLimits, targetUsage, QuotaKind::acrossAllModels());
        if (project) {
            addLimit(out, tenantOwner, tenant.quotas(), tenant.usage(), kind);
            if (!kind.allModels)
                addLimit(out, tenantOwner, tenant.quotas(), tenant.usage(),
                    QuotaKind::acrossAllModels());
        }
    };
    addAll(&now, false);
    addAll(&impact.limitsAfter, true);
    impact.roomNow = roomOf(now).first;
    std::tie(impact.roomAfter, impact.bindingAfter) = roomOf(impact.limitsAfter);
    if (kind.allModels) {
        for (const v1::QuotaLimit &l : targetLimits) {
            if (!l.all_models())
                impact.modelLimits.append({ targetOwner, QuotaKind::of(l), l.max_accelerators(),
                    quotaInUse(targetUsage, QuotaKind::of(l)) });
        }
    }

    if (allTenants) {
        impact.committedKnown = true;
        for (const v1::Tenant &t : tenants) {
            const qint64 limit = quotaCap(t.quotas(), kind).value_or(0);
            impact.committedNow += limit;
            impact.committedAfter += t.id() == tenant.id() ? impact.tenantLimitAfter : limit;
        }
    }

    // The gateway's rules (TenancyService), on the live copy.
    if (!kind.allModels) {
        if (const auto below = allModelsLimitBelow(tenant, request.project(), impact.limitAfter)) {
            impact.changesNothing = true;
            impact.changesNothingReason
                = tr("Approving it would change nothing: %1's limit across all models is %2 and "
                     "is reached first, so the gateway refuses it. Ask for the limit across all "
                     "models instead.")
                      .arg(ownerOf(tenant.id(),
                               below->tenants || !project ? std::string() : below->owner),
                          locale.toString(below->limit));
        }
    }
    const QString tenantId = QString::fromStdString(tenant.id());
    const AdminRule rule = adminRule(tenant, request.project(), kind, impact.limitAfter);
    impact.needsAdmin = rule.needsAdmin;
    if (rule.tenantsOwn)
        impact.needsAdminReason
            = tr("It changes tenant %1's own quota, which only a centre admin sets.").arg(tenantId);
    else if (rule.needsAdmin && kind.allModels)
        impact.needsAdminReason = tr("Its projects would hold %1 accelerators across all models "
                                     "against tenant %2's limit of %3.")
                                      .arg(locale.toString(impact.projectsHoldAfter), tenantId,
                                          locale.toString(impact.tenantLimitNow));
    else if (rule.needsAdmin)
        impact.needsAdminReason
            = tr("Its projects would hold %1 %2 against tenant %3's quota of %4.")
                  .arg(locale.toString(impact.projectsHoldAfter), Words::modelName(kind.model),
                      tenantId, locale.toString(impact.tenantLimitNow));
    return impact;
}

bool QuotaImpact::mayApprove(
    v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request, bool needsAdmin)
{
    return acts(role, userTenants, request) && mayApproveWith(role, needsAdmin);
}

bool QuotaImpact::mayReject(
    v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request)
{
    return acts(role, userTenants, request);
}

bool QuotaImpact::awaitsDecisionBy(
    v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request, bool needsAdmin)
{
    return mayApprove(role, userTenants, request, needsAdmin);
}

} // namespace suanli::app
