#pragma once

#include "suanli/v1/auth.pb.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace suanli::app {

// QuotaImpact is what approving a quota request would change, worked out from the console's
// copy of the centre: the limit asked for against the one in force, the tenant's quota and how
// much of it its projects hold now and after, what the tenant uses, what the centre has left of
// the model, and whether only a centre admin may approve (the gateway's own rule: a request for
// the tenant's own quota, or one that takes its projects beyond the tenant's quota).
struct QuotaImpact {
    Q_DECLARE_TR_FUNCTIONS(QuotaImpact)
public:
    // False when the request's tenant (or project) is not in the console's copy; the figures
    // below are then those the request itself carries.
    bool known = false;
    v1::AcceleratorModel model = v1::ACCELERATOR_MODEL_UNSPECIFIED;
    // True when a project's limit is asked for, false for the tenant's own.
    bool forProject = false;

    // The limit of what is asked for (project or tenant): in force now, and after approval.
    qint64 limitNow = 0;
    qint64 limitAfter = 0;
    qint64 hoursNow = 0; // accelerator-hours a month, 0 = no limit
    qint64 hoursAfter = 0;
    // In use now by what is asked for (the project, or the tenant).
    qint64 targetInUse = 0;

    // The tenant's own quota for the model, now and after (it changes only when the request is
    // for the tenant's own quota).
    qint64 tenantLimitNow = 0;
    qint64 tenantLimitAfter = 0;
    // What the tenant's projects hold of it (the sum of their limits), now and after.
    qint64 projectsHoldNow = 0;
    qint64 projectsHoldAfter = 0;
    // The tenant's accelerators of the model in use now, and asked for by pending jobs.
    qint64 tenantInUse = 0;
    qint64 tenantPending = 0;

    // The centre's accelerators of the model (from its overview); centreKnown is false when
    // the centre reports none of the model.
    bool centreKnown = false;
    qint64 centreTotal = 0;
    qint64 centreInUse = 0;
    qint64 centreFree = 0;
    // The sum of every tenant's quota for the model, now and after, and what is left of the
    // centre once those are counted; only when the console sees every tenant (allTenants).
    bool committedKnown = false;
    qint64 committedNow = 0;
    qint64 committedAfter = 0;
    qint64 capacityLeftNow() const { return centreTotal - committedNow; }
    qint64 capacityLeftAfter() const { return centreTotal - committedAfter; }

    // True when only a centre admin may approve, and why in words.
    bool needsAdmin = false;
    QString needsAdminReason;

    // Works out the impact of `request` on `tenants` (the console's copy) and a centre with
    // `overview`. allTenants: the copy holds every tenant of the centre (an admin's, a
    // viewer's or an operator's view; a tenant manager sees only their own).
    static QuotaImpact of(const v1::QuotaRequest &request,
        const QHash<QString, v1::Tenant> &tenants, const v1::Overview &overview, bool allTenants);

    // True when a user with `role` acting for `userTenants` may approve the pending request
    // (with the impact's needsAdmin); reject needs the same role and scope but no admin.
    static bool mayApprove(v1::Role role, const QStringList &userTenants,
        const v1::QuotaRequest &request, bool needsAdmin);
    static bool mayReject(
        v1::Role role, const QStringList &userTenants, const v1::QuotaRequest &request);
    // True for a pending request this user may approve: what the sidebar badge counts. A
    // request beyond a tenant manager's quota waits for an admin, so theirs does not count it.
    static bool awaitsDecisionBy(v1::Role role, const QStringList &userTenants,
        const v1::QuotaRequest &request, bool needsAdmin);
};

} // namespace suanli::app
