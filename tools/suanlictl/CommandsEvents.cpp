// alerts: the Events service.
#include "common/Describe.h"
#include "suanli/v1/events.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Paging.h"
#include "tools/suanlictl/Table.h"

#include <algorithm>

namespace suanli::ctl {

int runAlerts(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Events::NewStub(connection.channel());
    if (inv.command == "alerts list") {
        v1::ListAlertsRequest request;
        request.set_filter(inv.value("filter"));
        v1::ListAlertsResponse all;
        const grpc::Status status = fetchAllPages(
            connection, request, inv.integer("limit"),
            [&](grpc::ClientContext *c, const v1::ListAlertsRequest &r, v1::ListAlertsResponse *p) {
                return stub->ListAlerts(c, r, p);
            },
            [](v1::ListAlertsResponse &r) { return r.mutable_alerts(); }, &all);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(all);
            return 0;
        }
        if (all.alerts().empty()) {
            output.err() << "no alerts found\n";
            return 0;
        }
        Table table({ { "ID" }, { "SEVERITY" }, { "KIND" }, { "TARGET" }, { "RAISED" },
            { "STATUS" }, { "ACKNOWLEDGED" }, { "COMMENT" }, { "SUMMARY" } });
        for (const v1::Alert &a : all.alerts()) {
            const bool cleared = a.clear_time().seconds() > 0 || a.clear_time().nanos() > 0;
            table.addRow({ a.id(), stateName(a.severity()), a.kind(), a.target(),
                formatTimeShort(a.raise_time()),
                cleared ? "cleared " + formatTimeShort(a.clear_time()) : "open",
                a.acknowledged() ? "by " + (a.acknowledged_by().empty() ? "?" : a.acknowledged_by())
                                 : "no",
                a.acknowledge_comment().empty() ? "-" : a.acknowledge_comment(), a.summary() });
        }
        table.print(output.out());
        return 0;
    }
    // alerts ack
    grpc::ClientContext context;
    connection.prepare(context);
    v1::AcknowledgeAlertRequest request;
    for (const std::string &id : inv.args)
        request.add_ids(id);
    request.set_comment(inv.value("comment"));
    v1::AcknowledgeAlertResponse response;
    const grpc::Status status = stub->AcknowledgeAlert(&context, request, &response);
    return output.batchResult(status, response, response.results());
}

} // namespace suanli::ctl
