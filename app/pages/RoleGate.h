#pragma once

#include "suanli/v1/auth.pb.h"

#include <QAction>
#include <QCoreApplication>

namespace suanli::app {

// RoleGate enables an action only for roles that may do it, and says in its
// tooltip which role it needs (the gateway enforces the rule regardless).
class RoleGate {
public:
    enum class Needs { Operator, TenantManager, Admin };

    static bool allows(suanli::v1::Role role, Needs needs)
    {
        switch (needs) {
        case Needs::Operator:
            return role == suanli::v1::ROLE_OPERATOR || role == suanli::v1::ROLE_ADMIN;
        case Needs::TenantManager:
            return role == suanli::v1::ROLE_TENANT_MANAGER || role == suanli::v1::ROLE_ADMIN;
        case Needs::Admin:
            return role == suanli::v1::ROLE_ADMIN;
        }
        return false;
    }

    static QString needsText(Needs needs)
    {
        switch (needs) {
        case Needs::Operator:
            return QCoreApplication::translate("RoleGate", "Needs the operator or admin role.");
        case Needs::TenantManager:
            return QCoreApplication::translate(
                "RoleGate", "Needs the tenant-manager or admin role.");
        case Needs::Admin:
            return QCoreApplication::translate("RoleGate", "Needs the admin role.");
        }
        return {};
    }

    // Sets enabled state and tooltip of `action` for `role`; `hasTarget` is
    // false when nothing is selected.
    static void apply(
        QAction *action, suanli::v1::Role role, Needs needs, bool hasTarget, const QString &what)
    {
        const bool allowed = allows(role, needs);
        action->setEnabled(allowed && hasTarget);
        action->setToolTip(allowed ? what : what + QLatin1Char('\n') + needsText(needs));
    }
};

} // namespace suanli::app
