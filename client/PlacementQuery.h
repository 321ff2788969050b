#pragma once

#include "suanli/v1/placement.pb.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <memory>

namespace suanli::client {

class CallTracker;
class Connection;

// One centre's answer to "where can this run?": the quotes, or why none came.
struct PlacementResult {
    int code = 0; // grpc::StatusCode; 0 when answered
    QString message; // the error's words when not answered
    suanli::v1::QuotePlacementResponse response;
    bool ok() const { return code == 0; }
};

// PlacementQuery asks one centre for a placement quote (Placement.QuotePlacement) on behalf of
// one receiver: make it a child of the widget that shows the answer. Answers arrive on this
// object's thread (the GUI thread), never on a gRPC thread; destroying it (with its parent)
// cancels what is in flight and drops the answers.
class PlacementQuery : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlacementQuery)
public:
    using Done = std::function<void(const PlacementResult &)>;

    PlacementQuery(Connection *connection, QObject *parent);
    ~PlacementQuery() override;

    // `deadlineSeconds`: how long the centre may take before the call fails.
    void quote(
        const suanli::v1::QuotePlacementRequest &request, Done done, int deadlineSeconds = 15);
    // Calls not answered yet.
    int inFlight() const;
    Connection *connection() const { return m_connection; }

private:
    QPointer<Connection> m_connection;
    std::shared_ptr<CallTracker> m_calls;
};

} // namespace suanli::client
