#include "server/placement/Quoter.h"

#include "common/Describe.h"
#include "common/PlacementWords.h"
#include "server/backends/facts/AcceleratorSpec.h"
#include "server/backends/facts/GridCarbon.h"
#include "server/placement/InputBuilder.h"

#include <algorithm>
#include <cmath>

namespace suanli::server::placement {

namespace {
constexpr int kMaxModels = 16;
constexpr double kMaxHours = 24.0 * 366;
constexpr int32_t kMaxAccelerators = 1'000'000;
} // namespace

Quoter::Quoter(const ForecastInput &input, const Forecaster &forecaster, Site site)
    : m_input(input)
    , m_forecaster(forecaster)
    , m_site(std::move(site))
{
}

std::string Quoter::checkShape(const v1::QuotePlacementRequest &r)
{
    if (r.models_size() + r.model_names_size() == 0)
        return "models: name at least one accelerator model";
    if (r.models_size() + r.model_names_size() > kMaxModels)
        return "models: at most " + std::to_string(kMaxModels) + " models (got "
            + std::to_string(r.models_size() + r.model_names_size()) + ")";
    if (r.accelerators() <= 0 || r.accelerators() > kMaxAccelerators)
        return "accelerators must be 1.." + std::to_string(kMaxAccelerators) + " (got "
            + std::to_string(r.accelerators()) + ")";
    if (r.accelerators_per_node() < 0 || r.accelerators_per_node() > r.accelerators())
        return "accelerators_per_node must be 0..accelerators (got "
            + std::to_string(r.accelerators_per_node()) + ")";
    if (r.accelerators_per_node() > 0 && r.accelerators() % r.accelerators_per_node() != 0)
        return "accelerators (" + std::to_string(r.accelerators())
            + ") must be a multiple of accelerators_per_node ("
            + std::to_string(r.accelerators_per_node()) + ")";
    if (!(r.hours() > 0) || r.hours() > kMaxHours)
        return "hours must be above 0 and at most a year (got " + std::to_string(r.hours()) + ")";
    if (r.project().size() && r.tenant().empty())
        return "project: name its tenant as well";
    return {};
}

bool Quoter::domestic(v1::AcceleratorModel model)
{
    return model == v1::ACCELERATOR_MODEL_ASCEND_910B
        || model == v1::ACCELERATOR_MODEL_CAMBRICON_MLU370
        || model == v1::ACCELERATOR_MODEL_HYGON_K100;
}

double Quoter::typicalWatts(v1::AcceleratorModel model)
{
    if (model == v1::ACCELERATOR_MODEL_UNSPECIFIED || model == v1::ACCELERATOR_MODEL_OTHER)
        return 0;
    // Training keeps cards near their board power (Acme: median GPU use 97 %), so the typical
    // draw of a busy card is its TDP (docs/FACTS.md sections 1 and 5).
    for (const auto &spec : AcceleratorSpec::all())
        if (spec.model == model)
            return spec.tdpWatts;
    return 0;
}

v1::CarbonFactor Quoter::carbonOf(const Site &site)
{
    v1::CarbonFactor c;
    if (!site.carbonGPerKwh)
        return c;
    c.set_g_per_kwh(*site.carbonGPerKwh);
    c.set_province(site.province);
    const auto *published = GridCarbon::find(site.province);
    if (published && std::abs(published->gPerKwh - *site.carbonGPerKwh) < 1e-6) {
        c.set_kind("annual average");
        c.set_source("MEE and NBS provincial grid emission factors");
        c.set_year(2022);
        c.set_province(published->name);
    } else {
        c.set_kind("configured");
        c.set_source("the centre's operators");
    }
    return c;
}

std::string Quoter::describe(const v1::PlacementReason &reason)
{
    return placementReasonText(reason);
}

void Quoter::quote(const v1::QuotePlacementRequest &request, v1::QuotePlacementResponse *out) const
{
    for (int model : request.models())
        quoteModel(request, v1::AcceleratorModel(model), {}, out->add_quotes());
    for (const auto &name : request.model_names()) {
        const auto parsed = parseModel(name);
        quoteModel(request, parsed.value_or(v1::ACCELERATOR_MODEL_OTHER), name, out->add_quotes());
    }
}

void Quoter::quoteModel(const v1::QuotePlacementRequest &request, v1::AcceleratorModel value,
    const std::string &name, v1::ModelQuote *out) const
{
    const ForecastInput &in = m_input;
    out->set_model(value);
    out->set_model_name(value == v1::ACCELERATOR_MODEL_OTHER ? name : modelShortName(value));
    out->set_domestic(domestic(value));
    out->set_quota_headroom(-1);
    auto reason = [&](v1::PlacementObstacle obstacle, int64_t have, int64_t limit, int64_t asked) {
        auto *r = out->add_reasons();
        r->set_obstacle(obstacle);
        r->set_have(have);
        r->set_limit(limit);
        r->set_asked(asked);
        r->set_message(describe(*r));
    };

    const int32_t asked = request.accelerators();
    const double hours = request.hours();
    const double watts = typicalWatts(value);
    out->set_power_watts_per_accelerator(watts);
    if (m_site.pue) {
        out->set_pue(*m_site.pue);
        out->set_energy_kwh(double(asked) * watts * hours * *m_site.pue / 1000.0);
        *out->mutable_carbon() = carbonOf(m_site);
        out->set_co2_kg(out->energy_kwh() * out->carbon().g_per_kwh() / 1000.0);
    }

    const int m = InputBuilder::modelIndex(in, value, name);
    int queue = -1;
    if (m >= 0 && !request.queue().empty()) {
        queue = in.queueIndex(request.queue());
        if (queue >= 0 && in.queues[size_t(queue)].model != m)
            queue = -1;
    }
    // The queue of the model with the most accelerators.
    std::vector<int64_t> queueTotal(in.queues.size(), 0);
    for (const auto &node : in.nodes)
        for (uint16_t q : node.queues)
            if (q < queueTotal.size())
                queueTotal[q] += node.healthy;
    if (m >= 0 && request.queue().empty())
        for (size_t q = 0; q < in.queues.size(); ++q)
            if (in.queues[q].model == m && queueTotal[q] > 0
                && (queue < 0 || queueTotal[q] > queueTotal[size_t(queue)]))
                queue = int(q);
    if (queue < 0) {
        reason(v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL, 0, 0, asked);
        return;
    }
    const auto &q = in.queues[size_t(queue)];
    out->set_queue(q.name);

    // The nodes: in service, with room for the gang shape, with that room free now.
    int32_t largestNode = 0;
    for (const auto &node : in.nodes)
        if (std::find(node.queues.begin(), node.queues.end(), uint16_t(queue)) != node.queues.end())
            largestNode = std::max(largestNode, node.healthy);
    const int32_t perNode = request.accelerators_per_node() > 0
        ? request.accelerators_per_node()
        : std::max(1, std::min(asked, largestNode > 0 ? largestNode : asked));
    const int64_t needed = (int64_t(asked) + perNode - 1) / perNode;
    int64_t inService = 0, shaped = 0, freeNow = 0;
    for (const auto &node : in.nodes) {
        if (!node.inService
            || std::find(node.queues.begin(), node.queues.end(), uint16_t(queue))
                == node.queues.end())
            continue;
        ++inService;
        shaped += node.healthy >= perNode;
        freeNow += node.healthy - node.allocated >= perNode;
    }
    bool never = false;
    if (asked > queueTotal[size_t(queue)]) {
        reason(v1::PLACEMENT_OBSTACLE_OVER_QUEUE_LIMIT, queueTotal[size_t(queue)],
            queueTotal[size_t(queue)], asked);
        never = true;
    }
    const auto limitS = int64_t(std::llround(hours * 3600.0));
    if (q.maxTimeSeconds > 0 && limitS > q.maxTimeSeconds) {
        reason(v1::PLACEMENT_OBSTACLE_OVER_TIME_LIMIT, 0, q.maxTimeSeconds, limitS);
        never = true;
    }
    if (inService < needed) {
        reason(v1::PLACEMENT_OBSTACLE_NOT_ENOUGH_NODES, inService, 0, needed);
        never = true;
    } else if (shaped < needed) {
        reason(v1::PLACEMENT_OBSTACLE_NO_GANG_FIT, shaped, 0, needed);
        never = true;
    }

    // Quotas: the tenant's and the project's, of the model and across all models.
    int32_t tenant = -1, project = -1;
    bool quotaNow = true;
    if (!request.tenant().empty() && !in.accounts.empty()) {
        tenant = in.accountIndex(InputBuilder::tenantAccount(request.tenant()));
        if (!request.project().empty())
            project = in.accountIndex(InputBuilder::projectAccount(request.project()));
        if (tenant < 0 || (!request.project().empty() && project < 0)) {
            reason(v1::PLACEMENT_OBSTACLE_NO_QUOTA, 0, 0, asked);
            never = true;
            quotaNow = false;
        } else {
            struct Binding {
                int64_t held = 0, limit = -1;
            };
            Binding tightest;
            bool none = false;
            for (int32_t account : { tenant, project }) {
                if (account < 0)
                    continue;
                const auto &a = in.accounts[size_t(account)];
                for (bool all : { false, true }) {
                    const int64_t limit = all ? a.allModels : a.perModel[size_t(m)];
                    if (limit < 0)
                        continue;
                    int64_t held = 0;
                    for (const auto &r : in.running)
                        if ((r.tenant == account || r.project == account)
                            && (all || in.queues[r.queue].model == m))
                            held += r.accelerators;
                    none = none || limit == 0;
                    if (tightest.limit < 0 || limit - held < tightest.limit - tightest.held)
                        tightest = { held, limit };
                }
            }
            if (none) {
                reason(v1::PLACEMENT_OBSTACLE_NO_QUOTA, 0, 0, asked);
                never = true;
                quotaNow = false;
            } else if (tightest.limit >= 0) {
                out->set_quota_held(tightest.held);
                out->set_quota_limit(tightest.limit);
                out->set_quota_headroom(std::max<int64_t>(0, tightest.limit - tightest.held));
                if (tightest.held + asked > tightest.limit) {
                    reason(v1::PLACEMENT_OBSTACLE_QUOTA_EXHAUSTED, tightest.held, tightest.limit,
                        asked);
                    quotaNow = false;
                    never = never || asked > tightest.limit;
                }
            }
        }
    }
    if (never)
        return;

    Forecaster::Virtual job;
    job.queue = uint16_t(queue);
    job.tenant = tenant;
    job.project = project;
    job.accelerators = asked;
    job.limitS = limitS;
    job.priority = m_forecaster.typicalPriority(job.queue, tenant);
    const Forecaster::Forecast f = m_forecaster.forecast(job);
    auto *estimate = out->mutable_forecast();
    estimate->set_method(kMethod);
    if (f.known) {
        estimate->set_available(true);
        estimate->set_start_in_seconds_p10(f.p10 - in.nowS);
        estimate->set_start_in_seconds_p50(f.p50 - in.nowS);
        estimate->set_start_in_seconds_p90(f.p90 - in.nowS);
    } else {
        estimate->set_message("behind more than " + std::to_string(Forecaster::kMaxReplayedPerQueue)
            + " waiting jobs of the queue: later than the forecast looks");
    }
    out->set_fits_now(quotaNow && freeNow >= needed && f.known && f.p50 == in.nowS);
}

} // namespace suanli::server::placement
