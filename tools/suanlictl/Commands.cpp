#include "tools/suanlictl/Commands.h"

#include "tools/suanlictl/Invocation.h"

#include <string_view>

namespace suanli::ctl {

int runCommand(const Invocation &inv, const Connection &connection, const Output &output)
{
    const std::string_view command = inv.command;
    const std::string_view group = command.substr(0, command.find(' '));
    if (group == "whoami")
        return runWhoAmI(inv, connection, output);
    if (group == "overview")
        return runOverview(inv, connection, output);
    if (group == "nodes")
        return runNodes(inv, connection, output);
    if (group == "queues")
        return runQueues(inv, connection, output);
    if (group == "jobs")
        return runJobs(inv, connection, output);
    if (group == "tenants")
        return runTenants(inv, connection, output);
    if (group == "quota")
        return runQuota(inv, connection, output);
    if (group == "alerts")
        return runAlerts(inv, connection, output);
    if (group == "audit")
        return runAudit(inv, connection, output);
    if (group == "place")
        return runPlace(inv, connection, output);
    if (group == "watch")
        return runWatch(inv, connection, output);
    if (group == "users")
        return runUsers(inv, connection, output);
    if (group == "tokens")
        return runTokens(inv, connection, output);
    return 2; // Cli only lets known commands through.
}

} // namespace suanli::ctl
