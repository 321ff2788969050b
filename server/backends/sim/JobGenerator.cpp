#include "server/backends/sim/JobGenerator.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace suanli::server {

namespace {
struct WorkloadShape {
    const char *name;
    double medianSeconds;
    double sigma;
    std::vector<int> sizes;
    std::vector<double> weights;
    int priorityBonus;
};

// Acme: pretraining is ~1% of jobs but most accelerator-time, uses over 100
// accelerators, in whole servers; evaluation uses under 4; run times have a
// median of a few minutes and a heavy tail (under 5% over a day).
const std::array<WorkloadShape, kWorkloadCount> &shapes()
{
    static const std::array<WorkloadShape, kWorkloadCount> s = { {
        { "pretrain", 3 * 3600.0, 1.2, { 64, 128, 256, 512, 1024 }, { 15, 30, 30, 17, 8 }, 1500 },
        { "finetune", 1800.0, 1.5, { 1, 2, 4, 8, 16, 32, 64 }, { 25, 15, 20, 28, 6, 4, 2 }, 0 },
        { "eval", 300.0, 1.2, { 1, 2 }, { 65, 35 }, 1000 },
        { "inference", 900.0, 1.5, { 1, 2, 4, 8 }, { 60, 20, 15, 5 }, 2000 },
        { "debug", 120.0, 1.3, { 1, 2, 4, 8 }, { 70, 15, 10, 5 }, 3000 },
    } };
    return s;
}

// Workload mix by project profile: pretrain, finetune, eval, inference, debug.
std::array<double, kWorkloadCount> mixOf(char profile)
{
    switch (profile) {
    case 'L':
        return { 5, 30, 33, 4, 28 };
    case 'F':
        return { 0, 40, 30, 5, 25 };
    case 'I':
        return { 0, 10, 20, 55, 15 };
    case 'S':
        return { 2, 40, 25, 8, 25 };
    default:
        return { 0, 28, 32, 5, 35 };
    }
}

// Odds that a job seen running is of a kind: its share of submissions times
// its mean run time (a running job is length-biased, not size-biased), with
// pretraining scaled down to the share of accelerators it holds in the
// simulation's steady state (quota and drains for big jobs hold it back).
double runningWeight(Workload w)
{
    const WorkloadShape &s = shapes()[size_t(w)];
    const double meanSeconds = s.medianSeconds * std::exp(s.sigma * s.sigma / 2);
    return w == Workload::Pretrain ? 0.1 * meanSeconds : meanSeconds;
}

constexpr int64_t kNiceLimits[] = { 600, 1800, 3600, 7200, 14400, 28800, 43200, 86400, 172800,
    259200, JobGenerator::kMaxTimeSeconds };
} // namespace

JobGenerator::JobGenerator(const TenantBook &tenants, std::vector<int64_t> acceleratorsPerQueue)
    : m_tenants(tenants)
    , m_queueAccelerators(std::move(acceleratorsPerQueue))
{
}

const char *JobGenerator::workloadName(Workload w)
{
    return shapes()[size_t(w)].name;
}

int64_t JobGenerator::cap(uint16_t project, size_t queue) const
{
    const auto &p = m_tenants.projects()[project];
    const auto &t = m_tenants.tenants()[p.tenant];
    int64_t c = std::min(p.limits[queue].maxAccelerators, t.limits[queue].maxAccelerators);
    // Users size jobs to what their limits across all models let run too.
    for (const auto *all : { &p.allModels, &t.allModels })
        if (all->present)
            c = std::min(c, all->maxAccelerators);
    c = std::min(c, std::max<int64_t>(8, m_queueAccelerators[queue] / 2));
    return std::max<int64_t>(0, c);
}

std::vector<double> JobGenerator::activity() const
{
    const auto &projects = m_tenants.projects();
    std::vector<double> weights(projects.size(), 0);
    for (size_t p = 0; p < projects.size(); ++p) {
        double quota = 0;
        for (size_t q = 0; q < m_queueAccelerators.size(); ++q)
            quota += double(cap(uint16_t(p), q));
        weights[p] = quota > 0 ? projects[p].activity : 0;
    }
    return weights;
}

bool JobGenerator::makeSubmitted(SimRandom &rng, uint16_t project, SimJob *out) const
{
    const auto &projects = m_tenants.projects();
    const size_t p = project;
    std::vector<double> byQueue(m_queueAccelerators.size(), 0);
    for (size_t q = 0; q < byQueue.size(); ++q)
        if (cap(uint16_t(p), q) > 0)
            byQueue[q] = double(projects[p].limits[q].maxAccelerators);
    const size_t q = rng.pick(byQueue);
    if (q == byQueue.size())
        return false;
    const auto mix = mixOf(projects[p].profile);
    const auto w = Workload(rng.pick(mix));
    shape(rng, uint16_t(p), q, w, false, 0, out);
    return true;
}

bool JobGenerator::makeRunning(SimRandom &rng, size_t queue, int64_t room, SimJob *out) const
{
    const auto &projects = m_tenants.projects();
    std::vector<double> weights(projects.size(), 0);
    for (size_t p = 0; p < projects.size(); ++p) {
        if (cap(uint16_t(p), queue) <= 0 || m_tenants.headroom(uint16_t(p), queue) <= 0)
            continue;
        const auto mix = mixOf(projects[p].profile);
        double t = 0;
        for (int k = 0; k < kWorkloadCount; ++k)
            t += mix[size_t(k)] * runningWeight(Workload(k));
        weights[p] = projects[p].activity * t * double(projects[p].limits[queue].maxAccelerators);
    }
    const size_t p = rng.pick(weights);
    if (p == projects.size())
        return false;
    auto mix = mixOf(projects[p].profile);
    for (int k = 0; k < kWorkloadCount; ++k)
        mix[size_t(k)] *= runningWeight(Workload(k));
    const auto w = Workload(rng.pick(mix));
    shape(rng, uint16_t(p), queue, w, true, std::min(room, m_tenants.headroom(uint16_t(p), queue)),
        out);
    return true;
}

void JobGenerator::shape(SimRandom &rng, uint16_t project, size_t queue, Workload w, bool running,
    int64_t room, SimJob *out) const
{
    const WorkloadShape &s = shapes()[size_t(w)];
    const auto &p = m_tenants.projects()[project];
    SimJob job;
    job.project = project;
    job.tenant = p.tenant;
    job.user = p.users[size_t(rng.uniformInt(0, int64_t(p.users.size()) - 1))];
    job.queue = uint8_t(queue);
    job.workload = w;

    int64_t n = s.sizes[rng.pick(s.weights)];
    const int64_t c = room > 0 ? std::min(room, cap(project, queue)) : cap(project, queue);
    if (n > c)
        n = c >= 8 ? (c / 8) * 8 : c;
    if (n > 8 && n % 8)
        n = (n / 8) * 8;
    job.accelerators = uint16_t(std::max<int64_t>(1, n));

    // Run time: lognormal; a running job's is length-biased (a lognormal's
    // length-biased law is the same lognormal with its median times e^sigma^2).
    const double median = running ? s.medianSeconds * std::exp(s.sigma * s.sigma) : s.medianSeconds;
    double seconds
        = std::clamp(rng.lognormal(median, s.sigma), 5.0, double(kMaxTimeSeconds) * 0.98);

    // Time limit: users ask for a round figure above what they expect; ~4%
    // underestimate and are stopped at the limit.
    int64_t limit = kMaxTimeSeconds;
    const bool timesOut = rng.chance(0.04);
    if (timesOut) {
        int64_t below = 0;
        for (int64_t l : kNiceLimits)
            if (l < seconds)
                below = l;
        if (below > 0) {
            limit = below;
            seconds = double(below);
        }
    } else {
        const double want = seconds * rng.uniform(1.2, 3.0);
        for (int64_t l : kNiceLimits) {
            if (l >= want) {
                limit = l;
                break;
            }
        }
    }
    job.timeLimitSeconds = int32_t(limit);
    job.runMs = int64_t(seconds * 1000.0);

    // Outcome: ~8% cancelled, ~33% failing in the application, and
    // infrastructure faults whose odds grow with node-hours (so they fall on
    // the big jobs and take most of the failed accelerator-time).
    if (timesOut && seconds == double(limit)) {
        job.outcome = Outcome::Timeout;
    } else {
        const double nodeHours = std::max(1.0, job.accelerators / 8.0) * seconds / 3600.0;
        const double infra = 1.0 - std::exp(-(0.02 + 0.0015 * nodeHours));
        const double x = rng.uniform();
        if (x < 0.08)
            job.outcome = Outcome::Cancel;
        else if (x < 0.08 + infra)
            job.outcome = Outcome::InfraFailure;
        else if (x < 0.08 + infra + 0.33 * (1.0 - infra))
            job.outcome = Outcome::AppFailure;
        else
            job.outcome = Outcome::Complete;
    }
    job.failureKind = uint8_t(rng.uniformInt(0, 255));

    // Priority: the tenant's fair-share standing, a QoS bonus by kind of work
    // (debug and serving first), and the user's own nudge.
    const int64_t fairShare = int64_t(SimRandom::hash(p.tenant, 77) % 5) * 1000;
    job.priority = int32_t(fairShare + s.priorityBonus + rng.uniformInt(0, 2000));
    *out = std::move(job);
}

} // namespace suanli::server
