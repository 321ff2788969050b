// Quota requests end to end: scope of tenant managers, the tenant's own quota
// as the line beyond which only an admin decides, exactly-once approval. One scope
// rule: a tenant manager reads their tenants' jobs and tenant metrics only, as
// their tenants and requests, while the centre-wide views stay whole.
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <set>
#include <thread>

using namespace suanli::test;
namespace v1 = suanli::v1;

namespace {
int64_t limitOf(
    const google::protobuf::RepeatedPtrField<v1::QuotaLimit> &limits, v1::AcceleratorModel model)
{
    for (const auto &l : limits)
        if (l.model() == model && !l.all_models())
            return l.max_accelerators();
    return 0;
}

// The limit across all models; -1 when there is none.
int64_t allModelsLimitOf(const google::protobuf::RepeatedPtrField<v1::QuotaLimit> &limits)
{
    for (const auto &l : limits)
        if (l.all_models())
            return l.max_accelerators();
    return -1;
}

const v1::QuotaUsage *allModelsUsageOf(
    const google::protobuf::RepeatedPtrField<v1::QuotaUsage> &usage)
{
    for (const auto &u : usage)
        if (u.all_models())
            return &u;
    return nullptr;
}
// The tenants of the objects a watch's snapshot holds; the watch is then ended.
template <class Event, class Reader>
std::set<std::string> tenantsInSnapshot(grpc::ClientContext *ctx, std::unique_ptr<Reader> reader)
{
    Event event;
    std::set<std::string> seen;
    while (reader->Read(&event)) {
        for (const auto &object : event.upserts())
            seen.insert(object.tenant());
        if (event.header().last_chunk())
            break;
    }
    ctx->TryCancel();
    while (reader->Read(&event)) { }
    reader->Finish();
    return seen;
}
} // namespace

class QuotaTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        gateway = std::make_unique<GatewayProcess>(
            std::vector<std::string> { "--sim-nodes", "64", "--sim-jobs", "300", "--tick", "0.2" });
        ASSERT_TRUE(gateway->start()) << gateway->error();
        admin = gateway->addUser("root", "admin");
        tenancy = v1::Tenancy::NewStub(gateway->channel());
        tenants = listTenants(admin);
        ASSERT_GE(tenants.size(), 2u);
        // A tenant with two projects and a model with a quota.
        for (const auto &t : tenants) {
            if (t.projects_size() < 2 || t.quotas_size() == 0)
                continue;
            tenant = t;
            model = t.quotas(0).model();
            break;
        }
        ASSERT_FALSE(tenant.id().empty());
        for (const auto &t : tenants)
            if (t.id() != tenant.id())
                other = t;
        manager = gateway->addUser("mgr", "tenant-manager", { tenant.id() });
    }

    std::vector<v1::Tenant> listTenants(const std::string &token)
    {
        v1::ListTenantsResponse response;
        auto ctx = GatewayProcess::context(token);
        EXPECT_TRUE(tenancy->ListTenants(ctx.get(), v1::ListTenantsRequest(), &response).ok());
        return { response.tenants().begin(), response.tenants().end() };
    }

    v1::Tenant current(const std::string &id)
    {
        for (const auto &t : listTenants(admin))
            if (t.id() == id)
                return t;
        return {};
    }

    grpc::Status request(const std::string &token, const std::string &tenantId,
        const std::string &project, int64_t accelerators, v1::QuotaRequest *out,
        v1::AcceleratorModel m = {})
    {
        v1::CreateQuotaRequestRequest r;
        r.set_tenant(tenantId);
        r.set_project(project);
        r.set_model(m == v1::ACCELERATOR_MODEL_UNSPECIFIED ? model : m);
        r.set_max_accelerators(accelerators);
        r.set_justification("training run for the integration test");
        auto ctx = GatewayProcess::context(token);
        return tenancy->CreateQuotaRequest(ctx.get(), r, out);
    }

    grpc::Status decide(const std::string &token, const std::string &id, bool approve,
        const std::string &comment, v1::QuotaRequest *out)
    {
        v1::DecideQuotaRequestRequest r;
        r.set_id(id);
        r.set_comment(comment);
        auto ctx = GatewayProcess::context(token);
        return approve ? tenancy->ApproveQuotaRequest(ctx.get(), r, out)
                       : tenancy->RejectQuotaRequest(ctx.get(), r, out);
    }

    // The limit across all models of the tenant (project empty) or one of its projects.
    grpc::Status setAllModels(const std::string &project, int64_t accelerators)
    {
        v1::SetQuotaRequest r;
        r.set_tenant(tenant.id());
        r.set_project(project);
        r.mutable_limit()->set_all_models(true);
        r.mutable_limit()->set_max_accelerators(accelerators);
        r.set_reason("one limit for every model");
        v1::Tenant out;
        auto ctx = GatewayProcess::context(admin);
        return tenancy->SetQuota(ctx.get(), r, &out);
    }

    grpc::Status requestAllModels(const std::string &token, const std::string &project,
        int64_t accelerators, v1::QuotaRequest *out)
    {
        v1::CreateQuotaRequestRequest r;
        r.set_tenant(tenant.id());
        r.set_project(project);
        r.set_all_models(true);
        r.set_max_accelerators(accelerators);
        r.set_justification("mixed A100 and 910B runs");
        auto ctx = GatewayProcess::context(token);
        return tenancy->CreateQuotaRequest(ctx.get(), r, out);
    }

    void setProjectQuota(const std::string &project, int64_t accelerators)
    {
        v1::SetQuotaRequest r;
        r.set_tenant(tenant.id());
        r.set_project(project);
        r.mutable_limit()->set_model(model);
        r.mutable_limit()->set_max_accelerators(accelerators);
        r.set_reason("make room");
        v1::Tenant out;
        auto ctx = GatewayProcess::context(admin);
        auto status = tenancy->SetQuota(ctx.get(), r, &out);
        ASSERT_TRUE(status.ok()) << status.error_message();
    }

    std::unique_ptr<GatewayProcess> gateway;
    std::unique_ptr<v1::Tenancy::Stub> tenancy;
    std::string admin, manager;
    std::vector<v1::Tenant> tenants;
    v1::Tenant tenant, other;
    v1::AcceleratorModel model = v1::ACCELERATOR_MODEL_UNSPECIFIED;
};

TEST_F(QuotaTest, ManagerApprovesWithinTheTenantsQuotaAndTheLimitChanges)
{
    const std::string project = tenant.projects(0).id();
    // Make room under the tenant's quota: lower the project, then ask for one more.
    const int64_t before = limitOf(tenant.projects(0).quotas(), model);
    const int64_t lowered = std::max<int64_t>(before - 4, 0);
    setProjectQuota(project, lowered);
    v1::QuotaRequest qr;
    ASSERT_TRUE(request(manager, tenant.id(), project, lowered + 2, &qr).ok());
    EXPECT_EQ(qr.state(), v1::QUOTA_REQUEST_STATE_PENDING);
    EXPECT_FALSE(qr.needs_admin());
    EXPECT_EQ(qr.requester(), "mgr");
    EXPECT_EQ(qr.current_max_accelerators(), lowered);

    v1::QuotaRequest decided;
    auto status = decide(manager, qr.id(), true, "go ahead", &decided);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(decided.state(), v1::QUOTA_REQUEST_STATE_APPROVED);
    EXPECT_EQ(decided.decider(), "mgr");
    EXPECT_EQ(decided.decision_comment(), "go ahead");

    const auto after = current(tenant.id());
    for (const auto &p : after.projects())
        if (p.id() == project)
            EXPECT_EQ(limitOf(p.quotas(), model), lowered + 2);
}

TEST_F(QuotaTest, BeyondTheTenantsQuotaOnlyAnAdminDecides)
{
    const std::string project = tenant.projects(0).id();
    const int64_t tenantLimit = limitOf(tenant.quotas(), model);
    v1::QuotaRequest qr;
    ASSERT_TRUE(request(manager, tenant.id(), project, tenantLimit + 64, &qr).ok());
    EXPECT_TRUE(qr.needs_admin());
    v1::QuotaRequest decided;
    auto refused = decide(manager, qr.id(), true, "", &decided);
    EXPECT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_NE(refused.error_message().find("needs a centre admin"), std::string::npos)
        << refused.error_message();
    auto approved = decide(admin, qr.id(), true, "board approved", &decided);
    ASSERT_TRUE(approved.ok()) << approved.error_message();
    EXPECT_EQ(decided.decider(), "root");

    // A request for the tenant's own quota is always the admin's to decide.
    v1::QuotaRequest own;
    ASSERT_TRUE(request(manager, tenant.id(), "", tenantLimit + 8, &own).ok());
    EXPECT_TRUE(own.needs_admin());
}

TEST_F(QuotaTest, ManagerSeesAndDecidesOnlyTheirTenants)
{
    v1::QuotaRequest mine, theirs;
    ASSERT_TRUE(request(manager, tenant.id(), tenant.projects(0).id(), 1, &mine).ok());
    // The manager may not ask on another tenant's behalf...
    EXPECT_EQ(request(manager, other.id(), "", 8, &theirs).error_code(),
        grpc::StatusCode::PERMISSION_DENIED);
    ASSERT_TRUE(request(admin, other.id(), "", 8, &theirs).ok());
    // ... nor see or decide its requests.
    v1::ListQuotaRequestsResponse listed;
    auto ctx = GatewayProcess::context(manager);
    ASSERT_TRUE(
        tenancy->ListQuotaRequests(ctx.get(), v1::ListQuotaRequestsRequest(), &listed).ok());
    ASSERT_GE(listed.requests_size(), 1);
    for (const auto &r : listed.requests())
        EXPECT_EQ(r.tenant(), tenant.id());
    v1::QuotaRequest decided;
    EXPECT_EQ(decide(manager, theirs.id(), false, "no", &decided).error_code(),
        grpc::StatusCode::PERMISSION_DENIED);
    // Their watch is scoped too.
    ctx = GatewayProcess::context(manager);
    EXPECT_EQ(tenantsInSnapshot<v1::QuotaRequestsEvent>(
                  ctx.get(), tenancy->WatchQuotaRequests(ctx.get(), v1::WatchRequest())),
        std::set<std::string> { tenant.id() });
}

TEST_F(QuotaTest, ManagerReadsOnlyTheirTenantsJobsAndTenantMetrics)
{
    auto scheduler = v1::Scheduler::NewStub(gateway->channel());
    const auto listJobs = [&](const std::string &token) {
        v1::ListJobsRequest request;
        request.set_page_size(5000);
        v1::ListJobsResponse response;
        auto ctx = GatewayProcess::context(token);
        EXPECT_TRUE(scheduler->ListJobs(ctx.get(), request, &response).ok());
        return response;
    };
    // The whole centre's jobs, as an admin (or operator, or viewer) sees them: several tenants.
    const v1::ListJobsResponse all = listJobs(admin);
    std::set<std::string> allTenants;
    std::string othersJob;
    for (const auto &job : all.jobs()) {
        allTenants.insert(job.tenant());
        if (job.tenant() != tenant.id() && othersJob.empty())
            othersJob = job.id();
    }
    ASSERT_GE(allTenants.size(), 2u);
    ASSERT_FALSE(othersJob.empty());

    const v1::ListJobsResponse mine = listJobs(manager);
    ASSERT_GT(mine.jobs_size(), 0);
    for (const auto &job : mine.jobs())
        EXPECT_EQ(job.tenant(), tenant.id());
    EXPECT_LT(mine.total_size(), all.total_size());

    // Another tenant's job is not found, as one that never was.
    v1::GetJobRequest get;
    get.set_id(othersJob);
    v1::Job job;
    auto ctx = GatewayProcess::context(manager);
    EXPECT_EQ(scheduler->GetJob(ctx.get(), get, &job).error_code(), grpc::StatusCode::NOT_FOUND);

    // The watch holds their tenant's jobs only.
    ctx = GatewayProcess::context(manager);
    EXPECT_EQ(tenantsInSnapshot<v1::JobsEvent>(
                  ctx.get(), scheduler->WatchJobs(ctx.get(), v1::WatchRequest())),
        std::set<std::string> { tenant.id() });

    // Tenant metrics: their own tenant's, not another's; the site's, whole.
    auto telemetry = v1::Telemetry::NewStub(gateway->channel());
    const auto inLastHours = [](v1::QueryMetricsRequest *request) {
        const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                .count();
        request->mutable_start_time()->set_seconds(now - 2 * 3600);
        request->mutable_end_time()->set_seconds(now);
        request->mutable_step()->set_seconds(300);
    };
    const auto query = [&](v1::MetricScope scope, const std::string &target) {
        v1::QueryMetricsRequest request;
        request.set_scope(scope);
        request.set_target(target);
        inLastHours(&request);
        v1::QueryMetricsResponse response;
        auto c = GatewayProcess::context(manager);
        return telemetry->QueryMetrics(c.get(), request, &response).error_code();
    };
    EXPECT_EQ(query(v1::METRIC_SCOPE_TENANT, tenant.id()), grpc::StatusCode::OK);
    EXPECT_EQ(query(v1::METRIC_SCOPE_TENANT, other.id()), grpc::StatusCode::NOT_FOUND);
    EXPECT_EQ(query(v1::METRIC_SCOPE_SITE, ""), grpc::StatusCode::OK);
    // An admin reads the other tenant's.
    v1::QueryMetricsRequest request;
    request.set_scope(v1::METRIC_SCOPE_TENANT);
    request.set_target(other.id());
    inLastHours(&request);
    v1::QueryMetricsResponse response;
    auto c = GatewayProcess::context(admin);
    EXPECT_TRUE(telemetry->QueryMetrics(c.get(), request, &response).ok());
}

TEST_F(QuotaTest, ApprovalIsExactlyOnceUnderConcurrency)
{
    v1::QuotaRequest qr;
    ASSERT_TRUE(request(admin, tenant.id(), "", limitOf(tenant.quotas(), model) + 16, &qr).ok());
    std::atomic<int> ok { 0 }, failedPrecondition { 0 }, other { 0 };
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            v1::QuotaRequest out;
            const auto status = decide(admin, qr.id(), true, "race", &out);
            if (status.ok())
                ++ok;
            else if (status.error_code() == grpc::StatusCode::FAILED_PRECONDITION)
                ++failedPrecondition;
            else
                ++other;
        });
    for (auto &t : threads)
        t.join();
    EXPECT_EQ(ok.load(), 1);
    EXPECT_EQ(failedPrecondition.load(), 7);
    EXPECT_EQ(other.load(), 0);

    // The audit log holds one successful approval and seven refusals.
    auto audit = v1::Audit::NewStub(gateway->channel());
    v1::ListAuditEntriesRequest list;
    list.set_filter("action:ApproveQuotaRequest target:" + qr.id());
    v1::ListAuditEntriesResponse entries;
    auto ctx = GatewayProcess::context(admin);
    ASSERT_TRUE(audit->ListAuditEntries(ctx.get(), list, &entries).ok());
    int okEntries = 0;
    for (const auto &e : entries.entries())
        okEntries += e.result() == "OK";
    EXPECT_EQ(entries.entries_size(), 8);
    EXPECT_EQ(okEntries, 1);
    EXPECT_EQ(limitOf(current(tenant.id()).quotas(), model), qr.max_accelerators());
}

TEST_F(QuotaTest, BadRequestsSayWhatIsWrong)
{
    v1::QuotaRequest out;
    auto status = request(admin, tenant.id(), "", -4, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(status.error_message(), "max_accelerators must be > 0 (got -4)");
    status = request(admin, "no-such-tenant", "", 4, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    EXPECT_NE(status.error_message().find("no-such-tenant"), std::string::npos);
    status = request(admin, tenant.id(), "no-such-project", 4, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::NOT_FOUND);
    v1::CreateQuotaRequestRequest r;
    r.set_tenant(tenant.id());
    r.set_max_accelerators(4);
    r.set_justification("x");
    auto ctx = GatewayProcess::context(admin);
    status = tenancy->CreateQuotaRequest(ctx.get(), r, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_EQ(
        status.error_message(), "model is required, or all_models for the limit across all models");
    r.set_model(model);
    r.set_all_models(true);
    ctx = GatewayProcess::context(admin);
    status = tenancy->CreateQuotaRequest(ctx.get(), r, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("model must be unset with all_models"), std::string::npos)
        << status.error_message();

    v1::QuotaRequest qr, decided;
    ASSERT_TRUE(request(admin, tenant.id(), "", 4, &qr).ok());
    status = decide(admin, qr.id(), false, "", &decided);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("comment is required"), std::string::npos);
    ASSERT_TRUE(decide(admin, qr.id(), false, "not this quarter", &decided).ok());
    EXPECT_EQ(decided.state(), v1::QUOTA_REQUEST_STATE_REJECTED);
    status = decide(admin, qr.id(), true, "", &decided);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(status.error_message().find("already rejected"), std::string::npos)
        << status.error_message();
}

TEST_F(QuotaTest, ApprovedQuotaSurvivesARestart)
{
    v1::QuotaRequest qr, decided;
    const int64_t wanted = limitOf(tenant.quotas(), model) + 24;
    ASSERT_TRUE(request(admin, tenant.id(), "", wanted, &qr).ok());
    ASSERT_TRUE(decide(admin, qr.id(), true, "ok", &decided).ok());
    const std::string data = gateway->dataDir();
    ASSERT_EQ(gateway->stop(), 0);
    GatewayProcess again({ "--sim-nodes", "64", "--sim-jobs", "300", "--tick", "0.2" }, data);
    ASSERT_TRUE(again.start()) << again.error();
    tenancy = v1::Tenancy::NewStub(again.channel());
    EXPECT_EQ(limitOf(current(tenant.id()).quotas(), model), wanted);
    v1::ListQuotaRequestsResponse listed;
    auto ctx = GatewayProcess::context(admin);
    ASSERT_TRUE(
        tenancy->ListQuotaRequests(ctx.get(), v1::ListQuotaRequestsRequest(), &listed).ok());
    bool found = false;
    for (const auto &r : listed.requests())
        if (r.id() == qr.id())
            found = r.state() == v1::QUOTA_REQUEST_STATE_APPROVED;
    EXPECT_TRUE(found);
}

TEST_F(QuotaTest, ALimitAcrossAllModelsIsSetAskedForAndApproved)
{
    // The admin gives the tenant one limit for every model together.
    const int64_t perModelSum = [&] {
        int64_t sum = 0;
        for (const auto &q : tenant.quotas())
            sum += q.max_accelerators();
        return sum;
    }();
    ASSERT_GT(perModelSum, 16);
    auto status = setAllModels("", perModelSum);
    ASSERT_TRUE(status.ok()) << status.error_message();
    v1::Tenant t = current(tenant.id());
    EXPECT_EQ(allModelsLimitOf(t.quotas()), perModelSum);
    // Beside the per-model limits, which stay.
    EXPECT_EQ(limitOf(t.quotas(), model), limitOf(tenant.quotas(), model));
    // Its use across models is the sum of its models', for the tenant and each project.
    const v1::QuotaUsage *all = allModelsUsageOf(t.usage());
    ASSERT_NE(all, nullptr) << t.DebugString();
    int64_t sum = 0;
    for (const auto &u : t.usage())
        if (!u.all_models())
            sum += u.accelerators_in_use();
    EXPECT_EQ(all->accelerators_in_use(), sum);
    for (const auto &p : t.projects())
        EXPECT_NE(allModelsUsageOf(p.usage()), nullptr) << p.id();

    // A project's limit across all models within the tenant's is the manager's to decide: the
    // project holding most of the tenant's quota asks for less than its models' limits add up to.
    const v1::Project *biggest = &t.projects(0);
    auto held = [](const v1::Project &p) {
        int64_t n = 0;
        for (const auto &q : p.quotas())
            n += q.max_accelerators();
        return n;
    };
    for (const auto &p : t.projects())
        if (held(p) > held(*biggest))
            biggest = &p;
    ASSERT_GE(held(*biggest), 8);
    const std::string project = biggest->id();
    v1::QuotaRequest qr;
    status = requestAllModels(manager, project, 8, &qr);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(qr.all_models());
    EXPECT_EQ(qr.model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(qr.current_max_accelerators(), 0);
    EXPECT_FALSE(qr.needs_admin());
    v1::QuotaRequest decided;
    status = decide(manager, qr.id(), true, "fine", &decided);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(decided.all_models());
    const v1::Tenant approved = current(tenant.id());
    for (const auto &p : approved.projects()) {
        if (p.id() == project) {
            EXPECT_EQ(allModelsLimitOf(p.quotas()), 8);
        }
    }

    // Beyond the tenant's: the admin's. So is the tenant's own.
    status = requestAllModels(manager, project, 2 * perModelSum, &qr);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(qr.needs_admin());
    status = decide(manager, qr.id(), true, "", &decided);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_NE(status.error_message().find("accelerators across all models"), std::string::npos)
        << status.error_message();
    status = requestAllModels(manager, "", perModelSum + 8, &qr);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_TRUE(qr.needs_admin());
    EXPECT_EQ(qr.current_max_accelerators(), perModelSum);
    status = decide(admin, qr.id(), true, "granted", &decided);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(allModelsLimitOf(current(tenant.id()).quotas()), perModelSum + 8);

    // The limit across all models is kept by the gateway for the simulator, like any other.
    const std::string data = gateway->dataDir();
    ASSERT_EQ(gateway->stop(), 0);
    GatewayProcess again({ "--sim-nodes", "64", "--sim-jobs", "300", "--tick", "0.2" }, data);
    ASSERT_TRUE(again.start()) << again.error();
    tenancy = v1::Tenancy::NewStub(again.channel());
    EXPECT_EQ(allModelsLimitOf(current(tenant.id()).quotas()), perModelSum + 8);
}

TEST_F(QuotaTest, AModelLimitThatALimitAcrossAllModelsKeepsFromMatteringIsRefused)
{
    ASSERT_TRUE(setAllModels("", 16).ok());
    const std::string project = tenant.projects(0).id();
    // 24 of one model can never run where 16 of all models together may.
    v1::QuotaRequest qr;
    auto status = request(manager, tenant.id(), project, 24, &qr);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(status.error_message().find("would change nothing"), std::string::npos)
        << status.error_message();
    EXPECT_NE(
        status.error_message().find("tenant " + tenant.id() + "'s limit across all models is 16"),
        std::string::npos)
        << status.error_message();
    status = request(manager, tenant.id(), "", 24, &qr);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    // Within it, a model's limit is asked for as before...
    status = request(manager, tenant.id(), project, 12, &qr);
    ASSERT_TRUE(status.ok()) << status.error_message();
    // ...but not applied once the limit across all models has come down below it meanwhile.
    ASSERT_TRUE(setAllModels("", 8).ok());
    v1::QuotaRequest decided;
    status = decide(admin, qr.id(), true, "ok", &decided);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    EXPECT_NE(status.error_message().find(qr.id() + ": "), std::string::npos)
        << status.error_message();
    EXPECT_NE(status.error_message().find("limit across all models is 8"), std::string::npos)
        << status.error_message();
    v1::ListQuotaRequestsRequest list;
    list.set_filter("id:" + qr.id());
    v1::ListQuotaRequestsResponse listed;
    auto ctx = GatewayProcess::context(admin);
    ASSERT_TRUE(tenancy->ListQuotaRequests(ctx.get(), list, &listed).ok());
    ASSERT_EQ(listed.requests_size(), 1);
    EXPECT_EQ(listed.requests(0).state(), v1::QUOTA_REQUEST_STATE_PENDING);
    // A limit across all models that names a model is refused.
    v1::SetQuotaRequest bad;
    bad.set_tenant(tenant.id());
    bad.mutable_limit()->set_all_models(true);
    bad.mutable_limit()->set_model(model);
    bad.mutable_limit()->set_max_accelerators(8);
    v1::Tenant out;
    ctx = GatewayProcess::context(admin);
    status = tenancy->SetQuota(ctx.get(), bad, &out);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
}
