#pragma once

#include "server/backends/sim/SimBackend.h"
#include "server/placement/InputBuilder.h"

#include <chrono>
#include <deque>
#include <map>
#include <string>

namespace test {

// SimMirror keeps what a gateway's cache would hold of a simulated centre (nodes, queues, active
// jobs, tenants and the recently ended jobs), fed by the backend's changes, and builds the
// forecaster's input from it: never from the simulator's own run times.
class SimMirror {
public:
    static constexpr size_t kEndedKept = 20000; // as ClusterCache keeps

    explicit SimMirror(suanli::server::SimBackend &sim)
        : m_sim(sim)
    {
        apply(sim.snapshot());
        m_tenants = sim.tenants();
    }

    // Advances the centre by `seconds` in steps of `step`, calling `seen` with each job change.
    template <class Seen> void advance(double seconds, double step, Seen seen)
    {
        for (double done = 0; done < seconds; done += step) {
            m_sim.advance(step);
            auto changes = m_sim.collectChanges();
            for (const auto &j : changes.jobs)
                seen(j);
            if (changes.tenantsChanged)
                m_tenants = m_sim.tenants();
            apply(std::move(changes));
        }
    }
    void advance(double seconds, double step = 60)
    {
        advance(seconds, step, [](const suanli::v1::Job &) {});
    }

    int64_t nowS() const
    {
        return std::chrono::duration_cast<std::chrono::seconds>(m_sim.now().time_since_epoch())
            .count();
    }

    suanli::server::placement::ForecastInput input() const
    {
        suanli::server::placement::InputBuilder b(nowS());
        for (const auto &[k, q] : m_queues)
            b.addQueue(q);
        for (const auto &[k, n] : m_nodes)
            b.addNode(n);
        for (const auto &[k, j] : m_jobs)
            b.addJob(j);
        for (const auto &j : m_ended)
            b.addJob(j);
        for (const auto &t : m_tenants)
            b.addTenant(t);
        return b.take();
    }

    const std::map<std::string, suanli::v1::Queue> &queues() const { return m_queues; }
    const std::map<std::string, suanli::v1::Job> &jobs() const { return m_jobs; }

private:
    void apply(suanli::server::BackendChanges c)
    {
        for (auto &n : c.nodes)
            m_nodes[n.name()] = std::move(n);
        for (const auto &n : c.removedNodes)
            m_nodes.erase(n);
        for (auto &q : c.queues)
            m_queues[q.name()] = std::move(q);
        for (auto &j : c.jobs) {
            const auto s = j.state();
            if (s == suanli::v1::JOB_STATE_COMPLETED || s == suanli::v1::JOB_STATE_FAILED
                || s == suanli::v1::JOB_STATE_CANCELLED) {
                m_jobs.erase(j.id());
                m_ended.push_back(std::move(j));
                if (m_ended.size() > kEndedKept)
                    m_ended.pop_front();
            } else {
                m_jobs[j.id()] = std::move(j);
            }
        }
    }

    suanli::server::SimBackend &m_sim;
    std::map<std::string, suanli::v1::Node> m_nodes;
    std::map<std::string, suanli::v1::Queue> m_queues;
    std::map<std::string, suanli::v1::Job> m_jobs;
    std::deque<suanli::v1::Job> m_ended;
    std::vector<suanli::v1::Tenant> m_tenants;
};

} // namespace test
