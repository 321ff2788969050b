#pragma once

// suanlictl's commands, one function per group, each returning the process's exit code.
namespace suanli::ctl {

class Connection;
class Output;
struct Invocation;

// Runs a parsed command (Invocation::Action::Run).
int runCommand(const Invocation &inv, const Connection &connection, const Output &output);

int runWhoAmI(const Invocation &inv, const Connection &connection, const Output &output);
int runUsers(const Invocation &inv, const Connection &connection, const Output &output);
int runTokens(const Invocation &inv, const Connection &connection, const Output &output);
int runOverview(const Invocation &inv, const Connection &connection, const Output &output);
int runNodes(const Invocation &inv, const Connection &connection, const Output &output);
int runQueues(const Invocation &inv, const Connection &connection, const Output &output);
int runJobs(const Invocation &inv, const Connection &connection, const Output &output);
int runTenants(const Invocation &inv, const Connection &connection, const Output &output);
int runQuota(const Invocation &inv, const Connection &connection, const Output &output);
int runAlerts(const Invocation &inv, const Connection &connection, const Output &output);
int runAudit(const Invocation &inv, const Connection &connection, const Output &output);
int runPlace(const Invocation &inv, const Connection &connection, const Output &output);
int runWatch(const Invocation &inv, const Connection &connection, const Output &output);

} // namespace suanli::ctl
