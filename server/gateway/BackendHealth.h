#pragma once

#include "suanli/v1/events.pb.h"

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace suanli::server {

namespace v1 = ::suanli::v1;

// BackendHealth follows whether the gateway's backend answers, for any backend: it raises the
// gateway's own "scheduler unreachable" alert when the backend stops answering and clears it
// when it answers again, acknowledges that alert like any other, and tells actions since when
// the scheduler has been gone. Thread-safe: the tick thread reports, services read.
class BackendHealth {
public:
    using Clock = std::chrono::system_clock;

    // A backend gone quiet: since when by the centre's clock, how long in real time, and why.
    struct Outage {
        Clock::time_point since;
        std::chrono::steady_clock::time_point started;
        std::string error;
        std::chrono::seconds lasted() const
        {
            return std::chrono::duration_cast<std::chrono::seconds>(
                std::chrono::steady_clock::now() - started);
        }
    };

    // `backend` is the backend's kind ("slurm", "sim").
    explicit BackendHealth(std::string backend);
    BackendHealth(const BackendHealth &) = delete;
    BackendHealth &operator=(const BackendHealth &) = delete;

    // The backend did not answer at `now` (backend clock) with `error` (may be empty when not
    // known): the first failure of an outage raises the alert.
    void failed(Clock::time_point now, const std::string &error);
    // The backend answered: an outage ends and its alert is cleared.
    void answered(Clock::time_point now);
    std::optional<Outage> outage() const;

    // Acknowledges one of this gateway's alerts; false when `id` is not one of them.
    bool acknowledge(const std::string &id, const std::string &user, const std::string &comment,
        Clock::time_point now);
    // Alerts raised, changed, cleared or acknowledged since the last call, to publish.
    std::vector<v1::Alert> takeChanges();

    // "Slurm" for "slurm": how a person names the scheduler behind a backend.
    static std::string schedulerName(const std::string &backend);
    // "2024-05-01 10:31:02 UTC".
    static std::string timeText(Clock::time_point time);

private:
    v1::Alert *find(const std::string &id);
    void changed(const v1::Alert &alert);
    std::string summary(const std::string &error) const;
    // The summary as a code and its parts: the backend, since when (seconds since 1970), the error.
    void setCause(v1::Alert *alert, const std::string &error) const;

    const std::string m_backend;
    mutable std::mutex m_mutex;
    std::optional<Outage> m_outage;
    // The open alert (if any) last; cleared ones are kept a while to be acknowledged.
    std::deque<v1::Alert> m_alerts;
    std::vector<v1::Alert> m_changes;
    int64_t m_lastIdSeconds = 0;
    int m_sameSecond = 0;
};

} // namespace suanli::server
