#pragma once

#include "server/backends/sim/SimClock.h"
#include "suanli/v1/events.pb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suanli::server {

// AlertBook keeps the simulator's alerts: open ones until their condition
// clears, cleared ones for an hour, and which changed since last asked.
class AlertBook {
public:
    explicit AlertBook(const SimClock &clock)
        : m_clock(clock)
    {
    }

    // Raises an alert at simulated time `atMs`; returns its number (id "al-000042" is 42).
    // `cause` and `args` say the summary as a code and its parts, `device` the kind of
    // accelerator an alert about one names.
    uint32_t raise(::suanli::v1::Severity severity, const std::string &kind,
        const std::string &target, const std::string &summary, int64_t atMs,
        ::suanli::v1::AlertCause cause = ::suanli::v1::ALERT_CAUSE_UNSPECIFIED,
        const std::vector<std::string> &args = {}, const std::string &device = {});
    void clear(uint32_t number, int64_t atMs);
    bool acknowledge(
        const std::string &id, const std::string &user, const std::string &comment, int64_t atMs);
    // Forgets alerts cleared over an hour ago (keeping at most 1,000 cleared).
    void prune(int64_t nowMs);

    std::vector<::suanli::v1::Alert> all() const;
    std::vector<::suanli::v1::Alert> takeChanged();
    void clearChanged();
    size_t openCount() const;

private:
    struct Entry {
        uint32_t number = 0;
        int64_t clearMs = -1; // -1 while open
        bool dirty = false;
        ::suanli::v1::Alert alert;
    };
    Entry *find(uint32_t number);
    void touch(Entry &e);

    const SimClock &m_clock;
    std::vector<Entry> m_entries; // by number
    std::vector<uint32_t> m_dirty;
    uint32_t m_next = 1;
};

} // namespace suanli::server
