#include "server/gateway/BackendFactory.h"

#include "server/backends/sim/SimBackend.h"
#include "server/backends/slurm/SlurmBackend.h"
#include "server/gateway/Log.h"

#include <stdexcept>

namespace suanli::server {

std::unique_ptr<Backend> makeBackend(const GatewayOptions &options)
{
    if (options.backend == "sim")
        return std::make_unique<SimBackend>(options.sim);
    if (options.backend == "slurm") {
        SlurmOptions slurm = options.slurm;
        slurm.tickSeconds = options.tickSeconds;
        slurm.warn = [](const std::string &message) { LOG_WARN("slurm: " << message); };
        try {
            return std::make_unique<SlurmBackend>(std::move(slurm));
        } catch (const std::invalid_argument &e) {
            throw std::runtime_error(e.what());
        }
    }
    throw std::runtime_error(
        "unknown backend '" + options.backend + "' (this suanlid knows: sim, slurm)");
}

} // namespace suanli::server
