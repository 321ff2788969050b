#pragma once

#include <string>
#include <string_view>

namespace suanli::server {

// The token of an "authorization" header's value "Bearer <token>" (the scheme in any case);
// empty for any other value, so a caller without one is refused as unauthenticated.
std::string bearerTokenOf(std::string_view authorization);

} // namespace suanli::server
