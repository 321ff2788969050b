#include "server/gateway/BackendHealth.h"

#include <ctime>
#include <google/protobuf/util/time_util.h>

namespace suanli::server {

namespace {
// Cleared outage alerts kept for a late acknowledgement; the cache keeps their history.
constexpr size_t kClearedKept = 64;
constexpr size_t kErrorShown = 300;

google::protobuf::Timestamp timestamp(BackendHealth::Clock::time_point time)
{
    return google::protobuf::util::TimeUtil::NanosecondsToTimestamp(
        std::chrono::duration_cast<std::chrono::nanoseconds>(time.time_since_epoch()).count());
}

int64_t seconds(BackendHealth::Clock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}
} // namespace

BackendHealth::BackendHealth(std::string backend)
    : m_backend(std::move(backend))
{
}

std::string BackendHealth::schedulerName(const std::string &backend)
{
    if (backend == "slurm")
        return "Slurm";
    if (backend == "sim")
        return "the simulated scheduler";
    return backend;
}

std::string BackendHealth::timeText(Clock::time_point time)
{
    const time_t t = Clock::to_time_t(time);
    struct tm tm { };
    char buf[40];
    if (!gmtime_r(&t, &tm) || std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm) == 0)
        return std::to_string(seconds(time)) + " s after 1970";
    return buf;
}

std::string BackendHealth::summary(const std::string &error) const
{
    std::string text = schedulerName(m_backend) + " (the centre's scheduler) unreachable since "
        + timeText(m_outage->since);
    if (!error.empty())
        text += ": " + (error.size() > kErrorShown ? error.substr(0, kErrorShown) + "..." : error);
    return text;
}

void BackendHealth::setCause(v1::Alert *alert, const std::string &error) const
{
    alert->set_cause(v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE);
    alert->clear_cause_args();
    alert->add_cause_args(m_backend);
    alert->add_cause_args(std::to_string(seconds(m_outage->since)));
    alert->add_cause_args(
        error.size() > kErrorShown ? error.substr(0, kErrorShown) + "..." : error);
}

void BackendHealth::failed(Clock::time_point now, const std::string &error)
{
    std::lock_guard lock(m_mutex);
    if (m_outage) {
        // The first failure may not have said why (a start with the backend down): say it now.
        const bool firstCause = m_outage->error.empty() && !error.empty();
        if (!error.empty())
            m_outage->error = error;
        if (firstCause && !m_alerts.empty() && !m_alerts.back().has_clear_time()) {
            m_alerts.back().set_summary(summary(error));
            setCause(&m_alerts.back(), error);
            changed(m_alerts.back());
        }
        return;
    }
    m_outage = Outage { now, std::chrono::steady_clock::now(), error };
    const int64_t s = seconds(now);
    m_sameSecond = s == m_lastIdSeconds ? m_sameSecond + 1 : 0;
    m_lastIdSeconds = s;
    v1::Alert alert;
    alert.set_id(
        "gw-" + std::to_string(s) + (m_sameSecond ? "-" + std::to_string(m_sameSecond) : ""));
    alert.set_severity(v1::SEVERITY_CRITICAL);
    alert.set_kind("scheduler_unreachable");
    alert.set_target(m_backend);
    alert.set_summary(summary(error));
    setCause(&alert, error);
    *alert.mutable_raise_time() = timestamp(now);
    m_alerts.push_back(alert);
    changed(alert);
    while (m_alerts.size() > kClearedKept + 1)
        m_alerts.pop_front();
}

void BackendHealth::answered(Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    if (!m_outage)
        return;
    m_outage.reset();
    if (!m_alerts.empty() && !m_alerts.back().has_clear_time()) {
        *m_alerts.back().mutable_clear_time() = timestamp(now);
        changed(m_alerts.back());
    }
}

std::optional<BackendHealth::Outage> BackendHealth::outage() const
{
    std::lock_guard lock(m_mutex);
    return m_outage;
}

v1::Alert *BackendHealth::find(const std::string &id)
{
    for (auto &alert : m_alerts)
        if (alert.id() == id)
            return &alert;
    return nullptr;
}

bool BackendHealth::acknowledge(const std::string &id, const std::string &user,
    const std::string &comment, Clock::time_point now)
{
    std::lock_guard lock(m_mutex);
    v1::Alert *alert = find(id);
    if (!alert)
        return false;
    alert->set_acknowledged(true);
    alert->set_acknowledged_by(user);
    alert->set_acknowledge_comment(comment);
    *alert->mutable_acknowledge_time() = timestamp(now);
    changed(*alert);
    return true;
}

void BackendHealth::changed(const v1::Alert &alert)
{
    for (auto &c : m_changes)
        if (c.id() == alert.id()) {
            c = alert;
            return;
        }
    m_changes.push_back(alert);
}

std::vector<v1::Alert> BackendHealth::takeChanges()
{
    std::lock_guard lock(m_mutex);
    std::vector<v1::Alert> out;
    out.swap(m_changes);
    return out;
}

} // namespace suanli::server
