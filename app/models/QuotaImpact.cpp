#include "models/QuotaImpact.h"

#include "models/Words.h"

#include <QLocale>

namespace suanli::app {

namespace {

using Limits = google::protobuf::RepeatedPtrField<v1::QuotaLimit>;
using Usages = google::protobuf::RepeatedPtrField<v1::QuotaUsage>;

const v1::QuotaLimit *limitOf(const Limits &limits, v1::AcceleratorModel model)
{
    for (const v1::QuotaLimit &l : limits) {
        if (l.model() == model)
            return &l;
    }
    return nullptr;
}

qint64 maxOf(const Limits &limits, v1::AcceleratorModel model)
{
    const v1::QuotaLimit *l = limitOf(limits, model);
    return l ? l->max_accelerators() : 0;
}

const v1::QuotaUsage *usageOf(const Usages &usages, v1::AcceleratorModel model)
{
    for (const v1::QuotaUsage &u : usages) {
        if (u.model() == model)
            return &u;
    }
    return nullptr;
}

bool acts(v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request)
{
    if (request.state() != v1::QUOTA_REQUEST_STATE_PENDING)
        return false;
    if (role == v1::ROLE_ADMIN)
        return true;
    return role == v1::ROLE_TENANT_MANAGER
        && userTenants.contains(QString::fromStdString(request.tenant()));
}

} // namespace

QuotaImpact QuotaImpact::of(const v1::QuotaRequest &request,
    const QHash<QString, v1::Tenant> &tenants, const v1::Overview &overview, bool allTenants)
{
    QuotaImpact impact;
    const v1::AcceleratorModel model = request.model();
    impact.model = model;
    impact.forProject = !request.project().empty();
    impact.limitNow = request.current_max_accelerators();
    impact.hoursNow = request.current_max_accelerator_hours();
    impact.limitAfter = request.max_accelerators();
    impact.hoursAfter = request.max_accelerator_hours();
    impact.needsAdmin = request.needs_admin();
    const QLocale locale;
    const QString modelName = Words::modelName(model);

    for (const v1::AcceleratorCounts &counts : overview.accelerators()) {
        if (counts.model() != model)
            continue;
        impact.centreKnown = true;
        impact.centreTotal += counts.total();
        impact.centreInUse += counts.in_use();
        impact.centreFree += counts.free();
    }

    const auto tenantIt = tenants.constFind(QString::fromStdString(request.tenant()));
    const v1::Project *project = nullptr;
    if (tenantIt != tenants.constEnd() && impact.forProject) {
        for (const v1::Project &p : tenantIt->projects()) {
            if (p.id() == request.project())
                project = &p;
        }
    }
    if (tenantIt == tenants.constEnd() || (impact.forProject && !project)) {
        if (impact.needsAdmin)
            impact.needsAdminReason = tr("The gateway marked this request for a centre admin.");
        return impact;
    }
    const v1::Tenant &tenant = tenantIt.value();
    impact.known = true;

    // The limit in force now, from the live copy: it may have moved since the request.
    const Limits &targetLimits = project ? project->quotas() : tenant.quotas();
    const v1::QuotaLimit *current = limitOf(targetLimits, model);
    impact.limitNow = current ? current->max_accelerators() : 0;
    impact.hoursNow = current ? current->max_accelerator_hours() : 0;
    const v1::QuotaUsage *targetUsage = usageOf(project ? project->usage() : tenant.usage(), model);
    impact.targetInUse = targetUsage ? targetUsage->accelerators_in_use() : 0;

    impact.tenantLimitNow = maxOf(tenant.quotas(), model);
    impact.tenantLimitAfter = impact.forProject ? impact.tenantLimitNow : impact.limitAfter;
    for (const v1::Project &p : tenant.projects()) {
        const qint64 held = maxOf(p.quotas(), model);
        impact.projectsHoldNow += held;
        impact.projectsHoldAfter += project == &p ? impact.limitAfter : held;
    }
    if (const v1::QuotaUsage *usage = usageOf(tenant.usage(), model)) {
        impact.tenantInUse = usage->accelerators_in_use();
        impact.tenantPending = usage->accelerators_pending();
    }

    if (allTenants) {
        impact.committedKnown = true;
        for (const v1::Tenant &t : tenants) {
            const qint64 limit = maxOf(t.quotas(), model);
            impact.committedNow += limit;
            impact.committedAfter += t.id() == tenant.id() ? impact.tenantLimitAfter : limit;
        }
    }

    // The gateway's rule (TenancyService::needsAdmin), on the live copy.
    const QString tenantId = QString::fromStdString(tenant.id());
    if (!impact.forProject) {
        impact.needsAdmin = true;
        impact.needsAdminReason
            = tr("It changes tenant %1's own quota, which only a centre admin sets.").arg(tenantId);
    } else if (impact.projectsHoldAfter > impact.tenantLimitNow) {
        impact.needsAdmin = true;
        impact.needsAdminReason
            = tr("Its projects would hold %1 %2 against tenant %3's quota of %4.")
                  .arg(locale.toString(impact.projectsHoldAfter), modelName, tenantId,
                      locale.toString(impact.tenantLimitNow));
    } else {
        impact.needsAdmin = false;
    }
    return impact;
}

bool QuotaImpact::mayApprove(
    v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request, bool needsAdmin)
{
    if (!acts(role, userTenants, request))
        return false;
    return role == v1::ROLE_ADMIN || !needsAdmin;
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
