#include "tools/suanlictl/Invocation.h"

namespace suanli::ctl {

std::string Invocation::value(const std::string &option, const std::string &fallback) const
{
    const auto it = options.find(option);
    return it == options.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> Invocation::values(const std::string &option) const
{
    const auto it = options.find(option);
    return it == options.end() ? std::vector<std::string>() : it->second;
}

std::int64_t Invocation::integer(const std::string &option, std::int64_t fallback) const
{
    const auto it = options.find(option);
    if (it == options.end() || it->second.empty())
        return fallback;
    return std::stoll(it->second.back());
}

} // namespace suanli::ctl
