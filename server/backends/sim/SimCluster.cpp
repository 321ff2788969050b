#include "server/backends/sim/SimCluster.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace suanli::server {

void SimCluster::build(const SiteProfile &site, int nodeCount)
{
    m_nodes.clear();
    m_queues.clear();
    m_racks.clear();
    m_byName.clear();
    m_dirty.clear();

    // Nodes per model by largest remainder, at least one for every model
    // when the centre has room for them.
    const size_t models = site.mix.size();
    std::vector<int> counts(models, 0);
    std::vector<std::pair<double, size_t>> remainders;
    int given = 0;
    for (size_t m = 0; m < models; ++m) {
        const double exact = site.mix[m].second * nodeCount;
        counts[m] = int(std::floor(exact));
        given += counts[m];
        remainders.push_back({ exact - counts[m], m });
    }
    std::stable_sort(remainders.begin(), remainders.end(),
        [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t i = 0; given < nodeCount; i = (i + 1) % models, ++given)
        ++counts[remainders[i].second];
    for (size_t m = 0; m < models && nodeCount >= int(models); ++m) {
        if (counts[m] > 0)
            continue;
        auto biggest = size_t(std::max_element(counts.begin(), counts.end()) - counts.begin());
        --counts[biggest];
        ++counts[m];
    }

    m_nodes.reserve(size_t(nodeCount));
    char buf[64];
    for (size_t m = 0; m < models; ++m) {
        if (counts[m] == 0)
            continue;
        Queue queue;
        queue.spec = &AcceleratorSpec::of(site.mix[m].first);
        queue.name = queue.spec->queue;
        const auto q = uint8_t(m_queues.size());
        const int perRack = queue.spec->nodesPerRack;
        for (int i = 0; i < counts[m]; ++i) {
            if (i % perRack == 0) {
                std::snprintf(
                    buf, sizeof buf, "%s-r%04zu", site.prefix.c_str(), m_racks.size() + 1);
                m_racks.emplace_back(buf);
            }
            SimNode node;
            node.rack = uint32_t(m_racks.size() - 1);
            node.slot = uint8_t(i % perRack + 1);
            node.name = m_racks.back() + "-n" + std::to_string(node.slot);
            node.queue = q;
            node.accCount = uint8_t(queue.spec->acceleratorsPerNode);
            const auto index = uint32_t(m_nodes.size());
            m_byName.emplace(node.name, index);
            queue.nodes.push_back(index);
            m_nodes.push_back(std::move(node));
        }
        m_queues.push_back(std::move(queue));
    }
    for (uint32_t i = 0; i < m_nodes.size(); ++i)
        refresh(i);
    m_dirty.clear();
    for (auto &n : m_nodes)
        n.dirty = false;
}

int64_t SimCluster::find(const std::string &name) const
{
    auto it = m_byName.find(name);
    return it == m_byName.end() ? -1 : int64_t(it->second);
}

bool SimCluster::place(size_t q, int n, uint32_t pass, int64_t endMs, Placement *out) const
{
    const Queue &queue = m_queues[q];
    const int per = queue.spec->acceleratorsPerNode;
    const auto &b = queue.buckets;
    auto usable = [&](uint32_t node) {
        const SimNode &sn = m_nodes[node];
        return pass == 0 || sn.reservedPass != pass || endMs <= sn.reservedFromMs;
    };
    if (n <= 0)
        return false;
    if (n < per) {
        for (int k = n; k <= per; ++k) {
            const auto &bucket = b[size_t(k)];
            for (size_t i = bucket.size(); i-- > 0;) {
                const uint32_t node = bucket[i];
                if (!usable(node))
                    continue;
                if (out) {
                    const SimNode &sn = m_nodes[node];
                    out->nodes.assign(1, node);
                    out->mask = 0;
                    int need = n;
                    for (int c = 0; c < sn.accCount && need > 0; ++c) {
                        const auto &a = sn.acc[size_t(c)];
                        if (a.job == kNoSlot
                            && a.health != ::suanli::v1::ACCELERATOR_HEALTH_FAILED) {
                            out->mask |= uint8_t(1u << c);
                            --need;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }
    const size_t need = size_t((n + per - 1) / per);
    const auto &idle = b[size_t(per)];
    if (idle.size() < need)
        return false;
    if (out)
        out->nodes.clear();
    size_t found = 0;
    for (size_t i = idle.size(); i-- > 0 && found < need;) {
        if (!usable(idle[i]))
            continue;
        ++found;
        if (out)
            out->nodes.push_back(idle[i]);
    }
    if (out)
        out->mask = 0;
    return found == need;
}

std::vector<uint32_t> SimCluster::emptiest(size_t q, size_t count, uint32_t pass) const
{
    std::vector<uint32_t> out;
    const Queue &queue = m_queues[q];
    for (size_t k = queue.buckets.size(); k-- > 0 && out.size() < count;) {
        const auto &bucket = queue.buckets[k];
        for (size_t i = bucket.size(); i-- > 0 && out.size() < count;)
            if (m_nodes[bucket[i]].reservedPass != pass)
                out.push_back(bucket[i]);
    }
    return out;
}

int64_t SimCluster::largestStartable(size_t q) const
{
    const Queue &queue = m_queues[q];
    const int per = queue.spec->acceleratorsPerNode;
    if (!queue.buckets[size_t(per)].empty())
        return int64_t(queue.buckets[size_t(per)].size()) * per;
    for (int k = per - 1; k > 0; --k)
        if (!queue.buckets[size_t(k)].empty())
            return k;
    return 0;
}

size_t SimCluster::schedulableNodes(size_t q) const
{
    size_t count = 0;
    for (const auto &b : m_queues[q].buckets)
        count += b.size();
    return count;
}

void SimCluster::allocate(const Placement &p, uint32_t slot, int n)
{
    for (uint32_t index : p.nodes) {
        SimNode &node = m_nodes[index];
        for (int i = 0; i < node.accCount; ++i) {
            auto &a = node.acc[size_t(i)];
            const bool wanted = p.nodes.size() > 1 || n >= node.accCount || (p.mask >> i) & 1u;
            if (wanted && a.job == kNoSlot && a.health != ::suanli::v1::ACCELERATOR_HEALTH_FAILED)
                a.job = slot;
        }
        refresh(index);
    }
}

void SimCluster::release(uint32_t slot, const std::vector<uint32_t> &nodes)
{
    for (uint32_t index : nodes) {
        SimNode &node = m_nodes[index];
        for (auto &a : node.acc)
            if (a.job == slot)
                a.job = kNoSlot;
        refresh(index);
    }
}

void SimCluster::unbucket(uint32_t index)
{
    SimNode &node = m_nodes[index];
    if (node.bucket < 0)
        return;
    auto &b = m_queues[node.queue].buckets[size_t(node.bucket)];
    const uint32_t last = b.back();
    b[node.bucketPos] = last;
    m_nodes[last].bucketPos = node.bucketPos;
    b.pop_back();
    node.bucket = -1;
}

void SimCluster::refresh(uint32_t index)
{
    SimNode &node = m_nodes[index];
    int allocated = 0, failed = 0, free = 0;
    for (int i = 0; i < node.accCount; ++i) {
        const auto &a = node.acc[size_t(i)];
        const bool broken = a.health == ::suanli::v1::ACCELERATOR_HEALTH_FAILED;
        failed += broken;
        if (a.job != kNoSlot)
            ++allocated;
        else if (!broken)
            ++free;
    }
    node.allocated = uint8_t(allocated);
    node.failed = uint8_t(failed);
    node.freeCards = uint8_t(free);
    const int bucket = node.schedulable() ? free : -1;
    if (bucket != node.bucket) {
        unbucket(index);
        if (bucket >= 0) {
            auto &b = m_queues[node.queue].buckets[size_t(bucket)];
            node.bucket = int8_t(bucket);
            node.bucketPos = uint32_t(b.size());
            b.push_back(index);
        }
    }
    markDirty(index);
}

void SimCluster::markDirty(uint32_t index)
{
    SimNode &node = m_nodes[index];
    if (node.dirty)
        return;
    node.dirty = true;
    m_dirty.push_back(index);
}

std::vector<uint32_t> SimCluster::takeDirty()
{
    std::vector<uint32_t> out;
    out.swap(m_dirty);
    for (uint32_t i : out)
        m_nodes[i].dirty = false;
    return out;
}

void SimCluster::clearDirty()
{
    for (uint32_t i : m_dirty)
        m_nodes[i].dirty = false;
    m_dirty.clear();
}

} // namespace suanli::server
