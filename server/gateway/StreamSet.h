#pragma once

#include "server/gateway/LatestValueReactor.h"

#include <map>
#include <mutex>
#include <variant>

namespace suanli::server {

// StreamSet is the set of open LatestValueReactor streams of one kind, each
// with what it asked for (`Context`), so a producer can push to all of them
// and shutdown can end them.
template <class T, class Context = std::monostate> class StreamSet {
public:
    using Reactor = LatestValueReactor<T>;

    // A new stream, registered until gRPC is done with it.
    Reactor *open(Context context = {})
    {
        auto *reactor = new Reactor([this](Reactor *done) {
            std::lock_guard lock(m_mutex);
            m_streams.erase(done);
        });
        std::lock_guard lock(m_mutex);
        m_streams.emplace(reactor, std::move(context));
        return reactor;
    }

    // Calls f(reactor, context) for every open stream.
    template <class F> void forEach(F f)
    {
        std::lock_guard lock(m_mutex);
        for (auto &[reactor, context] : m_streams)
            f(reactor, context);
    }

    void finishAll(const grpc::Status &status)
    {
        forEach([&](Reactor *r, const Context &) { r->finish(status); });
    }

private:
    std::mutex m_mutex;
    std::map<Reactor *, Context> m_streams;
};

} // namespace suanli::server
