#pragma once

#include "server/backends/sim/JobTable.h"
#include "server/backends/sim/SimCluster.h"
#include "server/backends/sim/TenantBook.h"

#include <cstdint>
#include <set>
#include <tuple>
#include <vector>

namespace suanli::server {

// SimScheduler decides which pending jobs start and why the others wait, in
// the manner of Slurm's priority scheduler with backfill: per queue, in
// priority order (then submit time), honouring tenant and project quotas,
// holding the emptiest nodes for the first jobs that cannot start so they
// drain for them while smaller jobs backfill the rest. Work per
// pass is bounded (a few hundred jobs per queue) whatever the backlog.
class SimScheduler {
public:
    // What the scheduler asks of the centre.
    class Hooks {
    public:
        virtual ~Hooks() = default;
        // The job has left its pending set; allocate it and make it run.
        virtual void start(uint32_t slot, const Placement &placement) = 0;
        // used and limit are of the limit across all models when allModels.
        virtual void setReason(uint32_t slot, ::suanli::v1::PendingReason reason, int64_t used,
            int64_t limit, bool allModels = false)
            = 0;
    };

    // Jobs examined in priority order per queue and pass, and jobs further
    // back whose reasons are refreshed per queue and pass.
    static constexpr size_t kWalkBudget = 512;
    static constexpr size_t kRefreshBudget = 256;
    // Quota-blocked jobs looked at per project before skipping it for the pass.
    static constexpr size_t kQuotaProbe = 4;
    // Blocked jobs per queue that hold nodes for themselves (Slurm's backfill
    // reservations): lower-priority jobs may not use those nodes.
    static constexpr size_t kReservations = 4;

    SimScheduler(JobTable &jobs, SimCluster &cluster, TenantBook &tenants);

    void reset(size_t queues, size_t projects);
    // A pending job joins (or leaves) its queue. Its priority and submit
    // time must not change while it is in.
    void add(uint32_t slot);
    void remove(uint32_t slot);
    // A job to evaluate at the next pass even if the walk does not reach it
    // (new, released, requeued).
    void noteFresh(uint32_t slot);

    // One pass over every queue at simulated time nowMs: starts what fits,
    // updates reasons.
    void run(Hooks &hooks, int64_t nowMs);
    // Gives every pending job a reason without starting any (construction).
    void evaluateAll(Hooks &hooks);

private:
    struct Key {
        int32_t negPriority;
        int64_t submitMs;
        uint32_t id;
        uint32_t slot;
        bool operator<(const Key &o) const
        {
            return std::tie(negPriority, submitMs, id) < std::tie(o.negPriority, o.submitMs, o.id);
        }
    };
    using Set = std::set<Key>;

    // Pending jobs are kept per queue, project and size class, so a class
    // that cannot fit its project's remaining quota is skipped whole.
    static constexpr size_t kClasses = 7;
    static size_t sizeClass(int accelerators);
    static int classMinimum(size_t c);

    Key keyOf(uint32_t slot) const;
    size_t setIndex(size_t q, size_t p, size_t c) const
    {
        return (q * m_projects + p) * kClasses + c;
    }
    Set &set(size_t q, size_t p, size_t c) { return m_sets[setIndex(q, p, c)]; }
    void walk(size_t q, Hooks &hooks);
    void refresh(size_t q, Hooks &hooks);
    void evaluate(uint32_t slot, Hooks &hooks);
    void reserve(size_t q, size_t count);
    size_t nodesNeeded(size_t q, int n) const;

    JobTable &m_jobs;
    SimCluster &m_cluster;
    TenantBook &m_tenants;
    size_t m_queues = 0;
    size_t m_projects = 0;
    std::vector<Set> m_sets; // [queue][project][size class]
    std::vector<Key> m_cursor; // refresh position per set
    std::vector<bool> m_cursorValid; // per set
    std::vector<size_t> m_rotation; // per queue: project the refresh starts with
    std::vector<std::pair<uint32_t, uint32_t>> m_fresh; // slot, id
    uint32_t m_pass = 0;
    int64_t m_nowMs = 0;
};

} // namespace suanli::server
