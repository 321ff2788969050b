#include "server/auth/Rbac.h"

namespace suanli::server {

std::string Rbac::roleName(v1::Role role)
{
    switch (role) {
    case v1::ROLE_VIEWER:
        return "viewer";
    case v1::ROLE_OPERATOR:
        return "operator";
    case v1::ROLE_TENANT_MANAGER:
        return "tenant-manager";
    case v1::ROLE_ADMIN:
        return "admin";
    default:
        return "none";
    }
}

} // namespace suanli::server
