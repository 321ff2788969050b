#include "server/services/PlacementService.h"

#include "server/placement/Forecaster.h"
#include "server/placement/InputBuilder.h"
#include "server/placement/Quoter.h"

#include <algorithm>
#include <cmath>

namespace suanli::server {

PlacementService::PlacementService(GatewayContext &ctx, std::chrono::milliseconds sweepEvery)
    : ServiceBase(ctx)
    , m_sweepEvery(sweepEvery)
{
    if (m_sweepEvery.count() <= 0)
        return;
    m_sweeper = std::thread([this] {
        std::unique_lock lock(m_stopMutex);
        while (!m_stopCv.wait_for(lock, m_sweepEvery, [this] { return m_stopping; })) {
            lock.unlock();
            sweep();
            lock.lock();
        }
    });
}

PlacementService::~PlacementService()
{
    {
        std::lock_guard lock(m_stopMutex);
        m_stopping = true;
    }
    m_stopCv.notify_all();
    if (m_sweeper.joinable())
        m_sweeper.join();
}

int64_t PlacementService::nowS() const
{
    return std::chrono::duration_cast<std::chrono::seconds>(m_ctx.backend.now().time_since_epoch())
        .count();
}

placement::ForecastInput PlacementService::input() const
{
    // The objects stay alive while the builder reads them.
    const auto queues = m_ctx.cache.queues().all();
    const auto nodes = m_ctx.cache.nodes().all();
    const auto jobs = m_ctx.cache.jobs().all();
    const auto ended = m_ctx.cache.endedJobs();
    const auto tenants = m_ctx.cache.tenants();
    placement::InputBuilder builder(nowS());
    for (const auto &q : queues)
        builder.addQueue(*q);
    for (const auto &n : nodes)
        builder.addNode(*n);
    for (const auto &j : jobs)
        builder.addJob(*j);
    for (const auto &j : ended)
        builder.addJob(*j);
    for (const auto &t : tenants)
        builder.addTenant(t);
    return builder.take();
}

void PlacementService::sweep()
{
    const placement::ForecastInput in = input();
    const placement::Forecaster forecaster(in);
    const auto forecasts = forecaster.forecastPending();
    for (size_t i = 0; i < forecasts.size(); ++i)
        m_tracker.forecast(placement::Quoter::kMethod, in.pending[i].id,
            in.queues[in.pending[i].queue].name, forecasts[i]);
    for (const auto &id : m_tracker.open()) {
        const auto job = m_ctx.cache.job(id);
        if (!job) {
            m_tracker.forget(id);
        } else if (job->has_start_time() && job->start_time().seconds() > 0) {
            m_tracker.started(id, job->start_time().seconds(), in.nowS);
        } else if (job->state() != v1::JOB_STATE_PENDING) {
            m_tracker.forget(id); // held, or cancelled before it started
        }
    }
}

grpc::ServerUnaryReactor *PlacementService::QuotePlacement(grpc::CallbackServerContext *call,
    const v1::QuotePlacementRequest *request, v1::QuotePlacementResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Placement.QuotePlacement", &who, false); !status.ok())
        return finish(call, status);
    if (const std::string problem = placement::Quoter::checkShape(*request); !problem.empty())
        return finish(call, invalidArgument(problem));
    if (::suanli::seesOnlyOwnTenants(who.role) && !seesTenant(who, request->tenant()))
        return finish(call,
            grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
                "tenant: a tenant manager quotes for the tenants on their account only (got \""
                    + request->tenant() + "\")"));
    // The replay is CPU work: it runs on the action executor, not on a gRPC thread.
    return runAction(call, [this, request, response] {
        response->set_site(m_ctx.site.name);
        response->set_site_name_zh(m_ctx.site.nameZh);
        const placement::ForecastInput in = input();
        response->mutable_as_of()->set_seconds(in.nowS);
        if (m_ctx.health.outage()) {
            auto *r = response->add_reasons();
            r->set_obstacle(v1::PLACEMENT_OBSTACLE_BACKEND_UNREACHABLE);
            r->set_message(placement::Quoter::describe(*r));
        }
        const placement::Forecaster forecaster(in);
        const placement::Quoter quoter(
            in, forecaster, { m_ctx.site.pue, m_ctx.site.carbonGPerKwh, m_ctx.site.province });
        quoter.quote(*request, response);
        // The scheduler's own estimate beside ours, where it has one (Slurm).
        const std::string method = m_ctx.backend.startEstimateMethod();
        for (auto &quote : *response->mutable_quotes()) {
            if (method.empty() || !quote.has_forecast() || quote.queue().empty())
                continue;
            Backend::StartQuestion question;
            question.queue = quote.queue();
            question.model = quote.model_name();
            question.accelerators = request->accelerators();
            question.perNode = request->accelerators_per_node();
            question.seconds = int64_t(std::llround(request->hours() * 3600.0));
            question.account = request->tenant();
            std::string error;
            const auto start = m_ctx.backend.estimateStart(question, &error);
            auto *estimate = quote.add_scheduler_estimates();
            estimate->set_method(method);
            estimate->set_available(start.has_value());
            if (!start) {
                estimate->set_message(error);
                continue;
            }
            const int64_t wait = std::max<int64_t>(0,
                std::chrono::duration_cast<std::chrono::seconds>(start->time_since_epoch())
                        .count()
                    - in.nowS);
            estimate->set_start_in_seconds_p10(wait);
            estimate->set_start_in_seconds_p50(wait);
            estimate->set_start_in_seconds_p90(wait);
        }
        return grpc::Status::OK;
    });
}

grpc::ServerUnaryReactor *PlacementService::GetForecastAccuracy(grpc::CallbackServerContext *call,
    const v1::GetForecastAccuracyRequest *request, v1::GetForecastAccuracyResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Placement.GetForecastAccuracy", &who, false); !status.ok())
        return finish(call, status);
    if (request->window_seconds() < 0)
        return finish(call,
            invalidArgument("window_seconds must be >= 0 (got "
                + std::to_string(request->window_seconds()) + ")"));
    const int64_t window = request->window_seconds() > 0 ? request->window_seconds() : 86400;
    response->set_window_seconds(window);
    for (const auto &a : m_tracker.accuracy(nowS(), window)) {
        auto *q = response->add_queues();
        q->set_queue(a.queue);
        q->set_method(a.method);
        q->set_jobs_scored(a.scored);
        q->set_inside_interval_share(a.insideShare);
        q->set_p50_error_seconds_median(a.p50ErrorMedian);
        q->set_interval_seconds_median(a.intervalMedian);
    }
    return finish(call, grpc::Status::OK);
}

} // namespace suanli::server
