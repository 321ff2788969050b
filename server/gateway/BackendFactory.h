#pragma once

#include "server/backends/Backend.h"
#include "server/gateway/GatewayOptions.h"

#include <memory>

namespace suanli::server {

// The backend `options.backend` names ("sim" or "slurm"), made with its part of the options.
// Throws std::runtime_error naming the backends this suanlid knows, or what is wrong with
// the Slurm options.
std::unique_ptr<Backend> makeBackend(const GatewayOptions &options);

} // namespace suanli::server
