#pragma once

#include "server/backends/sim/SimJob.h"

#include <cstddef>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace suanli::server {

// JobTable keeps the active jobs in reusable slots, found by id in O(1), so a
// centre of 200,000 jobs costs one compact record each.
class JobTable {
public:
    // Stores a job and returns its slot; it is findable by id once it has one.
    uint32_t add(SimJob job);
    void assignId(uint32_t slot, uint32_t id);
    // Moves the record out and frees its slot.
    SimJob remove(uint32_t slot);

    SimJob &operator[](uint32_t slot) { return m_slots[slot]; }
    const SimJob &operator[](uint32_t slot) const { return m_slots[slot]; }
    // Slot of an active job, kNoSlot when the id is not active.
    uint32_t find(uint32_t id) const;
    size_t size() const { return m_count; }
    // Slots in use or free; iterate 0..slotCount() and skip id 0.
    size_t slotCount() const { return m_slots.size(); }
    void reserve(size_t n);

private:
    std::vector<SimJob> m_slots;
    std::vector<uint32_t> m_free;
    std::unordered_map<uint32_t, uint32_t> m_index;
    size_t m_count = 0;
};

} // namespace suanli::server
