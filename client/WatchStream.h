#pragma once

#include <condition_variable>
#include <functional>
#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>
#include <grpcpp/support/status.h>
#include <memory>
#include <mutex>
#include <vector>

namespace suanli::client {

// WatchStream is one server-streaming call (Watch*, WatchOverview) as a
// gRPC callback reactor. Its reactions run on gRPC threads and only append to
// a mutex-protected buffer that the owning informer takes on the GUI thread.
// The owner keeps the object until done() and never frees it earlier: cancel(),
// then waitDone(), then delete.
template <class Request, class Message>
class WatchStream final : public grpc::ClientReadReactor<Message> {
public:
    // Past this many unread messages the stream stops reading until taken, so a
    // stalled GUI thread pushes back on the gateway instead of growing memory.
    static constexpr size_t kMaxBuffered = 512;

    // `prepare`, when given, sees each message on the gRPC thread before it is buffered and may
    // take work off the GUI thread (decoding a snapshot's objects into their final form). The
    // calls for one stream never overlap.
    using Prepare = std::function<void(Message &)>;

    WatchStream(std::unique_ptr<grpc::ClientContext> context, Request request, Prepare prepare = {})
        : m_context(std::move(context))
        , m_request(std::move(request))
        , m_prepare(std::move(prepare))
        , m_shared(std::make_shared<Shared>())
    {
    }

    ~WatchStream() override = default;

    // `starter` binds this reactor to the call and returns the stub it used,
    // which is kept as long as the stream.
    template <class F> void start(F starter)
    {
        m_keepAlive = starter(m_context.get(), &m_request, this);
        this->StartRead(&m_message);
        this->StartCall();
    }

    // Asks gRPC to end the call; done() follows shortly.
    void cancel()
    {
        m_context->TryCancel();
        bool release = false;
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->cancelled = true;
            release = std::exchange(m_shared->paused, false);
        }
        if (release)
            this->RemoveHold();
    }

    bool cancelled() const
    {
        std::lock_guard lock(m_shared->mutex);
        return m_shared->cancelled;
    }

    // Moves what arrived into `out`; true (and the status in `status`) once
    // the call has ended and everything it delivered has been taken.
    bool take(std::vector<Message> *out, grpc::Status *status)
    {
        bool resume = false;
        bool ended = false;
        {
            std::lock_guard lock(m_shared->mutex);
            for (auto &m : m_shared->messages)
                out->push_back(std::move(m));
            m_shared->messages.clear();
            if (m_shared->paused && !m_shared->cancelled) {
                m_shared->paused = false;
                resume = true;
            }
            ended = m_shared->done;
            if (ended)
                *status = m_shared->status;
        }
        if (resume) {
            this->StartRead(&m_message);
            this->RemoveHold();
        }
        return ended;
    }

    bool done() const
    {
        std::lock_guard lock(m_shared->mutex);
        return m_shared->done;
    }

    // Blocks until gRPC has called OnDone (call cancel() first).
    void waitDone()
    {
        std::unique_lock lock(m_shared->mutex);
        m_shared->doneChanged.wait(lock, [this] { return m_shared->done; });
    }

    void OnReadDone(bool ok) override
    {
        if (!ok)
            return; // The stream has ended; OnDone follows.
        if (m_prepare)
            m_prepare(m_message);
        {
            std::lock_guard lock(m_shared->mutex);
            m_shared->messages.push_back(std::move(m_message));
            if (m_shared->messages.size() >= kMaxBuffered && !m_shared->cancelled) {
                // Held until take() resumes reading; cancel() releases it too.
                this->AddHold();
                m_shared->paused = true;
                m_message.Clear();
                return;
            }
        }
        m_message.Clear();
        this->StartRead(&m_message);
    }

    void OnDone(const grpc::Status &status) override
    {
        // The owner may free this object as soon as it sees done: keep the
        // shared state alive until the lock is released.
        const std::shared_ptr<Shared> shared = m_shared;
        std::lock_guard lock(shared->mutex);
        shared->done = true;
        shared->status = status;
        shared->doneChanged.notify_all();
    }

private:
    struct Shared {
        mutable std::mutex mutex;
        std::condition_variable doneChanged;
        std::vector<Message> messages;
        bool paused = false;
        bool cancelled = false;
        bool done = false;
        grpc::Status status;
    };

    std::unique_ptr<grpc::ClientContext> m_context;
    Request m_request;
    Prepare m_prepare;
    std::shared_ptr<void> m_keepAlive;
    Message m_message;
    std::shared_ptr<Shared> m_shared;
};

} // namespace suanli::client
