#pragma once

#include "suanli/v1/common.pb.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <grpcpp/grpcpp.h>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace suanli::test {

// WatchCollector keeps one watch stream open on its own thread and records
// every message with the time it arrived, for the test to wait on.
template <typename Event> class WatchCollector {
public:
    using Open = std::function<std::unique_ptr<grpc::ClientReader<Event>>(
        grpc::ClientContext *, const suanli::v1::WatchRequest &)>;

    WatchCollector(const std::string &token, Open open)
    {
        m_context.AddMetadata("authorization", "Bearer " + token);
        m_thread = std::thread([this, open] {
            auto reader = open(&m_context, suanli::v1::WatchRequest());
            Event event;
            while (reader->Read(&event)) {
                std::lock_guard lock(m_mutex);
                m_events.push_back({ std::chrono::steady_clock::now(), event });
                m_changed.notify_all();
            }
            const grpc::Status status = reader->Finish();
            std::lock_guard lock(m_mutex);
            m_ended = true;
            m_status = status;
            m_changed.notify_all();
        });
    }
    ~WatchCollector()
    {
        m_context.TryCancel();
        m_thread.join();
    }

    struct Arrival {
        std::chrono::steady_clock::time_point time;
        Event event;
    };

    // Waits until `found` is true of some message from index `from` on;
    // returns its index, or -1 after `timeout` or when the stream ended.
    int waitFor(const std::function<bool(const Event &)> &found, std::chrono::milliseconds timeout,
        size_t from = 0)
    {
        std::unique_lock lock(m_mutex);
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        size_t next = from;
        while (true) {
            for (; next < m_events.size(); ++next)
                if (found(m_events[next].event))
                    return static_cast<int>(next);
            if (m_ended || m_changed.wait_until(lock, deadline) == std::cv_status::timeout) {
                for (; next < m_events.size(); ++next)
                    if (found(m_events[next].event))
                        return static_cast<int>(next);
                return -1;
            }
        }
    }
    Arrival at(int index)
    {
        std::lock_guard lock(m_mutex);
        return m_events.at(index);
    }
    size_t size()
    {
        std::lock_guard lock(m_mutex);
        return m_events.size();
    }
    std::string endStatus()
    {
        std::lock_guard lock(m_mutex);
        return m_ended ? std::to_string(m_status.error_code()) + " " + m_status.error_message()
                       : "still open";
    }

private:
    grpc::ClientContext m_context;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Arrival> m_events;
    bool m_ended = false;
    grpc::Status m_status;
};

inline bool isSnapshotEnd(const suanli::v1::WatchHeader &h)
{
    return h.kind() == suanli::v1::WATCH_EVENT_KIND_SNAPSHOT && h.last_chunk();
}

} // namespace suanli::test
