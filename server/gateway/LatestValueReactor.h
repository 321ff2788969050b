#pragma once

#include <functional>
#include <grpcpp/grpcpp.h>
#include <mutex>
#include <optional>

namespace suanli::server {

// LatestValueReactor streams a value that is replaced over time (the site
// overview, a live metric point): one write in flight, and a client still
// busy with the previous value skips straight to the newest, so a slow
// client costs one value of memory, never a queue.
template <class T> class LatestValueReactor final : public grpc::ServerWriteReactor<T> {
public:
    // `onDone` runs once gRPC is finished with the stream, before it is deleted.
    explicit LatestValueReactor(std::function<void(LatestValueReactor *)> onDone)
        : m_onDone(std::move(onDone))
    {
    }

    void push(T value)
    {
        std::lock_guard lock(m_mutex);
        if (m_finished)
            return;
        if (m_writing) {
            m_next = std::move(value);
            return;
        }
        m_current = std::move(value);
        m_writing = true;
        this->StartWrite(&*m_current);
    }

    void finish(const grpc::Status &status)
    {
        std::lock_guard lock(m_mutex);
        finishLocked(status);
    }

    void OnWriteDone(bool ok) override
    {
        std::lock_guard lock(m_mutex);
        m_writing = false;
        if (!ok) {
            finishLocked(grpc::Status(grpc::StatusCode::CANCELLED, "stream closed"));
            return;
        }
        if (m_next && !m_finished) {
            m_current = std::move(m_next);
            m_next.reset();
            m_writing = true;
            this->StartWrite(&*m_current);
        }
    }

    void OnCancel() override { finish(grpc::Status::CANCELLED); }

    void OnDone() override
    {
        if (m_onDone)
            m_onDone(this);
        delete this;
    }

private:
    void finishLocked(const grpc::Status &status)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_next.reset();
        this->Finish(status);
    }

    std::function<void(LatestValueReactor *)> m_onDone;
    std::mutex m_mutex;
    std::optional<T> m_current;
    std::optional<T> m_next;
    bool m_writing = false;
    bool m_finished = false;
};

// A reactor that ends at once with `status` (a refused stream).
template <class T> class RefusedStream final : public grpc::ServerWriteReactor<T> {
public:
    explicit RefusedStream(const grpc::Status &status) { this->Finish(status); }
    void OnDone() override { delete this; }
};

} // namespace suanli::server
