// The gateway's action executor: a bounded queue in front of a few threads, which refuses work
// it has no room for and, when stopped, drops what waits and lets what runs finish.
#include "server/gateway/ActionExecutor.h"

#include <atomic>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <thread>

using suanli::server::ActionExecutor;

namespace {

// A gate the test opens; tasks wait at it and count themselves in.
class Gate {
public:
    void pass()
    {
        std::unique_lock lock(m_mutex);
        ++m_waiting;
        m_changed.notify_all();
        m_changed.wait(lock, [this] { return m_open; });
        --m_waiting;
    }
    void open()
    {
        std::lock_guard lock(m_mutex);
        m_open = true;
        m_changed.notify_all();
    }
    void awaitWaiting(int n)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_waiting == n; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_waiting = 0;
    bool m_open = false;
};

} // namespace

TEST(ActionExecutor, RefusesWorkBeyondItsQueueAndRunsTheRest)
{
    ActionExecutor executor(1, 2);
    Gate gate;
    std::atomic<int> ran { 0 };
    std::atomic<int> dropped { 0 };
    auto task = [&] {
        return ActionExecutor::Task { [&] {
                                         gate.pass();
                                         ++ran;
                                     },
            [&] { ++dropped; } };
    };
    ASSERT_EQ(executor.submit(task()), ActionExecutor::Accepted::Queued);
    gate.awaitWaiting(1); // the only thread is busy: the next two wait in the queue
    EXPECT_EQ(executor.submit(task()), ActionExecutor::Accepted::Queued);
    EXPECT_EQ(executor.submit(task()), ActionExecutor::Accepted::Queued);
    EXPECT_EQ(executor.submit(task()), ActionExecutor::Accepted::Full);
    gate.open();
    executor.stop();
    // The refused one is neither run nor dropped; each accepted one is one or the other.
    EXPECT_GE(ran.load(), 1);
    EXPECT_EQ(ran.load() + dropped.load(), 3);
}

TEST(ActionExecutor, StopDropsQueuedWorkAndLetsRunningWorkFinish)
{
    ActionExecutor executor(1, 4);
    Gate gate;
    std::atomic<bool> finished { false };
    std::atomic<int> dropped { 0 };
    std::atomic<int> ranQueued { 0 };
    ASSERT_EQ(executor.submit({ [&] {
                                   gate.pass();
                                   finished = true;
                               },
                  [&] { ++dropped; } }),
        ActionExecutor::Accepted::Queued);
    gate.awaitWaiting(1);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(executor.submit({ [&] { ++ranQueued; }, [&] { ++dropped; } }),
            ActionExecutor::Accepted::Queued);

    std::thread stopping([&] { executor.stop(); });
    // The queued three are dropped while the running one still waits at the gate.
    while (dropped.load() < 3)
        std::this_thread::yield();
    EXPECT_FALSE(finished.load());
    EXPECT_EQ(executor.submit({ [&] { ++ranQueued; }, [&] { ++dropped; } }),
        ActionExecutor::Accepted::Stopped);
    gate.open();
    stopping.join();
    EXPECT_TRUE(finished.load());
    EXPECT_EQ(ranQueued.load(), 0);
    EXPECT_EQ(dropped.load(), 3);
}
