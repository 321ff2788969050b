#pragma once

#include "server/backends/facts/AcceleratorSpec.h"
#include "server/backends/sim/SimNode.h"
#include "server/backends/sim/SiteProfile.h"

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace suanli::server {

// Where a job will run: one node and some of its cards, or whole nodes.
struct Placement {
    std::vector<uint32_t> nodes;
    uint8_t mask = 0; // cards on nodes[0] for a job smaller than a node
};

// SimCluster is the simulated hardware: racks of nodes, one queue per
// accelerator model, and per queue the schedulable nodes bucketed by free
// cards, so finding room for a job is O(1) whatever the centre's size.
class SimCluster {
public:
    struct Queue {
        std::string name; // "h100"
        const AcceleratorSpec *spec = nullptr;
        std::vector<uint32_t> nodes;
        // buckets[k]: schedulable nodes with exactly k free usable cards.
        std::array<std::vector<uint32_t>, SimNode::kMaxAccelerators + 1> buckets;
    };

    void build(const SiteProfile &site, int nodeCount);

    std::vector<SimNode> &nodes() { return m_nodes; }
    const std::vector<SimNode> &nodes() const { return m_nodes; }
    SimNode &node(uint32_t i) { return m_nodes[i]; }
    const std::vector<Queue> &queues() const { return m_queues; }
    const std::string &rackName(uint32_t rack) const { return m_racks[rack]; }
    const AcceleratorSpec &spec(const SimNode &n) const { return *m_queues[n.queue].spec; }
    // Node index by name; -1 when there is none.
    int64_t find(const std::string &name) const;

    // Room for a job of n cards on queue q that would end by `endMs`. Nodes
    // reserved in scheduler pass `pass` (0: none) are used only by a job that
    // ends before the reservation starts (backfill). Best fit for jobs
    // smaller than a node.
    bool place(size_t q, int n, uint32_t pass, int64_t endMs, Placement *out) const;
    // Whether a job of n cards would fit if nothing were reserved.
    bool fits(size_t q, int n) const { return place(q, n, 0, 0, nullptr); }
    // The `count` emptiest nodes of queue q not yet reserved in `pass`.
    std::vector<uint32_t> emptiest(size_t q, size_t count, uint32_t pass) const;
    // Largest job that could start now on q: whole idle nodes, or the most
    // free cards on one node.
    int64_t largestStartable(size_t q) const;
    size_t schedulableNodes(size_t q) const;
    size_t idleNodes(size_t q) const { return m_queues[q].buckets.back().size(); }

    void allocate(const Placement &p, uint32_t slot, int n);
    // Frees the cards `slot` holds on the given nodes.
    void release(uint32_t slot, const std::vector<uint32_t> &nodes);
    // Recounts a node after its cards or flags changed, rebuckets it and
    // marks it changed.
    void refresh(uint32_t node);
    void markDirty(uint32_t node);
    std::vector<uint32_t> takeDirty();
    void clearDirty();

private:
    void unbucket(uint32_t node);

    std::vector<SimNode> m_nodes;
    std::vector<Queue> m_queues;
    std::vector<std::string> m_racks;
    std::unordered_map<std::string, uint32_t> m_byName;
    std::vector<uint32_t> m_dirty;
};

} // namespace suanli::server
