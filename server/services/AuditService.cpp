#include "server/services/AuditService.h"

#include "common/Filter.h"
#include "server/gateway/Paging.h"

namespace suanli::server {

grpc::ServerUnaryReactor *AuditService::ListAuditEntries(grpc::CallbackServerContext *call,
    const v1::ListAuditEntriesRequest *request, v1::ListAuditEntriesResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Audit.ListAuditEntries", &who, false); !status.ok())
        return finish(call, status);
    Page page;
    if (auto status = parsePage(request->page_size(), request->page_token(), 200, 5000, &page);
        !status.ok())
        return finish(call, status);
    ::suanli::FilterError error;
    auto filter = ::suanli::Filter::parse(request->filter(), ::suanli::auditFields(), &error);
    if (!filter)
        return finish(call, invalidArgument("filter: " + error.toString()));
    // The token is an offset into the matching entries, newest first; the
    // store is read in blocks so a large log is never loaded whole.
    size_t matched = 0;
    int64_t before = 0;
    bool more = false;
    constexpr int kBlock = 2000;
    for (;;) {
        const auto block = m_ctx.store.auditEntries(before, kBlock);
        for (const auto &entry : block) {
            if (!filter->matches(entry))
                continue;
            if (matched >= page.offset && static_cast<size_t>(response->entries_size()) < page.size)
                *response->add_entries() = entry;
            else if (static_cast<size_t>(response->entries_size()) >= page.size)
                more = true;
            ++matched;
        }
        if (block.size() < static_cast<size_t>(kBlock))
            break;
        before = block.back().sequence();
    }
    response->set_total_size(static_cast<int32_t>(matched));
    if (more)
        response->set_next_page_token("p" + std::to_string(page.offset + page.size));
    return finish(call, grpc::Status::OK);
}

grpc::ServerUnaryReactor *AuditService::VerifyAuditLog(grpc::CallbackServerContext *call,
    const v1::VerifyAuditLogRequest *, v1::VerifyAuditLogResponse *response)
{
    Principal who;
    if (auto status = authorize(call, "Audit.VerifyAuditLog", &who, false); !status.ok())
        return finish(call, status);
    // Hashing the whole chain takes as long as the log is long: not on a gRPC thread.
    return runAction(call, [this, response] {
        *response = m_ctx.store.verifyAudit();
        return grpc::Status::OK;
    });
}

} // namespace suanli::server
