#pragma once

#include "client/Informer.h"
#include "client/WatchStream.h"

#include <grpcpp/channel.h>
#include <vector>

namespace suanli::client {

// StreamInformer owns an informer's WatchStream objects: the current one and
// those cancelled but not yet finished by gRPC, which it frees only after
// their OnDone (and waits for in its destructor), so no reaction ever runs on
// freed memory.
template <class Request, class Message> class StreamInformer : public Informer {
public:
    using Stream = WatchStream<Request, Message>;

    ~StreamInformer() override
    {
        cancelStream();
        reapStreams(true);
    }

protected:
    explicit StreamInformer(QString name)
        : Informer(std::move(name))
    {
    }

    // The request for a new stream (with the revision to resume from).
    virtual Request request() const = 0;
    // Makes a stub on `channel` and starts the call; returns the stub, kept
    // alive with the stream.
    virtual std::shared_ptr<void> startCall(const std::shared_ptr<grpc::Channel> &channel,
        grpc::ClientContext *context, const Request *request,
        grpc::ClientReadReactor<Message> *reactor)
        = 0;
    // Called before a new stream opens: drop any half-received snapshot.
    virtual void streamOpening() { }
    // What the new stream runs on each message on the gRPC thread (see WatchStream); none by
    // default.
    virtual typename Stream::Prepare preparer() { return {}; }
    // Applies the messages of the current stream, in order.
    virtual void handle(std::vector<Message> &messages, SiteState &site) = 0;

    void openStream(const std::shared_ptr<grpc::Channel> &channel,
        std::unique_ptr<grpc::ClientContext> context) override
    {
        cancelStream();
        streamOpening();
        m_current = std::make_unique<Stream>(std::move(context), request(), preparer());
        m_current->start([&](grpc::ClientContext *c, const Request *r,
                             grpc::ClientReadReactor<Message> *reactor) {
            return startCall(channel, c, r, reactor);
        });
    }

    void cancelStream() override
    {
        if (!m_current)
            return;
        m_current->cancel();
        m_retired.push_back(std::move(m_current));
    }

    bool consume(SiteState &site, grpc::Status *status) override
    {
        if (!m_current)
            return false;
        std::vector<Message> messages;
        const bool ended = m_current->take(&messages, status);
        if (!messages.empty())
            handle(messages, site);
        if (ended)
            m_retired.push_back(std::move(m_current));
        return ended;
    }

    void reapStreams(bool wait) override
    {
        std::erase_if(m_retired, [wait](const std::unique_ptr<Stream> &s) {
            if (wait)
                s->waitDone();
            return s->done();
        });
    }

private:
    std::unique_ptr<Stream> m_current;
    std::vector<std::unique_ptr<Stream>> m_retired;
};

} // namespace suanli::client
