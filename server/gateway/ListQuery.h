#pragma once

#include "common/Filter.h"
#include "common/Ordering.h"
#include "server/gateway/Paging.h"

#include <algorithm>
#include <grpcpp/support/status.h>
#include <memory>
#include <string>
#include <vector>

namespace suanli::server {

// Filters, orders and pages a cached collection for a List call.
template <class T>
grpc::Status queryList(std::vector<std::shared_ptr<const T>> items,
    const ::suanli::FieldSet &fields, const std::string &filterText, const std::string &orderBy,
    int32_t pageSize, const std::string &pageToken, size_t defaultSize, size_t maxSize,
    const ::suanli::MatchContext &context, std::vector<std::shared_ptr<const T>> *page,
    std::string *nextToken, int32_t *totalSize)
{
    if (filterText.size() > 4096)
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
            "filter is " + std::to_string(filterText.size()) + " bytes; at most 4096");
    Page p;
    if (auto status = parsePage(pageSize, pageToken, defaultSize, maxSize, &p); !status.ok())
        return status;
    ::suanli::FilterError error;
    auto filter = ::suanli::Filter::parse(filterText, fields, &error);
    if (!filter)
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "filter: " + error.toString());
    std::optional<::suanli::Ordering> ordering;
    if (!orderBy.empty()) {
        ordering = ::suanli::Ordering::parse(orderBy, fields, &error);
        if (!ordering)
            return grpc::Status(
                grpc::StatusCode::INVALID_ARGUMENT, "order_by: " + error.toString());
    }
    if (!filter->empty()) {
        std::erase_if(items,
            [&](const std::shared_ptr<const T> &item) { return !filter->matches(*item, context); });
    }
    if (ordering)
        ordering->sort(items, context);
    *totalSize = static_cast<int32_t>(items.size());
    page->clear();
    for (size_t i = p.offset; i < items.size() && page->size() < p.size; ++i)
        page->push_back(items[i]);
    *nextToken = nextPageToken(p, items.size());
    return grpc::Status::OK;
}

} // namespace suanli::server
