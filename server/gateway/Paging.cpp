#include "server/gateway/Paging.h"

#include <algorithm>
#include <charconv>

namespace suanli::server {

grpc::Status parsePage(
    int32_t pageSize, const std::string &token, size_t defaultSize, size_t maxSize, Page *page)
{
    if (pageSize < 0)
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
            "page_size must be >= 0 (got " + std::to_string(pageSize) + ")");
    page->size = pageSize == 0 ? defaultSize : std::min<size_t>(pageSize, maxSize);
    page->offset = 0;
    if (token.empty())
        return grpc::Status::OK;
    size_t offset = 0;
    const char *begin = token.data() + 1;
    const char *end = token.data() + token.size();
    auto [ptr, ec] = std::from_chars(begin, end, offset);
    if (token[0] != 'p' || ec != std::errc() || ptr != end)
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
            "page_token '" + token.substr(0, 40) + "' is not one this gateway issued");
    page->offset = offset;
    return grpc::Status::OK;
}

std::string nextPageToken(const Page &page, size_t total)
{
    const size_t next = page.offset + page.size;
    return next < total ? "p" + std::to_string(next) : std::string();
}

} // namespace suanli::server
