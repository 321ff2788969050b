#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace suanli::server::placement {

// Profile is a step function of room over time: accelerators free in a queue, or quota left
// to a tenant, from now on. Jobs reserve room over [start, end); the forecaster asks for the
// earliest start with enough room for a whole run. Work per call is linear in the steps.
class Profile {
public:
    // `room` at `now`, growing by each release's amount at its time.
    Profile(int64_t now, int64_t room, std::vector<std::pair<int64_t, int64_t>> releases);

    // Earliest t >= from with at least `amount` room over [t, t + duration); -1 when the room
    // never gets that large.
    int64_t earliest(int64_t from, int64_t amount, int64_t duration) const;
    // Takes `amount` over [start, start + duration).
    void reserve(int64_t start, int64_t amount, int64_t duration);
    int64_t roomAt(int64_t t) const;
    // The largest room it ever has.
    int64_t peak() const { return m_peak; }
    size_t steps() const { return m_steps.size(); }

private:
    // Index of the step holding t, after splitting a step so one starts at t.
    size_t split(int64_t t);

    std::vector<std::pair<int64_t, int64_t>> m_steps; // (from, room), from ascending
    int64_t m_peak = 0;
};

} // namespace suanli::server::placement
