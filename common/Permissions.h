#pragma once

#include "suanli/v1/auth.pb.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Who may call what: the table of every method of the API and the access it needs, read by the
// gateway, which enforces it on every call, and by the console, which enables a button exactly
// when the gateway would take its call.
namespace suanli {

// What a call needs from the caller's role.
enum class Access {
    Read, // any role
    Operate, // operator or admin: node and job actions
    QuotaRequest, // anyone but a viewer, acting for the tenant (checked per tenant)
    QuotaDecide, // tenant-manager of the tenant within its quota, or admin (checked per request)
    AuditRead, // operator or admin
    Admin, // admin only
};

// Every method of the API as "Service.Method" ("Cluster.DrainNodes"), with its access.
const std::vector<std::pair<std::string, Access>> &methodAccess();
// The access `method` needs; Admin for a method the table does not have (deny by default).
Access accessFor(std::string_view method);
// True when the table has `method`.
bool knownMethod(std::string_view method);
// True when the role passes the role part of the access (tenant scope is checked per tenant
// where the access is: actsForTenant in QuotaRules).
bool roleAllows(v1::Role role, Access access);
inline bool roleMayCall(v1::Role role, std::string_view method)
{
    return roleAllows(role, accessFor(method));
}
// The least role the access needs, for messages: "operator", "tenant-manager of the tenant".
std::string requiredRole(Access access);

} // namespace suanli
