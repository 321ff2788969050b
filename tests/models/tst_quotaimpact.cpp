// What approving a quota request would change, as the quota requests page shows it: limits
// now and after, what the tenant's projects hold of its quota, the centre's capacity left, and
// whether only a centre admin may approve (the gateway's rule, worked out on the live copy).
#include "app/models/QuotaImpact.h"

#include <QtTest>

using namespace suanli;
using namespace suanli::app;

namespace {

constexpr auto kNpu = v1::ACCELERATOR_MODEL_ASCEND_910B;
constexpr auto kGpu = v1::ACCELERATOR_MODEL_NVIDIA_H100;

void addQuota(google::protobuf::RepeatedPtrField<v1::QuotaLimit> *limits,
    v1::AcceleratorModel model, qint64 max, qint64 hours = 0)
{
    v1::QuotaLimit *l = limits->Add();
    l->set_model(model);
    l->set_max_accelerators(max);
    l->set_max_accelerator_hours(hours);
}

void addUsage(google::protobuf::RepeatedPtrField<v1::QuotaUsage> *usages,
    v1::AcceleratorModel model, qint64 inUse, qint64 pending = 0)
{
    v1::QuotaUsage *u = usages->Add();
    u->set_model(model);
    u->set_accelerators_in_use(inUse);
    u->set_accelerators_pending(pending);
}

// The test cluster's tenanta as Slurm has it: gres/gpu=8 across all models, 6 A100 and 1 910B
// in use; its project nlp may run 4 A100 and runs 4.
constexpr auto kA100 = v1::ACCELERATOR_MODEL_NVIDIA_A100;

v1::Tenant tenanta()
{
    v1::Tenant t;
    t.set_id("tenanta");
    v1::QuotaLimit *all = t.add_quotas();
    all->set_all_models(true);
    all->set_max_accelerators(8);
    addUsage(t.mutable_usage(), kA100, 6, 2);
    addUsage(t.mutable_usage(), kNpu, 1);
    v1::QuotaUsage *used = t.add_usage();
    used->set_all_models(true);
    used->set_accelerators_in_use(7);
    used->set_accelerators_pending(2);
    v1::Project *nlp = t.add_projects();
    nlp->set_id("tenanta-nlp");
    addQuota(nlp->mutable_quotas(), kA100, 4);
    addUsage(nlp->mutable_usage(), kA100, 4, 2);
    v1::Project *cv = t.add_projects();
    cv->set_id("tenanta-cv");
    addUsage(cv->mutable_usage(), kA100, 2);
    addUsage(cv->mutable_usage(), kNpu, 1);
    return t;
}

v1::Overview testCluster()
{
    v1::Overview o;
    for (auto model : { kA100, kNpu }) {
        v1::AcceleratorCounts *c = o.add_accelerators();
        c->set_model(model);
        c->set_total(8);
        c->set_in_use(model == kA100 ? 6 : 1);
        c->set_free(model == kA100 ? 2 : 7);
    }
    return o;
}

v1::QuotaRequest tenantaRequest(const std::string &project, bool allModels, qint64 asked)
{
    v1::QuotaRequest r;
    r.set_id("qr-000002");
    r.set_tenant("tenanta");
    r.set_project(project);
    r.set_model(allModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED : kA100);
    r.set_all_models(allModels);
    r.set_max_accelerators(asked);
    r.set_state(v1::QUOTA_REQUEST_STATE_PENDING);
    return r;
}

const QHash<QString, v1::Tenant> kTenanta { { QStringLiteral("tenanta"), tenanta() } };

// galaxy: 64 910B; projects llm (40, 36 in use) and cv (16, 8 in use): 56 of 64 held.
v1::Tenant galaxy()
{
    v1::Tenant t;
    t.set_id("galaxy");
    addQuota(t.mutable_quotas(), kNpu, 64, 20000);
    addUsage(t.mutable_usage(), kNpu, 44, 16);
    v1::Project *llm = t.add_projects();
    llm->set_id("galaxy-llm");
    addQuota(llm->mutable_quotas(), kNpu, 40, 12000);
    addUsage(llm->mutable_usage(), kNpu, 36);
    v1::Project *cv = t.add_projects();
    cv->set_id("galaxy-cv");
    addQuota(cv->mutable_quotas(), kNpu, 16);
    addUsage(cv->mutable_usage(), kNpu, 8);
    return t;
}

v1::Tenant nebula()
{
    v1::Tenant t;
    t.set_id("nebula");
    addQuota(t.mutable_quotas(), kNpu, 128);
    addQuota(t.mutable_quotas(), kGpu, 32);
    return t;
}

QHash<QString, v1::Tenant> tenants()
{
    return { { QStringLiteral("galaxy"), galaxy() }, { QStringLiteral("nebula"), nebula() } };
}

v1::Overview centre()
{
    v1::Overview o;
    v1::AcceleratorCounts *npu = o.add_accelerators();
    npu->set_model(kNpu);
    npu->set_total(512);
    npu->set_in_use(300);
    npu->set_free(200);
    v1::AcceleratorCounts *gpu = o.add_accelerators();
    gpu->set_model(kGpu);
    gpu->set_total(64);
    return o;
}

v1::QuotaRequest request(const std::string &project, qint64 asked, qint64 hours = 0)
{
    v1::QuotaRequest r;
    r.set_id("qr-000001");
    r.set_tenant("galaxy");
    r.set_project(project);
    r.set_model(kNpu);
    r.set_max_accelerators(asked);
    r.set_max_accelerator_hours(hours);
    r.set_current_max_accelerators(40);
    r.set_state(v1::QUOTA_REQUEST_STATE_PENDING);
    return r;
}

const QStringList kGalaxy { QStringLiteral("galaxy") };

} // namespace

class QuotaImpactTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void withinTheTenantsQuota();
    void beyondTheTenantsQuotaNeedsAnAdmin();
    void theTenantsOwnQuotaNeedsAnAdmin();
    void liveLimitsWinOverTheRequestsCopy();
    void unknownTenantKeepsTheGatewaysVerdict();
    void tenantManagerSeesNoCommitment();
    void whoMayDecide();
    void theLimitAcrossAllModelsBindsInThePreview();
    void aModelLimitAboveTheLimitAcrossAllModelsChangesNothing();
    void aRequestAcrossAllModels();
};

void QuotaImpactTest::withinTheTenantsQuota()
{
    // llm 40 -> 48: projects hold 56 -> 64 of 64, exactly the tenant's quota.
    const QuotaImpact impact
        = QuotaImpact::of(request("galaxy-llm", 48, 15000), tenants(), centre(), true);
    QVERIFY(impact.known);
    QVERIFY(impact.forProject);
    QCOMPARE(impact.limitNow, qint64(40));
    QCOMPARE(impact.limitAfter, qint64(48));
    QCOMPARE(impact.hoursNow, qint64(12000));
    QCOMPARE(impact.hoursAfter, qint64(15000));
    QCOMPARE(impact.targetInUse, qint64(36));
    QCOMPARE(impact.tenantLimitNow, qint64(64));
    QCOMPARE(impact.tenantLimitAfter, qint64(64));
    QCOMPARE(impact.projectsHoldNow, qint64(56));
    QCOMPARE(impact.projectsHoldAfter, qint64(64));
    QCOMPARE(impact.tenantInUse, qint64(44));
    QCOMPARE(impact.tenantPending, qint64(16));
    QVERIFY(!impact.needsAdmin);
    QVERIFY(impact.needsAdminReason.isEmpty());
    // A project's quota moves within the tenant's: the centre's commitment does not change.
    QVERIFY(impact.centreKnown);
    QCOMPARE(impact.centreTotal, qint64(512));
    QCOMPARE(impact.centreFree, qint64(200));
    QVERIFY(impact.committedKnown);
    QCOMPARE(impact.committedNow, qint64(64 + 128));
    QCOMPARE(impact.committedAfter, qint64(64 + 128));
    QCOMPARE(impact.capacityLeftNow(), qint64(512 - 192));
}

void QuotaImpactTest::beyondTheTenantsQuotaNeedsAnAdmin()
{
    // llm 40 -> 49: projects would hold 65 of 64.
    const QuotaImpact impact
        = QuotaImpact::of(request("galaxy-llm", 49), tenants(), centre(), true);
    QVERIFY(impact.needsAdmin);
    QCOMPARE(impact.projectsHoldAfter, qint64(65));
    QVERIFY2(impact.needsAdminReason.contains(QStringLiteral("65")),
        qPrintable(impact.needsAdminReason));
    QVERIFY2(impact.needsAdminReason.contains(QStringLiteral("64")),
        qPrintable(impact.needsAdminReason));
    // Lowering a project never needs an admin.
    QVERIFY(!QuotaImpact::of(request("galaxy-cv", 4), tenants(), centre(), true).needsAdmin);
}

void QuotaImpactTest::theTenantsOwnQuotaNeedsAnAdmin()
{
    v1::QuotaRequest r = request("", 96);
    r.set_current_max_accelerators(64);
    const QuotaImpact impact = QuotaImpact::of(r, tenants(), centre(), true);
    QVERIFY(!impact.forProject);
    QVERIFY(impact.needsAdmin);
    QCOMPARE(impact.limitNow, qint64(64));
    QCOMPARE(impact.tenantLimitNow, qint64(64));
    QCOMPARE(impact.tenantLimitAfter, qint64(96));
    QCOMPARE(impact.targetInUse, qint64(44));
    QCOMPARE(impact.committedNow, qint64(192));
    QCOMPARE(impact.committedAfter, qint64(224));
    QCOMPARE(impact.capacityLeftAfter(), qint64(512 - 224));
}

void QuotaImpactTest::liveLimitsWinOverTheRequestsCopy()
{
    // The request was made when llm had 30; it has 40 now.
    v1::QuotaRequest r = request("galaxy-llm", 44);
    r.set_current_max_accelerators(30);
    r.set_needs_admin(true); // as the gateway saw it then
    const QuotaImpact impact = QuotaImpact::of(r, tenants(), centre(), true);
    QCOMPARE(impact.limitNow, qint64(40));
    QVERIFY(!impact.needsAdmin);
}

void QuotaImpactTest::unknownTenantKeepsTheGatewaysVerdict()
{
    v1::QuotaRequest r = request("galaxy-llm", 44);
    r.set_tenant("gone");
    r.set_needs_admin(true);
    const QuotaImpact impact = QuotaImpact::of(r, tenants(), centre(), true);
    QVERIFY(!impact.known);
    QVERIFY(impact.needsAdmin);
    QVERIFY(!impact.needsAdminReason.isEmpty());
    QCOMPARE(impact.limitNow, qint64(40));
    QCOMPARE(impact.limitAfter, qint64(44));
    // A project the tenant no longer has is unknown too.
    QVERIFY(!QuotaImpact::of(request("galaxy-old", 8), tenants(), centre(), true).known);
}

void QuotaImpactTest::tenantManagerSeesNoCommitment()
{
    const QuotaImpact impact = QuotaImpact::of(
        request("galaxy-llm", 48), { { QStringLiteral("galaxy"), galaxy() } }, centre(), false);
    QVERIFY(impact.known);
    QVERIFY(!impact.committedKnown);
    QVERIFY(impact.centreKnown);
    // A model the centre does not have.
    v1::QuotaRequest r = request("galaxy-llm", 48);
    r.set_model(v1::ACCELERATOR_MODEL_HYGON_K100);
    QVERIFY(!QuotaImpact::of(r, tenants(), centre(), true).centreKnown);
}

void QuotaImpactTest::whoMayDecide()
{
    const v1::QuotaRequest pending = request("galaxy-llm", 48);
    v1::QuotaRequest approved = pending;
    approved.set_state(v1::QUOTA_REQUEST_STATE_APPROVED);
    const QStringList none;

    QVERIFY(QuotaImpact::mayApprove(v1::ROLE_ADMIN, none, pending, true));
    QVERIFY(QuotaImpact::mayApprove(v1::ROLE_TENANT_MANAGER, kGalaxy, pending, false));
    QVERIFY(!QuotaImpact::mayApprove(v1::ROLE_TENANT_MANAGER, kGalaxy, pending, true));
    QVERIFY(!QuotaImpact::mayApprove(
        v1::ROLE_TENANT_MANAGER, { QStringLiteral("nebula") }, pending, false));
    QVERIFY(!QuotaImpact::mayApprove(v1::ROLE_OPERATOR, kGalaxy, pending, false));
    QVERIFY(!QuotaImpact::mayApprove(v1::ROLE_VIEWER, none, pending, false));
    QVERIFY(!QuotaImpact::mayApprove(v1::ROLE_ADMIN, none, approved, false));

    // A tenant manager may reject what needs an admin to approve.
    QVERIFY(QuotaImpact::mayReject(v1::ROLE_TENANT_MANAGER, kGalaxy, pending));
    QVERIFY(!QuotaImpact::mayReject(v1::ROLE_OPERATOR, kGalaxy, pending));
    QVERIFY(!QuotaImpact::mayReject(v1::ROLE_ADMIN, none, approved));

    QVERIFY(QuotaImpact::awaitsDecisionBy(v1::ROLE_ADMIN, none, pending, true));
    QVERIFY(!QuotaImpact::awaitsDecisionBy(v1::ROLE_TENANT_MANAGER, kGalaxy, pending, true));
    QVERIFY(QuotaImpact::awaitsDecisionBy(v1::ROLE_TENANT_MANAGER, kGalaxy, pending, false));
}

QTEST_GUILESS_MAIN(QuotaImpactTest)
#include "tst_quotaimpact.moc"

void QuotaImpactTest::theLimitAcrossAllModelsBindsInThePreview()
{
    // nlp's A100 4 -> 8: its own limit would let 4 more start, but tenanta's 8 across all
    // models has 1 left: the preview says 1, and which limit stops the rest.
    const QuotaImpact impact
        = QuotaImpact::of(tenantaRequest("tenanta-nlp", false, 8), kTenanta, testCluster(), true);
    QVERIFY(impact.known);
    QVERIFY(!impact.changesNothing);
    QCOMPARE(impact.limitNow, qint64(4));
    QCOMPARE(impact.roomNow, qint64(0));
    QCOMPARE(impact.roomAfter, qint64(1));
    QVERIFY(impact.bindingAfter > 0);
    const QuotaImpact::Limit &binding = impact.limitsAfter.at(impact.bindingAfter);
    QVERIFY(binding.kind.allModels);
    QCOMPARE(binding.owner, u"tenant tenanta");
    QCOMPARE(binding.limit, qint64(8));
    QCOMPARE(binding.inUse, qint64(7));
    // The tenant's A100 cap is its limit across all models; its projects' A100 limits fit.
    QCOMPARE(impact.tenantLimitNow, qint64(8));
    QCOMPARE(impact.projectsHoldAfter, qint64(8));
    QVERIFY(!impact.needsAdmin);
}

void QuotaImpactTest::aModelLimitAboveTheLimitAcrossAllModelsChangesNothing()
{
    // What the gateway used to promise: A100 10 for tenanta, which may run 8 in all.
    const QuotaImpact impact
        = QuotaImpact::of(tenantaRequest("", false, 10), kTenanta, testCluster(), true);
    QVERIFY(impact.changesNothing);
    QVERIFY2(impact.changesNothingReason.contains(u"tenant tenanta's limit across all models is 8"),
        qPrintable(impact.changesNothingReason));
    // Also for a project's, under its tenant's.
    const QuotaImpact project
        = QuotaImpact::of(tenantaRequest("tenanta-nlp", false, 9), kTenanta, testCluster(), true);
    QVERIFY(project.changesNothing);
    QVERIFY2(project.changesNothingReason.contains(u"tenant tenanta"),
        qPrintable(project.changesNothingReason));
}

void QuotaImpactTest::aRequestAcrossAllModels()
{
    // tenanta's own limit across all models 8 -> 16: 1 -> 9 more of any model could start.
    v1::QuotaRequest r = tenantaRequest("", true, 16);
    r.set_current_max_accelerators(8);
    const QuotaImpact impact = QuotaImpact::of(r, kTenanta, testCluster(), true);
    QVERIFY(impact.kind.allModels);
    QVERIFY(!impact.changesNothing);
    QCOMPARE(impact.limitNow, qint64(8));
    QCOMPARE(impact.limitAfter, qint64(16));
    QCOMPARE(impact.targetInUse, qint64(7));
    QCOMPARE(impact.tenantInUse, qint64(7));
    QCOMPARE(impact.tenantPending, qint64(2));
    QCOMPARE(impact.tenantLimitAfter, qint64(16));
    QCOMPARE(impact.roomNow, qint64(1));
    QCOMPARE(impact.roomAfter, qint64(9));
    QCOMPARE(impact.bindingAfter, 0);
    QVERIFY(impact.needsAdmin);
    // The centre's accelerators of every model.
    QVERIFY(impact.centreKnown);
    QCOMPARE(impact.centreTotal, qint64(16));
    QCOMPARE(impact.centreFree, qint64(9));
    QCOMPARE(impact.committedNow, qint64(8));
    QCOMPARE(impact.committedAfter, qint64(16));

    // A project's limit across all models within the tenant's is the manager's to decide; one
    // that takes its projects beyond it is not.
    QVERIFY(!QuotaImpact::of(tenantaRequest("tenanta-cv", true, 2), kTenanta, testCluster(), true)
                 .needsAdmin);
    const QuotaImpact beyond
        = QuotaImpact::of(tenantaRequest("tenanta-cv", true, 6), kTenanta, testCluster(), true);
    QVERIFY(beyond.needsAdmin);
    QVERIFY2(beyond.needsAdminReason.contains(u"across all models"),
        qPrintable(beyond.needsAdminReason));
    // Per-model limits of the target still apply and are listed.
    v1::QuotaRequest nlp = tenantaRequest("tenanta-nlp", true, 6);
    const QuotaImpact withModels = QuotaImpact::of(nlp, kTenanta, testCluster(), true);
    QCOMPARE(withModels.modelLimits.size(), 1);
    QCOMPARE(withModels.modelLimits.at(0).limit, qint64(4));
}
