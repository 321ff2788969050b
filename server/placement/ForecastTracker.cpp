#include "server/placement/ForecastTracker.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace suanli::server::placement {

void ForecastTracker::forecast(const std::string &method, const std::string &id,
    const std::string &queue, const Forecaster::Forecast &f)
{
    if (!f.known)
        return;
    std::lock_guard lock(m_mutex);
    auto &list = m_open[id];
    if (std::any_of(list.begin(), list.end(), [&](const Open &o) { return o.method == method; }))
        return;
    if (list.empty() && m_open.size() > kMaxOpen) {
        m_open.erase(id);
        return;
    }
    list.push_back({ queue, method, f });
}

void ForecastTracker::started(const std::string &id, int64_t startS, int64_t nowS)
{
    std::lock_guard lock(m_mutex);
    auto it = m_open.find(id);
    if (it == m_open.end())
        return;
    for (const Open &o : it->second) {
        Outcome out;
        out.queue = o.queue;
        out.method = o.method;
        out.atS = nowS;
        out.inside = startS >= o.forecast.p10 && startS <= o.forecast.p90;
        out.p50Error = std::abs(double(startS - o.forecast.p50));
        out.interval = double(o.forecast.p90 - o.forecast.p10);
        m_scored.push_back(std::move(out));
    }
    m_open.erase(it);
    while (m_scored.size() > kMaxScored)
        m_scored.pop_front();
}

void ForecastTracker::forget(const std::string &id)
{
    std::lock_guard lock(m_mutex);
    m_open.erase(id);
}

std::vector<std::string> ForecastTracker::open() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::string> ids;
    ids.reserve(m_open.size());
    for (const auto &[id, list] : m_open)
        ids.push_back(id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

namespace {
double median(std::vector<double> &v)
{
    if (v.empty())
        return 0;
    std::nth_element(v.begin(), v.begin() + std::ptrdiff_t(v.size() / 2), v.end());
    return v[v.size() / 2];
}
} // namespace

std::vector<ForecastTracker::Accuracy> ForecastTracker::accuracy(
    int64_t nowS, int64_t windowS) const
{
    struct Sums {
        int64_t inside = 0;
        std::vector<double> errors, widths;
    };
    std::map<std::pair<std::string, std::string>, Sums> by;
    {
        std::lock_guard lock(m_mutex);
        for (const Outcome &o : m_scored) {
            if (o.atS < nowS - windowS)
                continue;
            auto &s = by[{ o.queue, o.method }];
            s.inside += o.inside;
            s.errors.push_back(o.p50Error);
            s.widths.push_back(o.interval);
        }
    }
    std::vector<Accuracy> out;
    for (auto &[key, s] : by) {
        Accuracy a;
        a.queue = key.first;
        a.method = key.second;
        a.scored = int64_t(s.errors.size());
        a.insideShare = double(s.inside) / double(a.scored);
        a.p50ErrorMedian = median(s.errors);
        a.intervalMedian = median(s.widths);
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace suanli::server::placement
