#include "server/placement/Profile.h"

#include <algorithm>
#include <limits>

namespace suanli::server::placement {

Profile::Profile(int64_t now, int64_t room, std::vector<std::pair<int64_t, int64_t>> releases)
{
    std::sort(releases.begin(), releases.end());
    m_steps.reserve(releases.size() + 1);
    m_steps.push_back({ now, room });
    for (const auto &[t, amount] : releases) {
        room += amount;
        if (t <= m_steps.back().first)
            m_steps.back().second = room;
        else
            m_steps.push_back({ t, room });
    }
    m_peak = 0;
    for (const auto &s : m_steps)
        m_peak = std::max(m_peak, s.second);
}

int64_t Profile::earliest(int64_t from, int64_t amount, int64_t duration) const
{
    if (amount > m_peak)
        return -1;
    // First step holding `from`.
    auto it = std::upper_bound(m_steps.begin(), m_steps.end(), from,
        [](int64_t t, const std::pair<int64_t, int64_t> &s) { return t < s.first; });
    size_t i = it == m_steps.begin() ? 0 : size_t(it - m_steps.begin()) - 1;
    int64_t candidate = std::max(from, m_steps[i].first);
    for (; i < m_steps.size(); ++i) {
        const int64_t stepEnd
            = i + 1 < m_steps.size() ? m_steps[i + 1].first : std::numeric_limits<int64_t>::max();
        if (m_steps[i].second < amount) {
            if (i + 1 >= m_steps.size())
                return -1;
            candidate = stepEnd;
            continue;
        }
        if (stepEnd - candidate >= duration)
            return candidate;
        // Room so far; the run goes on into the next step.
        if (i + 1 >= m_steps.size())
            return candidate;
    }
    return -1;
}

size_t Profile::split(int64_t t)
{
    auto it = std::upper_bound(m_steps.begin(), m_steps.end(), t,
        [](int64_t x, const std::pair<int64_t, int64_t> &s) { return x < s.first; });
    if (it == m_steps.begin()) {
        m_steps.insert(m_steps.begin(), { t, m_steps.front().second });
        return 0;
    }
    const size_t i = size_t(it - m_steps.begin()) - 1;
    if (m_steps[i].first == t)
        return i;
    m_steps.insert(m_steps.begin() + std::ptrdiff_t(i + 1), { t, m_steps[i].second });
    return i + 1;
}

void Profile::reserve(int64_t start, int64_t amount, int64_t duration)
{
    const size_t first = split(start);
    const size_t last = split(start + duration);
    for (size_t i = first; i < last; ++i)
        m_steps[i].second -= amount;
}

int64_t Profile::roomAt(int64_t t) const
{
    auto it = std::upper_bound(m_steps.begin(), m_steps.end(), t,
        [](int64_t x, const std::pair<int64_t, int64_t> &s) { return x < s.first; });
    return it == m_steps.begin() ? m_steps.front().second : std::prev(it)->second;
}

} // namespace suanli::server::placement
