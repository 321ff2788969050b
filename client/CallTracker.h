#pragma once

#include <QCoreApplication>
#include <QObject>
#include <condition_variable>
#include <functional>
#include <grpcpp/client_context.h>
#include <grpcpp/support/status.h>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace suanli::client {

// For a call that cannot start because the centre has no link: answers `done` on `receiver`'s
// thread after the caller returns, with UNAVAILABLE and "not connected to <centre>", as a call's
// result would come. `Result` has `code` and `message`.
template <class Result, class Done>
void answerNotConnected(QObject *receiver, const QString &centre, const Done &done)
{
    Result r;
    r.code = int(grpc::StatusCode::UNAVAILABLE);
    r.message = QCoreApplication::translate("MetricsQuery", "not connected to %1").arg(centre);
    QMetaObject::invokeMethod(
        receiver, [r, done] { done(r); }, Qt::QueuedConnection);
}

// CallTracker runs the unary calls of one QObject (Connection, Actions) on
// gRPC's callback API: it keeps each call's context and messages alive until
// gRPC calls back, hands the result to the object's thread with a queued
// invocation (gRPC threads never touch the object itself), and lets the
// object's destructor cancel whatever is in flight and wait for it.
//
// A call's context holds the channel, and gRPC 1.51 must never see its last
// channel released on one of its own callback threads (the channel's
// destructor joins those threads): a finished call is therefore always freed
// on the target's thread, never in gRPC's callback.
class CallTracker : public std::enable_shared_from_this<CallTracker> {
public:
    static std::shared_ptr<CallTracker> create(QObject *target);
    ~CallTracker();
    CallTracker(const CallTracker &) = delete;
    CallTracker &operator=(const CallTracker &) = delete;

    // Starts a call: `start(context, &request, &response, callback)` issues it
    // (stub->async()->DrainNodes(...)); `finished(status, response)` runs
    // later on the target's thread, unless shutdown() came first.
    template <class Request, class Response, class Start, class Finished>
    void call(std::unique_ptr<grpc::ClientContext> context, Request request, Start start,
        Finished finished);

    // Stops delivering results, cancels every call in flight and waits until
    // gRPC has called back for each. The owner calls it from its destructor,
    // on the target's thread.
    void shutdown();
    size_t inFlight() const;

private:
    // One call: its context and messages, and what to do with its result.
    struct Pending {
        virtual ~Pending() = default;
        // Runs the result handler (on the target's thread).
        virtual void finish() = 0;
        std::unique_ptr<grpc::ClientContext> context;
        grpc::Status status;
    };

    template <class Request, class Response, class Finished> struct Call final : Pending {
        Call(std::unique_ptr<grpc::ClientContext> c, Request r, Finished f)
            : request(std::move(r))
            , finished(std::move(f))
        {
            context = std::move(c);
        }
        void finish() override { finished(status, response); }
        Request request;
        Response response;
        Finished finished;
    };

    explicit CallTracker(QObject *target);
    bool add(const std::shared_ptr<Pending> &call);
    // On a gRPC thread: hands the call to the target's thread, or keeps it
    // for shutdown() to free.
    void complete(Pending *call, grpc::Status status);

    QObject *const m_target;
    mutable std::mutex m_mutex;
    std::condition_variable m_idle;
    bool m_shutdown = false;
    std::map<Pending *, std::shared_ptr<Pending>> m_calls;
    // Calls that ended after shutdown(): freed by shutdown() on the owner's thread.
    std::vector<std::shared_ptr<Pending>> m_ended;
};

template <class Request, class Response, class Start, class Finished>
void CallTracker::call(
    std::unique_ptr<grpc::ClientContext> context, Request request, Start start, Finished finished)
{
    auto call = std::make_shared<Call<Request, Response, Finished>>(
        std::move(context), std::move(request), std::move(finished));
    if (!add(call))
        return;
    Pending *raw = call.get();
    // The callback holds no reference to the call: the tracker owns it.
    start(call->context.get(), &call->request, &call->response,
        [self = shared_from_this(), raw](
            grpc::Status status) { self->complete(raw, std::move(status)); });
}

} // namespace suanli::client
