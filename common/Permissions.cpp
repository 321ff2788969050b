#include "common/Permissions.h"

namespace suanli {

const std::vector<std::pair<std::string, Access>> &methodAccess()
{
    static const std::vector<std::pair<std::string, Access>> table = {
        { "Auth.WhoAmI", Access::Read },
        { "Auth.ListUsers", Access::Admin },
        { "Auth.CreateUser", Access::Admin },
        { "Auth.DeleteUser", Access::Admin },
        { "Auth.CreateToken", Access::Admin },
        { "Auth.RevokeToken", Access::Admin },
        { "Cluster.GetOverview", Access::Read },
        { "Cluster.WatchOverview", Access::Read },
        { "Cluster.ListNodes", Access::Read },
        { "Cluster.GetNode", Access::Read },
        { "Cluster.WatchNodes", Access::Read },
        { "Cluster.DrainNodes", Access::Operate },
        { "Cluster.ResumeNodes", Access::Operate },
        { "Cluster.RebootNodes", Access::Operate },
        { "Scheduler.ListQueues", Access::Read },
        { "Scheduler.WatchQueues", Access::Read },
        { "Scheduler.ListJobs", Access::Read },
        { "Scheduler.GetJob", Access::Read },
        { "Scheduler.WatchJobs", Access::Read },
        { "Scheduler.CancelJobs", Access::Operate },
        { "Scheduler.HoldJobs", Access::Operate },
        { "Scheduler.ReleaseJobs", Access::Operate },
        { "Scheduler.RequeueJobs", Access::Operate },
        { "Scheduler.SetJobPriority", Access::Operate },
        { "Tenancy.ListTenants", Access::Read },
        { "Tenancy.WatchTenants", Access::Read },
        { "Tenancy.SetQuota", Access::Admin },
        { "Tenancy.ListQuotaRequests", Access::Read },
        { "Tenancy.WatchQuotaRequests", Access::Read },
        { "Tenancy.CreateQuotaRequest", Access::QuotaRequest },
        { "Tenancy.ApproveQuotaRequest", Access::QuotaDecide },
        { "Tenancy.RejectQuotaRequest", Access::QuotaDecide },
        { "Placement.QuotePlacement", Access::Read },
        { "Placement.GetForecastAccuracy", Access::Read },
        { "Telemetry.QueryMetrics", Access::Read },
        { "Telemetry.StreamMetrics", Access::Read },
        { "Events.WatchAlerts", Access::Read },
        { "Events.ListAlerts", Access::Read },
        { "Events.AcknowledgeAlert", Access::Operate },
        { "Audit.ListAuditEntries", Access::AuditRead },
        { "Audit.VerifyAuditLog", Access::Admin },
    };
    return table;
}

Access accessFor(std::string_view method)
{
    for (const auto &[name, access] : methodAccess())
        if (name == method)
            return access;
    return Access::Admin;
}

bool knownMethod(std::string_view method)
{
    for (const auto &entry : methodAccess())
        if (entry.first == method)
            return true;
    return false;
}

bool roleAllows(v1::Role role, Access access)
{
    switch (access) {
    case Access::Read:
        return role != v1::ROLE_UNSPECIFIED;
    case Access::Operate:
    case Access::AuditRead:
        return role == v1::ROLE_OPERATOR || role == v1::ROLE_ADMIN;
    case Access::QuotaRequest:
        return role == v1::ROLE_OPERATOR || role == v1::ROLE_TENANT_MANAGER
            || role == v1::ROLE_ADMIN;
    case Access::QuotaDecide:
        return role == v1::ROLE_TENANT_MANAGER || role == v1::ROLE_ADMIN;
    case Access::Admin:
        return role == v1::ROLE_ADMIN;
    }
    return false;
}

std::string requiredRole(Access access)
{
    switch (access) {
    case Access::Read:
        return "viewer";
    case Access::Operate:
        return "operator";
    case Access::AuditRead:
        return "operator";
    case Access::QuotaRequest:
        return "operator or tenant-manager of the tenant";
    case Access::QuotaDecide:
        return "tenant-manager of the tenant";
    case Access::Admin:
        return "admin";
    }
    return "admin";
}

} // namespace suanli
