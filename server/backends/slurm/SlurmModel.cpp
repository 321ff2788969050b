#include "common/Describe.h"
#include "server/backends/slurm/SlurmBackend.h"
#include "server/backends/slurm/SlurmBackendParts.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

// SlurmBackend's mapping state: the views of nodes, jobs, queues and tenants made from what was
// read, and the differences queued for the cache.

namespace suanli::server {

using slurm::Json;
using namespace slurm::parts;

// ---- the model --------------------------------------------------------------

v1::Job SlurmBackend::jobView(
    slurm::JobRecord &record, const std::map<std::string, std::set<std::string>> &queueTypes) const
{
    v1::Job job = record.job;
    std::string type = record.gresType;
    if (type.empty() && job.accelerators() > 0) {
        // Name an untyped request after the nodes it runs on or the queue's only model.
        if (job.nodes_size() > 0) {
            if (auto it = m_nodes.find(job.nodes(0)); it != m_nodes.end())
                type = it->second.gresType;
        } else if (auto it = queueTypes.find(job.queue());
                   it != queueTypes.end() && it->second.size() == 1) {
            type = *it->second.begin();
        }
        job.set_model(slurm::modelOfType(type));
        job.set_model_name(slurm::modelNameOfType(type));
    }
    record.resolvedType = type;
    if (job.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA
        || job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS) {
        // Slurm names the kind of limit, not whose or of which model: the one the job passes.
        const bool minutes = job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS;
        const slurm::QuotaBinding binding = slurm::quotaThatBinds(m_associations, m_usage,
            job.tenant(), job.project(), type, job.accelerators(), minutes);
        if (binding.found) {
            if (binding.project)
                job.set_pending_reason(v1::PENDING_REASON_PROJECT_QUOTA);
            job.set_quota_used(binding.used);
            job.set_quota_limit(binding.limit);
            job.set_quota_all_models(binding.allModels);
        }
    }
    return job;
}

v1::Node SlurmBackend::nodeView(const slurm::NodeRecord &record) const
{
    v1::Node node = record.node;
    const std::string &name = node.name();
    if (auto on = m_jobsOnNode.find(name); on != m_jobsOnNode.end()) {
        for (const auto &id : on->second) { // a set: in order
            node.add_job_ids(id);
            auto j = m_jobs.find(id);
            if (j == m_jobs.end())
                continue;
            for (const auto &[n, indexes] : j->second.allocation)
                if (n == name)
                    for (int i : indexes)
                        if (i >= 0 && i < node.accelerators_size())
                            node.mutable_accelerators(i)->set_job_id(id);
        }
    }
    if (!m_readingsOk)
        return node;
    auto it = m_readings.find(name);
    if (it == m_readings.end())
        return node;
    double util = 0, temp = 0, power = 0, mem = 0;
    int utilN = 0, memN = 0;
    bool any = false;
    for (auto &a : *node.mutable_accelerators()) {
        auto r = it->second.find(a.index());
        if (r == it->second.end())
            continue;
        const AcceleratorReading &x = r->second;
        a.set_has_telemetry(true);
        any = true;
        if (x.hasUtilisation) {
            a.set_utilisation_percent(x.utilisationPercent);
            util += x.utilisationPercent;
            ++utilN;
        }
        if (x.hasTemperature) {
            a.set_temperature_celsius(x.temperatureCelsius);
            temp = std::max(temp, x.temperatureCelsius);
        }
        if (x.hasPower) {
            a.set_power_watts(x.powerWatts);
            power += x.powerWatts;
        }
        if (x.hasMemory && x.memoryTotalBytes > 0) {
            a.set_memory_used_bytes(int64_t(x.memoryUsedBytes));
            a.set_memory_total_bytes(int64_t(x.memoryTotalBytes));
            mem += 100.0 * x.memoryUsedBytes / x.memoryTotalBytes;
            ++memN;
        }
    }
    if (any) {
        node.set_has_telemetry(true);
        node.set_utilisation_percent(utilN ? util / utilN : 0);
        node.set_temperature_celsius(temp);
        node.set_power_watts(power);
        node.set_accelerator_memory_used_percent(memN ? mem / memN : 0);
    }
    return node;
}

void SlurmBackend::updateModel(const Dirty &dirty)
{
    const int64_t now = wallSeconds();
    const bool nodesChanged = !dirty.nodes.empty();
    bool typesChanged = false;
    if (nodesChanged || dirty.partitions) {
        std::map<std::string, int64_t> totals;
        for (const auto &[name, r] : m_nodes)
            if (r.node.accelerators_total() > 0)
                totals[r.gresType] += r.node.accelerators_total();
        std::map<std::string, std::set<std::string>> queueTypes;
        for (const auto &[name, p] : m_partitions)
            for (const auto &n : p.nodes)
                if (auto it = m_nodes.find(n);
                    it != m_nodes.end() && it->second.node.accelerators_total() > 0)
                    queueTypes[name].insert(it->second.gresType);
        typesChanged = totals != m_gresTotals || queueTypes != m_queueTypes;
        m_gresTotals = std::move(totals);
        m_queueTypes = std::move(queueTypes);
    }

    // Which jobs to look at again: those read anew; with new limits or usage,
    // the ones whose reason quotes them; when the models of nodes or queues
    // changed, all (an untyped request is named after them).
    std::set<std::string> jobs = dirty.jobs;
    if (typesChanged) {
        for (const auto &[id, r] : m_jobs)
            jobs.insert(id);
    } else if (dirty.accounts) {
        for (const auto &[id, r] : m_jobs)
            if (r.job.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA
                || r.job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS)
                jobs.insert(id);
    }

    std::set<std::string> nodes = dirty.nodes;
    auto running = [](const v1::Job &j) {
        return j.state() == v1::JOB_STATE_RUNNING || j.state() == v1::JOB_STATE_COMPLETING;
    };
    for (const auto &id : jobs) {
        // Off the nodes it ran on...
        if (auto old = m_jobView.find(id); old != m_jobView.end() && running(old->second))
            for (const auto &n : old->second.nodes()) {
                m_jobsOnNode[n].erase(id);
                nodes.insert(n);
            }
        auto it = m_jobs.find(id);
        if (it == m_jobs.end()) {
            m_jobView.erase(id);
            m_seenStarted.erase(id);
            continue;
        }
        v1::Job job = jobView(it->second, m_queueTypes);
        // ...and onto the ones it runs on now.
        if (running(job))
            for (const auto &n : job.nodes()) {
                m_jobsOnNode[n].insert(id);
                nodes.insert(n);
            }
        // Waits of jobs that started in the last hour feed the queue percentiles.
        if (job.has_start_time() && job.has_submit_time() && !m_seenStarted.count(id)) {
            m_seenStarted.insert(id);
            if (job.start_time().seconds() > now - 3600)
                m_waits[job.queue()].emplace_back(job.start_time().seconds(),
                    double(std::max<int64_t>(
                        0, job.start_time().seconds() - job.submit_time().seconds())));
        }
        m_jobView.insert_or_assign(id, std::move(job));
    }
    for (auto &[queue, waits] : m_waits)
        while (!waits.empty() && waits.front().first < now - 3600)
            waits.pop_front();

    // Nodes: with their jobs and, where an exporter is configured, accelerator telemetry.
    if (dirty.readings && (m_readingsOk || !m_readings.empty()))
        for (const auto &[name, r] : m_nodes)
            nodes.insert(name);
    for (const auto &name : nodes) {
        auto it = m_nodes.find(name);
        if (it == m_nodes.end()) {
            m_nodeView.erase(name);
            continue;
        }
        m_nodeView.insert_or_assign(name, nodeView(it->second));
    }

    // Nodes: send what changed.
    for (const auto &name : nodes) {
        auto view = m_nodeView.find(name);
        auto published = m_publishedNodes.find(name);
        if (view == m_nodeView.end()) {
            if (published != m_publishedNodes.end()) {
                m_pending.removedNodes.push_back(name);
                m_publishedNodes.erase(published);
            }
            continue;
        }
        std::string bytes = view->second.SerializeAsString();
        if (published == m_publishedNodes.end() || published->second != bytes) {
            // Telemetry samples number nodes in the order they were first reported.
            if (published == m_publishedNodes.end() && m_nodeNumbered.insert(name).second)
                m_nodeOrder.push_back(name);
            m_pending.nodes.push_back(view->second);
            m_publishedNodes.insert_or_assign(name, std::move(bytes));
        }
    }

    // Jobs: active ones when they change; a job that ends once with its final state.
    for (const auto &id : jobs) {
        auto view = m_jobView.find(id);
        auto published = m_publishedJobs.find(id);
        if (view == m_jobView.end()) {
            if (published == m_publishedJobs.end())
                continue;
            v1::Job last;
            if (last.ParseFromString(published->second) && !slurm::isFinal(last.state())) {
                // Slurm dropped it without the gateway seeing how it ended (the
                // gateway was cut off longer than MinJobAge).
                last.set_state(v1::JOB_STATE_COMPLETED);
                last.set_failure_reason("ended while the gateway could not reach Slurm; see sacct");
                m_pending.jobs.push_back(last);
            }
            m_publishedJobs.erase(published);
            continue;
        }
        if (slurm::isFinal(view->second.state()) && published == m_publishedJobs.end())
            continue; // ended before the gateway saw it run
        std::string bytes = view->second.SerializeAsString();
        if (published == m_publishedJobs.end() || published->second != bytes) {
            m_pending.jobs.push_back(view->second);
            m_publishedJobs.insert_or_assign(id, std::move(bytes));
        }
    }

    // Queues and tenants: sums over every node and job, redone when any changed.
    if (!jobs.empty() || !nodes.empty() || dirty.partitions) {
        std::vector<const v1::Job *> active;
        active.reserve(m_jobView.size());
        for (const auto &[id, job] : m_jobView)
            if (!slurm::isFinal(job.state()))
                active.push_back(&job);
        std::map<std::string, std::string> publishedQueues;
        for (const auto &[name, partition] : m_partitions) {
            std::vector<const v1::Node *> members;
            members.reserve(partition.nodes.size());
            for (const auto &n : partition.nodes)
                if (auto it = m_nodeView.find(n); it != m_nodeView.end())
                    members.push_back(&it->second);
            std::vector<double> waits;
            if (auto it = m_waits.find(name); it != m_waits.end())
                for (const auto &w : it->second)
                    waits.push_back(w.second);
            v1::Queue queue = slurm::buildQueue(partition, members, active, std::move(waits));
            std::string bytes = queue.SerializeAsString();
            auto it = m_publishedQueues.find(name);
            if (it == m_publishedQueues.end() || it->second != bytes)
                m_pending.queues.push_back(queue);
            publishedQueues.emplace(name, std::move(bytes));
        }
        for (const auto &[name, bytes] : m_publishedQueues)
            if (!publishedQueues.count(name))
                m_pending.removedQueues.push_back(name);
        m_publishedQueues = std::move(publishedQueues);
    }
    if (jobs.empty() && !dirty.accounts && !typesChanged && m_polledTenants)
        return;
    m_polledTenants = true;

    // Tenants. Accelerators in use come from the running jobs read this tick
    // (fresher than the association manager's counts, read less often).
    std::map<std::string, slurm::AccountUsage> usage = m_usage;
    for (auto &[account, u] : usage)
        for (auto it = u.inUse.begin(); it != u.inUse.end();)
            it = it->first.rfind("gres/", 0) == 0 ? u.inUse.erase(it) : std::next(it);
    slurm::PendingByAccount pendingByAccount;
    for (const auto &[id, record] : m_jobs) {
        const v1::Job &job = m_jobView[id];
        if ((job.state() == v1::JOB_STATE_PENDING || job.state() == v1::JOB_STATE_HELD)
            && job.accelerators() > 0)
            pendingByAccount[record.account][record.resolvedType] += job.accelerators();
        if (!running(job))
            continue;
        std::string type;
        for (const auto &n : job.nodes())
            if (auto it = m_nodes.find(n); it != m_nodes.end())
                type = it->second.gresType;
        if (type.empty() || job.accelerators() <= 0)
            continue;
        auto [tenant, project] = m_accountTree.place(record.account);
        // The job's own account may be the tenant or the project: count each once.
        const std::set<std::string> accounts = { tenant, project, record.account };
        for (const std::string &account : accounts)
            if (!account.empty())
                usage[account].inUse["gres/gpu:" + type] += job.accelerators();
    }
    auto tenants = slurm::buildTenants(
        m_associations, m_descriptions, usage, pendingByAccount, m_gresTotals);
    std::string bytes;
    for (const auto &t : tenants)
        bytes += t.SerializeAsString() + '\x1d';
    if (bytes != m_publishedTenants) {
        m_publishedTenants = std::move(bytes);
        m_tenantView = std::move(tenants);
        m_pending.tenantsChanged = true;
    }
}

BackendChanges SlurmBackend::snapshot()
{
    {
        std::lock_guard io(m_io);
        if (!m_polled) {
            std::string error;
            const bool ok = pollLocked(true, &error);
            markReachable(ok, error);
            if (!ok && m_options.warn)
                m_options.warn("first read of the Slurm cluster failed: " + error);
        }
    }
    std::lock_guard lock(m_mutex);
    BackendChanges out;
    for (const auto &[name, node] : m_nodeView)
        out.nodes.push_back(node);
    for (const auto &[id, job] : m_jobView)
        if (!slurm::isFinal(job.state()))
            out.jobs.push_back(job);
    for (const auto &[name, bytes] : m_publishedQueues) {
        v1::Queue q;
        if (q.ParseFromString(bytes))
            out.queues.push_back(std::move(q));
    }
    out.tenantsChanged = true;
    m_pending = BackendChanges();
    return out;
}

BackendChanges SlurmBackend::collectChanges()
{
    std::lock_guard lock(m_mutex);
    BackendChanges out = std::move(m_pending);
    m_pending = BackendChanges();
    return out;
}

std::vector<v1::Tenant> SlurmBackend::tenants()
{
    std::lock_guard lock(m_mutex);
    return m_tenantView;
}

} // namespace suanli::server
