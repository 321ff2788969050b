#pragma once

#include <cstdint>
#include <ctime>
#include <string>

// What the parts of SlurmBackend (SlurmBackend.cpp, SlurmPoller.cpp, SlurmModel.cpp,
// SlurmActions.cpp) share; nothing outside them includes it.
namespace suanli::server::slurm::parts {

// slurmrestd's plugin for Slurm 22.05.
constexpr const char *kApi = "/slurm/v0.0.38";
constexpr const char *kDbApi = "/slurmdb/v0.0.38";

inline int64_t wallSeconds()
{
    return int64_t(std::time(nullptr));
}

inline bool contains(const std::string &text, const char *needle)
{
    return text.find(needle) != std::string::npos;
}

// Slurm's words for "slurmctld does not answer", as slurmrestd and the commands print them.
inline bool controllerUnreachable(const std::string &text)
{
    return contains(text, "Unable to contact slurm controller") || contains(text, "connect failure")
        || contains(text, "Socket timed out") || contains(text, "Connection refused")
        || contains(text, "Unable to connect to database") || contains(text, "slurmdbd");
}

} // namespace suanli::server::slurm::parts
