#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace suanli::server {

// ActionExecutor runs the gateway's actions (scheduler commands, store writes) on a few threads
// of its own behind a bounded queue, so a gRPC thread never waits for a scheduler or the disk.
class ActionExecutor {
public:
    // Work to run, and what to do instead when it is dropped unrun (the gateway stops).
    struct Task {
        std::function<void()> run;
        std::function<void()> drop;
    };
    enum class Accepted { Queued, Full, Stopped };

    ActionExecutor(size_t threads, size_t capacity);
    ~ActionExecutor();
    ActionExecutor(const ActionExecutor &) = delete;
    ActionExecutor &operator=(const ActionExecutor &) = delete;

    // Queues `task` unless `capacity` tasks wait already (Full) or stop() began (Stopped); the
    // task is then neither run nor dropped.
    Accepted submit(Task task);
    // Drops the queued tasks (each one's `drop`), lets the running ones finish and joins the
    // threads. Later submissions are refused.
    void stop();

    size_t threadCount() const { return m_threadCount; }
    size_t capacity() const { return m_capacity; }

private:
    void loop();

    const size_t m_threadCount;
    const size_t m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Task> m_queue;
    bool m_stopping = false;
    // Held through stop(), so a second caller returns only once the threads are joined.
    std::mutex m_stopMutex;
    std::vector<std::thread> m_threads;
};

} // namespace suanli::server
