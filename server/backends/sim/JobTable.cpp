#include "server/backends/sim/JobTable.h"

#include <utility>

namespace suanli::server {

uint32_t JobTable::add(SimJob job)
{
    uint32_t slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
        m_slots[slot] = std::move(job);
    } else {
        slot = uint32_t(m_slots.size());
        m_slots.push_back(std::move(job));
    }
    ++m_count;
    if (m_slots[slot].id != 0)
        m_index[m_slots[slot].id] = slot;
    return slot;
}

void JobTable::assignId(uint32_t slot, uint32_t id)
{
    m_slots[slot].id = id;
    m_index[id] = slot;
}

SimJob JobTable::remove(uint32_t slot)
{
    SimJob job = std::move(m_slots[slot]);
    m_slots[slot] = SimJob {};
    m_index.erase(job.id);
    m_free.push_back(slot);
    --m_count;
    return job;
}

uint32_t JobTable::find(uint32_t id) const
{
    auto it = m_index.find(id);
    return it == m_index.end() ? kNoSlot : it->second;
}

void JobTable::reserve(size_t n)
{
    m_slots.reserve(n);
    m_index.reserve(n);
}

} // namespace suanli::server
