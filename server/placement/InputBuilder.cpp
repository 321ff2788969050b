#include "server/placement/InputBuilder.h"

#include <algorithm>
#include <cctype>

namespace suanli::server::placement {

namespace {
std::string lower(std::string s)
{
    std::transform(
        s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

bool inService(v1::NodeState state)
{
    return state == v1::NODE_STATE_IDLE || state == v1::NODE_STATE_ALLOCATED
        || state == v1::NODE_STATE_MIXED;
}

bool isKnown(int value)
{
    return value != v1::ACCELERATOR_MODEL_UNSPECIFIED && value != v1::ACCELERATOR_MODEL_OTHER;
}
} // namespace

InputBuilder::InputBuilder(int64_t nowS)
{
    m_in.nowS = nowS;
}

int InputBuilder::modelIndex(const ForecastInput &input, int value, const std::string &name)
{
    const std::string wanted = lower(name);
    for (size_t i = 0; i < input.models.size(); ++i) {
        const auto &m = input.models[i];
        if (isKnown(value) ? m.value == value : (!isKnown(m.value) && lower(m.name) == wanted))
            return int(i);
    }
    return -1;
}

int InputBuilder::model(v1::AcceleratorModel value, const std::string &name)
{
    if (int i = modelIndex(m_in, value, name); i >= 0)
        return i;
    m_in.models.push_back({ lower(name), int(value) });
    return int(m_in.models.size()) - 1;
}

int InputBuilder::queue(const std::string &name, int model)
{
    if (auto it = m_queueIndex.find(name); it != m_queueIndex.end())
        return it->second;
    m_in.queues.push_back({ name, std::max(0, model), 0 });
    m_queueIndex[name] = uint16_t(m_in.queues.size() - 1);
    return int(m_in.queues.size()) - 1;
}

int InputBuilder::account(const std::string &id)
{
    return m_in.accountIndex(id);
}

void InputBuilder::addQueue(const v1::Queue &q)
{
    int m = -1;
    if (q.accelerators_size() > 0)
        m = model(q.accelerators(0).model(), q.accelerators(0).model_name());
    const int i = queue(q.name(), m);
    if (m >= 0)
        m_in.queues[size_t(i)].model = m;
    m_in.queues[size_t(i)].maxTimeSeconds = q.max_time_seconds();
}

void InputBuilder::addNode(const v1::Node &node)
{
    m_nodes.push_back(&node);
}

void InputBuilder::addJob(const v1::Job &job)
{
    m_jobs.push_back(&job);
}

void InputBuilder::addTenant(const v1::Tenant &tenant)
{
    m_tenants.push_back(&tenant);
}

ForecastInput InputBuilder::take()
{
    // Accounts: tenants and their projects, with their limits by model index.
    auto limits = [&](ForecastInput::Account &a, const auto &quotas) {
        for (const v1::QuotaLimit &l : quotas) {
            if (l.all_models()) {
                a.allModels = l.max_accelerators();
                continue;
            }
            const int m = modelIndex(m_in, l.model(), {});
            if (m >= 0)
                a.perModel[size_t(m)] = l.max_accelerators();
        }
    };
    for (const v1::Tenant *t : m_tenants) {
        ForecastInput::Account a { tenantAccount(t->id()),
            std::vector<int64_t>(m_in.models.size(), -1), -1 };
        limits(a, t->quotas());
        m_in.accounts.push_back(std::move(a));
        for (const auto &p : t->projects()) {
            ForecastInput::Account pa { projectAccount(p.id()),
                std::vector<int64_t>(m_in.models.size(), -1), -1 };
            limits(pa, p.quotas());
            m_in.accounts.push_back(std::move(pa));
        }
    }
    std::unordered_map<std::string, int32_t> accountIndex;
    for (size_t i = 0; i < m_in.accounts.size(); ++i)
        accountIndex[m_in.accounts[i].id] = int32_t(i);
    auto find = [&](const std::string &id) {
        auto it = accountIndex.find(id);
        return it == accountIndex.end() ? -1 : it->second;
    };

    std::unordered_map<std::string, bool> serving;
    m_in.nodes.reserve(m_nodes.size());
    for (const v1::Node *n : m_nodes) {
        ForecastInput::Node node;
        const int m = model(n->model(), n->model_name());
        for (const auto &name : n->queues())
            node.queues.push_back(uint16_t(queue(name, m)));
        node.healthy = std::max(0, n->accelerators_total() - n->accelerators_failed());
        node.allocated = n->accelerators_allocated();
        node.inService = inService(n->state());
        serving[n->name()] = node.inService;
        m_in.nodes.push_back(std::move(node));
    }

    for (const v1::Job *j : m_jobs) {
        const int m = model(j->model(), j->model_name());
        const auto q = uint16_t(queue(j->queue(), m));
        const bool ended = j->state() == v1::JOB_STATE_COMPLETED
            || j->state() == v1::JOB_STATE_FAILED || j->state() == v1::JOB_STATE_CANCELLED;
        if (ended) {
            ForecastInput::Finished f;
            f.queue = q;
            f.accelerators = j->accelerators();
            f.started = j->has_start_time() && j->has_end_time() && j->start_time().seconds() > 0;
            if (f.started)
                f.ranS = std::max<int64_t>(0, j->end_time().seconds() - j->start_time().seconds());
            f.limitS = j->time_limit_seconds();
            f.submitS = j->submit_time().seconds();
            f.priority = j->priority();
            f.tenant = j->tenant().empty() ? -1 : find(tenantAccount(j->tenant()));
            f.project = j->project().empty() ? -1 : find(projectAccount(j->project()));
            m_in.finished.push_back(f);
            continue;
        }
        ForecastInput::Job f;
        f.id = j->id();
        f.queue = q;
        f.tenant = j->tenant().empty() ? -1 : find(tenantAccount(j->tenant()));
        f.project = j->project().empty() ? -1 : find(projectAccount(j->project()));
        f.accelerators = j->accelerators();
        f.perNode = j->nodes_requested() > 0 ? j->accelerators() / j->nodes_requested() : 0;
        f.priority = j->priority();
        f.submitS = j->submit_time().seconds();
        f.limitS = j->time_limit_seconds();
        if (j->state() == v1::JOB_STATE_RUNNING || j->state() == v1::JOB_STATE_COMPLETING) {
            f.startS = j->start_time().seconds();
            f.releases
                = std::all_of(j->nodes().begin(), j->nodes().end(), [&](const std::string &n) {
                      auto it = serving.find(n);
                      return it == serving.end() || it->second;
                  });
            m_in.running.push_back(std::move(f));
        } else if (j->state() == v1::JOB_STATE_PENDING) {
            m_in.pending.push_back(std::move(f));
        }
    }
    // Accounts made before every model was known: pad their limits.
    for (auto &a : m_in.accounts)
        a.perModel.resize(m_in.models.size(), -1);
    return std::move(m_in);
}

} // namespace suanli::server::placement
