#pragma once

#include "server/placement/ForecastInput.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace suanli::server::placement {

// InputBuilder turns the API's objects, as the gateway's cache holds them, into the
// forecaster's input. The objects must outlive take().
class InputBuilder {
public:
    explicit InputBuilder(int64_t nowS);

    void addQueue(const v1::Queue &queue);
    void addNode(const v1::Node &node);
    // A running, pending or held job (held ones are left out), or one that ended (it joins the
    // history when it ran).
    void addJob(const v1::Job &job);
    void addTenant(const v1::Tenant &tenant);

    ForecastInput take();

    // The model index a model has in an input, by its value (or its name for one the API has
    // no value for); -1 when the centre has none.
    static int modelIndex(const ForecastInput &input, int value, const std::string &name);
    // Account ids in the input: a tenant's and a project's.
    static std::string tenantAccount(const std::string &tenant) { return "t:" + tenant; }
    static std::string projectAccount(const std::string &project) { return "p:" + project; }

private:
    int model(v1::AcceleratorModel value, const std::string &name);
    int queue(const std::string &name, int model);
    int account(const std::string &id);

    ForecastInput m_in;
    std::vector<const v1::Node *> m_nodes;
    std::vector<const v1::Job *> m_jobs;
    std::vector<const v1::Tenant *> m_tenants;
    std::unordered_map<std::string, uint16_t> m_queueIndex;
};

} // namespace suanli::server::placement
