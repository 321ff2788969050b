#pragma once

#include "server/backends/sim/SimJob.h"
#include "server/backends/sim/SimRandom.h"
#include "server/backends/sim/TenantBook.h"

#include <cstdint>
#include <vector>

namespace suanli::server {

// JobGenerator draws job shapes (who, which queue, kind of work, size, run
// time, time limit, outcome, priority) with the statistics of the Acme
// traces in docs/FACTS.md section 5: median one accelerator, under 7% over eight,
// a heavy run-time tail, about 40% failing.
class JobGenerator {
public:
    // acceleratorsPerQueue[q]: accelerators a queue's nodes hold in all.
    JobGenerator(const TenantBook &tenants, std::vector<int64_t> acceleratorsPerQueue);

    // A job the project submits now; false when it has no quota to submit to.
    bool makeSubmitted(SimRandom &rng, uint16_t project, SimJob *out) const;
    // How busy each project is (its share of the centre's submissions); 0
    // for a project with no quota anywhere.
    std::vector<double> activity() const;
    // A job already running on queue q when the simulation starts, drawn in
    // proportion to accelerator-time (what one sees looking at a busy
    // centre, not at its submissions), of at most `room` accelerators and
    // within its tenant's and project's remaining quota; false when no
    // project may start one.
    bool makeRunning(SimRandom &rng, size_t queue, int64_t room, SimJob *out) const;

    static const char *workloadName(Workload w);
    // Time limits users ask for, from 10 minutes to the queues' 7 days.
    static constexpr int64_t kMaxTimeSeconds = 7 * 24 * 3600;

private:
    // Largest job a project may submit to a queue: within its quotas and
    // half the queue.
    int64_t cap(uint16_t project, size_t queue) const;
    void shape(SimRandom &rng, uint16_t project, size_t queue, Workload w, bool running,
        int64_t room, SimJob *out) const;

    const TenantBook &m_tenants;
    std::vector<int64_t> m_queueAccelerators;
};

} // namespace suanli::server
