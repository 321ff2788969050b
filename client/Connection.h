#pragma once

#include "client/ConnectionProfile.h"
#include "suanli/v1/auth.pb.h"

#include <QObject>
#include <chrono>
#include <memory>

namespace grpc {
class Channel;
class ClientContext;
} // namespace grpc

namespace suanli::client {

class SiteState;
class Actions;

// Connection is the console's link to one centre: the TLS channel (the CA
// from the profile, or trust on first use), the token on every call, the
// caller's identity, and the informers that keep a SiteState current. All of
// its signals arrive on the thread that owns it (the GUI thread).
class Connection : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)
public:
    enum class State {
        Disconnected, // not opened, or closed
        Connecting, // first connect in progress
        Live, // identity known, every informer live
        Reconnecting, // lost, or an attempt failed; retrying in retryInSeconds()
        Unauthenticated, // the token was refused: needs a new one
        CertificateUnknown, // no CA pinned yet: presentedFingerprint() awaits the user's trust
        CertificateChanged, // the gateway presents another CA than the pinned one: blocked
    };
    Q_ENUM(State)

    // The collections a centre is watched for. The overview, alerts and quota requests are
    // watched whenever the centre is connected (the Federation page, notifications, badges and
    // the alert ticker read them); the others only while something asks for them (acquire()).
    enum class Collection { Nodes, Jobs, Queues, Alerts, QuotaRequests, Tenants };
    Q_ENUM(Collection)
    static constexpr int kCollections = 6;

    explicit Connection(ConnectionProfile profile, QObject *parent = nullptr);
    ~Connection() override;

    // Starts connecting (and reconnecting with backoff until close()).
    void open();
    // Ends every call and stream; the SiteState keeps what it had, marked stale.
    void close();

    State state() const;
    // Words for the state's cause: "connection refused", "token revoked" ...
    QString stateDetail() const;
    // Seconds until the next attempt while Reconnecting (0 while an attempt runs).
    int retryInSeconds() const;
    const ConnectionProfile &profile() const;

    // Who the token belongs to, and the site; valid once identityChanged() was
    // emitted (just before the informers start; Live follows).
    const suanli::v1::WhoAmIResponse &identity() const;

    // The CA certificate the gateway presented, for the trust dialog and the
    // certificate-changed warning.
    QString presentedFingerprint() const;
    QByteArray presentedCaPem() const;
    // Pins what the gateway presented (after the user agreed) and connects.
    // profileChanged() tells the app to save the pinned CA.
    void trustPresentedCertificate();
    // A new token (after Unauthenticated, say): stored in the profile
    // (profileChanged()), used from the next call on, and a connection that
    // was refused tries again at once.
    void setToken(const QString &token);

    // Asks for a collection to be watched (counted: every acquire() has its release()). A
    // collection acquired while the centre is connected starts streaming at once; once the
    // last holder has released it, it stays watched for releaseDelay() more (a page shown
    // again soon needs no new snapshot), then its stream ends and its objects are dropped.
    void acquire(Collection collection);
    void release(Collection collection);
    // Whether a collection is watched now (or would be once connected).
    bool isWatched(Collection collection) const;
    // How long a released collection stays watched: two minutes unless set.
    std::chrono::milliseconds releaseDelay() const;
    void setReleaseDelay(std::chrono::milliseconds delay);

    // The local cache of this centre, kept current by the informers.
    SiteState *site() const;
    // Actions on this centre; results come back on the GUI thread.
    Actions *actions() const;

    // For calls the library does not wrap: the channel (null until a CA is
    // trusted) and a context with the token and a deadline. Free contexts and
    // stubs on this thread, not in a gRPC callback: gRPC 1.51 breaks when a
    // channel's last reference goes on one of its own callback threads.
    std::shared_ptr<grpc::Channel> channel() const;
    std::unique_ptr<grpc::ClientContext> context(
        std::chrono::milliseconds deadline = std::chrono::seconds(15)) const;

Q_SIGNALS:
    void stateChanged(suanli::client::Connection::State state);
    // Every second while Reconnecting, for a "reconnecting in 12 s" label.
    void retryInSecondsChanged(int seconds);
    void identityChanged();
    void profileChanged();
    // A collection started or stopped being watched (acquired, or released and dropped).
    void watchChanged(suanli::client::Connection::Collection collection, bool watched);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace suanli::client
