#pragma once

#include "common/QuotaRules.h"
#include "suanli/v1/auth.pb.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace suanli::app {

// QuotaImpact is what approving a quota request would change, worked out from the console's
// copy of the centre: the limit asked for against the one in force, the tenant's quota and how
// much of it its projects hold now and after, what the tenant uses, what the centre has left of
// the model, how many more accelerators could then start and which limit stops them, and
// whether only a centre admin may approve (the gateway's own rules, common's QuotaRules: a
// request for the tenant's own quota, or one that takes its projects beyond the tenant's quota;
// and a model's limit that a limit across all models below it keeps from mattering is refused).
struct QuotaImpact {
    Q_DECLARE_TR_FUNCTIONS(QuotaImpact)
public:
    // False when the request's tenant (or project) is not in the console's copy; the figures
    // below are then those the request itself carries.
    bool known = false;
    // One model's limit, or the one across all models.
    QuotaKind kind;
    // True when a project's limit is asked for, false for the tenant's own.
    bool forProject = false;

    // The limit of what is asked for (project or tenant): in force now, and after approval.
    qint64 limitNow = 0;
    qint64 limitAfter = 0;
    qint64 hoursNow = 0; // accelerator-hours a month, 0 = no limit
    qint64 hoursAfter = 0;
    // In use now by what is asked for (the project, or the tenant).
    qint64 targetInUse = 0;

    // The most the tenant's own limits let it use of the kind (for a model, its limit or the
    // one across all models, whichever is smaller), now and after (it changes only when the
    // request is for the tenant's own quota).
    qint64 tenantLimitNow = 0;
    qint64 tenantLimitAfter = 0;
    // What the tenant's projects hold of it (the sum of theirs), now and after.
    qint64 projectsHoldNow = 0;
    qint64 projectsHoldAfter = 0;
    // The tenant's accelerators of the kind in use now, and asked for by pending jobs.
    qint64 tenantInUse = 0;
    qint64 tenantPending = 0;

    // A limit that applies to what is asked for: the target's or its tenant's, of the kind
    // asked or across all models; in force after approval.
    struct Limit {
        QString owner; // "tenant galaxy", "project galaxy-chat" (ids)
        QuotaKind kind;
        qint64 limit = 0;
        qint64 inUse = 0;
        qint64 room() const { return std::max<qint64>(0, limit - inUse); }
    };
    // Every limit that applies, the asked one first with its new value.
    QList<Limit> limitsAfter;
    // How many more accelerators of the kind the target could start at once, now and after
    // approval, by every limit that applies (-1: no limit applies); and the one that stops it
    // after (an index into limitsAfter, -1 when none).
    qint64 roomNow = -1;
    qint64 roomAfter = -1;
    int bindingAfter = -1;
    // Per-model limits of the target that still apply to a request across all models.
    QList<Limit> modelLimits;

    // True when approving would change nothing because a limit across all models below the
    // model's limit asked for is reached first (the gateway refuses it): whose and what limit.
    bool changesNothing = false;
    QString changesNothingReason;

    // The centre's accelerators of the kind (from its overview; every model for all models);
    // centreKnown is false when the centre reports none of it.
    bool centreKnown = false;
    qint64 centreTotal = 0;
    qint64 centreInUse = 0;
    qint64 centreFree = 0;
    // The sum of every tenant's quota of the kind, now and after, and what is left of the
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
