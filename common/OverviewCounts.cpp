#include "common/OverviewCounts.h"

#include "common/Describe.h"

namespace suanli {

int64_t nodesInState(const v1::Overview &overview, v1::NodeState state)
{
    int64_t n = 0;
    for (const v1::NodeStateCount &c : overview.node_state_counts())
        if (c.state() == state)
            n += c.nodes();
    return n;
}

int64_t openAlerts(const v1::Overview &overview, v1::Severity severity)
{
    int64_t n = 0;
    for (const v1::SeverityCount &c : overview.open_alert_counts())
        if (c.severity() == severity)
            n += c.alerts();
    return n;
}

int64_t openAlertsTotal(const v1::Overview &overview)
{
    int64_t n = 0;
    for (const v1::SeverityCount &c : overview.open_alert_counts())
        n += c.alerts();
    return n;
}

// The maps stay filled for readers built before the typed fields.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"

void addNodesInState(v1::Overview *overview, v1::NodeState state, int64_t count)
{
    v1::NodeStateCount *entry = nullptr;
    for (v1::NodeStateCount &c : *overview->mutable_node_state_counts())
        if (c.state() == state)
            entry = &c;
    if (!entry) {
        entry = overview->add_node_state_counts();
        entry->set_state(state);
    }
    entry->set_nodes(entry->nodes() + count);
    (*overview->mutable_nodes_by_state())[countName(state)] += count;
}

void addOpenAlerts(v1::Overview *overview, v1::Severity severity, int64_t count)
{
    v1::SeverityCount *entry = nullptr;
    for (v1::SeverityCount &c : *overview->mutable_open_alert_counts())
        if (c.severity() == severity)
            entry = &c;
    if (!entry) {
        entry = overview->add_open_alert_counts();
        entry->set_severity(severity);
    }
    entry->set_alerts(entry->alerts() + count);
    (*overview->mutable_open_alerts_by_severity())[countName(severity)] += count;
}

#pragma GCC diagnostic pop

std::string countName(v1::NodeState state)
{
    return state == v1::NODE_STATE_UNSPECIFIED ? std::string("unknown") : stateName(state);
}

std::string countName(v1::Severity severity)
{
    return severity == v1::SEVERITY_UNSPECIFIED ? std::string("unknown") : stateName(severity);
}

} // namespace suanli
