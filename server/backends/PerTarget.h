#pragma once

#include "server/backends/Backend.h"

#include <optional>
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

// The loop of a per-target action a scheduler takes for many targets at once: `screen(target)`
// answers for a target that cannot be acted on (std::nullopt for one that can); `batch(left)` then
// acts on the targets left, together, and returns their results in the order of `left`. It is
// not called when no target is left. The results come back one per target, in request order.
template <class Screen, class Batch>
TargetResults perTargetBatch(const std::vector<std::string> &targets, Screen screen, Batch batch)
{
    TargetResults results(targets.size());
    std::vector<size_t> leftAt;
    std::vector<std::string> left;
    for (size_t i = 0; i < targets.size(); ++i) {
        if (std::optional<v1::TargetResult> refused = screen(targets[i]))
            results[i] = std::move(*refused);
        else {
            leftAt.push_back(i);
            left.push_back(targets[i]);
        }
    }
    if (left.empty())
        return results;
    TargetResults done = batch(left);
    for (size_t k = 0; k < leftAt.size() && k < done.size(); ++k)
        results[leftAt[k]] = std::move(done[k]);
    return results;
}

} // namespace suanli::server
