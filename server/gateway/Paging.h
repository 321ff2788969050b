#pragma once

#include <cstddef>
#include <grpcpp/support/status.h>
#include <string>

namespace suanli::server {

// Paging turns AIP-158 page_size/page_token into an offset and back. Tokens
// are opaque to clients: "p" followed by the offset.
struct Page {
    size_t offset = 0;
    size_t size = 0;
};

grpc::Status parsePage(
    int32_t pageSize, const std::string &token, size_t defaultSize, size_t maxSize, Page *page);
// Token for the page after `page`, or "" when `total` items end within it.
std::string nextPageToken(const Page &page, size_t total);

} // namespace suanli::server
