// The tenants and quota requests pages against a real gateway, offscreen: the tenant tree and
// its quota bars, a quota approved through the page changes the tenant's quota at the gateway
// and in the tree and is in the audit log, a rejection carries its comment, a tenant manager
// sees only their tenants and is told when a request needs a centre admin, a viewer has every
// action disabled with the role it needs, and an admin's Set quota reaches the gateway.
#include "app/Federation.h"
#include "app/MainWindow.h"
#include "app/NotificationBar.h"
#include "app/charts/FederationEnergyChart.h"
#include "app/charts/TenantUsageChart.h"
#include "app/dialogs/DecideQuotaRequestDialog.h"
#include "app/dialogs/NewQuotaRequestDialog.h"
#include "app/dialogs/SetQuotaDialog.h"
#include "app/models/ModelRoles.h"
#include "app/models/TenantTreeModel.h"
#include "app/models/Words.h"
#include "app/pages/QuotaRequestsPage.h"
#include "app/pages/TenantsPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/gui/ConsoleTestSupport.h"
#include "tests/integration/GatewayProcess.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTreeView>
#include <QtTest>

using namespace suanli;
using Decision = app::DecideQuotaRequestDialog::Decision;

namespace {

const std::vector<std::string> kCentre
    = { "--sim-nodes", "64", "--sim-jobs", "300", "--tick", "0.2" };

qint64 limitOf(
    const google::protobuf::RepeatedPtrField<v1::QuotaLimit> &limits, v1::AcceleratorModel model)
{
    for (const auto &l : limits)
        if (l.model() == model)
            return l.max_accelerators();
    return 0;
}

// The gateway's side of things, through its API as an admin.
class Gateway {
public:
    Gateway()
        : process(kCentre)
    {
    }

    bool start()
    {
        if (!process.start())
            return false;
        admin = process.addUser("root", "admin");
        tenancy = v1::Tenancy::NewStub(process.channel());
        return true;
    }

    std::vector<v1::Tenant> tenants()
    {
        v1::ListTenantsResponse response;
        auto ctx = test::GatewayProcess::context(admin);
        tenancy->ListTenants(ctx.get(), v1::ListTenantsRequest(), &response);
        return { response.tenants().begin(), response.tenants().end() };
    }

    v1::Tenant tenant(const std::string &id)
    {
        for (const auto &t : tenants())
            if (t.id() == id)
                return t;
        return {};
    }

    qint64 projectLimit(
        const std::string &tenantId, const std::string &project, v1::AcceleratorModel model)
    {
        const v1::Tenant t = tenant(tenantId);
        for (const auto &p : t.projects())
            if (p.id() == project)
                return limitOf(p.quotas(), model);
        return -1;
    }

    // A tenant with two projects or more and a quota: the model of its first quota.
    bool pick(v1::Tenant *out, v1::AcceleratorModel *model, const std::string &except = {})
    {
        for (const auto &t : tenants()) {
            if (t.id() == except || t.projects_size() < 2 || t.quotas_size() == 0)
                continue;
            *out = t;
            *model = t.quotas(0).model();
            return true;
        }
        return false;
    }

    v1::QuotaRequest request(const std::string &tenantId, const std::string &project,
        v1::AcceleratorModel model, qint64 accelerators, const std::string &why)
    {
        v1::CreateQuotaRequestRequest r;
        r.set_tenant(tenantId);
        r.set_project(project);
        r.set_model(model);
        r.set_max_accelerators(accelerators);
        r.set_justification(why);
        v1::QuotaRequest out;
        auto ctx = test::GatewayProcess::context(admin);
        const auto status = tenancy->CreateQuotaRequest(ctx.get(), r, &out);
        if (!status.ok())
            qWarning("CreateQuotaRequest: %s", status.error_message().c_str());
        return out;
    }

    v1::QuotaRequest quotaRequest(const std::string &id)
    {
        v1::ListQuotaRequestsRequest r;
        r.set_filter("id:" + id);
        v1::ListQuotaRequestsResponse response;
        auto ctx = test::GatewayProcess::context(admin);
        tenancy->ListQuotaRequests(ctx.get(), r, &response);
        return response.requests_size() == 1 ? response.requests(0) : v1::QuotaRequest();
    }

    bool setProjectQuota(const std::string &tenantId, const std::string &project,
        v1::AcceleratorModel model, qint64 accelerators)
    {
        v1::SetQuotaRequest r;
        r.set_tenant(tenantId);
        r.set_project(project);
        r.mutable_limit()->set_model(model);
        r.mutable_limit()->set_max_accelerators(accelerators);
        r.set_reason("make room for the test");
        v1::Tenant out;
        auto ctx = test::GatewayProcess::context(admin);
        return tenancy->SetQuota(ctx.get(), r, &out).ok();
    }

    // One limit on every model together for a tenant (project empty) or a project.
    bool setAllModels(const std::string &tenantId, const std::string &project, qint64 accelerators)
    {
        v1::SetQuotaRequest r;
        r.set_tenant(tenantId);
        r.set_project(project);
        r.mutable_limit()->set_all_models(true);
        r.mutable_limit()->set_max_accelerators(accelerators);
        r.set_reason("one pool for every model");
        v1::Tenant out;
        auto ctx = test::GatewayProcess::context(admin);
        const auto status = tenancy->SetQuota(ctx.get(), r, &out);
        if (!status.ok())
            qWarning("SetQuota: %s", status.error_message().c_str());
        return status.ok();
    }

    // The tenant's limit across all models; -1 when it has none.
    qint64 allModelsLimit(const std::string &tenantId)
    {
        const v1::Tenant t = tenant(tenantId);
        for (const auto &l : t.quotas())
            if (l.all_models())
                return l.max_accelerators();
        return -1;
    }

    // Makes room under a tenant's quota: lowers its first project so that its projects hold
    // at least `room` less than the tenant's quota. Returns the project's new limit.
    qint64 makeRoom(const v1::Tenant &t, v1::AcceleratorModel model, qint64 room)
    {
        const v1::Tenant now = tenant(t.id());
        qint64 held = 0;
        for (const auto &p : now.projects())
            held += limitOf(p.quotas(), model);
        const qint64 first = limitOf(now.projects(0).quotas(), model);
        const qint64 excess = held + room - limitOf(now.quotas(), model);
        const qint64 lowered = excess > 0 ? std::max<qint64>(first - excess, 0) : first;
        if (lowered != first && !setProjectQuota(t.id(), now.projects(0).id(), model, lowered))
            return -1;
        return lowered;
    }

    v1::ListAuditEntriesResponse audit(const std::string &filter)
    {
        auto stub = v1::Audit::NewStub(process.channel());
        v1::ListAuditEntriesRequest list;
        list.set_filter(filter);
        v1::ListAuditEntriesResponse entries;
        auto ctx = test::GatewayProcess::context(admin);
        stub->ListAuditEntries(ctx.get(), list, &entries);
        return entries;
    }

    test::GatewayProcess process;
    std::string admin;
    std::unique_ptr<v1::Tenancy::Stub> tenancy;
};

// A centre's page, shown (what it reads is watched while it is).
template <class Page> Page *pageOf(app::MainWindow &window, client::Connection *centre)
{
    const QString name = QString::fromLatin1(Page::staticMetaObject.className()).section(u':', -1);
    window.showPage(centre, name);
    return qobject_cast<Page *>(window.page(centre, name));
}

// The limit the tenant tree shows for a tenant's project and model; -1 when it shows none.
qint64 treeLimit(app::TenantsPage *page, const QString &tenant, const QString &project,
    v1::AcceleratorModel model)
{
    auto *model_ = page->model();
    const QModelIndex row
        = project.isEmpty() ? model_->tenantIndex(tenant) : model_->projectIndex(tenant, project);
    const int column = model_->columnOf(model);
    if (!row.isValid() || column < 0)
        return -1;
    const QVariant limit = row.siblingAtColumn(column).data(app::LimitRole);
    return limit.isValid() ? limit.toLongLong() : -1;
}

} // namespace

class TenancyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tenantTreeShowsTenantsProjectsAndQuotaBars();
    void approvalThroughThePageChangesTheTenantsQuota();
    void rejectionCarriesItsComment();
    void tenantManagerSeesOnlyTheirTenantsAndWhatNeedsAnAdmin();
    void viewerHasEveryActionDisabledWithTheRoleItNeeds();
    void adminSetQuotaChangesTheLimitAtTheGateway();
    void setQuotaDialogNamesTheChange();
    void aLimitAcrossAllModelsIsShownAskedForAndPreviewed();
    void newQuotaRequestDialogSteersToTheLimitThatBinds();
    void newQuotaRequestDialogNamesTenantsStartsFromTheLimitAndWarns();
};

void TenancyTest::tenantTreeShowsTenantsProjectsAndQuotaBars()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    const auto tenants = gateway.tenants();
    QVERIFY(tenants.size() >= 2);
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, gateway.admin));
    auto *page = pageOf<app::TenantsPage>(window, centre);
    QVERIFY(page);
    QVERIFY(window.showPage(centre, QStringLiteral("TenantsPage")));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), int(tenants.size()), 30000);
    QCOMPARE(page->tree()->model()->rowCount(), int(tenants.size()));

    const QString id = QString::fromStdString(tenant.id());
    const QModelIndex row = page->model()->tenantIndex(id);
    QVERIFY(row.isValid());
    QCOMPARE(page->model()->rowCount(row), tenant.projects_size());
    // A quota bar's data per model: used and the limit the gateway has.
    const int column = page->model()->columnOf(model);
    QVERIFY(column > 0);
    QCOMPARE(row.siblingAtColumn(column).data(app::LimitRole).toLongLong(),
        limitOf(tenant.quotas(), model));
    QVERIFY(row.siblingAtColumn(column).data(app::UsedRole).isValid());
    const QString project = QString::fromStdString(tenant.projects(0).id());
    QCOMPARE(treeLimit(page, id, project, model), limitOf(tenant.projects(0).quotas(), model));
    // Projects show under their tenant in the view.
    const QModelIndex viewRow = page->tree()->model()->index(0, 0);
    QVERIFY(page->tree()->isExpanded(viewRow) || page->tree()->model()->rowCount(viewRow) == 0);

    // The detail area: the tenant's use, what its projects hold, each project.
    page->setSelected(id);
    QCOMPARE(page->selectedTenant(), id);
    QCOMPARE(page->selectedProject(), QString());
    const QString detail = page->detailText();
    QVERIFY2(detail.contains(QStringLiteral("Held by its projects")), qPrintable(detail));
    QVERIFY2(detail.contains(QString::fromStdString(tenant.projects(1).id())), qPrintable(detail));
    // The selected tenant's usage chart sits in the detail area.
    auto *chart = page->chartArea()->findChild<app::TenantUsageChart *>();
    QVERIFY(chart);
    QCOMPARE(chart->tenant(), id);
    QVERIFY(!page->chartArea()->isHidden());
    page->setSelected(id, project, model);
    QCOMPARE(page->selectedProject(), project);
    QCOMPARE(page->chartArea()->findChildren<app::TenantUsageChart *>().size(), 1);
    // The federation overview compares every connected centre's energy.
    QVERIFY(window.findChild<app::FederationEnergyChart *>());
}

void TenancyTest::approvalThroughThePageChangesTheTenantsQuota()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));
    const std::string project = tenant.projects(0).id();
    const qint64 before = gateway.projectLimit(tenant.id(), project, model);
    const qint64 asked = before + 8;
    const v1::QuotaRequest created = gateway.request(
        tenant.id(), project, model, asked, "fine-tune before the product launch");
    QVERIFY(!created.id().empty());
    const QString id = QString::fromStdString(created.id());

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, gateway.admin));
    auto *page = pageOf<app::QuotaRequestsPage>(window, centre);
    auto *tenants = pageOf<app::TenantsPage>(window, centre);
    QVERIFY(page && tenants);
    QVERIFY(window.showPage(centre, QStringLiteral("QuotaRequestsPage")));
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(page->badge(), 1, 10000);
    QSignalSpy badge(page, &app::QuotaRequestsPage::badgeChanged);

    page->setSelectedId(id);
    QCOMPARE(page->selectedId(), id);
    const QString detail = page->detailText();
    QVERIFY2(detail.contains(QStringLiteral("root")), qPrintable(detail)); // who asked
    QVERIFY2(
        detail.contains(QStringLiteral("fine-tune before the product launch")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("permanently")), qPrintable(detail)); // until when
    QVERIFY2(detail.contains(QStringLiteral("Centre:")), qPrintable(detail)); // capacity left
    QVERIFY(page->approveAction()->isEnabled());

    Decision asked_ = Decision::Reject;
    QString impact;
    bool sameRequest = false;
    page->setDecisionPrompt(
        [&](Decision decision, const v1::QuotaRequest &r, const QString &text, QString *comment) {
            asked_ = decision;
            impact = text;
            sameRequest = r.id() == created.id();
            *comment = QStringLiteral("approved for the launch");
            return true;
        });
    page->approveAction()->trigger();
    QCOMPARE(asked_, Decision::Approve);
    QVERIFY(sameRequest);
    QVERIFY2(impact.contains(QLocale().toString(asked)), qPrintable(impact));

    // The gateway's quota changed...
    QTRY_COMPARE_WITH_TIMEOUT(gateway.projectLimit(tenant.id(), project, model), asked, 15000);
    const v1::QuotaRequest decided = gateway.quotaRequest(created.id());
    QCOMPARE(decided.state(), v1::QUOTA_REQUEST_STATE_APPROVED);
    QCOMPARE(QString::fromStdString(decided.decision_comment()),
        QStringLiteral("approved for the launch"));
    // ... and so did the tree and the request in the console.
    QTRY_COMPARE_WITH_TIMEOUT(treeLimit(tenants, QString::fromStdString(tenant.id()),
                                  QString::fromStdString(project), model),
        asked, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(int(centre->site()->quotaRequests().items.value(id).state()),
        int(v1::QUOTA_REQUEST_STATE_APPROVED), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(page->badge(), 0, 5000);
    QVERIFY(!badge.isEmpty());
    QCOMPARE(badge.last().at(0).toInt(), 0);
    QVERIFY(!page->approveAction()->isEnabled());
    auto *bar = window.findChild<app::NotificationBar *>();
    QVERIFY(bar);
    QTRY_VERIFY2(bar->message().contains(QStringLiteral("Approved")), qPrintable(bar->message()));
    QVERIFY(!bar->failed());

    const auto entries = gateway.audit("action:ApproveQuotaRequest target:" + created.id());
    QCOMPARE(entries.entries_size(), 1);
    QCOMPARE(QString::fromStdString(entries.entries(0).user()), QStringLiteral("root"));
    QCOMPARE(QString::fromStdString(entries.entries(0).result()), QStringLiteral("OK"));
}

void TenancyTest::rejectionCarriesItsComment()
{
    // The dialog will not reject without a comment.
    v1::QuotaRequest sample;
    sample.set_id("qr-000001");
    app::DecideQuotaRequestDialog dialog(Decision::Reject, sample, {});
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("  "));
    QVERIFY(!ok->isEnabled());
    dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("not this month"));
    QVERIFY(ok->isEnabled());

    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));
    const qint64 before = gateway.projectLimit(tenant.id(), tenant.projects(1).id(), model);
    const v1::QuotaRequest created = gateway.request(
        tenant.id(), tenant.projects(1).id(), model, before + 16, "a bigger sweep");
    QVERIFY(!created.id().empty());

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, gateway.admin));
    auto *page = pageOf<app::QuotaRequestsPage>(window, centre);
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 1, 30000);
    page->setSelectedId(QString::fromStdString(created.id()));
    QVERIFY(page->rejectAction()->isEnabled());
    Decision asked = Decision::Approve;
    page->setDecisionPrompt(
        [&](Decision decision, const v1::QuotaRequest &, const QString &, QString *comment) {
            asked = decision;
            *comment = QStringLiteral("no H100 free until March");
            return true;
        });
    page->rejectAction()->trigger();
    QCOMPARE(asked, Decision::Reject);
    QTRY_COMPARE_WITH_TIMEOUT(int(gateway.quotaRequest(created.id()).state()),
        int(v1::QUOTA_REQUEST_STATE_REJECTED), 15000);
    QCOMPARE(QString::fromStdString(gateway.quotaRequest(created.id()).decision_comment()),
        QStringLiteral("no H100 free until March"));
    // The quota stayed as it was.
    QCOMPARE(gateway.projectLimit(tenant.id(), tenant.projects(1).id(), model), before);
    // The page shows the decision and its comment.
    QTRY_VERIFY_WITH_TIMEOUT(
        page->detailText().contains(QStringLiteral("no H100 free until March")), 10000);
    QVERIFY(!page->rejectAction()->isEnabled());
}

void TenancyTest::tenantManagerSeesOnlyTheirTenantsAndWhatNeedsAnAdmin()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant, other;
    v1::AcceleratorModel model {}, otherModel {};
    QVERIFY(gateway.pick(&tenant, &model));
    for (const auto &t : gateway.tenants())
        if (t.id() != tenant.id() && t.quotas_size() > 0) {
            other = t;
            otherModel = t.quotas(0).model();
        }
    QVERIFY(!other.id().empty());
    const std::string manager = gateway.process.addUser("mgr", "tenant-manager", { tenant.id() });

    const qint64 lowered = gateway.makeRoom(tenant, model, 4);
    QVERIFY(lowered >= 0);
    const std::string project = tenant.projects(0).id();
    const v1::QuotaRequest within
        = gateway.request(tenant.id(), project, model, lowered + 2, "within the tenant's quota");
    QVERIFY(!within.id().empty());
    QVERIFY(!within.needs_admin());
    const qint64 tenantLimit = limitOf(tenant.quotas(), model);
    const v1::QuotaRequest beyond = gateway.request(
        tenant.id(), project, model, lowered + tenantLimit + 1, "beyond the tenant's quota");
    QVERIFY(beyond.needs_admin());
    const v1::QuotaRequest theirs
        = gateway.request(other.id(), "", otherModel, 8, "another tenant's request");
    QVERIFY(!theirs.id().empty());

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, manager));
    auto *page = pageOf<app::QuotaRequestsPage>(window, centre);
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 2, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->tenants().synced, 10000);
    for (int r = 0; r < 2; ++r) {
        const QString shown = page->table()->model()->index(r, 0).data(app::KeyRole).toString();
        QVERIFY(shown != QString::fromStdString(theirs.id()));
    }
    // The page says whose requests the manager sees.
    QVERIFY(page->scopeLabel()->isVisibleTo(page));
    QVERIFY2(page->scopeLabel()->text().contains(QString::fromStdString(tenant.id())),
        qPrintable(page->scopeLabel()->text()));
    // Only the one within the tenant's quota awaits them.
    QTRY_COMPARE_WITH_TIMEOUT(page->badge(), 1, 10000);

    page->setSelectedId(QString::fromStdString(beyond.id()));
    QVERIFY(page->needsAdminLabel()->isVisibleTo(page));
    QVERIFY2(page->needsAdminLabel()->text().contains(QStringLiteral("needs a centre admin")),
        qPrintable(page->needsAdminLabel()->text()));
    QVERIFY(!page->approveAction()->isEnabled());
    QVERIFY2(page->approveAction()->toolTip().contains(QStringLiteral("centre admin")),
        qPrintable(page->approveAction()->toolTip()));
    QVERIFY(page->rejectAction()->isEnabled()); // a manager may still say no

    page->setSelectedId(QString::fromStdString(within.id()));
    QVERIFY(!page->needsAdminLabel()->isVisibleTo(page));
    QVERIFY(page->approveAction()->isEnabled());
    page->setDecisionPrompt(
        [](Decision, const v1::QuotaRequest &, const QString &, QString *comment) {
            *comment = QStringLiteral("fits our quota");
            return true;
        });
    page->approveAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        gateway.projectLimit(tenant.id(), project, model), lowered + 2, 15000);
    QCOMPARE(
        QString::fromStdString(gateway.quotaRequest(within.id()).decider()), QStringLiteral("mgr"));

    // They ask for more through the page: the request is theirs at the gateway.
    page->setRequestPrompt([&](v1::CreateQuotaRequestRequest *request) {
        request->set_tenant(tenant.id());
        request->set_project(tenant.projects(1).id());
        request->set_model(model);
        request->set_max_accelerators(4096);
        request->set_justification("a new training run");
        return true;
    });
    QVERIFY(page->requestAction()->isEnabled());
    page->requestAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 3, 15000);
    auto *bar = window.findChild<app::NotificationBar *>();
    QTRY_VERIFY2(bar->message().contains(QStringLiteral("Sent")), qPrintable(bar->message()));
    v1::ListQuotaRequestsRequest list;
    list.set_filter("requester:mgr");
    v1::ListQuotaRequestsResponse listed;
    auto ctx = test::GatewayProcess::context(gateway.admin);
    QVERIFY(gateway.tenancy->ListQuotaRequests(ctx.get(), list, &listed).ok());
    QCOMPARE(listed.requests_size(), 1);
    QCOMPARE(listed.requests(0).max_accelerators(), qint64(4096));
    QVERIFY(listed.requests(0).needs_admin());

    // The tenants page shows only their tenant too.
    auto *tenants = pageOf<app::TenantsPage>(window, centre);
    QTRY_COMPARE_WITH_TIMEOUT(tenants->model()->rowCount(), 1, 10000);
    QVERIFY(tenants->model()->tenantIndex(QString::fromStdString(tenant.id())).isValid());
    QVERIFY(!tenants->setQuotaAction()->isEnabled());
    QVERIFY(tenants->requestAction()->isEnabled());
}

void TenancyTest::viewerHasEveryActionDisabledWithTheRoleItNeeds()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));
    const v1::QuotaRequest created
        = gateway.request(tenant.id(), tenant.projects(0).id(), model, 1, "a small one");
    QVERIFY(!created.id().empty());
    const std::string viewer = gateway.process.addUser("wall", "viewer");

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, viewer));
    auto *page = pageOf<app::QuotaRequestsPage>(window, centre);
    auto *tenants = pageOf<app::TenantsPage>(window, centre);
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(page->table()->model()->rowCount(), 1, 10000);
    page->setSelectedId(QString::fromStdString(created.id()));
    QCOMPARE(page->selectedId(), QString::fromStdString(created.id()));
    for (QAction *action : { page->approveAction(), page->rejectAction() }) {
        QVERIFY(!action->isEnabled());
        QVERIFY2(action->toolTip().contains(QStringLiteral("tenant-manager")),
            qPrintable(action->toolTip()));
    }
    QVERIFY(!page->requestAction()->isEnabled());
    QVERIFY2(page->requestAction()->toolTip().contains(QStringLiteral("tenant-manager")),
        qPrintable(page->requestAction()->toolTip()));
    QCOMPARE(page->badge(), 0);
    QVERIFY(page->scopeLabel()->text().contains(QStringLiteral("Read only")));

    QTRY_VERIFY_WITH_TIMEOUT(tenants->model()->rowCount() > 0, 10000);
    tenants->setSelected(QString::fromStdString(tenant.id()));
    QVERIFY(!tenants->setQuotaAction()->isEnabled());
    QVERIFY2(tenants->setQuotaAction()->toolTip().contains(QStringLiteral("admin")),
        qPrintable(tenants->setQuotaAction()->toolTip()));
    QVERIFY(!tenants->requestAction()->isEnabled());
    // Triggered anyway (a stale shortcut), nothing is sent.
    bool prompted = false;
    page->setDecisionPrompt([&](Decision, const v1::QuotaRequest &, const QString &, QString *) {
        prompted = true;
        return true;
    });
    page->approveAction()->trigger();
    QVERIFY(!prompted);
}

void TenancyTest::adminSetQuotaChangesTheLimitAtTheGateway()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));
    const QString tenantId = QString::fromStdString(tenant.id());
    const QString project = QString::fromStdString(tenant.projects(1).id());
    const qint64 before = limitOf(tenant.projects(1).quotas(), model);

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, gateway.admin));
    auto *page = pageOf<app::TenantsPage>(window, centre);
    QVERIFY(window.showPage(centre, QStringLiteral("TenantsPage")));
    QTRY_VERIFY_WITH_TIMEOUT(treeLimit(page, tenantId, project, model) == before, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(centre->identity().user().role() == v1::ROLE_ADMIN, 10000);
    page->setSelected(tenantId, project, model);
    QVERIFY(page->setQuotaAction()->isEnabled());

    app::QuotaChange preselected;
    page->setSetQuotaPrompt([&](app::QuotaChange *change) {
        preselected = *change;
        change->accelerators = before + 3;
        change->acceleratorHours = 12000;
        change->reason = QStringLiteral("new contract");
        return true;
    });
    page->setQuotaAction()->trigger();
    QCOMPARE(preselected.tenant, tenantId);
    QCOMPARE(preselected.project, project);
    QCOMPARE(int(preselected.model), int(model));
    QTRY_COMPARE_WITH_TIMEOUT(
        gateway.projectLimit(tenant.id(), project.toStdString(), model), before + 3, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(treeLimit(page, tenantId, project, model), before + 3, 15000);
    const auto entries = gateway.audit("action:SetQuota");
    QVERIFY(entries.entries_size() >= 1);
    QCOMPARE(QString::fromStdString(entries.entries(0).reason()), QStringLiteral("new contract"));

    // A refusal is a notification with the gateway's reason, not a crash.
    page->setSetQuotaPrompt([&](app::QuotaChange *change) {
        change->accelerators = -5;
        return true;
    });
    page->setQuotaAction()->trigger();
    auto *bar = window.findChild<app::NotificationBar *>();
    QTRY_VERIFY_WITH_TIMEOUT(bar->failed(), 15000);
    QVERIFY2(
        bar->message().contains(QStringLiteral("max_accelerators")), qPrintable(bar->message()));
}

void TenancyTest::setQuotaDialogNamesTheChange()
{
    v1::Tenant galaxy;
    galaxy.set_id("galaxy");
    auto *tenantLimit = galaxy.add_quotas();
    tenantLimit->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    tenantLimit->set_max_accelerators(64);
    for (const char *id : { "galaxy-llm", "galaxy-cv" }) {
        auto *p = galaxy.add_projects();
        p->set_id(id);
        auto *l = p->add_quotas();
        l->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
        l->set_max_accelerators(32);
    }
    const QHash<QString, v1::Tenant> tenants { { QStringLiteral("galaxy"), galaxy } };
    app::QuotaChange initial;
    initial.tenant = QStringLiteral("galaxy");
    initial.project = QStringLiteral("galaxy-cv");
    initial.model = v1::ACCELERATOR_MODEL_NVIDIA_H100;
    app::SetQuotaDialog dialog(
        tenants, { v1::ACCELERATOR_MODEL_NVIDIA_A100, v1::ACCELERATOR_MODEL_NVIDIA_H100 }, initial);
    // Preselected, with the limit in force; nothing to set until a limit changes.
    QCOMPARE(dialog.change().tenant, initial.tenant);
    QCOMPARE(dialog.change().project, initial.project);
    QCOMPARE(int(dialog.change().model), int(v1::ACCELERATOR_MODEL_NVIDIA_H100));
    QCOMPARE(dialog.change().accelerators, qint64(32));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    auto *accelerators = dialog.findChildren<QSpinBox *>().value(0);
    QVERIFY(accelerators);
    accelerators->setValue(40);
    QVERIFY(ok->isEnabled());
    auto *summary = dialog.findChild<QLabel *>(QStringLiteral("SetQuotaSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("32 → 40")), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(QStringLiteral("galaxy / galaxy-cv")),
        qPrintable(summary->text()));
    // Beyond the tenant's quota: the dialog says so before it is sent.
    bool warned = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        warned = warned
            || (label->isVisibleTo(&dialog) && label->text().contains(QStringLiteral("72")));
    QVERIFY(warned);
    QCOMPARE(dialog.change().accelerators, qint64(40));
}

void TenancyTest::aLimitAcrossAllModelsIsShownAskedForAndPreviewed()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));
    const std::string project = tenant.projects(0).id();
    // A request for more of one model, made before a limit across all models came...
    const qint64 before = gateway.projectLimit(tenant.id(), project, model);
    const v1::QuotaRequest perModel
        = gateway.request(tenant.id(), project, model, before + 8, "one more node");
    QVERIFY(!perModel.id().empty());
    // ...which the admin then sets below it, for the tenant's every model together.
    const qint64 pool = before + 7;
    QVERIFY(gateway.setAllModels(tenant.id(), "", pool));

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, gateway.admin));
    auto *tenants = pageOf<app::TenantsPage>(window, centre);
    auto *requests = pageOf<app::QuotaRequestsPage>(window, centre);
    QVERIFY(tenants && requests);
    QVERIFY(window.showPage(centre, QStringLiteral("TenantsPage")));
    const QString id = QString::fromStdString(tenant.id());

    // The tree has a column for all models beside each model's: the tenant's limit there, and
    // its use of every model together.
    auto *tree = tenants->model();
    QTRY_VERIFY_WITH_TIMEOUT(tree->columnOf(QuotaKind::acrossAllModels()) > 0, 30000);
    const int all = tree->columnOf(QuotaKind::acrossAllModels());
    QCOMPARE(tree->headerData(all, Qt::Horizontal).toString(), QStringLiteral("All models"));
    QTRY_COMPARE_WITH_TIMEOUT(
        tree->tenantIndex(id).siblingAtColumn(all).data(app::LimitRole).toLongLong(), pool, 15000);
    const QModelIndex row = tree->tenantIndex(id);
    qint64 sum = 0;
    for (int c = 1; c < tree->columnCount(); ++c)
        if (!tree->kindAt(c).allModels)
            sum += row.siblingAtColumn(c).data(app::UsedRole).toLongLong();
    QCOMPARE(row.siblingAtColumn(all).data(app::UsedRole).toLongLong(), sum);
    QCOMPARE(row.siblingAtColumn(tree->columnOf(model)).data(app::LimitRole).toLongLong(),
        limitOf(tenant.quotas(), model));
    tenants->setSelected(id);
    QVERIFY2(tenants->detailText().contains(QStringLiteral("All models")),
        qPrintable(tenants->detailText()));

    // Asked for on that column, the request is for the limit across all models.
    tenants->setSelected(id, {}, QuotaKind::acrossAllModels());
    v1::CreateQuotaRequestRequest preselected;
    tenants->setRequestPrompt([&](v1::CreateQuotaRequestRequest *request) {
        preselected = *request;
        request->set_max_accelerators(pool + 64);
        request->set_justification("mixed runs on every model");
        return true;
    });
    tenants->requestAction()->trigger();
    QVERIFY(preselected.all_models());
    QCOMPARE(preselected.tenant(), tenant.id());
    QTRY_COMPARE_WITH_TIMEOUT(requests->table()->model()->rowCount(), 2, 15000);
    QString allId;
    for (const v1::QuotaRequest &r : centre->site()->quotaRequests().items)
        if (r.all_models())
            allId = QString::fromStdString(r.id());
    QVERIFY(!allId.isEmpty());

    // The model's request: the preview says approving it would change nothing, and Approve is
    // off with the reason.
    QVERIFY(window.showPage(centre, QStringLiteral("QuotaRequestsPage")));
    requests->setSelectedId(QString::fromStdString(perModel.id()));
    QString detail = requests->detailText();
    QVERIFY2(detail.contains(QStringLiteral("would change nothing")), qPrintable(detail));
    QVERIFY2(detail.contains(
                 QStringLiteral("limit across all models is %1").arg(QLocale().toString(pool))),
        qPrintable(detail));
    QVERIFY(!requests->approveAction()->isEnabled());
    QVERIFY2(requests->approveAction()->toolTip().contains(QStringLiteral("change nothing")),
        qPrintable(requests->approveAction()->toolTip()));

    // The request across all models: the preview names the limit and what more could start.
    requests->setSelectedId(allId);
    detail = requests->detailText();
    QVERIFY2(detail.contains(QStringLiteral("across all models: <b>%1 → %2</b>")
                                 .arg(QLocale().toString(pool), QLocale().toString(pool + 64))),
        qPrintable(detail));
    QVERIFY2(
        detail.contains(QStringLiteral("Room to start more, of any model")), qPrintable(detail));
    QVERIFY2(detail.contains(QStringLiteral("Each model's own limit still applies")),
        qPrintable(detail));
    QVERIFY(requests->approveAction()->isEnabled());
    requests->setDecisionPrompt(
        [](Decision, const v1::QuotaRequest &, const QString &, QString *comment) {
            *comment = QStringLiteral("one pool");
            return true;
        });
    requests->approveAction()->trigger();
    // The gateway's limit across all models changed, and so did the tree.
    QTRY_COMPARE_WITH_TIMEOUT(gateway.allModelsLimit(tenant.id()), pool + 64, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(
        tree->tenantIndex(id).siblingAtColumn(all).data(app::LimitRole).toLongLong(), pool + 64,
        15000);
}

void TenancyTest::newQuotaRequestDialogSteersToTheLimitThatBinds()
{
    // tenanta may run 8 accelerators in all, of any model.
    v1::Tenant tenanta;
    tenanta.set_id("tenanta");
    auto *all = tenanta.add_quotas();
    all->set_all_models(true);
    all->set_max_accelerators(8);
    tenanta.add_projects()->set_id("tenanta-nlp");
    v1::CreateQuotaRequestRequest initial;
    initial.set_tenant("tenanta");
    initial.set_model(v1::ACCELERATOR_MODEL_NVIDIA_A100);
    app::NewQuotaRequestDialog dialog({ { QStringLiteral("tenanta"), tenanta } },
        { v1::ACCELERATOR_MODEL_NVIDIA_A100, v1::ACCELERATOR_MODEL_ASCEND_910B }, initial);
    dialog.findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("a bigger run"));
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *accelerators = dialog.findChildren<QSpinBox *>().value(0);
    auto *warning = dialog.findChild<QLabel *>(QStringLiteral("QuotaRequestWarning"));
    QVERIFY(accelerators && warning);
    // 10 A100 would never run under 8 in all: the dialog says what to ask for instead.
    accelerators->setValue(10);
    QVERIFY(warning->isVisibleTo(&dialog));
    QVERIFY2(warning->text().contains(QStringLiteral("limit across all models is 8")),
        qPrintable(warning->text()));
    QVERIFY(!ok->isEnabled());
    accelerators->setValue(6);
    QVERIFY(!warning->isVisibleTo(&dialog));
    QVERIFY(ok->isEnabled());
    // All models is offered first, and asks for that limit.
    auto *models = dialog.findChildren<QComboBox *>().value(1);
    QVERIFY(models);
    QCOMPARE(models->itemText(0), QStringLiteral("All models"));
    models->setCurrentIndex(0);
    accelerators->setValue(16);
    QVERIFY(!warning->isVisibleTo(&dialog));
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.request().all_models());
    QCOMPARE(dialog.request().model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    QCOMPARE(dialog.request().max_accelerators(), qint64(16));
}

void TenancyTest::newQuotaRequestDialogNamesTenantsStartsFromTheLimitAndWarns()
{
    Gateway gateway;
    QVERIFY2(gateway.start(), gateway.process.error().c_str());
    v1::Tenant tenant;
    v1::AcceleratorModel model {};
    QVERIFY(gateway.pick(&tenant, &model));
    const std::string project = tenant.projects(0).id();
    const qint64 projectLimit = gateway.projectLimit(tenant.id(), project, model);
    const qint64 tenantLimit = limitOf(tenant.quotas(), model);

    app::Federation federation;
    app::MainWindow window(&federation);
    auto *centre = federation.addCentre(profileFor(gateway.process, gateway.admin));
    QTRY_COMPARE_WITH_TIMEOUT(centre->state(), client::Connection::State::Live, 30000);
    auto *tenants = pageOf<app::TenantsPage>(window, centre);
    QVERIFY(tenants);
    // The tenants are watched from when their page is shown.
    QTRY_VERIFY_WITH_TIMEOUT(centre->site()->tenants().synced, 30000);
    tenants->setSelected(QString::fromStdString(tenant.id()));

    v1::CreateQuotaRequestRequest initial;
    initial.set_tenant(tenant.id());
    initial.set_project(project);
    initial.set_model(model);
    const auto dialog = app::NewQuotaRequestDialog::forCentre(nullptr, centre, initial);
    dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("a bigger run"));
    auto *target = dialog->findChildren<QComboBox *>().value(0);
    auto *accelerators = dialog->findChildren<QSpinBox *>().value(0);
    auto *warning = dialog->findChild<QLabel *>(QStringLiteral("QuotaRequestOvercommit"));
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(target && accelerators && warning);

    // The tenant is named as the Tenants page's detail names it; its projects under it.
    const QString tenantName = app::Words::tenantName(tenant.id(), tenant.name(), tenant.name_zh());
    QCOMPARE(target->itemText(
                 target->findData(QStringList { QString::fromStdString(tenant.id()), QString() })),
        tenantName);
    QVERIFY2(tenants->detailText().contains(tenantName), qPrintable(tenants->detailText()));
    QVERIFY2(target->currentText().contains(QString::fromStdString(project)),
        qPrintable(target->currentText()));
    // It starts from the project's limit in force: the user says the new total.
    QCOMPARE(qint64(accelerators->value()), std::max<qint64>(projectLimit, 1));
    QVERIFY(warning->isHidden());

    // More than the tenant's quota for one project: said before sending, and not refused.
    accelerators->setValue(int(tenantLimit + 1));
    QVERIFY(!warning->isHidden());
    QVERIFY2(warning->text().contains(QStringLiteral("Beyond the tenant's quota")),
        qPrintable(warning->text()));
    QVERIFY2(
        warning->text().contains(QString::fromStdString(tenant.id())), qPrintable(warning->text()));
    QVERIFY(ok->isEnabled());

    // The tenant's own quota beyond what the centre has: the centre would be overcommitted.
    target->setCurrentIndex(
        target->findData(QStringList { QString::fromStdString(tenant.id()), QString() }));
    QCOMPARE(qint64(accelerators->value()), tenantLimit);
    qint64 total = 0;
    for (const auto &counts : centre->site()->overview().accelerators())
        if (counts.model() == model)
            total = counts.total();
    QVERIFY(total > 0);
    accelerators->setValue(int(total + tenantLimit));
    QVERIFY(!warning->isHidden());
    QVERIFY2(
        warning->text().contains(QStringLiteral("overcommitted by")), qPrintable(warning->text()));
    accelerators->setValue(int(tenantLimit));
    QVERIFY(warning->isHidden());
}

QTEST_MAIN(TenancyTest)
#include "tst_tenancy.moc"
