#include "server/auth/BearerToken.h"

#include <algorithm>
#include <cctype>

namespace suanli::server {

std::string bearerTokenOf(std::string_view authorization)
{
    constexpr std::string_view scheme = "Bearer ";
    if (authorization.size() <= scheme.size()
        || !std::equal(scheme.begin(), scheme.end(), authorization.begin(), [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a))
                   == std::tolower(static_cast<unsigned char>(b));
           }))
        return {};
    return std::string(authorization.substr(scheme.size()));
}

} // namespace suanli::server
