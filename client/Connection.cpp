#include "client/Connection.h"

#include "client/Actions.h"
#include "client/Backoff.h"
#include "client/CallTracker.h"
#include "client/Channel.h"
#include "client/CollectionInformer.h"
#include "client/Log.h"
#include "client/OverviewInformer.h"
#include "client/SiteState.h"
#include "client/TlsProbe.h"
#include "suanli/v1/auth.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"

#include <QDeadlineTimer>
#include <QSslCertificate>
#include <QTimer>
#include <algorithm>
#include <array>
#include <vector>

namespace suanli::client {

namespace {

constexpr int kDrainIntervalMs = 100;
// While the first snapshots stream in, their chunks are taken in more often: a snapshot reaches
// the models only once whole, as one reset, and the view is complete that much sooner.
constexpr int kSyncDrainIntervalMs = 20;
constexpr auto kWhoAmIDeadline = std::chrono::seconds(10);
// Informers that have not caught up this long after WhoAmI answered count as a failed attempt.
constexpr qint64 kSyncTimeoutMs = 120000;
// A released collection is watched this much longer: going back to a page within it (or a
// wall coming round to it again) needs no new snapshot, which for 200,000 jobs takes seconds,
// while a centre looked at once gives its memory back soon after.
constexpr std::chrono::milliseconds kDefaultReleaseDelay = std::chrono::minutes(2);
// The informers' places, the watched collections' in Connection::Collection order first.
constexpr int kOverviewInformer = Connection::kCollections;

bool alwaysWatched(Connection::Collection collection)
{
    return collection == Connection::Collection::Alerts
        || collection == Connection::Collection::QuotaRequests;
}

// Drops what a released collection held; its next watch starts with a snapshot.
template <class T> void dropCollection(SiteCollection<T> &collection)
{
    collection.replace({}, QString(), 0);
    collection.synced = false;
}

// The informer of one collection, watched through `watch` of `Service`.
template <class Service, class Event>
std::unique_ptr<Informer> watching(const char *name,
    void (Service::Stub::async::*watch)(
        grpc::ClientContext *, const v1::WatchRequest *, grpc::ClientReadReactor<Event> *))
{
    return std::make_unique<CollectionInformer<Service, Event>>(name, watch);
}

QString fingerprintOfPem(const QByteArray &pem)
{
    const auto certificates = QSslCertificate::fromData(pem, QSsl::Pem);
    return certificates.isEmpty() ? QString() : TlsProbe::fingerprint(certificates.first());
}

} // namespace

class Connection::Private {
public:
    Private(Connection *q, ConnectionProfile profile);

    void attempt();
    void callWhoAmI();
    void onWhoAmI(
        quint64 attempt, const grpc::Status &status, const suanli::v1::WhoAmIResponse &response);
    void onProbe(const TlsProbe::Result &result);
    void scheduleRetry(const QString &why);
    void block(State state, const QString &why);
    void setState(State state, const QString &detail);
    void startInformers();
    void stopInformers();
    void drain();
    void updateFreshness();
    void dropReleased(int index);
    // Whether the informer at `index` runs while the centre is connected.
    bool watched(int index) const
    {
        return index == kOverviewInformer || demand[std::size_t(index)].watched;
    }

    Connection *const q;
    ConnectionProfile profile;
    QString pinnedFingerprint;
    State state = State::Disconnected;
    QString detail;
    suanli::v1::WhoAmIResponse identity;
    bool identityKnown = false;
    std::shared_ptr<grpc::Channel> channel;

    std::unique_ptr<SiteState> site;
    std::vector<std::unique_ptr<Informer>> informers;
    std::shared_ptr<CallTracker> calls;
    std::unique_ptr<Actions> actions;
    TlsProbe *probe;
    QTimer *retryTimer;
    QTimer *countdownTimer;
    QTimer *drainTimer;
    Backoff backoff;
    QDeadlineTimer retryAt;
    QDeadlineTimer syncDeadline;

    // Each attempt has a number: answers to an older one are ignored.
    quint64 attemptNumber = 0;
    // What asked for each collection: the count of holders, whether it is watched, and the
    // timer that drops it after its last release.
    struct Demand {
        int holders = 0;
        bool watched = false;
        QTimer *dropTimer = nullptr;
    };
    std::array<Demand, kCollections> demand;
    std::chrono::milliseconds releaseDelay = kDefaultReleaseDelay;
    // The watched informers were started (WhoAmI answered) and not stopped since.
    bool informersRunning = false;
    // WhoAmI answered; waiting for every informer to sync before Live.
    bool awaitingSync = false;
    bool probeToVerify = false;
    QString lastError;
    QString presentedFingerprint;
    QByteArray presentedCaPem;
};

Connection::Private::Private(Connection *q, ConnectionProfile p)
    : q(q)
    , profile(std::move(p))
    , site(std::make_unique<SiteState>())
    , calls(CallTracker::create(q))
    , probe(new TlsProbe(q))
    , retryTimer(new QTimer(q))
    , countdownTimer(new QTimer(q))
    , drainTimer(new QTimer(q))
{
    pinnedFingerprint = fingerprintOfPem(profile.caPem);
    if (!profile.caPem.isEmpty() && pinnedFingerprint.isEmpty())
        qCWarning(lcClient).noquote() << QString(profile.name + QLatin1Char(':'))
                                      << "the profile's CA is not a PEM certificate";
    if (profile.caFingerprint.isEmpty())
        profile.caFingerprint = pinnedFingerprint;
    informers.push_back(watching<v1::Cluster>("nodes", &v1::Cluster::Stub::async::WatchNodes));
    informers.push_back(watching<v1::Scheduler>("jobs", &v1::Scheduler::Stub::async::WatchJobs));
    informers.push_back(
        watching<v1::Scheduler>("queues", &v1::Scheduler::Stub::async::WatchQueues));
    informers.push_back(watching<v1::Events>("alerts", &v1::Events::Stub::async::WatchAlerts));
    informers.push_back(
        watching<v1::Tenancy>("quota requests", &v1::Tenancy::Stub::async::WatchQuotaRequests));
    informers.push_back(watching<v1::Tenancy>("tenants", &v1::Tenancy::Stub::async::WatchTenants));
    informers.push_back(std::make_unique<OverviewInformer>());
    for (int i = 0; i < kCollections; ++i) {
        auto &d = demand[std::size_t(i)];
        d.watched = alwaysWatched(Collection(i));
        d.dropTimer = new QTimer(q);
        d.dropTimer->setSingleShot(true);
        QObject::connect(d.dropTimer, &QTimer::timeout, q, [this, i] { dropReleased(i); });
    }

    retryTimer->setSingleShot(true);
    QObject::connect(retryTimer, &QTimer::timeout, q, [this] { attempt(); });
    countdownTimer->setInterval(1000);
    QObject::connect(countdownTimer, &QTimer::timeout, q,
        [this] { Q_EMIT this->q->retryInSecondsChanged(this->q->retryInSeconds()); });
    // At most ten batches a second reach the SiteState, whatever the gateway sends.
    drainTimer->setInterval(kDrainIntervalMs);
    QObject::connect(drainTimer, &QTimer::timeout, q, [this] { drain(); });
    QObject::connect(
        probe, &TlsProbe::finished, q, [this](const TlsProbe::Result &result) { onProbe(result); });
}

void Connection::Private::setState(State newState, const QString &newDetail)
{
    detail = newDetail;
    if (newState == state)
        return;
    state = newState;
    if (state != State::Reconnecting)
        countdownTimer->stop();
    qCInfo(lcClient).noquote() << QString(profile.name + QLatin1Char(':')) << q->stateDetail();
    Q_EMIT q->stateChanged(state);
    updateFreshness();
}

void Connection::Private::attempt()
{
    ++attemptNumber;
    probe->abort();
    retryTimer->stop();
    countdownTimer->stop();
    awaitingSync = false;
    // Connecting the first time (or after the user acted), Reconnecting after a failure.
    const State trying = state == State::Reconnecting ? State::Reconnecting : State::Connecting;
    if (profile.caPem.isEmpty()) {
        // Trust on first use: learn what the gateway presents before any token is sent.
        probeToVerify = false;
        setState(trying, tr("checking the gateway's certificate"));
        probe->probe(profile.address);
    } else {
        channel = makeChannel(profile);
        setState(trying, tr("connecting to %1").arg(profile.address));
        callWhoAmI();
    }
    if (state == State::Reconnecting)
        Q_EMIT q->retryInSecondsChanged(0);
}

void Connection::Private::callWhoAmI()
{
    std::shared_ptr<suanli::v1::Auth::Stub> stub = suanli::v1::Auth::NewStub(channel);
    calls->call<suanli::v1::WhoAmIRequest, suanli::v1::WhoAmIResponse>(
        q->context(kWhoAmIDeadline), {},
        [stub](grpc::ClientContext *context, const suanli::v1::WhoAmIRequest *request,
            suanli::v1::WhoAmIResponse *response, std::function<void(grpc::Status)> done) {
            stub->async()->WhoAmI(context, request, response, std::move(done));
        },
        [this, number = attemptNumber](const grpc::Status &status,
            suanli::v1::WhoAmIResponse &response) { onWhoAmI(number, status, response); });
}

void Connection::Private::onWhoAmI(
    quint64 number, const grpc::Status &status, const suanli::v1::WhoAmIResponse &response)
{
    if (number != attemptNumber)
        return;
    const QString message = QString::fromStdString(status.error_message());
    switch (status.error_code()) {
    case grpc::StatusCode::OK: {
        const bool sameUser = identityKnown && identity.user().name() == response.user().name()
            && identity.user().role() == response.user().role();
        // Another user sees another scope: their first watch is a full snapshot.
        if (!sameUser)
            for (auto &informer : informers)
                informer->forgetRevision();
        const bool changed
            = !identityKnown || identity.SerializeAsString() != response.SerializeAsString();
        identity = response;
        identityKnown = true;
        lastError.clear();
        if (changed)
            Q_EMIT q->identityChanged();
        detail = tr("loading %1").arg(QString::fromStdString(response.site()));
        startInformers();
        return;
    }
    case grpc::StatusCode::UNAUTHENTICATED:
        block(State::Unauthenticated, message);
        return;
    case grpc::StatusCode::UNAVAILABLE:
        // A refused connection or a failed handshake look alike: a probe tells
        // a changed certificate from a network problem.
        lastError = message;
        probeToVerify = true;
        probe->probe(profile.address);
        return;
    default:
        scheduleRetry(message);
        return;
    }
}

void Connection::Private::onProbe(const TlsProbe::Result &result)
{
    if (result.presented) {
        presentedCaPem = result.ca().toPem();
        presentedFingerprint = TlsProbe::fingerprint(result.ca());
    }
    if (!probeToVerify) {
        if (!result.presented) {
            scheduleRetry(result.error);
            return;
        }
        block(State::CertificateUnknown,
            tr("the gateway presents a certificate authority with fingerprint %1; it is not "
               "trusted yet")
                .arg(presentedFingerprint));
        return;
    }
    if (result.presented && presentedFingerprint != pinnedFingerprint) {
        qCWarning(lcClient).noquote()
            << QString(profile.name + QLatin1Char(':')) << "the gateway's CA changed from"
            << pinnedFingerprint << "to" << presentedFingerprint;
        block(State::CertificateChanged,
            tr("the gateway now presents a certificate authority with fingerprint %1, not the "
               "trusted %2")
                .arg(presentedFingerprint, pinnedFingerprint));
        return;
    }
    // The certificate is the trusted one (or none could be fetched): a network problem.
    scheduleRetry(lastError.isEmpty() ? result.error : lastError);
}

void Connection::Private::block(State blocked, const QString &why)
{
    ++attemptNumber;
    probe->abort();
    retryTimer->stop();
    awaitingSync = false;
    stopInformers();
    if (blocked == State::CertificateChanged)
        channel.reset();
    setState(blocked, why);
}

void Connection::Private::scheduleRetry(const QString &why)
{
    stopInformers();
    awaitingSync = false;
    const auto wait = backoff.next();
    retryAt = QDeadlineTimer(wait.count());
    retryTimer->start(int(wait.count()));
    countdownTimer->start();
    qCInfo(lcClient).noquote() << QString(profile.name + QLatin1Char(':')) << "retrying in"
                               << wait.count() << "ms:" << why;
    setState(State::Reconnecting, why);
    Q_EMIT q->retryInSecondsChanged(q->retryInSeconds());
    updateFreshness();
}

void Connection::Private::startInformers()
{
    const std::string token = profile.token.toStdString();
    for (std::size_t i = 0; i < informers.size(); ++i)
        if (watched(int(i)) && informers[i]->state() == Informer::State::Stopped)
            informers[i]->start(channel, token);
    informersRunning = true;
    awaitingSync = true;
    syncDeadline = QDeadlineTimer(kSyncTimeoutMs);
    drainTimer->setInterval(kSyncDrainIntervalMs);
}

void Connection::Private::stopInformers()
{
    drainTimer->setInterval(kDrainIntervalMs);
    informersRunning = false;
    for (auto &informer : informers)
        informer->stop();
}

void Connection::Private::dropReleased(int index)
{
    Demand &d = demand[std::size_t(index)];
    if (d.holders > 0 || !d.watched || alwaysWatched(Collection(index)))
        return;
    d.watched = false;
    Informer &informer = *informers[std::size_t(index)];
    informer.stop();
    informer.forgetRevision();
    switch (Collection(index)) {
    case Collection::Nodes:
        dropCollection(site->collection<v1::Node>());
        break;
    case Collection::Jobs:
        dropCollection(site->collection<v1::Job>());
        break;
    case Collection::Queues:
        dropCollection(site->collection<v1::Queue>());
        break;
    case Collection::Tenants:
        dropCollection(site->collection<v1::Tenant>());
        break;
    case Collection::Alerts:
    case Collection::QuotaRequests:
        break;
    }
    qCInfo(lcClient).noquote() << QString(profile.name + QLatin1Char(':')) << "released"
                               << informer.name();
    Q_EMIT q->watchChanged(Collection(index), false);
}

void Connection::Private::drain()
{
    Informer::Report lost;
    bool unauthenticated = false;
    for (auto &informer : informers) {
        const Informer::Report report = informer->drain(*site);
        if (report.kind == Informer::Report::Kind::Unauthenticated) {
            unauthenticated = true;
            lost = report;
        } else if (report.kind == Informer::Report::Kind::LinkLost && !unauthenticated) {
            lost = report;
        }
    }
    if (unauthenticated) {
        block(State::Unauthenticated, lost.message);
    } else if (lost.kind == Informer::Report::Kind::LinkLost) {
        scheduleRetry(lost.message);
    } else if (awaitingSync) {
        bool all = true;
        for (std::size_t i = 0; i < informers.size(); ++i)
            all = all && (!watched(int(i)) || informers[i]->synced());
        if (all) {
            awaitingSync = false;
            backoff.reset();
            setState(State::Live, tr("live"));
        } else if (syncDeadline.hasExpired()) {
            scheduleRetry(tr("the gateway did not send the centre's state in time"));
        }
    }
    // A snapshot streaming in (the first ones, or a collection a page has just asked for) is
    // taken in more often, so the page is complete sooner.
    if (informersRunning) {
        const bool loading = std::any_of(informers.begin(), informers.end(),
            [](const auto &informer) { return informer->state() == Informer::State::Connecting; });
        const int interval = loading ? kSyncDrainIntervalMs : kDrainIntervalMs;
        if (drainTimer->interval() != interval)
            drainTimer->setInterval(interval);
    }
    updateFreshness();
}

void Connection::Private::updateFreshness()
{
    QDateTime latest;
    bool gatewayStale = false;
    for (const auto &informer : informers) {
        if (informer->dataTime().isValid() && (!latest.isValid() || informer->dataTime() > latest))
            latest = informer->dataTime();
        if (informer->state() == Informer::State::Live)
            gatewayStale = gatewayStale || informer->stale();
    }
    site->setFreshness(state == State::Live ? gatewayStale : true, latest);
}

Connection::Connection(ConnectionProfile profile, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(this, std::move(profile)))
{
    d->actions = std::make_unique<Actions>(this);
}

Connection::~Connection()
{
    // Nothing may call back into this object from here on: stop the results
    // of unary calls, then end every stream and wait for gRPC to finish each.
    d->calls->shutdown();
    d->probe->abort();
    d->actions.reset();
    d->informers.clear();
}

void Connection::open()
{
    if (d->state != State::Disconnected)
        return;
    d->backoff.reset();
    d->drainTimer->start();
    d->attempt();
}

void Connection::close()
{
    ++d->attemptNumber;
    d->probe->abort();
    d->retryTimer->stop();
    d->awaitingSync = false;
    d->stopInformers();
    d->drainTimer->stop();
    d->channel.reset();
    d->setState(State::Disconnected, tr("closed"));
}

Connection::State Connection::state() const
{
    return d->state;
}

QString Connection::stateDetail() const
{
    switch (d->state) {
    case State::Reconnecting:
        if (d->retryTimer->isActive())
            return tr("reconnecting in %n s: %1", nullptr, retryInSeconds()).arg(d->detail);
        return tr("reconnecting: %1").arg(d->detail);
    default:
        return d->detail;
    }
}

int Connection::retryInSeconds() const
{
    if (d->state != State::Reconnecting || !d->retryTimer->isActive())
        return 0;
    return int((d->retryAt.remainingTime() + 999) / 1000);
}

const ConnectionProfile &Connection::profile() const
{
    return d->profile;
}

const suanli::v1::WhoAmIResponse &Connection::identity() const
{
    return d->identity;
}

QString Connection::presentedFingerprint() const
{
    return d->presentedFingerprint;
}

QByteArray Connection::presentedCaPem() const
{
    return d->presentedCaPem;
}

void Connection::trustPresentedCertificate()
{
    if (d->presentedCaPem.isEmpty()
        || (d->state != State::CertificateUnknown && d->state != State::CertificateChanged))
        return;
    qCInfo(lcClient).noquote() << QString(d->profile.name + QLatin1Char(':')) << "trusting CA"
                               << d->presentedFingerprint;
    d->profile.caPem = d->presentedCaPem;
    d->profile.caFingerprint = d->presentedFingerprint;
    d->pinnedFingerprint = d->presentedFingerprint;
    Q_EMIT profileChanged();
    d->backoff.reset();
    d->drainTimer->start();
    d->attempt();
}

void Connection::setToken(const QString &token)
{
    if (token == d->profile.token)
        return;
    d->profile.token = token;
    Q_EMIT profileChanged();
    if (d->state == State::Unauthenticated) {
        d->backoff.reset();
        d->attempt();
    }
}

SiteState *Connection::site() const
{
    return d->site.get();
}

void Connection::acquire(Collection collection)
{
    const auto index = std::size_t(collection);
    Private::Demand &demand = d->demand[index];
    ++demand.holders;
    demand.dropTimer->stop();
    if (demand.watched)
        return;
    demand.watched = true;
    qCInfo(lcClient).noquote() << QString(d->profile.name + QLatin1Char(':')) << "watching"
                               << d->informers[index]->name();
    if (d->informersRunning) {
        d->informers[index]->start(d->channel, d->profile.token.toStdString());
        d->drainTimer->setInterval(kSyncDrainIntervalMs);
    }
    Q_EMIT watchChanged(collection, true);
}

void Connection::release(Collection collection)
{
    Private::Demand &demand = d->demand[std::size_t(collection)];
    if (demand.holders == 0) {
        qCWarning(lcClient) << "released" << collection << "more often than acquired";
        return;
    }
    if (--demand.holders == 0 && !alwaysWatched(collection))
        demand.dropTimer->start(int(d->releaseDelay.count()));
}

bool Connection::isWatched(Collection collection) const
{
    return d->watched(int(collection));
}

std::chrono::milliseconds Connection::releaseDelay() const
{
    return d->releaseDelay;
}

void Connection::setReleaseDelay(std::chrono::milliseconds delay)
{
    d->releaseDelay = delay;
}

Actions *Connection::actions() const
{
    return d->actions.get();
}

std::shared_ptr<grpc::Channel> Connection::channel() const
{
    return d->channel;
}

std::unique_ptr<grpc::ClientContext> Connection::context(std::chrono::milliseconds deadline) const
{
    auto context = std::make_unique<grpc::ClientContext>();
    if (!d->profile.token.isEmpty())
        context->AddMetadata("authorization", "Bearer " + d->profile.token.toStdString());
    context->set_deadline(std::chrono::system_clock::now() + deadline);
    return context;
}

} // namespace suanli::client
