#include "server/placement/Forecaster.h"

#include "server/placement/Profile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>
#include <unordered_map>

namespace suanli::server::placement {

int ForecastInput::queueIndex(const std::string &name) const
{
    for (size_t i = 0; i < queues.size(); ++i)
        if (queues[i].name == name)
            return int(i);
    return -1;
}

int ForecastInput::accountIndex(const std::string &id) const
{
    for (size_t i = 0; i < accounts.size(); ++i)
        if (accounts[i].id == id)
            return int(i);
    return -1;
}

Forecaster::Forecaster(const ForecastInput &input, Calibration calibration)
    : m_input(input)
    , m_runtimes(input)
    , m_calibration(std::move(calibration))
{
    // What arrived over the last window, by submission time.
    std::vector<Arrival> recent;
    const int64_t since = input.nowS - kArrivalWindowS;
    auto arrived = [&](int64_t submitS, uint16_t queue, int32_t tenant, int32_t project,
                       int32_t accelerators, int64_t priority, int64_t limitS) {
        if (submitS >= since && submitS < input.nowS)
            recent.push_back({ submitS, queue, tenant, project, accelerators, priority, limitS });
    };
    for (const auto &j : input.pending)
        arrived(j.submitS, j.queue, j.tenant, j.project, j.accelerators, j.priority, j.limitS);
    for (const auto &j : input.running)
        arrived(j.submitS, j.queue, j.tenant, j.project, j.accelerators, j.priority, j.limitS);
    for (const auto &j : input.finished)
        arrived(j.submitS, j.queue, j.tenant, j.project, j.accelerators, j.priority, j.limitS);
    std::sort(recent.begin(), recent.end(), [](const Arrival &a, const Arrival &b) {
        return std::tie(a.atS, a.queue, a.priority, a.accelerators)
            < std::tie(b.atS, b.queue, b.priority, b.accelerators);
    });
    for (int64_t shift = kArrivalWindowS; shift <= kArrivalHorizonS; shift += kArrivalWindowS)
        for (const Arrival &a : recent) {
            if (m_arrivals.size() >= kMaxArrivals)
                break;
            Arrival again = a;
            again.atS += shift;
            m_arrivals.push_back(again);
        }

    const size_t pending = input.pending.size();
    m_order.resize(pending + m_arrivals.size());
    for (size_t i = 0; i < m_order.size(); ++i)
        m_order[i] = uint32_t(i);
    auto priority = [&](uint32_t i) {
        return i < pending ? input.pending[i].priority : m_arrivals[i - pending].priority;
    };
    auto at = [&](uint32_t i) {
        return i < pending ? input.pending[i].submitS : m_arrivals[i - pending].atS;
    };
    std::sort(m_order.begin(), m_order.end(), [&](uint32_t a, uint32_t b) {
        if (priority(a) != priority(b))
            return priority(a) > priority(b);
        if (at(a) != at(b))
            return at(a) < at(b);
        return a < b;
    });
}

int64_t Forecaster::limitOf(uint16_t queue, int64_t limitS) const
{
    if (limitS > 0)
        return limitS;
    const int64_t queueLimit
        = queue < m_input.queues.size() ? m_input.queues[queue].maxTimeSeconds : 0;
    return queueLimit > 0 ? queueLimit : kDefaultLimitSeconds;
}

int64_t Forecaster::typicalPriority(uint16_t queue, int32_t tenant) const
{
    std::vector<int64_t> own, all;
    for (const auto &j : m_input.pending) {
        if (j.queue != queue)
            continue;
        all.push_back(j.priority);
        if (tenant >= 0 && j.tenant == tenant)
            own.push_back(j.priority);
    }
    auto &v = own.empty() ? all : own;
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}

std::vector<int64_t> Forecaster::replay(double q, const Virtual *job, int64_t *virtualStart) const
{
    const ForecastInput &in = m_input;
    const int64_t now = in.nowS;
    const size_t queues = in.queues.size();
    const size_t models = in.models.size();

    // Where each running job is expected to end in this replay.
    std::vector<int64_t> ends(in.running.size());
    std::vector<int64_t> room(queues, 0);
    for (const auto &node : in.nodes)
        if (node.inService)
            for (uint16_t queue : node.queues)
                if (queue < queues)
                    room[queue] += std::max(0, node.healthy - node.allocated);
    std::vector<std::vector<std::pair<int64_t, int64_t>>> releases(queues);
    std::vector<std::vector<uint32_t>> runningOf(in.accounts.size());
    for (size_t i = 0; i < in.running.size(); ++i) {
        const auto &r = in.running[i];
        const int64_t limit = limitOf(r.queue, r.limitS);
        const double used = std::clamp(double(now - r.startS) / double(limit), 0.0, 1.0);
        const double share = m_runtimes.conditionalQuantile(r.queue, r.accelerators, used, q);
        ends[i] = std::max(now, r.startS + int64_t(std::llround(share * double(limit))));
        if (r.releases && r.queue < queues)
            releases[r.queue].push_back({ ends[i], r.accelerators });
        for (int32_t account : { r.tenant, r.project })
            if (account >= 0 && size_t(account) < runningOf.size())
                runningOf[size_t(account)].push_back(uint32_t(i));
    }
    std::vector<Profile> queueRoom;
    queueRoom.reserve(queues);
    for (size_t i = 0; i < queues; ++i)
        queueRoom.emplace_back(now, room[i], std::move(releases[i]));

    // Quota left to an account for a model (slot < models) or across all (slot == models),
    // built when first needed; nullptr where no limit applies.
    std::unordered_map<int64_t, Profile> quotas;
    auto quota = [&](int32_t account, size_t slot) -> Profile * {
        if (account < 0 || size_t(account) >= in.accounts.size())
            return nullptr;
        const auto &a = in.accounts[size_t(account)];
        const int64_t limit
            = slot < models ? (slot < a.perModel.size() ? a.perModel[slot] : -1) : a.allModels;
        if (limit < 0)
            return nullptr;
        const int64_t key = int64_t(account) * int64_t(models + 1) + int64_t(slot);
        if (auto it = quotas.find(key); it != quotas.end())
            return &it->second;
        int64_t left = limit;
        std::vector<std::pair<int64_t, int64_t>> back;
        for (uint32_t i : runningOf[size_t(account)]) {
            const auto &r = in.running[i];
            if (slot < models && (r.queue >= queues || size_t(in.queues[r.queue].model) != slot))
                continue;
            left -= r.accelerators;
            back.push_back({ ends[i], r.accelerators });
        }
        return &quotas.emplace(key, Profile(now, left, std::move(back))).first->second;
    };

    // The earliest start with room in the queue and every quota for the whole run; reserved.
    auto place = [&](uint16_t queue, int32_t tenant, int32_t project, int64_t amount,
                     int64_t duration, int64_t from) -> int64_t {
        if (queue >= queues)
            return -1;
        const auto model = size_t(in.queues[queue].model);
        std::array<Profile *, 5> limits = { &queueRoom[queue], quota(tenant, model),
            quota(tenant, models), quota(project, model), quota(project, models) };
        int64_t t = std::max(now, from);
        for (bool moved = true; moved;) {
            moved = false;
            for (Profile *p : limits) {
                if (!p)
                    continue;
                const int64_t at = p->earliest(t, amount, duration);
                if (at < 0)
                    return -1;
                if (at > t) {
                    t = at;
                    moved = true;
                }
            }
        }
        for (Profile *p : limits)
            if (p)
                p->reserve(t, amount, duration);
        return t;
    };

    std::vector<int64_t> starts(in.pending.size(), -1);
    std::vector<size_t> replayed(queues, 0);
    bool virtualPlaced = job == nullptr;
    auto placeVirtual = [&] {
        virtualPlaced = true;
        *virtualStart = job->queue < queues && replayed[job->queue] < kMaxReplayedPerQueue
            ? place(job->queue, job->tenant, job->project, job->accelerators,
                limitOf(job->queue, job->limitS), now)
            : -1;
    };
    const size_t pending = in.pending.size();
    for (uint32_t index : m_order) {
        const bool arrival = index >= pending;
        const int64_t priority
            = arrival ? m_arrivals[index - pending].priority : in.pending[index].priority;
        if (!virtualPlaced && priority < job->priority) {
            placeVirtual();
            return starts;
        }
        if (arrival) {
            const Arrival &a = m_arrivals[index - pending];
            if (a.queue >= queues)
                continue;
            const int64_t run = std::max(kMinRunSeconds,
                int64_t(std::llround(m_runtimes.quantile(a.queue, a.accelerators, q)
                    * double(limitOf(a.queue, a.limitS)))));
            place(a.queue, a.tenant, a.project, a.accelerators, run, a.atS);
            continue;
        }
        const auto &p = in.pending[index];
        if (p.queue >= queues || replayed[p.queue] >= kMaxReplayedPerQueue)
            continue;
        ++replayed[p.queue];
        const int64_t limit = limitOf(p.queue, p.limitS);
        const int64_t run = std::max(kMinRunSeconds,
            int64_t(std::llround(m_runtimes.quantile(p.queue, p.accelerators, q) * double(limit))));
        starts[index] = place(p.queue, p.tenant, p.project, p.accelerators, run, now);
    }
    if (!virtualPlaced)
        placeVirtual();
    return starts;
}

namespace {
constexpr std::array<double, 3> kPoints = { 0.1, 0.5, 0.9 };
} // namespace

Forecaster::Forecast Forecaster::combine(uint16_t queue, int64_t a, int64_t b, int64_t c) const
{
    Forecast f;
    if (a < 0 || b < 0 || c < 0)
        return f;
    std::array<int64_t, 3> sorted = { a - m_input.nowS, b - m_input.nowS, c - m_input.nowS };
    std::sort(sorted.begin(), sorted.end());
    if (queue < m_input.queues.size()) {
        const std::string &name = m_input.queues[queue].name;
        f.calibratedOn = m_calibration.samples(name, sorted[1]);
        m_calibration.apply(name, &sorted[0], &sorted[1], &sorted[2]);
    }
    f.known = true;
    f.p10 = m_input.nowS + sorted[0];
    f.p50 = m_input.nowS + sorted[1];
    f.p90 = m_input.nowS + sorted[2];
    return f;
}

std::vector<Forecaster::Forecast> Forecaster::forecastPending() const
{
    std::array<std::vector<int64_t>, 3> runs;
    for (size_t i = 0; i < kPoints.size(); ++i)
        runs[i] = replay(kPoints[i], nullptr, nullptr);
    std::vector<Forecast> out(m_input.pending.size());
    for (size_t j = 0; j < out.size(); ++j)
        out[j] = combine(m_input.pending[j].queue, runs[0][j], runs[1][j], runs[2][j]);
    return out;
}

Forecaster::Forecast Forecaster::forecast(const Virtual &job) const
{
    std::array<int64_t, 3> starts {};
    for (size_t i = 0; i < kPoints.size(); ++i)
        replay(kPoints[i], &job, &starts[i]);
    return combine(job.queue, starts[0], starts[1], starts[2]);
}

} // namespace suanli::server::placement
