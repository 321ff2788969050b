#pragma once

#include "common/Permissions.h"
#include "suanli/v1/auth.pb.h"

#include <string>
#include <string_view>
#include <vector>

namespace suanli::server {

namespace v1 = ::suanli::v1;

using ::suanli::Access;

// Rbac is the gateway's view of common's permission table (Permissions.h), the one the console
// gates its buttons by; the services check it on every call, before doing anything.
class Rbac {
public:
    // Every method of the API as "Service.Method", with its access rule.
    static const std::vector<std::pair<std::string, Access>> &methods()
    {
        return ::suanli::methodAccess();
    }
    // Access for "Cluster.DrainNodes"; Admin for an unknown method (deny by default).
    static Access accessFor(std::string_view method) { return ::suanli::accessFor(method); }
    // True when the role passes the role part of the rule (tenant scope is
    // checked by the service where the rule is per tenant).
    static bool roleAllows(v1::Role role, Access access)
    {
        return ::suanli::roleAllows(role, access);
    }
    // "operator" / "admin" ...: the least role the access needs, for messages.
    static std::string requiredRole(Access access) { return ::suanli::requiredRole(access); }
    static std::string roleName(v1::Role role);
};

} // namespace suanli::server
