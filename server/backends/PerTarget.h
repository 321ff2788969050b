#pragma once

#include "backends/Backend.h"

#include <string>
#include <vector>

namespace suanli::server {

// A target's result: done.
inline v1::TargetResult targetOk(const std::string &target)
{
    v1::TargetResult r;
    r.set_target(target);
    r.set_ok(true);
    return r;
}

// A target's result: not done, with a gRPC code name ("NOT_FOUND") and words a person can act on.
inline v1::TargetResult targetFailed(
    const std::string &target, const char *code, const std::string &message)
{
    v1::TargetResult r;
    r.set_target(target);
    r.set_ok(false);
    r.set_code(code);
    r.set_message(message);
    return r;
}

// The loop of every per-target action: `one(target)` acts on one target and says how it went;
// the results come back one per target, in request order.
template <class One> TargetResults perTarget(const std::vector<std::string> &targets, One one)
{
    TargetResults results;
    results.reserve(targets.size());
    for (const auto &target : targets)
        results.push_back(one(target));
    return results;
}

} // namespace suanli::server
