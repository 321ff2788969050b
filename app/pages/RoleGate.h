#pragma once

#include "common/Permissions.h"
#include "suanli/v1/auth.pb.h"

#include <QAction>
#include <QCoreApplication>
#include <string_view>

namespace suanli::app {

// RoleGate enables an action only for roles the gateway lets make its call, by the permission
// table the gateway enforces (common's Permissions.h), and says in its tooltip which role it
// needs. `method` is the call the action makes, as the table names it: "Cluster.DrainNodes".
class RoleGate {
public:
    static bool allows(suanli::v1::Role role, std::string_view method)
    {
        Q_ASSERT_X(knownMethod(method), "RoleGate", "a method the permission table lacks");
        return roleMayCall(role, method);
    }

    static QString needsText(std::string_view method)
    {
        switch (accessFor(method)) {
        case Access::Read:
            return {};
        case Access::Operate:
        case Access::AuditRead:
            return QCoreApplication::translate("RoleGate", "Needs the operator or admin role.");
        case Access::QuotaRequest:
            return QCoreApplication::translate("RoleGate",
                "Needs the operator, tenant-manager or admin role, acting for a tenant.");
        case Access::QuotaDecide:
            return QCoreApplication::translate(
                "RoleGate", "Needs the tenant-manager or admin role.");
        case Access::Admin:
            return QCoreApplication::translate("RoleGate", "Needs the admin role.");
        }
        return {};
    }

    // Sets enabled state and tooltip of `action` for `role`; `hasTarget` is
    // false when nothing is selected.
    static void apply(QAction *action, suanli::v1::Role role, std::string_view method,
        bool hasTarget, const QString &what)
    {
        const bool allowed = allows(role, method);
        action->setEnabled(allowed && hasTarget);
        action->setToolTip(allowed ? what : what + QLatin1Char('\n') + needsText(method));
    }
};

} // namespace suanli::app
