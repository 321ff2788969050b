#include "tests/integration/OutageBackend.h"

#include <algorithm>

namespace suanli::test {

using server::BackendChanges;
using server::TargetResults;

OutageBackend::OutageBackend(const server::SimOptions &options, bool reachable)
    : m_sim(options)
    , m_reachable(reachable)
{
    for (const auto &node : m_sim.snapshot().nodes)
        m_simOrder.push_back(node.name());
}

void OutageBackend::setReachable(bool reachable)
{
    m_reachable = reachable;
}

void OutageBackend::holdActions()
{
    std::lock_guard lock(m_holdMutex);
    m_holding = true;
}

void OutageBackend::releaseActions()
{
    {
        std::lock_guard lock(m_holdMutex);
        m_holding = false;
    }
    m_holdChanged.notify_all();
}

int OutageBackend::heldActions() const
{
    std::lock_guard lock(m_holdMutex);
    return m_held;
}

void OutageBackend::waitWhileHeld()
{
    std::unique_lock lock(m_holdMutex);
    if (!m_holding)
        return;
    ++m_held;
    m_holdChanged.wait(lock, [this] { return !m_holding; });
    --m_held;
}

void OutageBackend::withhold(const std::set<std::string> &names)
{
    std::lock_guard lock(m_mutex);
    m_withheld = names;
}

void OutageBackend::reveal()
{
    std::lock_guard lock(m_mutex);
    m_revealed = m_withheld;
    m_withheld.clear();
    m_revealPending = true;
}

std::vector<std::string> OutageBackend::nodeNames() const
{
    std::lock_guard lock(m_mutex);
    return m_simOrder;
}

bool OutageBackend::tick(std::string *error)
{
    if (!m_reachable) {
        *error = kOutage;
        return false;
    }
    // Not between collectChanges() and the snapshot a reveal takes.
    std::lock_guard lock(m_mutex);
    return m_sim.tick(error);
}

void OutageBackend::reportLocked(BackendChanges *changes)
{
    std::erase_if(
        changes->nodes, [&](const v1::Node &n) { return m_withheld.count(n.name()) > 0; });
    for (const auto &node : changes->nodes)
        m_reported.emplace(node.name(), static_cast<uint32_t>(m_reported.size()));
}

BackendChanges OutageBackend::snapshot()
{
    std::lock_guard lock(m_mutex);
    if (!m_reachable) {
        m_snapshotOwed = true;
        return {};
    }
    BackendChanges all = m_sim.snapshot();
    reportLocked(&all);
    return all;
}

BackendChanges OutageBackend::collectChanges()
{
    std::lock_guard lock(m_mutex);
    if (!m_reachable)
        return {};
    BackendChanges changes;
    if (m_snapshotOwed) {
        m_snapshotOwed = false;
        changes = m_sim.snapshot();
    } else {
        changes = m_sim.collectChanges();
    }
    if (m_revealPending) {
        m_revealPending = false;
        for (auto &node : m_sim.snapshot().nodes)
            if (m_revealed.count(node.name()))
                changes.nodes.push_back(std::move(node));
    }
    reportLocked(&changes);
    return changes;
}

std::vector<v1::Tenant> OutageBackend::tenants()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_snapshotOwed)
            return {};
    }
    return m_sim.tenants();
}

TargetResults OutageBackend::unavailable(const std::vector<std::string> &targets) const
{
    TargetResults out;
    for (const auto &t : targets) {
        v1::TargetResult r;
        r.set_target(t);
        r.set_code("UNAVAILABLE");
        r.set_message(kOutage);
        out.push_back(r);
    }
    return out;
}

template <class F> TargetResults OutageBackend::act(const std::vector<std::string> &targets, F f)
{
    waitWhileHeld();
    return m_reachable ? f() : unavailable(targets);
}

TargetResults OutageBackend::drainNodes(
    const std::vector<std::string> &names, const server::Actor &actor)
{
    return act(names, [&] { return m_sim.drainNodes(names, actor); });
}

TargetResults OutageBackend::resumeNodes(
    const std::vector<std::string> &names, const server::Actor &actor)
{
    return act(names, [&] { return m_sim.resumeNodes(names, actor); });
}

TargetResults OutageBackend::rebootNodes(
    const std::vector<std::string> &names, const server::Actor &actor)
{
    return act(names, [&] { return m_sim.rebootNodes(names, actor); });
}

TargetResults OutageBackend::cancelJobs(
    const std::vector<std::string> &ids, const server::Actor &actor)
{
    return act(ids, [&] { return m_sim.cancelJobs(ids, actor); });
}

TargetResults OutageBackend::holdJobs(
    const std::vector<std::string> &ids, const server::Actor &actor)
{
    return act(ids, [&] { return m_sim.holdJobs(ids, actor); });
}

TargetResults OutageBackend::releaseJobs(
    const std::vector<std::string> &ids, const server::Actor &actor)
{
    return act(ids, [&] { return m_sim.releaseJobs(ids, actor); });
}

TargetResults OutageBackend::requeueJobs(
    const std::vector<std::string> &ids, const server::Actor &actor)
{
    return act(ids, [&] { return m_sim.requeueJobs(ids, actor); });
}

TargetResults OutageBackend::setJobPriority(
    const std::vector<std::string> &ids, int64_t priority, const server::Actor &actor)
{
    return act(ids, [&] { return m_sim.setJobPriority(ids, priority, actor); });
}

bool OutageBackend::setQuota(const std::string &tenant, const std::string &project,
    const v1::QuotaLimit &limit, std::string *error)
{
    waitWhileHeld();
    if (!m_reachable) {
        *error = kOutage;
        return false;
    }
    return m_sim.setQuota(tenant, project, limit, error);
}

bool OutageBackend::acknowledgeAlert(
    const std::string &id, const std::string &user, const std::string &comment)
{
    return m_sim.acknowledgeAlert(id, user, comment);
}

bool OutageBackend::sampleTelemetry(std::vector<server::NodeSample> *out)
{
    std::vector<server::NodeSample> samples;
    if (!m_sim.sampleTelemetry(&samples))
        return false;
    std::lock_guard lock(m_mutex);
    for (auto &s : samples) {
        if (s.nodeIndex >= m_simOrder.size())
            continue;
        auto it = m_reported.find(m_simOrder[s.nodeIndex]);
        if (it == m_reported.end())
            continue; // not reported yet: no place in the history
        s.nodeIndex = it->second;
        out->push_back(std::move(s));
    }
    return true;
}

} // namespace suanli::test
