#pragma once

#include "tools/suanlictl/Connection.h"

#include <algorithm>
#include <cstdint>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>

namespace suanli::ctl {

// Calls a List method page after page, following next_page_token, and gathers the items into
// one response; stops early once `limit` items are in (0: no limit). Each page has its own
// deadline. `call(context, request, response)` invokes the stub; `items(response)` returns the
// mutable repeated field of items.
template <typename Request, typename Response, typename Call, typename Items>
grpc::Status fetchAllPages(const Connection &connection, Request request, std::int64_t limit,
    Call call, Items items, Response *all)
{
    // Large pages keep round trips few; the server caps them anyway.
    constexpr std::int64_t kPageSize = 1000;
    request.set_page_size(
        static_cast<std::int32_t>(limit > 0 ? std::min(limit, kPageSize) : kPageSize));
    for (;;) {
        grpc::ClientContext context;
        connection.prepare(context);
        Response page;
        const grpc::Status status = call(&context, request, &page);
        if (!status.ok())
            return status;
        auto *gathered = items(*all);
        for (auto &item : *items(page)) {
            if (limit > 0 && gathered->size() >= limit)
                break;
            *gathered->Add() = std::move(item);
        }
        all->set_total_size(page.total_size());
        all->set_next_page_token(page.next_page_token());
        const bool full = limit > 0 && gathered->size() >= limit;
        // A token equal to the one just used would loop forever: treat it as the end.
        if (page.next_page_token().empty() || full
            || page.next_page_token() == request.page_token())
            break;
        request.set_page_token(page.next_page_token());
    }
    if (!(limit > 0 && items(*all)->size() >= limit))
        all->clear_next_page_token();
    return grpc::Status::OK;
}

} // namespace suanli::ctl
