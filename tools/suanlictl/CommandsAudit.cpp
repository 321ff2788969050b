// audit: the Audit service.
#include "common/Describe.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Paging.h"
#include "tools/suanlictl/Table.h"

namespace suanli::ctl {

int runAudit(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Audit::NewStub(connection.channel());
    if (inv.command == "audit list") {
        v1::ListAuditEntriesRequest request;
        request.set_filter(inv.value("filter"));
        v1::ListAuditEntriesResponse all;
        const grpc::Status status = fetchAllPages(
            connection, request, inv.integer("limit"),
            [&](grpc::ClientContext *c, const v1::ListAuditEntriesRequest &r,
                v1::ListAuditEntriesResponse *p) { return stub->ListAuditEntries(c, r, p); },
            [](v1::ListAuditEntriesResponse &r) { return r.mutable_entries(); }, &all);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(all);
            return 0;
        }
        if (all.entries().empty()) {
            output.err() << "no audit entries found\n";
            return 0;
        }
        Table table({ { "SEQ", Table::Align::Right }, { "TIME" }, { "USER" }, { "ROLE" },
            { "ACTION" }, { "TARGET" }, { "RESULT" }, { "REASON" } });
        for (const v1::AuditEntry &e : all.entries()) {
            table.addRow({ std::to_string(e.sequence()), formatTime(e.time()), e.user(),
                stateName(e.role()), e.action(), e.target(), e.result(), e.reason() });
        }
        table.print(output.out());
        if (all.total_size() > all.entries_size())
            output.err() << "showing " << all.entries_size() << " of " << all.total_size()
                         << " entries\n";
        return 0;
    }
    // audit verify: a broken chain is a failed check, so it exits 1 like a failed target.
    grpc::ClientContext context;
    connection.prepare(context);
    v1::VerifyAuditLogResponse verdict;
    const grpc::Status status
        = stub->VerifyAuditLog(&context, v1::VerifyAuditLogRequest(), &verdict);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json()) {
        output.printJson(verdict);
    } else if (verdict.intact()) {
        output.out() << "audit log intact: " << verdict.entries_checked() << " entries checked\n";
    } else {
        output.out() << "audit log BROKEN at entry " << verdict.first_broken_sequence() << ": "
                     << verdict.problem() << " (" << verdict.entries_checked()
                     << " entries checked)\n";
    }
    return verdict.intact() ? 0 : 1;
}

} // namespace suanli::ctl
