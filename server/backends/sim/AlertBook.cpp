#include "server/backends/sim/AlertBook.h"

#include <algorithm>
#include <cstdio>

namespace suanli::server {

uint32_t AlertBook::raise(::suanli::v1::Severity severity, const std::string &kind,
    const std::string &target, const std::string &summary, int64_t atMs,
    ::suanli::v1::AlertCause cause, const std::vector<std::string> &args, const std::string &device)
{
    Entry e;
    e.number = m_next++;
    char id[32];
    std::snprintf(id, sizeof id, "al-%06u", e.number);
    e.alert.set_id(id);
    e.alert.set_severity(severity);
    e.alert.set_kind(kind);
    e.alert.set_target(target);
    e.alert.set_summary(summary);
    e.alert.set_cause(cause);
    for (const std::string &arg : args)
        e.alert.add_cause_args(arg);
    e.alert.set_device(device);
    m_clock.stamp(atMs, e.alert.mutable_raise_time());
    m_entries.push_back(std::move(e));
    touch(m_entries.back());
    return m_entries.back().number;
}

AlertBook::Entry *AlertBook::find(uint32_t number)
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), number,
        [](const Entry &e, uint32_t n) { return e.number < n; });
    return it != m_entries.end() && it->number == number ? &*it : nullptr;
}

void AlertBook::touch(Entry &e)
{
    if (e.dirty)
        return;
    e.dirty = true;
    m_dirty.push_back(e.number);
}

void AlertBook::clear(uint32_t number, int64_t atMs)
{
    Entry *e = find(number);
    if (!e || e->clearMs >= 0)
        return;
    e->clearMs = atMs;
    m_clock.stamp(atMs, e->alert.mutable_clear_time());
    touch(*e);
}

bool AlertBook::acknowledge(
    const std::string &id, const std::string &user, const std::string &comment, int64_t atMs)
{
    unsigned number = 0;
    char tail = 0;
    if (std::sscanf(id.c_str(), "al-%u%c", &number, &tail) != 1)
        return false;
    Entry *e = find(number);
    if (!e || e->alert.id() != id)
        return false;
    e->alert.set_acknowledged(true);
    e->alert.set_acknowledged_by(user);
    e->alert.set_acknowledge_comment(comment);
    m_clock.stamp(atMs, e->alert.mutable_acknowledge_time());
    touch(*e);
    return true;
}

void AlertBook::prune(int64_t nowMs)
{
    size_t cleared = 0;
    for (const auto &e : m_entries)
        cleared += e.clearMs >= 0;
    size_t excess = cleared > 1000 ? cleared - 1000 : 0;
    // Entries are in raise order, so the oldest cleared go first.
    std::erase_if(m_entries, [&](const Entry &e) {
        if (e.clearMs < 0 || e.dirty)
            return false;
        if (excess > 0) {
            --excess;
            return true;
        }
        return e.clearMs < nowMs - 3600 * 1000;
    });
}

std::vector<::suanli::v1::Alert> AlertBook::all() const
{
    std::vector<::suanli::v1::Alert> out;
    out.reserve(m_entries.size());
    for (const auto &e : m_entries)
        out.push_back(e.alert);
    return out;
}

std::vector<::suanli::v1::Alert> AlertBook::takeChanged()
{
    std::vector<::suanli::v1::Alert> out;
    out.reserve(m_dirty.size());
    for (uint32_t n : m_dirty) {
        if (Entry *e = find(n)) {
            e->dirty = false;
            out.push_back(e->alert);
        }
    }
    m_dirty.clear();
    return out;
}

void AlertBook::clearChanged()
{
    for (uint32_t n : m_dirty)
        if (Entry *e = find(n))
            e->dirty = false;
    m_dirty.clear();
}

size_t AlertBook::openCount() const
{
    size_t n = 0;
    for (const auto &e : m_entries)
        n += e.clearMs < 0;
    return n;
}

} // namespace suanli::server
