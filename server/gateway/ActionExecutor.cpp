#include "server/gateway/ActionExecutor.h"

#include "server/gateway/Log.h"

#include <algorithm>
#include <exception>

namespace suanli::server {

ActionExecutor::ActionExecutor(size_t threads, size_t capacity)
    : m_threadCount(std::max<size_t>(1, threads))
    , m_capacity(std::max<size_t>(1, capacity))
{
    m_threads.reserve(m_threadCount);
    for (size_t i = 0; i < m_threadCount; ++i)
        m_threads.emplace_back([this] { loop(); });
}

ActionExecutor::~ActionExecutor()
{
    stop();
}

ActionExecutor::Accepted ActionExecutor::submit(Task task)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return Accepted::Stopped;
        if (m_queue.size() >= m_capacity)
            return Accepted::Full;
        m_queue.push_back(std::move(task));
    }
    m_wake.notify_one();
    return Accepted::Queued;
}

void ActionExecutor::stop()
{
    std::lock_guard stopping(m_stopMutex);
    std::deque<Task> dropped;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        dropped.swap(m_queue);
    }
    m_wake.notify_all();
    for (auto &task : dropped) {
        if (!task.drop)
            continue;
        try {
            task.drop();
        } catch (const std::exception &e) {
            LOG_ERROR("dropping a queued action: " << e.what());
        }
    }
    for (auto &thread : m_threads)
        if (thread.joinable())
            thread.join();
    m_threads.clear();
}

void ActionExecutor::loop()
{
    for (;;) {
        Task task;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;
            task = std::move(m_queue.front());
            m_queue.pop_front();
        }
        try {
            task.run();
        } catch (const std::exception &e) {
            // The task answers its own call; this only keeps the thread alive.
            LOG_ERROR("action failed: " << e.what());
        }
    }
}

} // namespace suanli::server
