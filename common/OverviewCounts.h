#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"

#include <cstdint>
#include <string>

// The overview's counts of nodes by state and of open alerts by severity, read and written one
// way by the gateway that fills them, the console and suanlictl that show them.
namespace suanli {

// The nodes of the overview in `state`; 0 when it names none.
int64_t nodesInState(const v1::Overview &overview, v1::NodeState state);
// Open (unacknowledged, not cleared) alerts of `severity`, and of every severity.
int64_t openAlerts(const v1::Overview &overview, v1::Severity severity);
int64_t openAlertsTotal(const v1::Overview &overview);

// Adds `count` to the overview's count of the state or severity, in the typed fields and, for
// older readers, the deprecated maps under countName().
void addNodesInState(v1::Overview *overview, v1::NodeState state, int64_t count);
void addOpenAlerts(v1::Overview *overview, v1::Severity severity, int64_t count);

// The name a count goes by in words and in the deprecated maps: stateName(), but "unknown" for
// a state or severity the scheduler did not say.
std::string countName(v1::NodeState state);
std::string countName(v1::Severity severity);

} // namespace suanli
