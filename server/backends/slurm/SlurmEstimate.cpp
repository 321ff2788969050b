// SlurmBackend's start estimate: sbatch --test-only, which asks slurmctld when a job would start
// without submitting it.
#include "server/backends/slurm/SlurmBackend.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <regex>

namespace suanli::server {

std::optional<std::chrono::system_clock::time_point> SlurmBackend::estimateStart(
    const StartQuestion &q, std::string *error)
{
    const int perNode = q.perNode > 0 ? q.perNode : q.accelerators;
    if (perNode <= 0 || q.queue.empty() || q.model.empty()) {
        *error = "nothing to ask Slurm";
        return std::nullopt;
    }
    const int nodes = (q.accelerators + perNode - 1) / perNode;
    const int64_t minutes = std::max<int64_t>(1, (q.seconds + 59) / 60);
    std::string model = q.model;
    std::transform(model.begin(), model.end(), model.begin(),
        [](unsigned char c) { return char(std::tolower(c)); });
    std::vector<std::string> args = { "--test-only", "--partition", q.queue, "--nodes",
        std::to_string(nodes), "--gres", "gpu:" + model + ":" + std::to_string(perNode), "--time",
        std::to_string(minutes), "--job-name", "suanli-quote", "--output", "/dev/null" };
    if (!q.account.empty())
        args.insert(args.end(), { "--account", q.account });
    args.insert(args.end(), { "--wrap", "true" });
    const CommandResult r = m_commands.run("sbatch", args);
    // "sbatch: Job 12 to start at 2026-03-10T08:00:00 using 32 processors on nodes n3 in
    // partition train", on stderr, in the controller's local time.
    static const std::regex kStart(R"(to start at (\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}))");
    std::smatch m;
    const std::string text = r.err + r.out;
    if (!r.ok() || !std::regex_search(text, m, kStart)) {
        *error = r.ok() ? "sbatch --test-only gave no start time: " + text : r.describe("sbatch");
        return std::nullopt;
    }
    std::tm tm {};
    tm.tm_year = std::stoi(m[1]) - 1900;
    tm.tm_mon = std::stoi(m[2]) - 1;
    tm.tm_mday = std::stoi(m[3]);
    tm.tm_hour = std::stoi(m[4]);
    tm.tm_min = std::stoi(m[5]);
    tm.tm_sec = std::stoi(m[6]);
    tm.tm_isdst = -1;
    return std::chrono::system_clock::from_time_t(std::mktime(&tm));
}

} // namespace suanli::server
