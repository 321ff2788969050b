#pragma once

#include "client/Backoff.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QString>
#include <grpcpp/support/status.h>
#include <memory>
#include <string>

namespace grpc {
class Channel;
class ClientContext;
} // namespace grpc

namespace suanli::client {

class SiteState;

// Informer keeps one part of a SiteState current through one watch stream, as
// an explicit state machine: Stopped → Connecting → Live, and Backoff (an
// exponential, jittered wait) before it resumes after the gateway ended the
// stream on its own (RESOURCE_EXHAUSTED for a slow watcher). Failures of the
// link itself are reported to the Connection, which restarts every informer
// once it has the gateway back. Lives on the GUI thread: its stream's gRPC
// callbacks only fill a buffer that drain() empties, ten times a second.
class Informer {
public:
    enum class State {
        Stopped, // not started, stopped, or ended by a link failure
        Connecting, // stream open, first snapshot (or resume) not complete yet
        Live, // in sync; deltas flow
        Backoff, // waiting to resume after the gateway ended the stream
        Refused, // this gateway refuses or lacks the call: the collection stays empty
    };

    // What drain() tells the Connection.
    struct Report {
        enum class Kind { None, LinkLost, Unauthenticated } kind = Kind::None;
        int code = 0;
        QString message;
    };

    virtual ~Informer();
    Informer(const Informer &) = delete;
    Informer &operator=(const Informer &) = delete;

    const QString &name() const { return m_name; }
    State state() const { return m_state; }
    // Live, or Refused (nothing to wait for).
    bool synced() const { return m_state == State::Live || m_state == State::Refused; }
    // Freshness the gateway sent with the last message.
    bool stale() const { return m_stale; }
    QDateTime dataTime() const { return m_dataTime; }

    // Opens the stream on `channel`, resuming from the last revision if any.
    void start(std::shared_ptr<grpc::Channel> channel, std::string token);
    // Cancels the stream (its end is collected by later drains or the destructor).
    void stop();
    // The next start() asks for a full snapshot (another user's scope, say).
    virtual void forgetRevision() { }

    // GUI thread, every tick: applies what arrived to `site`, resumes after a
    // backoff, frees finished streams.
    Report drain(SiteState &site);

protected:
    explicit Informer(QString name);

    // Opens a stream with `context` (carrying the token) on the channel.
    virtual void openStream(
        const std::shared_ptr<grpc::Channel> &channel, std::unique_ptr<grpc::ClientContext> context)
        = 0;
    // Cancels the current stream, if any; it is kept until gRPC is done with it.
    virtual void cancelStream() = 0;
    // Applies what the current stream delivered; true, with its status, once it has ended.
    virtual bool consume(SiteState &site, grpc::Status *status) = 0;
    // Frees cancelled streams that gRPC is done with; with `wait`, waits for all of them.
    virtual void reapStreams(bool wait) = 0;

    // For subclasses: the stream is in sync (snapshot applied, or resumed).
    void markSynced();
    void noteFreshness(bool stale, const QDateTime &dataTime);
    // A google.protobuf.Timestamp as a QDateTime (invalid when unset).
    static QDateTime toDateTime(qint64 seconds, int nanos);

private:
    void open();

    QString m_name;
    State m_state = State::Stopped;
    Backoff m_backoff;
    QDeadlineTimer m_retryAt;
    std::shared_ptr<grpc::Channel> m_channel;
    std::string m_token;
    bool m_stale = false;
    QDateTime m_dataTime;
};

} // namespace suanli::client
