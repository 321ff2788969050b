#include "server/services/TenancyService.h"

#include "common/Describe.h"
#include "common/Filter.h"
#include "server/gateway/Log.h"
#include "server/gateway/Paging.h"
#include "server/gateway/Watch.h"

#include <algorithm>
#include <google/protobuf/util/time_util.h>

namespace suanli::server {

using google::protobuf::util::TimeUtil;

namespace {
using ::suanli::QuotaKind;

// "A100", or "accelerators across all models" where a number comes first.
std::string kindText(QuotaKind kind)
{
    return kind.allModels ? std::string("accelerators across all models")
                          : ::suanli::modelShortName(kind.model);
}

// "tenant galaxy" or "project galaxy-chat".
std::string ownerText(const v1::Tenant &tenant, const std::string &project)
{
    return project.empty() ? "tenant " + tenant.id() : "project " + project;
}
} // namespace

bool TenancyService::inScope(const Principal &who, const std::string &tenant)
{
    return ::suanli::actsForTenant(who.role, who.tenants, tenant);
}

bool TenancyService::needsAdmin(const v1::Tenant &tenant, const std::string &project,
    QuotaKind kind, int64_t maxAccelerators, std::string *why)
{
    const ::suanli::AdminRule rule = ::suanli::adminRule(tenant, project, kind, maxAccelerators);
    if (rule.tenantsOwn)
        *why = "it changes tenant " + tenant.id() + "'s own quota";
    else if (rule.needsAdmin)
        *why = "its projects would hold " + std::to_string(rule.hold.after) + " " + kindText(kind)
            + " against tenant " + tenant.id() + "'s quota of "
            + std::to_string(rule.hold.tenantCap);
    return rule.needsAdmin;
}

grpc::Status TenancyService::checkTakesEffect(
    const v1::Tenant &tenant, const std::string &project, QuotaKind kind, int64_t maxAccelerators)
{
    if (kind.allModels)
        return grpc::Status::OK;
    const auto below = ::suanli::allModelsLimitBelow(tenant, project, maxAccelerators);
    if (!below)
        return grpc::Status::OK;
    const std::string whose
        = (project.empty() || below->tenants ? "tenant " : "project ") + below->owner + "'s";
    return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
        "the " + kindText(kind) + " limit of " + std::to_string(maxAccelerators) + " asked for "
            + ownerText(tenant, project) + " would change nothing: " + whose
            + " limit across all models is " + std::to_string(below->limit)
            + " and is reached first; ask for the limit across all models instead");
}

grpc::ServerUnaryReactor *TenancyService::ListTenants(grpc::CallbackServerContext *call,
    const v1::ListTenantsRequest *request, v1::ListTenantsResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Tenancy.ListTenants", &who, false); !status.ok())
        return finish(call, status);
    ::suanli::FilterError error;
    auto filter = ::suanli::Filter::parse(request->filter(), ::suanli::tenantFields(), &error);
    if (!filter)
        return finish(call, invalidArgument("filter: " + error.toString()));
    for (const auto &tenant : m_ctx.cache.tenants()) {
        if (!seesTenant(who, tenant.id()))
            continue;
        if (!filter->matches(tenant))
            continue;
        *response->add_tenants() = tenant;
    }
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *TenancyService::WatchTenants(
    grpc::CallbackServerContext *call, const grpc::ByteBuffer *request)
{
    return openWatch<v1::Tenant, v1::TenantsEvent>(call, "Tenancy.WatchTenants", request,
        m_ctx.cache.tenantCollection(),
        [](const Principal &who) -> WatchReactor<v1::Tenant, v1::TenantsEvent>::Filter {
            if (!::suanli::seesOnlyOwnTenants(who.role))
                return {};
            return [who](const v1::Tenant &t) { return seesTenant(who, t.id()); };
        });
}

grpc::Status TenancyService::applyQuota(
    const std::string &tenant, const std::string &project, const v1::QuotaLimit &limit)
{
    std::string error;
    if (!m_ctx.backend.setQuota(tenant, project, limit, &error)) {
        if (!m_ctx.backend.reachable())
            return schedulerUnavailable(error);
        return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
            "the " + m_ctx.backend.kind() + " backend refused the quota: " + error);
    }
    m_ctx.store.saveQuota(StoredQuota { tenant, project, limit });
    m_ctx.publishNow();
    return grpc::Status::OK;
}

grpc::ServerUnaryReactor *TenancyService::SetQuota(
    grpc::CallbackServerContext *call, const v1::SetQuotaRequest *request, v1::Tenant *response)
{
    constexpr const char *method = "Tenancy.SetQuota";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    const std::string target
        = request->tenant() + (request->project().empty() ? "" : "/" + request->project());
    auto refuse = [&](const grpc::Status &status) {
        audit(call, who, method, target, request->reason(), status);
        return finish(call, status);
    };
    if (request->tenant().empty())
        return refuse(invalidArgument("tenant is required"));
    if (const auto problem = ::suanli::quotaLimitProblem(request->limit(), "limit"))
        return refuse(invalidArgument(*problem));
    if (auto status = checkReason(request->reason(), false, ""); !status.ok())
        return refuse(status);
    auto tenant = m_ctx.cache.tenant(request->tenant());
    if (!tenant)
        return refuse(grpc::Status(
            grpc::StatusCode::NOT_FOUND, "tenant '" + request->tenant() + "' not found"));
    if (!request->project().empty() && !::suanli::projectOf(*tenant, request->project()))
        return refuse(grpc::Status(grpc::StatusCode::NOT_FOUND,
            "project '" + request->project() + "' not found in tenant " + request->tenant()));
    if (replay(who, request->request_id(), response)) {
        logReplay(who, method, request->request_id());
        return finish(call, grpc::Status::OK);
    }
    auto audited = auditing(call, who, method, target, request->reason());
    return runAction(
        call,
        [this, call, who, method, target, request, response, audited]() {
            if (replay(who, request->request_id(), response)) {
                logReplay(who, method, request->request_id());
                return grpc::Status::OK;
            }
            const auto &limit = request->limit();
            grpc::Status status;
            {
                std::lock_guard lock(m_ctx.quotaMutex);
                status = applyQuota(request->tenant(), request->project(), limit);
            }
            if (!status.ok()) {
                audited(status);
                return status;
            }
            if (auto updated = m_ctx.cache.tenant(request->tenant()))
                *response = *updated;
            remember(who, request->request_id(), *response);
            audit(call, who, method, target, request->reason(), grpc::Status::OK,
                ::suanli::quotaKindName(QuotaKind::of(limit))
                    + " max_accelerators=" + std::to_string(limit.max_accelerators())
                    + " max_accelerator_hours=" + std::to_string(limit.max_accelerator_hours()));
            return grpc::Status::OK;
        },
        audited);
}

grpc::ServerUnaryReactor *TenancyService::ListQuotaRequests(grpc::CallbackServerContext *call,
    const v1::ListQuotaRequestsRequest *request, v1::ListQuotaRequestsResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Tenancy.ListQuotaRequests", &who, false); !status.ok())
        return finish(call, status);
    Page page;
    if (auto status = parsePage(request->page_size(), request->page_token(), 500, 5000, &page);
        !status.ok())
        return finish(call, status);
    ::suanli::FilterError error;
    auto filter
        = ::suanli::Filter::parse(request->filter(), ::suanli::quotaRequestFields(), &error);
    if (!filter)
        return finish(call, invalidArgument("filter: " + error.toString()));
    auto items = m_ctx.cache.quotaRequests().all();
    std::erase_if(items,
        [&](const auto &r) { return !seesTenant(who, r->tenant()) || !filter->matches(*r); });
    // Pending first, then newest first.
    std::stable_sort(items.begin(), items.end(), [](const auto &a, const auto &b) {
        const bool pa = a->state() == v1::QUOTA_REQUEST_STATE_PENDING;
        const bool pb = b->state() == v1::QUOTA_REQUEST_STATE_PENDING;
        if (pa != pb)
            return pa;
        return a->id() > b->id();
    });
    for (size_t i = page.offset; i < items.size() && i < page.offset + page.size; ++i)
        *response->add_requests() = *items[i];
    response->set_next_page_token(nextPageToken(page, items.size()));
    response->set_total_size(static_cast<int32_t>(items.size()));
    return finish(call, grpc::Status::OK);
}

grpc::ServerWriteReactor<grpc::ByteBuffer> *TenancyService::WatchQuotaRequests(
    grpc::CallbackServerContext *call, const grpc::ByteBuffer *request)
{
    return openWatch<v1::QuotaRequest, v1::QuotaRequestsEvent>(call, "Tenancy.WatchQuotaRequests",
        request, m_ctx.cache.quotaRequests(),
        &tenantScope<v1::QuotaRequest, v1::QuotaRequestsEvent>);
}

grpc::ServerUnaryReactor *TenancyService::CreateQuotaRequest(grpc::CallbackServerContext *call,
    const v1::CreateQuotaRequestRequest *request, v1::QuotaRequest *response)
{
    constexpr const char *method = "Tenancy.CreateQuotaRequest";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    const std::string target
        = request->tenant() + (request->project().empty() ? "" : "/" + request->project());
    auto refuse = [&](const grpc::Status &status) {
        audit(call, who, method, target, request->justification(), status);
        return finish(call, status);
    };
    if (request->tenant().empty())
        return refuse(invalidArgument("tenant is required"));
    if (!inScope(who, request->tenant()))
        return refuse(grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
            "user " + who.user + " does not act for tenant " + request->tenant()));
    const QuotaKind kind = QuotaKind::of(*request);
    if (request->all_models() && request->model() != v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return refuse(invalidArgument("model must be unset with all_models (got "
            + v1::AcceleratorModel_Name(request->model()) + ")"));
    if (!request->all_models() && request->model() == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return refuse(
            invalidArgument("model is required, or all_models for the limit across all models"));
    if (request->max_accelerators() <= 0)
        return refuse(invalidArgument("max_accelerators must be > 0 (got "
            + std::to_string(request->max_accelerators()) + ")"));
    if (request->max_accelerator_hours() < 0)
        return refuse(invalidArgument("max_accelerator_hours must be >= 0 (got "
            + std::to_string(request->max_accelerator_hours()) + ")"));
    if (request->justification().find_first_not_of(" \t\n") == std::string::npos)
        return refuse(invalidArgument("justification is required: say what the quota is for"));
    if (auto status = checkText(request->justification(), ::suanli::kJustificationLimit);
        !status.ok())
        return refuse(status);
    if (request->has_until_time()
        && TimeUtil::TimestampToSeconds(request->until_time())
            <= std::chrono::duration_cast<std::chrono::seconds>(
                m_ctx.backend.now().time_since_epoch())
                   .count())
        return refuse(invalidArgument("until_time must be in the future (got "
            + TimeUtil::ToString(request->until_time()) + ")"));
    auto tenant = m_ctx.cache.tenant(request->tenant());
    if (!tenant)
        return refuse(grpc::Status(
            grpc::StatusCode::NOT_FOUND, "tenant '" + request->tenant() + "' not found"));
    const ::suanli::QuotaLimits *limits = ::suanli::quotaLimitsOf(*tenant, request->project());
    if (!limits)
        return refuse(grpc::Status(grpc::StatusCode::NOT_FOUND,
            "project '" + request->project() + "' not found in tenant " + request->tenant()));
    if (replay(who, request->request_id(), response)) {
        logReplay(who, method, request->request_id());
        return finish(call, grpc::Status::OK);
    }
    if (auto status
        = checkTakesEffect(*tenant, request->project(), kind, request->max_accelerators());
        !status.ok())
        return refuse(status);
    v1::QuotaRequest qr;
    qr.set_tenant(request->tenant());
    qr.set_project(request->project());
    qr.set_requester(who.user);
    qr.set_model(request->model());
    qr.set_all_models(request->all_models());
    qr.set_max_accelerators(request->max_accelerators());
    qr.set_max_accelerator_hours(request->max_accelerator_hours());
    if (const auto *current = ::suanli::findQuotaLimit(*limits, kind)) {
        qr.set_current_max_accelerators(current->max_accelerators());
        qr.set_current_max_accelerator_hours(current->max_accelerator_hours());
    }
    qr.set_justification(request->justification());
    if (request->has_until_time())
        *qr.mutable_until_time() = request->until_time();
    std::string why;
    qr.set_needs_admin(
        needsAdmin(*tenant, request->project(), kind, request->max_accelerators(), &why));
    return runAction(
        call,
        [this, call, who, method, target, request, response, kind, qr]() {
            if (replay(who, request->request_id(), response)) {
                logReplay(who, method, request->request_id());
                return grpc::Status::OK;
            }
            *response = m_ctx.store.createQuotaRequest(qr);
            m_ctx.cache.quotaRequests().apply({ *response }, {}, m_ctx.cache.status());
            remember(who, request->request_id(), *response);
            audit(call, who, method, target, request->justification(), grpc::Status::OK,
                response->id() + ": " + ::suanli::quotaKindName(kind) + " "
                    + std::to_string(qr.current_max_accelerators()) + " -> "
                    + std::to_string(request->max_accelerators()));
            return grpc::Status::OK;
        },
        auditing(call, who, method, target, request->justification()));
}

grpc::Status TenancyService::approve(grpc::CallbackServerContext *call, const Principal &who,
    const v1::DecideQuotaRequestRequest &request, v1::QuotaRequest *response)
{
    // One decision at a time: checking, applying and recording are one step.
    std::lock_guard lock(m_ctx.quotaMutex);
    auto qr = m_ctx.store.quotaRequest(request.id());
    if (!qr)
        return grpc::Status(
            grpc::StatusCode::NOT_FOUND, "quota request '" + request.id() + "' not found");
    if (!inScope(who, qr->tenant()))
        return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
            "user " + who.user + " does not manage tenant " + qr->tenant());
    if (qr->state() != v1::QUOTA_REQUEST_STATE_PENDING)
        return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
            request.id() + " is already " + ::suanli::stateName(qr->state()) + " by "
                + qr->decider());
    auto tenant = m_ctx.cache.tenant(qr->tenant());
    if (!tenant)
        return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
            "tenant '" + qr->tenant() + "' no longer exists in the backend");
    // The limits may have moved since the request was made: a model's limit that a limit
    // across all models now keeps from taking effect is not applied as if it did.
    const QuotaKind kind = QuotaKind::of(*qr);
    if (auto status = checkTakesEffect(*tenant, qr->project(), kind, qr->max_accelerators());
        !status.ok())
        return grpc::Status(status.error_code(), request.id() + ": " + status.error_message());
    std::string why;
    if (!::suanli::mayApproveWith(
            who.role, needsAdmin(*tenant, qr->project(), kind, qr->max_accelerators(), &why)))
        return grpc::Status(
            grpc::StatusCode::PERMISSION_DENIED, request.id() + " needs a centre admin: " + why);
    v1::QuotaLimit limit;
    limit.set_model(qr->model());
    limit.set_all_models(qr->all_models());
    limit.set_max_accelerators(qr->max_accelerators());
    limit.set_max_accelerator_hours(qr->max_accelerator_hours());
    if (auto status = applyQuota(qr->tenant(), qr->project(), limit); !status.ok())
        return status;
    auto decided = m_ctx.store.decideQuotaRequest(
        request.id(), v1::QUOTA_REQUEST_STATE_APPROVED, who.user, request.comment());
    if (!decided)
        return grpc::Status(
            grpc::StatusCode::FAILED_PRECONDITION, request.id() + " was decided by someone else");
    *response = *decided;
    m_ctx.cache.quotaRequests().apply({ *decided }, {}, m_ctx.cache.status());
    return grpc::Status::OK;
}

grpc::Status TenancyService::checkRejection(const v1::DecideQuotaRequestRequest &request)
{
    if (request.id().empty())
        return invalidArgument("id is required");
    if (request.comment().find_first_not_of(" \t\n") == std::string::npos)
        return invalidArgument("comment is required when rejecting: tell the requester why");
    return checkText(request.comment(), ::suanli::kCommentLimit);
}

grpc::Status TenancyService::reject(grpc::CallbackServerContext *call, const Principal &who,
    const v1::DecideQuotaRequestRequest &request, v1::QuotaRequest *response)
{
    std::lock_guard lock(m_ctx.quotaMutex);
    auto qr = m_ctx.store.quotaRequest(request.id());
    if (!qr)
        return grpc::Status(
            grpc::StatusCode::NOT_FOUND, "quota request '" + request.id() + "' not found");
    if (!inScope(who, qr->tenant()))
        return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
            "user " + who.user + " does not manage tenant " + qr->tenant());
    auto decided = m_ctx.store.decideQuotaRequest(
        request.id(), v1::QUOTA_REQUEST_STATE_REJECTED, who.user, request.comment());
    if (!decided)
        return grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
            request.id() + " is already " + ::suanli::stateName(qr->state()) + " by "
                + qr->decider());
    *response = *decided;
    m_ctx.cache.quotaRequests().apply({ *decided }, {}, m_ctx.cache.status());
    return grpc::Status::OK;
}

grpc::ServerUnaryReactor *TenancyService::ApproveQuotaRequest(grpc::CallbackServerContext *call,
    const v1::DecideQuotaRequestRequest *request, v1::QuotaRequest *response)
{
    constexpr const char *method = "Tenancy.ApproveQuotaRequest";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    return decide(
        call, method, who,
        request->id().empty() ? invalidArgument("id is required") : grpc::Status::OK,
        [this, call, who, request, response] { return approve(call, who, *request, response); },
        *request);
}

grpc::ServerUnaryReactor *TenancyService::RejectQuotaRequest(grpc::CallbackServerContext *call,
    const v1::DecideQuotaRequestRequest *request, v1::QuotaRequest *response)
{
    constexpr const char *method = "Tenancy.RejectQuotaRequest";
    Principal who;
    if (auto status = authorize(call, method, &who, true); !status.ok())
        return finish(call, status);
    return decide(
        call, method, who, checkRejection(*request),
        [this, call, who, request, response] { return reject(call, who, *request, response); },
        *request);
}

grpc::ServerUnaryReactor *TenancyService::decide(grpc::CallbackServerContext *call,
    const char *method, const Principal &who, const grpc::Status &checked,
    std::function<grpc::Status()> apply, const v1::DecideQuotaRequestRequest &request)
{
    auto audited = auditing(call, who, method, request.id(), request.comment());
    if (!checked.ok()) {
        audited(checked);
        return finish(call, checked);
    }
    return runAction(
        call,
        [apply = std::move(apply), audited] {
            const grpc::Status status = apply();
            audited(status);
            return status;
        },
        audited);
}

} // namespace suanli::server
