#pragma once

#include "server/backends/sim/SimRandom.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suanli::server {

// TenantBook holds the simulated centre's tenants and projects, their quotas
// per queue (one queue per accelerator model) and across all queues, their
// current usage, and answers whether a job would break a quota.
class TenantBook {
public:
    struct Limit {
        int64_t maxAccelerators = 0;
        int64_t maxHours = 0; // per calendar month; 0 = no limit
        bool present = false; // shown in the API even when 0
    };
    struct Usage {
        int64_t inUse = 0;
        int64_t pending = 0;
        double hours = 0; // this calendar month
    };
    struct Project {
        std::string id;
        std::string name;
        std::string nameZh;
        uint16_t tenant = 0;
        char profile = 'R'; // workload mix: L llm, F finetune, I inference, R research, S science
        double activity = 1;
        std::vector<uint16_t> users; // indices into users()
        std::vector<Limit> limits; // per queue
        std::vector<Usage> usage; // per queue
        Limit allModels; // across every queue together
    };
    struct Tenant {
        std::string id;
        std::string name;
        std::string nameZh;
        double size = 1;
        std::vector<uint16_t> projects;
        std::vector<Limit> limits;
        std::vector<Usage> usage;
        Limit allModels; // across every queue together
    };
    // Why a job may not start for quota reasons; reason UNSPECIFIED when it may.
    struct Verdict {
        ::suanli::v1::PendingReason reason = ::suanli::v1::PENDING_REASON_UNSPECIFIED;
        int64_t used = 0;
        int64_t limit = 0;
        bool allModels = false; // used and limit are of the limit across all models
        bool blocked() const { return reason != ::suanli::v1::PENDING_REASON_UNSPECIFIED; }
    };

    // Builds the tenants with quotas sized so the centre is contended: per
    // queue the tenants' limits sum to about 130% of its accelerators.
    void build(const std::vector<int64_t> &queueAccelerators, SimRandom &rng);

    const std::vector<Tenant> &tenants() const { return m_tenants; }
    const std::vector<Project> &projects() const { return m_projects; }
    const std::vector<std::string> &users() const { return m_users; }

    Verdict check(uint16_t project, size_t queue, int64_t accelerators) const;
    // Accelerators the project could still start on a queue (both levels).
    int64_t headroom(uint16_t project, size_t queue) const;

    void addInUse(uint16_t project, size_t queue, int64_t delta);
    void addPending(uint16_t project, size_t queue, int64_t delta);
    // Adds accelerator-hours for every accelerator in use over dtHours.
    void accrue(double dtHours);
    void scaleHours(double factor);
    void resetHours();

    int findTenant(const std::string &id) const;
    int findProject(int tenant, const std::string &id) const;
    // Sets a tenant's (project < 0) or project's limit on one queue.
    void setLimit(int tenant, int project, size_t queue, int64_t maxAccelerators, int64_t maxHours);
    // Sets a tenant's (project < 0) or project's limit across all queues together.
    void setAllModelsLimit(int tenant, int project, int64_t maxAccelerators, int64_t maxHours);

    // The API's view: quotas and usage per model (models[q] is queue q's).
    std::vector<::suanli::v1::Tenant> toProto(
        const std::vector<::suanli::v1::AcceleratorModel> &models) const;

private:
    std::vector<Tenant> m_tenants;
    std::vector<Project> m_projects;
    std::vector<std::string> m_users;
};

} // namespace suanli::server
