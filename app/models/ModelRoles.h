#pragma once

#include <QMetaType>
#include <Qt>
#include <google/protobuf/message.h>

namespace suanli::app {

// Item roles every model in app/models answers, so views, delegates and proxies read any of
// them the same way.
enum ModelRole {
    // The object's key (node name, job id, tenant or project id), a QString.
    KeyRole = Qt::UserRole + 1,
    // The raw value a column sorts by: watts for "5.6 kW", seconds since the epoch for a time;
    // invalid when the object has no value (no telemetry), which sorts last either way.
    SortRole,
    // The state as its suanli.v1 enum number (NodeState, JobState, Severity...), for colouring.
    StateRole,
    // True while the data is the last known state of an unreachable centre.
    StaleRole,
    // The row's object as a const google::protobuf::Message *, valid until the model next
    // changes: what FilterProxyModel matches the filter language against.
    MessageRole,
    // Used and limit of a quota cell (numbers). Same values as widgets' QuotaBarDelegate roles,
    // so that delegate paints these cells with no mapping.
    UsedRole = Qt::UserRole + 0x5100,
    LimitRole = Qt::UserRole + 0x5101,
};

} // namespace suanli::app

Q_DECLARE_METATYPE(const google::protobuf::Message *)
