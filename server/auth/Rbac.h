#pragma once

#include "suanli/v1/auth.pb.h"

#include <string>
#include <string_view>
#include <vector>

namespace suanli::server {

namespace v1 = ::suanli::v1;

// What a call needs from the caller's role.
enum class Access {
    Read, // any role
    Operate, // operator or admin: node and job actions
    QuotaRequest, // anyone but a viewer, acting for the tenant (checked per tenant)
    QuotaDecide, // tenant-manager of the tenant within its quota, or admin (checked per request)
    AuditRead, // operator or admin
    Admin, // admin only
};

// Rbac is the gateway's table of which role may call which method; the
// services check it on every call, before doing anything.
class Rbac {
public:
    // Every method of the API as "Service.Method", with its access rule.
    static const std::vector<std::pair<std::string, Access>> &methods();
    // Access for "Cluster.DrainNodes"; Admin for an unknown method (deny by default).
    static Access accessFor(std::string_view method);
    // True when the role passes the role part of the rule (tenant scope is
    // checked by the service where the rule is per tenant).
    static bool roleAllows(v1::Role role, Access access);
    // "operator" / "admin" ...: the least role the access needs, for messages.
    static std::string requiredRole(Access access);
    static std::string roleName(v1::Role role);
};

} // namespace suanli::server
