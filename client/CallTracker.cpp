#include "client/CallTracker.h"

namespace suanli::client {

std::shared_ptr<CallTracker> CallTracker::create(QObject *target)
{
    return std::shared_ptr<CallTracker>(new CallTracker(target));
}

CallTracker::CallTracker(QObject *target)
    : m_target(target)
{
}

CallTracker::~CallTracker() = default;

bool CallTracker::add(const std::shared_ptr<Pending> &call)
{
    std::lock_guard lock(m_mutex);
    if (m_shutdown)
        return false;
    m_calls.emplace(call.get(), call);
    return true;
}

void CallTracker::complete(Pending *call, grpc::Status status)
{
    std::lock_guard lock(m_mutex);
    auto node = m_calls.extract(call);
    std::shared_ptr<Pending> owned = std::move(node.mapped());
    owned->status = std::move(status);
    if (m_shutdown) {
        m_ended.push_back(std::move(owned));
    } else {
        // Moved, not copied: the queued invocation holds the only reference,
        // so the call is freed on the target's thread (after running, or with
        // the target). Under the lock, so nothing is posted after shutdown().
        QMetaObject::invokeMethod(
            m_target, [owned = std::move(owned)] { owned->finish(); }, Qt::QueuedConnection);
    }
    m_idle.notify_all();
}

void CallTracker::shutdown()
{
    std::vector<std::shared_ptr<Pending>> calls;
    {
        std::lock_guard lock(m_mutex);
        m_shutdown = true;
        for (const auto &[raw, call] : m_calls)
            calls.push_back(call);
    }
    // Outside the lock: a cancelled call may call back on this very thread.
    for (const auto &call : calls)
        call->context->TryCancel();
    calls.clear();
    std::vector<std::shared_ptr<Pending>> ended;
    {
        std::unique_lock lock(m_mutex);
        m_idle.wait(lock, [this] { return m_calls.empty(); });
        ended.swap(m_ended);
    }
    // `ended` is freed here, on the owner's thread.
}

size_t CallTracker::inFlight() const
{
    std::lock_guard lock(m_mutex);
    return m_calls.size();
}

} // namespace suanli::client
