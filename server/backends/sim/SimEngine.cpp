#include "server/backends/sim/SimEngine.h"

#include "server/backends/sim/FaultCatalog.h"
#include "server/backends/sim/TelemetryModel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

// The simulated centre's clock and life cycle: building it, advancing time, jobs starting and
// ending, nodes and accelerators failing and coming back.

namespace suanli::server {

using namespace ::suanli::v1;

namespace {
constexpr int64_t kTelemetryPeriodMs = 10 * kSecond;
// China Standard Time: quotas' calendar months start at midnight in Beijing.
constexpr int64_t kCstOffsetMs = 8 * kHour;

// Fault rates per node-hour and card-hour: a 512-node centre sees a few
// events per simulated hour.
constexpr double kNodeDownPerHour = 0.004;
constexpr double kEccPerCardHour = 0.0002;
constexpr double kXidPerCardHour = 0.0004;
constexpr double kThermalPerCardHour = 0.0003;
// Share of users who give up on a job that has not started, and their patience.
constexpr double kImpatient = 0.25;
constexpr double kPatienceMs = 8.0 * kHour;

// Hinnant's civil-date algorithms (days since 1970-01-01).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + int64_t(doe) - 719468;
}
void civilFromDays(int64_t z, int64_t *y, unsigned *m)
{
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = int64_t(yoe) + era * 400 + (*m <= 2);
}
int64_t floorDiv(int64_t a, int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

std::string hoursWord(int64_t seconds)
{
    if (seconds % 3600 == 0)
        return std::to_string(seconds / 3600) + " h";
    return std::to_string(seconds / 60) + " min";
}
} // namespace

SimEngine::SimEngine(const SimOptions &options)
    : m_options(options)
    , m_rng(options.seed)
    , m_faultRng(SimRandom::hash(options.seed, 0xfa017))
    , m_alerts(m_clock)
{
    m_site = SiteProfile::find(options.site);
    if (!m_site) {
        std::string known;
        for (const auto &s : SiteProfile::all())
            known += (known.empty() ? "" : ", ") + s.id;
        throw std::invalid_argument("unknown site '" + options.site + "' (known: " + known + ")");
    }
    m_speed = std::max(0.0, options.speed);
    const auto start = options.startTime.value_or(std::chrono::system_clock::now());
    m_historyMs = std::llround(std::clamp(options.historySeconds, 0.0, 366.0 * 86400.0) * 1000.0);
    m_clock.epochMs
        = std::chrono::duration_cast<std::chrono::milliseconds>(start.time_since_epoch()).count()
        - m_historyMs;
    build();
}

SimEngine::~SimEngine() = default;

// ---------------------------------------------------------------- building

void SimEngine::build()
{
    m_cluster.build(*m_site, std::max(1, m_options.nodes));
    const auto &queues = m_cluster.queues();
    std::vector<int64_t> accelerators;
    for (const auto &q : queues) {
        accelerators.push_back(int64_t(q.nodes.size()) * q.spec->acceleratorsPerNode);
        m_queueModels.push_back(q.spec->model);
        const double demand = m_site->demandOf(q.spec->model);
        m_demandCap.push_back(
            demand >= 1.0 ? -1 : std::llround(demand * double(accelerators.back())));
    }
    m_tenants.build(accelerators, m_rng);
    m_generator = std::make_unique<JobGenerator>(m_tenants, accelerators);
    m_scheduler = std::make_unique<SimScheduler>(m_jobs, m_cluster, m_tenants);
    m_scheduler->reset(queues.size(), m_tenants.projects().size());
    m_queueStats.assign(queues.size(), {});
    m_sentQueues.assign(queues.size(), {});
    m_projectActive.assign(m_tenants.projects().size(), 0);
    updateTargets();
    m_jobs.reserve(size_t(std::max(0, m_options.jobs)) + 1024);

    for (auto &node : m_cluster.nodes())
        node.bootMs = -int64_t(m_faultRng.uniform(1.0, 60.0) * kDay);
    buildInitialFaults();
    buildInitialJobs();
    // Reasons for the whole backlog, as of just before the scheduler's next
    // pass (which the first tick runs).
    m_scheduler->evaluateAll(*this);

    // Accelerator-hours so far this month, as if the month had been about as busy.
    const int64_t nowAbs = m_clock.epochMs + kCstOffsetMs;
    int64_t y;
    unsigned m;
    civilFromDays(floorDiv(nowAbs, kDay), &y, &m);
    const int64_t monthStartAbs = daysFromCivil(y, m, 1) * kDay;
    m_tenants.accrue(double(nowAbs - monthStartAbs) / double(kHour));
    m_tenants.scaleHours(0.85);
    m_monthEndMs = monthEnd(0);

    m_telemetryPeriod = 0;
    refreshTelemetry(false);

    // Start clean: the first snapshot() carries everything.
    m_cluster.clearDirty();
    for (uint32_t id : m_dirtyJobs)
        if (uint32_t slot = m_jobs.find(id); slot != kNoSlot)
            m_jobs[slot].dirty = false;
    m_dirtyJobs.clear();
    m_ended.clear();
    m_alerts.clearChanged();
}

void SimEngine::buildInitialFaults()
{
    auto &nodes = m_cluster.nodes();
    const auto count = int64_t(nodes.size());
    auto pickNode = [&] { return uint32_t(m_faultRng.uniformInt(0, count - 1)); };

    const int64_t down = std::llround(double(count) * 0.003);
    for (int64_t i = 0; i < down; ++i) {
        const uint32_t n = pickNode();
        if (nodes[n].down)
            continue;
        const auto &spec = m_cluster.spec(nodes[n]);
        nodeDown(n, FaultCatalog::nodeDown(spec, m_faultRng.next()),
            -int64_t(m_faultRng.uniform(5, 90) * kMinute));
    }
    static const char *const kDrainReasons[] = { "firmware upgrade (BMC 2.14)", "replace fan tray",
        "IB cable reseat", "burn-in after repair" };
    static const char *const kOperators[] = { "ops.wang", "ops.chen", "ops.li" };
    const int64_t drained = std::llround(double(count) * 0.004);
    for (int64_t i = 0; i < drained; ++i) {
        const uint32_t n = pickNode();
        if (nodes[n].down || nodes[n].drain)
            continue;
        nodes[n].drain = true;
        nodes[n].drainReason = kDrainReasons[m_faultRng.uniformInt(0, 3)];
        nodes[n].drainUser = kOperators[m_faultRng.uniformInt(0, 2)];
        nodes[n].drainMs = -int64_t(m_faultRng.uniform(1, 48) * kHour);
        m_cluster.refresh(n);
    }
    const int64_t cards = std::llround(double(count) * 8 * 0.0004);
    for (int64_t i = 0; i < 2 * cards; ++i) {
        const uint32_t n = pickNode();
        const int card = int(m_faultRng.uniformInt(0, nodes[n].accCount - 1));
        if (nodes[n].down || nodes[n].acc[size_t(card)].health != ACCELERATOR_HEALTH_HEALTHY)
            continue;
        cardFault(n, card, uint8_t(i < cards ? SimFault::Ecc : SimFault::Xid),
            -int64_t(m_faultRng.uniform(5, 60) * kMinute));
    }
}

void SimEngine::buildInitialJobs()
{
    const auto &queues = m_cluster.queues();
    const int64_t target = std::max(0, m_options.jobs);
    const int64_t maxRunning = target * 8 / 10;
    int64_t running = 0;
    std::vector<uint32_t> slots;
    slots.reserve(size_t(target));

    // Running jobs first, each queue filled to 85-92% of its usable cards.
    for (size_t q = 0; q < queues.size(); ++q) {
        int64_t usable = 0;
        for (uint32_t n : queues[q].nodes) {
            const SimNode &node = m_cluster.nodes()[n];
            if (node.schedulable())
                usable += node.accCount - node.failed;
        }
        const double fill = std::min(m_rng.uniform(0.85, 0.92), m_site->demandOf(m_queueModels[q]))
            * double(usable);
        int64_t allocated = 0;
        int failures = 0;
        while (double(allocated) < fill && failures < 400 && running < maxRunning) {
            SimJob job;
            const int64_t room = m_cluster.largestStartable(q);
            if (room == 0 || !m_generator->makeRunning(m_rng, q, room, &job))
                break;
            Placement placement;
            if (m_tenants.check(job.project, q, job.accelerators).blocked()
                || !m_cluster.place(q, job.accelerators, 0, 0, &placement)) {
                ++failures;
                continue;
            }
            job.startMs = -int64_t(m_rng.uniform() * double(job.runMs));
            if (job.startMs + job.runMs < kSecond)
                job.startMs = kSecond - job.runMs;
            const int64_t wait
                = m_rng.chance(0.4) ? 0 : int64_t(m_rng.exponential(300.0) * kSecond);
            job.submitMs = job.startMs - wait;
            job.state = JOB_STATE_RUNNING;
            const int n = job.accelerators;
            const uint16_t project = job.project;
            const uint32_t slot = m_jobs.add(std::move(job));
            m_cluster.allocate(placement, slot, n);
            m_jobs[slot].nodes = placement.nodes;
            m_tenants.addInUse(project, q, n);
            ++m_projectActive[project];
            ++m_queueStats[q].running;
            allocated += n;
            ++running;
            slots.push_back(slot);
        }
    }

    // The backlog: submitted over the last hours, a few held by their owners,
    // from the projects below their share of active jobs.
    for (int64_t i = running; i < target; ++i) {
        std::vector<double> want(m_projectTarget.size());
        for (size_t p = 0; p < want.size(); ++p)
            want[p] = std::max(0.0, m_projectTarget[p] - double(m_projectActive[p]));
        const size_t p = m_rng.pick(want);
        SimJob job;
        if (p == want.size() || !m_generator->makeSubmitted(m_rng, uint16_t(p), &job))
            break;
        if (!withinDemand(job.queue, job.accelerators))
            continue; // the model's tenants ask for no more than the site's load level
        ++m_projectActive[p];
        job.submitMs = -std::min<int64_t>(72 * kHour, int64_t(m_rng.exponential(3.0 * kHour)));
        if (m_rng.chance(0.02)) {
            job.state = JOB_STATE_HELD;
            job.reason = PENDING_REASON_HELD_BY_USER;
        } else {
            job.state = JOB_STATE_PENDING;
            job.reason = PENDING_REASON_NOT_EVALUATED;
        }
        slots.push_back(m_jobs.add(std::move(job)));
    }

    // Ids in submission order, as a scheduler hands them out.
    std::sort(slots.begin(), slots.end(), [&](uint32_t a, uint32_t b) {
        return m_jobs[a].submitMs != m_jobs[b].submitMs ? m_jobs[a].submitMs < m_jobs[b].submitMs
                                                        : a < b;
    });
    for (uint32_t slot : slots)
        m_jobs.assignId(slot, m_nextJobId++);

    std::vector<std::pair<int64_t, uint32_t>> recentStarts;
    for (uint32_t slot : slots) {
        SimJob &job = m_jobs[slot];
        if (job.state == JOB_STATE_RUNNING) {
            addTimer(job.startMs + job.runMs, TimerKind::JobEnd, job.id, job.generation);
            if (job.startMs >= -kHour)
                recentStarts.push_back({ job.startMs, slot });
            continue;
        }
        if (job.state == JOB_STATE_HELD) {
            ++m_queueStats[job.queue].held;
            addTimer(int64_t(m_rng.exponential(30.0 * kMinute)), TimerKind::HoldRelease, job.id,
                job.generation);
        } else {
            enqueuePending(slot);
        }
        if (m_rng.chance(kImpatient))
            addTimer(int64_t(m_rng.exponential(kPatienceMs)), TimerKind::Abandon, job.id,
                job.generation);
    }
    std::sort(recentStarts.begin(), recentStarts.end());
    for (auto [startMs, slot] : recentStarts) {
        const SimJob &job = m_jobs[slot];
        m_queueStats[job.queue].waits.push_back(
            { startMs, float(job.startMs - job.submitMs) / 1000.0f });
    }
}

// ---------------------------------------------------------------- time

void SimEngine::tick()
{
    const auto ms = int64_t(std::llround(m_options.tickSeconds * m_speed * 1000.0));
    if (ms > 0)
        advance(ms);
}

void SimEngine::advance(int64_t ms, int64_t stepMs)
{
    stepMs = std::max<int64_t>(kSecond, stepMs);
    while (ms > 0) {
        const int64_t dt = std::min(ms, stepMs);
        step(dt);
        ms -= dt;
    }
}

void SimEngine::step(int64_t dtMs)
{
    m_clock.nowMs += dtMs;
    runTimers();
    injectFaults(dtMs);
    m_scheduler->run(*this, m_clock.nowMs);
    arrivals(dtMs);
    m_tenants.accrue(double(dtMs) / double(kHour));
    if (m_clock.nowMs >= m_monthEndMs) {
        m_tenants.resetHours();
        m_monthEndMs = monthEnd(m_clock.nowMs);
    }
    const int64_t period = m_clock.nowMs / kTelemetryPeriodMs;
    if (period != m_telemetryPeriod) {
        m_telemetryPeriod = period;
        refreshTelemetry(true);
    }
}

int64_t SimEngine::monthEnd(int64_t simMs) const
{
    const int64_t abs = m_clock.epochMs + simMs + kCstOffsetMs;
    int64_t y;
    unsigned m;
    civilFromDays(floorDiv(abs, kDay), &y, &m);
    if (++m > 12) {
        m = 1;
        ++y;
    }
    return daysFromCivil(y, m, 1) * kDay - kCstOffsetMs - m_clock.epochMs;
}

void SimEngine::addTimer(
    int64_t atMs, TimerKind kind, uint32_t target, uint32_t generation, uint8_t card)
{
    m_timers.push(Timer { atMs, m_timerSeq++, target, generation, kind, card });
}

void SimEngine::runTimers()
{
    while (!m_timers.empty() && m_timers.top().atMs <= m_clock.nowMs) {
        const Timer t = m_timers.top();
        m_timers.pop();
        switch (t.kind) {
        case TimerKind::JobEnd:
        case TimerKind::HoldRelease:
        case TimerKind::Abandon: {
            const uint32_t slot = m_jobs.find(t.target);
            if (slot == kNoSlot || m_jobs[slot].generation != t.generation)
                break;
            SimJob &job = m_jobs[slot];
            if (t.kind == TimerKind::JobEnd && job.state == JOB_STATE_RUNNING) {
                const AcceleratorSpec &spec = *m_cluster.queues()[job.queue].spec;
                const int64_t at = std::max(t.atMs, job.startMs);
                switch (job.outcome) {
                case Outcome::Complete:
                    endRunning(slot, JOB_STATE_COMPLETED, at, {}, 0);
                    break;
                case Outcome::AppFailure: {
                    int32_t code = 1;
                    std::string text = FaultCatalog::appFailure(spec, job.failureKind, &code);
                    endRunning(slot, JOB_STATE_FAILED, at, std::move(text), code);
                    break;
                }
                case Outcome::InfraFailure: {
                    const size_t which = SimRandom::hash(job.id, 3) % job.nodes.size();
                    const int rank = int(which) * 8 + int(SimRandom::hash(job.id, 4) % 8);
                    endRunning(slot, JOB_STATE_FAILED, at,
                        FaultCatalog::infraFailure(
                            spec, job.failureKind, m_cluster.nodes()[job.nodes[which]].name, rank),
                        1);
                    break;
                }
                case Outcome::Cancel:
                    endRunning(slot, JOB_STATE_CANCELLED, at,
                        "cancelled by " + m_tenants.users()[job.user], 143);
                    break;
                case Outcome::Timeout:
                    endRunning(slot, JOB_STATE_FAILED, at,
                        "time limit of " + hoursWord(job.timeLimitSeconds) + " reached", 143);
                    break;
                }
            } else if (t.kind == TimerKind::HoldRelease && job.state == JOB_STATE_HELD
                && !job.adminHold) {
                releaseHeld(slot);
            } else if (t.kind == TimerKind::Abandon
                && (job.state == JOB_STATE_PENDING || job.state == JOB_STATE_HELD)) {
                endWaiting(slot, JOB_STATE_CANCELLED, t.atMs,
                    "cancelled by " + m_tenants.users()[job.user] + " while waiting");
            }
            break;
        }
        case TimerKind::NodeRepair: {
            const SimNode &node = m_cluster.nodes()[t.target];
            if (node.generation == t.generation && node.down)
                repairNode(t.target);
            break;
        }
        case TimerKind::RebootDone: {
            const SimNode &node = m_cluster.nodes()[t.target];
            if (node.generation == t.generation && node.maintenance && !node.rebootPending)
                finishReboot(t.target);
            break;
        }
        case TimerKind::CardRepair: {
            const SimAccelerator &a = m_cluster.nodes()[t.target].acc[t.card];
            if (a.generation == t.generation && a.health != ACCELERATOR_HEALTH_HEALTHY)
                repairCard(t.target, t.card);
            break;
        }
        }
    }
}

void SimEngine::injectFaults(int64_t dtMs)
{
    auto &nodes = m_cluster.nodes();
    const auto count = int64_t(nodes.size());
    const double hours = double(dtMs) / double(kHour);
    const double cards = double(count) * SimNode::kMaxAccelerators;
    auto pickNode = [&] { return uint32_t(m_faultRng.uniformInt(0, count - 1)); };

    for (int64_t k = m_faultRng.poisson(kNodeDownPerHour * double(count) * hours); k > 0; --k) {
        const uint32_t n = pickNode();
        const uint64_t variant = m_faultRng.next();
        if (nodes[n].down || nodes[n].maintenance)
            continue;
        nodeDown(n, FaultCatalog::nodeDown(m_cluster.spec(nodes[n]), variant), m_clock.nowMs);
    }
    const SimFault cardKinds[] = { SimFault::Ecc, SimFault::Xid, SimFault::Thermal };
    const double cardRates[] = { kEccPerCardHour, kXidPerCardHour, kThermalPerCardHour };
    for (int kind = 0; kind < 3; ++kind) {
        for (int64_t k = m_faultRng.poisson(cardRates[kind] * cards * hours); k > 0; --k) {
            const uint32_t n = pickNode();
            const int first = int(m_faultRng.uniformInt(0, nodes[n].accCount - 1));
            SimNode &node = nodes[n];
            if (node.down)
                continue;
            // A thermal event needs a busy card; the others strike any healthy one.
            int card = -1;
            for (int i = 0; i < node.accCount && card < 0; ++i) {
                const int c = (first + i) % node.accCount;
                const SimAccelerator &a = node.acc[size_t(c)];
                if (a.health != ACCELERATOR_HEALTH_HEALTHY)
                    continue;
                if (cardKinds[kind] == SimFault::Thermal && a.job == kNoSlot)
                    continue;
                card = c;
                if (cardKinds[kind] != SimFault::Thermal)
                    break;
            }
            if (card >= 0 && (cardKinds[kind] == SimFault::Thermal || card == first))
                cardFault(n, card, uint8_t(cardKinds[kind]), m_clock.nowMs);
        }
    }
}

void SimEngine::updateTargets()
{
    const std::vector<double> activity = m_generator->activity();
    double total = 0;
    for (double a : activity)
        total += a;
    m_projectTarget.assign(activity.size(), 0);
    for (size_t p = 0; p < activity.size() && total > 0; ++p)
        m_projectTarget[p] = double(std::max(0, m_options.jobs)) * activity[p] / total;
}

void SimEngine::arrivals(int64_t dtMs)
{
    // Each project makes up its shortfall over about a minute, so the active
    // count stays near the target whatever the throughput.
    for (size_t p = 0; p < m_projectTarget.size(); ++p) {
        const double deficit = m_projectTarget[p] - double(m_projectActive[p]);
        if (deficit <= 0)
            continue;
        const int64_t count = std::min(
            m_rng.poisson(deficit * double(dtMs) / double(kMinute)), int64_t(std::ceil(deficit)));
        for (int64_t i = 0; i < count; ++i) {
            SimJob job;
            if (!m_generator->makeSubmitted(m_rng, uint16_t(p), &job))
                break;
            if (!withinDemand(job.queue, job.accelerators))
                continue;
            submit(std::move(job), m_rng.chance(0.01));
        }
    }
}

bool SimEngine::withinDemand(size_t q, int64_t extra) const
{
    if (m_demandCap[q] < 0)
        return true;
    int64_t asked = extra;
    for (const auto &project : m_tenants.projects())
        asked += project.usage[q].inUse + project.usage[q].pending;
    return asked <= m_demandCap[q];
}

// ---------------------------------------------------------------- jobs

void SimEngine::markJob(SimJob &job)
{
    if (job.dirty)
        return;
    job.dirty = true;
    m_dirtyJobs.push_back(job.id);
    if (m_dirtyJobs.size() > 2 * m_jobs.slotCount() + 4096) {
        // Nobody has collected for a long time: drop ids of jobs that ended.
        std::erase_if(m_dirtyJobs, [&](uint32_t id) { return m_jobs.find(id) == kNoSlot; });
    }
}

uint32_t SimEngine::submit(SimJob job, bool held)
{
    job.id = m_nextJobId++;
    job.submitMs = m_clock.nowMs;
    ++m_projectActive[job.project];
    job.state = held ? JOB_STATE_HELD : JOB_STATE_PENDING;
    job.reason = held ? PENDING_REASON_HELD_BY_USER : PENDING_REASON_NOT_EVALUATED;
    const uint32_t slot = m_jobs.add(std::move(job));
    SimJob &j = m_jobs[slot];
    if (held) {
        ++m_queueStats[j.queue].held;
        addTimer(m_clock.nowMs + int64_t(m_rng.exponential(30.0 * kMinute)), TimerKind::HoldRelease,
            j.id, j.generation);
    } else {
        enqueuePending(slot);
    }
    if (m_rng.chance(kImpatient))
        addTimer(m_clock.nowMs + int64_t(m_rng.exponential(kPatienceMs)), TimerKind::Abandon, j.id,
            j.generation);
    markJob(j);
    return slot;
}

void SimEngine::enqueuePending(uint32_t slot)
{
    SimJob &job = m_jobs[slot];
    job.state = JOB_STATE_PENDING;
    m_scheduler->add(slot);
    m_scheduler->noteFresh(slot);
    m_tenants.addPending(job.project, job.queue, job.accelerators);
    auto &qs = m_queueStats[job.queue];
    ++qs.pending;
    qs.acceleratorsPending += job.accelerators;
}

void SimEngine::start(uint32_t slot, const Placement &placement)
{
    SimJob &job = m_jobs[slot];
    const size_t q = job.queue;
    auto &qs = m_queueStats[q];
    m_tenants.addPending(job.project, q, -int64_t(job.accelerators));
    m_tenants.addInUse(job.project, q, job.accelerators);
    --qs.pending;
    qs.acceleratorsPending -= job.accelerators;
    ++qs.running;
    m_cluster.allocate(placement, slot, job.accelerators);
    job.nodes = placement.nodes;
    job.state = JOB_STATE_RUNNING;
    job.reason = PENDING_REASON_UNSPECIFIED;
    job.quotaUsed = job.quotaLimit = 0;
    job.quotaAllModels = false;
    job.startMs = m_clock.nowMs;
    ++job.generation;
    addTimer(job.startMs + std::min<int64_t>(job.runMs, int64_t(job.timeLimitSeconds) * kSecond),
        TimerKind::JobEnd, job.id, job.generation);
    qs.waits.push_back({ job.startMs, float(job.startMs - job.submitMs) / 1000.0f });
    if (qs.waits.size() > 200000)
        qs.waits.pop_front();
    for (uint32_t n : job.nodes)
        refreshNodeTelemetry(n);
    markJob(job);
}

void SimEngine::setReason(
    uint32_t slot, PendingReason reason, int64_t used, int64_t limit, bool allModels)
{
    SimJob &job = m_jobs[slot];
    // Only a new reason (or limit) is a change; the use is as of that moment.
    if (job.reason == reason && job.quotaLimit == limit && job.quotaAllModels == allModels)
        return;
    job.reason = reason;
    job.quotaUsed = int32_t(used);
    job.quotaLimit = int32_t(limit);
    job.quotaAllModels = allModels;
    markJob(job);
}

void SimEngine::freeResources(uint32_t slot)
{
    SimJob &job = m_jobs[slot];
    m_cluster.release(slot, job.nodes);
    m_tenants.addInUse(job.project, job.queue, -int64_t(job.accelerators));
    --m_queueStats[job.queue].running;
}

void SimEngine::endRunning(
    uint32_t slot, JobState state, int64_t atMs, std::string text, int32_t exitCode)
{
    freeResources(slot);
    const std::vector<uint32_t> nodes = m_jobs[slot].nodes;
    finish(slot, state, atMs, std::move(text), exitCode);
    afterRelease(nodes);
}

void SimEngine::endWaiting(uint32_t slot, JobState state, int64_t atMs, std::string text)
{
    SimJob &job = m_jobs[slot];
    auto &qs = m_queueStats[job.queue];
    if (job.state == JOB_STATE_PENDING) {
        m_scheduler->remove(slot);
        m_tenants.addPending(job.project, job.queue, -int64_t(job.accelerators));
        --qs.pending;
        qs.acceleratorsPending -= job.accelerators;
    } else {
        --qs.held;
    }
    finish(slot, state, atMs, std::move(text), 0);
}

void SimEngine::finish(
    uint32_t slot, JobState state, int64_t atMs, std::string text, int32_t exitCode)
{
    SimJob job = m_jobs.remove(slot);
    --m_projectActive[job.project];
    job.state = state;
    job.endMs = atMs;
    job.endText = std::move(text);
    job.exitCode = exitCode;
    job.reason = PENDING_REASON_UNSPECIFIED;
    job.quotaUsed = job.quotaLimit = 0;
    job.quotaAllModels = false;
    m_ended.push_back(std::move(job));
    // Bounded even if nobody collects changes: the oldest endings are dropped.
    const size_t cap = std::max<size_t>(20000, 2 * size_t(std::max(0, m_options.jobs)));
    while (m_ended.size() > cap)
        m_ended.pop_front();
}

void SimEngine::afterRelease(const std::vector<uint32_t> &nodes)
{
    for (uint32_t n : nodes) {
        refreshNodeTelemetry(n);
        const SimNode &node = m_cluster.nodes()[n];
        if (node.rebootPending && node.allocated == 0)
            beginReboot(n);
    }
}

void SimEngine::holdPending(uint32_t slot, bool byOperator)
{
    SimJob &job = m_jobs[slot];
    auto &qs = m_queueStats[job.queue];
    m_scheduler->remove(slot);
    m_tenants.addPending(job.project, job.queue, -int64_t(job.accelerators));
    --qs.pending;
    qs.acceleratorsPending -= job.accelerators;
    ++qs.held;
    job.state = JOB_STATE_HELD;
    job.reason = PENDING_REASON_HELD_BY_USER;
    job.quotaUsed = job.quotaLimit = 0;
    job.quotaAllModels = false;
    job.adminHold = byOperator;
    ++job.generation;
    markJob(job);
}

void SimEngine::releaseHeld(uint32_t slot)
{
    SimJob &job = m_jobs[slot];
    --m_queueStats[job.queue].held;
    job.adminHold = false;
    job.reason = PENDING_REASON_NOT_EVALUATED;
    job.quotaUsed = job.quotaLimit = 0;
    job.quotaAllModels = false;
    ++job.generation;
    enqueuePending(slot);
    markJob(job);
}

// ---------------------------------------------------------------- nodes

void SimEngine::nodeDown(uint32_t index, const FaultCatalog::Fault &fault, int64_t atMs)
{
    const std::string &reason = fault.text;
    SimNode &node = m_cluster.node(index);
    ++node.generation;
    std::vector<uint32_t> victims;
    for (const auto &a : node.acc)
        if (a.job != kNoSlot && std::find(victims.begin(), victims.end(), a.job) == victims.end())
            victims.push_back(a.job);
    for (uint32_t slot : victims)
        endRunning(slot, JOB_STATE_FAILED, std::max(atMs, m_jobs[slot].startMs),
            "node " + node.name + " failed: " + reason, 1);
    SimNode &n = m_cluster.node(index);
    n.down = true;
    n.faultReason = reason;
    n.faultMs = atMs;
    n.downAlert = m_alerts.raise(SEVERITY_CRITICAL, "node_down", n.name,
        n.name + " down: " + reason, atMs, fault.cause, fault.args);
    m_cluster.refresh(index);
    refreshNodeTelemetry(index);
    const int64_t repair = std::clamp<int64_t>(
        int64_t(m_faultRng.lognormal(60.0 * kMinute, 0.6)), 15 * kMinute, 8 * kHour);
    addTimer(std::max(atMs + repair, m_clock.nowMs + kMinute), TimerKind::NodeRepair, index,
        n.generation);
}

void SimEngine::repairNode(uint32_t index)
{
    SimNode &node = m_cluster.node(index);
    node.down = false;
    node.faultReason.clear();
    node.faultMs = 0;
    if (node.downAlert)
        m_alerts.clear(node.downAlert, m_clock.nowMs);
    node.downAlert = 0;
    node.bootMs = m_clock.nowMs;
    ++node.generation;
    m_cluster.refresh(index);
    refreshNodeTelemetry(index);
}

void SimEngine::cardFault(uint32_t index, int card, uint8_t fault, int64_t atMs)
{
    SimNode &node = m_cluster.node(index);
    const AcceleratorSpec &spec = m_cluster.spec(node);
    SimAccelerator &a = node.acc[size_t(card)];
    ++a.generation;
    a.fault = fault;
    const auto kind = SimFault(fault);
    const FaultCatalog::Fault words = kind == SimFault::Thermal
        ? FaultCatalog::thermal(TelemetryModel::throttleTemperature(a.generation))
        : FaultCatalog::accelerator(spec, kind, a.generation);
    const std::string &text = words.text;
    const std::string where = std::string(spec.device) + " " + std::to_string(card);
    const uint32_t victim = a.job;
    Severity severity = SEVERITY_WARNING;
    const char *alertKind = "thermal";
    int64_t repair = 0;
    if (kind == SimFault::Ecc) {
        if (victim != kNoSlot)
            endRunning(victim, JOB_STATE_FAILED, std::max(atMs, m_jobs[victim].startMs),
                where + " on " + node.name + " failed: " + text, 1);
        a.health = ACCELERATOR_HEALTH_FAILED;
        ++a.eccErrors;
        severity = SEVERITY_CRITICAL;
        alertKind = "ecc";
        repair = std::clamp<int64_t>(
            int64_t(m_faultRng.lognormal(3.0 * kHour, 0.5)), kHour, 12 * kHour);
    } else if (kind == SimFault::Xid) {
        a.health = ACCELERATOR_HEALTH_DEGRADED;
        alertKind = "xid";
        // Such errors usually kill the process that hit them.
        if (victim != kNoSlot && m_faultRng.chance(0.5))
            endRunning(victim, JOB_STATE_FAILED, std::max(atMs, m_jobs[victim].startMs),
                where + " on " + node.name + ": " + text, 1);
        repair = int64_t(m_faultRng.uniform(15, 60) * kMinute);
    } else {
        a.health = ACCELERATOR_HEALTH_DEGRADED;
        repair = int64_t(m_faultRng.uniform(5, 30) * kMinute);
    }
    a.alert = m_alerts.raise(severity, alertKind, node.name + "/" + std::to_string(card),
        node.name + " " + where + ": " + text, atMs, words.cause, words.args, spec.device);
    m_cluster.refresh(index);
    refreshNodeTelemetry(index);
    addTimer(std::max(atMs + repair, m_clock.nowMs + kMinute), TimerKind::CardRepair, index,
        a.generation, uint8_t(card));
}

void SimEngine::repairCard(uint32_t index, int card)
{
    SimNode &node = m_cluster.node(index);
    SimAccelerator &a = node.acc[size_t(card)];
    if (SimFault(a.fault) == SimFault::Ecc)
        a.eccErrors = 0; // the card was replaced
    a.health = ACCELERATOR_HEALTH_HEALTHY;
    a.fault = uint8_t(SimFault::None);
    ++a.generation;
    if (a.alert)
        m_alerts.clear(a.alert, m_clock.nowMs);
    a.alert = 0;
    m_cluster.refresh(index);
    refreshNodeTelemetry(index);
}

void SimEngine::beginReboot(uint32_t index)
{
    SimNode &node = m_cluster.node(index);
    node.rebootPending = false;
    ++node.generation;
    const int64_t jitter
        = int64_t(SimRandom::hash(index, uint64_t(node.generation)) % 30) * kSecond;
    addTimer(m_clock.nowMs + 2 * kMinute + jitter, TimerKind::RebootDone, index, node.generation);
    m_cluster.markDirty(index);
}

void SimEngine::finishReboot(uint32_t index)
{
    SimNode &node = m_cluster.node(index);
    node.maintenance = false;
    node.rebootPending = false;
    node.rebootReason.clear();
    node.rebootUser.clear();
    node.rebootMs = 0;
    node.bootMs = m_clock.nowMs;
    ++node.generation;
    if (node.down) {
        node.down = false;
        node.faultReason.clear();
        if (node.downAlert)
            m_alerts.clear(node.downAlert, m_clock.nowMs);
        node.downAlert = 0;
    }
    // A reboot clears soft faults; failed cards stay failed until replaced.
    for (int i = 0; i < node.accCount; ++i)
        if (node.acc[size_t(i)].health == ACCELERATOR_HEALTH_DEGRADED)
            repairCard(index, i);
    m_cluster.refresh(index);
    refreshNodeTelemetry(index);
}

void SimEngine::refreshTelemetry(bool deadband)
{
    auto &nodes = m_cluster.nodes();
    for (uint32_t i = 0; i < nodes.size(); ++i) {
        SimNode &node = nodes[i];
        TelemetryModel::refresh(
            node, i, m_cluster.spec(node), m_jobs, m_options.seed, m_telemetryPeriod);
        if (!deadband || node.dirty)
            continue;
        // Telemetry alone makes a node "changed" only past a deadband, so a
        // steady centre does not resend every node every tick.
        if (std::abs(node.util - node.sentUtil) > 5.0f || std::abs(node.temp - node.sentTemp) > 3.0f
            || std::abs(node.power - node.sentPower) > 0.1f * node.sentPower)
            m_cluster.markDirty(i);
    }
}

void SimEngine::refreshNodeTelemetry(uint32_t index)
{
    SimNode &node = m_cluster.node(index);
    TelemetryModel::refresh(
        node, index, m_cluster.spec(node), m_jobs, m_options.seed, m_telemetryPeriod);
}

} // namespace suanli::server
