#include "server/backends/sim/SimScheduler.h"

#include <algorithm>

namespace suanli::server {

using namespace ::suanli::v1;

SimScheduler::SimScheduler(JobTable &jobs, SimCluster &cluster, TenantBook &tenants)
    : m_jobs(jobs)
    , m_cluster(cluster)
    , m_tenants(tenants)
{
}

size_t SimScheduler::sizeClass(int n)
{
    // 1, 2, 3-4, 5-8, 9-32, 33-128, 129+
    if (n <= 2)
        return n <= 1 ? 0 : 1;
    if (n <= 4)
        return 2;
    if (n <= 8)
        return 3;
    if (n <= 32)
        return 4;
    return n <= 128 ? 5 : 6;
}

int SimScheduler::classMinimum(size_t c)
{
    static const int minimum[kClasses] = { 1, 2, 3, 5, 9, 33, 129 };
    return minimum[c];
}

void SimScheduler::reset(size_t queues, size_t projects)
{
    m_queues = queues;
    m_projects = projects;
    m_sets.assign(queues * projects * kClasses, {});
    m_cursor.assign(m_sets.size(), {});
    m_cursorValid.assign(m_sets.size(), false);
    m_rotation.assign(queues, 0);
    m_fresh.clear();
}

SimScheduler::Key SimScheduler::keyOf(uint32_t slot) const
{
    const SimJob &job = m_jobs[slot];
    return { -job.priority, job.submitMs, job.id, slot };
}

void SimScheduler::add(uint32_t slot)
{
    const SimJob &job = m_jobs[slot];
    set(job.queue, job.project, sizeClass(job.accelerators)).insert(keyOf(slot));
}

void SimScheduler::remove(uint32_t slot)
{
    const SimJob &job = m_jobs[slot];
    set(job.queue, job.project, sizeClass(job.accelerators)).erase(keyOf(slot));
}

void SimScheduler::noteFresh(uint32_t slot)
{
    m_fresh.push_back({ slot, m_jobs[slot].id });
}

size_t SimScheduler::nodesNeeded(size_t q, int n) const
{
    const int per = m_cluster.queues()[q].spec->acceleratorsPerNode;
    return n >= per ? size_t((n + per - 1) / per) : 1;
}

void SimScheduler::run(Hooks &hooks, int64_t nowMs)
{
    ++m_pass;
    m_nowMs = nowMs;
    for (size_t q = 0; q < m_queues; ++q) {
        walk(q, hooks);
        refresh(q, hooks);
    }
    auto fresh = std::move(m_fresh);
    m_fresh.clear();
    for (auto [slot, id] : fresh) {
        if (slot >= m_jobs.slotCount())
            continue;
        const SimJob &job = m_jobs[slot];
        if (job.id != id || job.state != JOB_STATE_PENDING || job.passStamp == m_pass)
            continue;
        evaluate(slot, hooks);
    }
}

void SimScheduler::evaluateAll(Hooks &hooks)
{
    ++m_pass;
    for (const Set &s : m_sets)
        for (const Key &k : s)
            evaluate(k.slot, hooks);
    m_fresh.clear();
}

void SimScheduler::walk(size_t q, Hooks &hooks)
{
    struct Head {
        Key key;
        uint16_t project;
        uint8_t sizeClass;
        Set::iterator it;
    };
    auto later = [](const Head &a, const Head &b) { return b.key < a.key; };
    std::vector<Head> heap;
    for (size_t p = 0; p < m_projects; ++p) {
        const int64_t room = m_tenants.headroom(uint16_t(p), q);
        for (size_t c = 0; c < kClasses; ++c) {
            Set &s = set(q, p, c);
            if (s.empty() || room < classMinimum(c))
                continue;
            heap.push_back({ *s.begin(), uint16_t(p), uint8_t(c), s.begin() });
        }
    }
    std::make_heap(heap.begin(), heap.end(), later);

    const auto &buckets = m_cluster.queues()[q].buckets;
    std::vector<size_t> probes(m_projects * kClasses, 0);
    // Quota is granted in priority order to multi-node jobs: once such a job
    // that could run within its tenant's (project's) limit waits for quota,
    // lower-priority jobs of that tenant (project) wait behind it instead of
    // using up the room, or small jobs would starve big ones for ever.
    std::vector<bool> tenantHeld(m_tenants.tenants().size(), false);
    std::vector<bool> projectHeld(m_projects, false);
    size_t budget = kWalkBudget;
    size_t reservations = 0;
    while (!heap.empty() && budget > 0) {
        std::pop_heap(heap.begin(), heap.end(), later);
        Head head = heap.back();
        heap.pop_back();
        Set &s = set(q, head.project, head.sizeClass);
        auto next = std::next(head.it);
        const uint32_t slot = head.it->slot;
        SimJob &job = m_jobs[slot];
        const int n = job.accelerators;
        --budget;
        job.passStamp = m_pass;
        bool more = true;

        const TenantBook::Verdict verdict = m_tenants.check(head.project, q, n);
        if (verdict.blocked()) {
            hooks.setReason(slot, verdict.reason, verdict.used, verdict.limit, verdict.allModels);
            const bool big = n > m_cluster.queues()[q].spec->acceleratorsPerNode;
            if (big && verdict.reason == PENDING_REASON_TENANT_QUOTA && n <= verdict.limit)
                tenantHeld[job.tenant] = true;
            if (big && verdict.reason == PENDING_REASON_PROJECT_QUOTA && n <= verdict.limit)
                projectHeld[head.project] = true;
            more = m_tenants.headroom(head.project, q) >= classMinimum(head.sizeClass)
                && ++probes[head.project * kClasses + head.sizeClass] < kQuotaProbe;
        } else if (tenantHeld[job.tenant] || projectHeld[head.project]) {
            hooks.setReason(slot, PENDING_REASON_PRIORITY, 0, 0);
            more = ++probes[head.project * kClasses + head.sizeClass] < kQuotaProbe;
        } else {
            Placement placement;
            const int64_t endMs = m_nowMs + int64_t(job.timeLimitSeconds) * 1000;
            if (m_cluster.place(q, n, m_pass, endMs, &placement)) {
                s.erase(head.it);
                hooks.start(slot, placement);
                more = m_tenants.headroom(head.project, q) >= classMinimum(head.sizeClass);
            } else {
                PendingReason reason = PENDING_REASON_RESOURCES;
                if (nodesNeeded(q, n) > m_cluster.schedulableNodes(q))
                    reason = PENDING_REASON_NODES_UNAVAILABLE;
                else if (m_cluster.fits(q, n))
                    reason = PENDING_REASON_PRIORITY; // it fits but for nodes held for a job ahead
                hooks.setReason(slot, reason, 0, 0);
                if (reason != PENDING_REASON_NODES_UNAVAILABLE && reservations < kReservations) {
                    ++reservations;
                    reserve(q, nodesNeeded(q, n));
                }
            }
        }
        if (more && next != s.end()) {
            heap.push_back({ *next, head.project, head.sizeClass, next });
            std::push_heap(heap.begin(), heap.end(), later);
        }
        bool anyFree = false;
        for (size_t k = 1; k < buckets.size() && !anyFree; ++k)
            anyFree = !buckets[k].empty();
        if (!anyFree)
            break;
    }
}

void SimScheduler::reserve(size_t q, size_t count)
{
    // The job is expected to start when the last of these nodes frees up,
    // judged as Slurm does by the time limits of the jobs on them.
    const std::vector<uint32_t> nodes = m_cluster.emptiest(q, count, m_pass);
    int64_t from = m_nowMs;
    for (uint32_t n : nodes)
        for (const auto &a : m_cluster.nodes()[n].acc)
            if (a.job != kNoSlot) {
                const SimJob &holder = m_jobs[a.job];
                from = std::max(from, holder.startMs + int64_t(holder.timeLimitSeconds) * 1000);
            }
    for (uint32_t n : nodes) {
        SimNode &node = m_cluster.node(n);
        node.reservedPass = m_pass;
        node.reservedFromMs = from;
    }
}

void SimScheduler::refresh(size_t q, Hooks &hooks)
{
    std::vector<size_t> active; // set indices
    for (size_t p = 0; p < m_projects; ++p)
        for (size_t c = 0; c < kClasses; ++c)
            if (!set(q, p, c).empty())
                active.push_back(setIndex(q, p, c));
    if (active.empty())
        return;
    const size_t share = std::max<size_t>(8, kRefreshBudget / active.size());
    const size_t start = m_rotation[q]++ % active.size();
    size_t budget = kRefreshBudget;
    for (size_t i = 0; i < active.size() && budget > 0; ++i) {
        const size_t c = active[(start + i) % active.size()];
        Set &s = m_sets[c];
        auto it = m_cursorValid[c] ? s.upper_bound(m_cursor[c]) : s.begin();
        const size_t count = std::min({ share, s.size(), budget });
        for (size_t k = 0; k < count; ++k) {
            if (it == s.end())
                it = s.begin();
            const Key key = *it;
            ++it;
            m_cursor[c] = key;
            m_cursorValid[c] = true;
            if (m_jobs[key.slot].passStamp != m_pass)
                evaluate(key.slot, hooks);
        }
        budget -= count;
    }
}

void SimScheduler::evaluate(uint32_t slot, Hooks &hooks)
{
    SimJob &job = m_jobs[slot];
    job.passStamp = m_pass;
    const size_t q = job.queue;
    const int n = job.accelerators;
    const TenantBook::Verdict verdict = m_tenants.check(job.project, q, n);
    if (verdict.blocked()) {
        hooks.setReason(slot, verdict.reason, verdict.used, verdict.limit, verdict.allModels);
        return;
    }
    PendingReason reason = PENDING_REASON_RESOURCES;
    if (nodesNeeded(q, n) > m_cluster.schedulableNodes(q))
        reason = PENDING_REASON_NODES_UNAVAILABLE;
    else if (m_cluster.fits(q, n))
        reason = PENDING_REASON_PRIORITY;
    // Behind the walk both are true of a job (higher-priority jobs wait ahead
    // of it for the same cards); keeping the one it has spares watchers a
    // flicker with every job that ends.
    const bool queued = reason == PENDING_REASON_RESOURCES || reason == PENDING_REASON_PRIORITY;
    if (queued && (job.reason == PENDING_REASON_RESOURCES || job.reason == PENDING_REASON_PRIORITY))
        return;
    hooks.setReason(slot, reason, 0, 0);
}

} // namespace suanli::server
