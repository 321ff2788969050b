#include "app/wall/WallWindow.h"

#include "app/Federation.h"
#include "app/models/GatewayWords.h"
#include "app/models/Words.h"
#include "app/wall/WallAlertTicker.h"
#include "app/wall/WallBanner.h"
#include "app/wall/WallEnergyPage.h"
#include "app/wall/WallFederationPage.h"
#include "app/wall/WallHeatmapPage.h"
#include "app/wall/WallKpiPage.h"
#include "app/wall/WallPageIndicator.h"
#include "app/wall/WallQueuePage.h"
#include "app/wall/WallStyle.h"
#include "app/wall/WallTakeover.h"
#include "app/wall/WallTenantPage.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/AgeText.h"
#include "widgets/KpiTile.h"
#include "widgets/Palette.h"
#include "widgets/TimeText.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

namespace {
QDateTime toDateTime(const google::protobuf::Timestamp &t)
{
    return QDateTime::fromSecsSinceEpoch(t.seconds(), Qt::UTC);
}

QString criticalKey(const v1::Alert &a)
{
    return QString::fromStdString(a.id()) + u'@' + QString::number(a.raise_time().seconds());
}

// How long the wall waits for the second Esc or Q that leaves it.
constexpr qint64 kLeaveConfirmSeconds = 5;

bool isOpenCritical(const v1::Alert &a)
{
    return a.severity() == v1::SEVERITY_CRITICAL && !a.has_clear_time() && !a.acknowledged();
}
} // namespace

WallWindow::WallWindow(Federation *federation, QWidget *parent)
    : QWidget(parent)
    , m_federation(federation)
    , m_title(new QLabel(this))
    , m_age(new QLabel(this))
    , m_indicator(new WallPageIndicator(this))
    , m_clock(new QLabel(this))
    , m_banner(new WallBanner(this))
    , m_stack(new QStackedWidget(this))
    , m_takeover(new WallTakeover(m_stack))
    , m_ticker(new WallAlertTicker(this))
    , m_federationPage(new WallFederationPage(m_stack))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("WallWindow"));
    setWindowTitle(tr("Suanli wall"));
    setPalette(WallStyle::palette());
    setAutoFillBackground(true);
    setFocusPolicy(Qt::NoFocus);
    setCursor(Qt::BlankCursor);

    m_title->setTextFormat(Qt::PlainText);
    m_age->setTextFormat(Qt::PlainText);
    m_clock->setTextFormat(Qt::PlainText);
    auto *top = new QHBoxLayout;
    top->setContentsMargins(32, 12, 32, 12);
    top->setSpacing(32);
    top->addWidget(m_title, 1);
    top->addWidget(m_age);
    top->addWidget(m_indicator);
    top->addWidget(m_clock);

    // The screen decides the size; whatever does not fit is elided, never widens the window.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_banner);
    auto *body = new QVBoxLayout;
    body->setContentsMargins(32, 16, 32, 16);
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);
    layout->addWidget(m_ticker);

    m_stack->addWidget(m_takeover);
    addPage(m_federationPage);

    connect(m_tick, &QTimer::timeout, this, &WallWindow::tick);
    m_tick->start(1000);
    resize(1920, 1080);

    // A wall never asks anyone anything: an untrusted certificate is reported in the banner.
    m_federation->setTrustOnFirstUse(false);
    connect(m_federation, &Federation::centreAdded, this, &WallWindow::centreAdded);
    connect(m_federation, &Federation::centreRemoved, this, &WallWindow::centreRemoved);
    for (auto *centre : m_federation->centres())
        centreAdded(centre);
}

WallWindow::~WallWindow() = default;

void WallWindow::centreAdded(client::Connection *connection)
{
    Centre centre;
    centre.lostSince = QDateTime::currentDateTimeUtc();
    m_centres.insert(connection, centre);
    m_federationPage->addCentre(connection);
    addPage(new WallKpiPage(connection, m_stack));
    addPage(new WallHeatmapPage(connection, m_stack));
    addPage(new WallQueuePage(connection, m_stack));
    addPage(new WallTenantPage(connection, m_stack));
    addPage(new WallEnergyPage(connection, m_stack));

    connect(connection, &client::Connection::stateChanged, this,
        [this, connection](client::Connection::State state) {
            const auto c = m_centres.find(connection);
            if (c != m_centres.end()) {
                if (state == client::Connection::State::Live)
                    c->lostSince = QDateTime();
                else if (!c->lostSince.isValid())
                    c->lostSince = QDateTime::currentDateTimeUtc();
            }
            updateBanner();
        });
    connect(&connection->site()->alerts(), &client::CollectionSignals::reset, this,
        [this, connection] { alertsArrived(connection); });
    connect(&connection->site()->alerts(), &client::CollectionSignals::changed, this,
        [this, connection] { alertsArrived(connection); });
    // The federation leaves it unopened.
    if (connection->profile().caPem.isEmpty())
        addProblem(tr("%1: no pinned certificate in this profile — connect once from the console "
                      "to pin it, then restart the wall")
                       .arg(connection->profile().name));
    updateTopBar();
}

void WallWindow::centreRemoved(client::Connection *connection)
{
    m_centres.remove(connection);
    m_federationPage->removeCentre(connection);
    m_takeovers.erase(std::remove_if(m_takeovers.begin(), m_takeovers.end(),
                          [connection](const Takeover &t) { return t.centre == connection; }),
        m_takeovers.end());
    WallPage *shown = m_pages.at(m_current);
    for (qsizetype i = m_pages.size() - 1; i >= 0; --i) {
        WallPage *page = m_pages.at(i);
        if (page->centre() != connection)
            continue;
        m_pages.removeAt(i);
        m_stack->removeWidget(page);
        delete page;
    }
    // The page shown stays if it was another centre's; otherwise the federation page is next.
    m_current = std::max<qsizetype>(0, m_pages.indexOf(shown));
    holdCollections();
    if (!isTakeoverShown())
        m_stack->setCurrentWidget(m_pages.at(m_current));
    updateTakeover();
    updateBanner();
    updateTicker();
    updateTopBar();
}

void WallWindow::addProblem(const QString &text)
{
    m_problems.append(text);
    updateBanner();
}

void WallWindow::setRotateSeconds(int seconds)
{
    m_rotateSeconds = std::max(0, seconds);
}

int WallWindow::rotateSeconds() const
{
    return m_rotateSeconds;
}

void WallWindow::setTakeoverSeconds(int seconds)
{
    m_takeoverSeconds = std::max(0, seconds);
}

void WallWindow::addPage(WallPage *page)
{
    m_pages.append(page);
    m_stack->addWidget(page);
    if (m_pages.size() == 1)
        m_stack->setCurrentWidget(page);
    holdCollections();
}

void WallWindow::holdCollections()
{
    // The page after the one on screen is loaded before its turn, so it never shows empty.
    QList<QPair<QPointer<client::Connection>, client::Connection::Collection>> wanted;
    for (qsizetype i :
        { qsizetype(m_current), (m_current + 1) % qMax<qsizetype>(1, m_pages.size()) })
        if (WallPage *page = m_pages.value(i); page && page->centre())
            for (auto collection : page->needs())
                if (!wanted.contains(qMakePair(QPointer(page->centre()), collection)))
                    wanted.append({ page->centre(), collection });
    for (const auto &[centre, collection] : std::as_const(wanted))
        centre->acquire(collection);
    for (const auto &[centre, collection] : std::as_const(m_held))
        if (centre)
            centre->release(collection);
    m_held = wanted;
}

int WallWindow::pageCount() const
{
    return int(m_pages.size());
}

WallPage *WallWindow::page(int index) const
{
    return m_pages.value(index);
}

WallPage *WallWindow::findPage(const QString &kind, client::Connection *centre) const
{
    for (auto *p : m_pages)
        if (p->objectName() == kind && p->centre() == centre)
            return p;
    return nullptr;
}

int WallWindow::currentIndex() const
{
    return m_current;
}

void WallWindow::showPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    m_current = index;
    m_shownFor = 0;
    if (!isTakeoverShown())
        m_stack->setCurrentWidget(m_pages.at(index));
    holdCollections();
    updateTopBar();
}

bool WallWindow::isTakeoverShown() const
{
    return m_stack->currentWidget() == m_takeover;
}

QString WallWindow::titleText() const
{
    return m_title->text();
}

QString WallWindow::ageText() const
{
    return m_age->text();
}

void WallWindow::next()
{
    showPage((m_current + 1) % int(m_pages.size()));
}

void WallWindow::tick()
{
    updateTakeover();
    if (!isTakeoverShown() && m_rotateSeconds > 0 && ++m_shownFor >= m_rotateSeconds)
        next();
    else if (!isTakeoverShown())
        m_pages.at(m_current)->refresh();
    updateBanner();
    updateTicker();
    updateTopBar();
}

void WallWindow::alertsArrived(client::Connection *connection)
{
    const auto found = m_centres.find(connection);
    if (found == m_centres.end())
        return;
    Centre &centre = *found;
    const auto &alerts = connection->site()->alerts().items;
    // The first alerts a wall sees are old news; so is anything it saw before a reconnect.
    const bool takeOver = centre.alertsSynced;
    QSet<QString> known;
    for (const auto &a : alerts) {
        if (a.severity() != v1::SEVERITY_CRITICAL)
            continue;
        const QString key = criticalKey(a);
        known.insert(key);
        if (!takeOver || !isOpenCritical(a) || centre.knownCritical.contains(key))
            continue;
        const QString kind = QString::fromStdString(a.kind());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime last = m_lastTakeoverOfKind.value(kind);
        if (m_takeoverEveryMinutes > 0 && last.isValid()
            && last.secsTo(now) < qint64(m_takeoverEveryMinutes) * 60) {
            // Kept to the ticker, where every open alert runs anyway.
            m_heldBack.append(QString::fromStdString(a.id()));
            while (m_heldBack.size() > 100)
                m_heldBack.removeFirst();
            continue;
        }
        m_lastTakeoverOfKind.insert(kind, now);
        m_takeovers.append({ connection, QString::fromStdString(a.id()) });
    }
    // Keys of alerts the gateway forgot go, so the set stays as small as the open alerts.
    centre.knownCritical = std::move(known);
    centre.alertsSynced = true;
    if (!m_takeovers.isEmpty())
        updateTakeover();
}

void WallWindow::setTakeoverEveryMinutes(int minutes)
{
    m_takeoverEveryMinutes = std::max(0, minutes);
}

void WallWindow::keyPressEvent(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Escape && event->key() != Qt::Key_Q) {
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
    if (m_kiosk)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_leaveAskedAt.isValid() && m_leaveAskedAt.secsTo(now) < kLeaveConfirmSeconds) {
        close();
        return;
    }
    m_leaveAskedAt = now;
    updateBanner();
}

void WallWindow::updateTakeover()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // A capped takeover that ran its time dismisses every alert on it (they stay red in the
    // ticker) and leaves the pages up for a while, so a storm of faults cannot hold the screen.
    if (m_takeoverSeconds > 0 && m_episodeStart.isValid()
        && m_episodeStart.secsTo(now) >= m_takeoverSeconds) {
        m_takeovers.clear();
        m_episodeStart = QDateTime();
        m_quietUntil = now.addSecs(std::max(m_rotateSeconds, m_takeoverSeconds));
    }
    const bool quiet = m_quietUntil.isValid() && now < m_quietUntil;
    QList<WallTakeover::Alert> shown;
    for (auto it = m_takeovers.begin(); it != m_takeovers.end();) {
        const auto &alerts = it->centre->site()->alerts().items;
        const auto found = alerts.constFind(it->alertId);
        if (found == alerts.constEnd() || !isOpenCritical(*found)) {
            it = m_takeovers.erase(it);
            continue;
        }
        const v1::Alert &a = *found;
        const QDateTime raised = toDateTime(a.raise_time());
        const QString kind = Words::alertKind(QString::fromStdString(a.kind()));
        const QString at = widgets::TimeText::time(raised.toLocalTime().time());
        // Measured by the centre's clock, as the raise time is (a simulated centre's runs ahead
        // of ours).
        const qint64 age = it->centre->site()->nowSeconds() - raised.toSecsSinceEpoch();
        const QString since = age >= 0
            ? tr("%1 since %2 (%3 ago)").arg(kind, at, widgets::AgeText::of(age))
            : tr("%1 since %2").arg(kind, at);
        shown.prepend({ Words::centreName(it->centre), QString::fromStdString(a.target()),
            GatewayWords::alertSummary(a), since });
        ++it;
    }
    if (!shown.isEmpty() && !quiet) {
        m_takeover->setAlerts(shown);
        if (!isTakeoverShown()) {
            m_episodeStart = now;
            m_stack->setCurrentWidget(m_takeover);
            updateTopBar();
        }
    } else if (isTakeoverShown()) {
        // Rotation resumes where it was.
        m_episodeStart = QDateTime();
        m_stack->setCurrentWidget(m_pages.at(m_current));
        m_shownFor = 0;
        updateTopBar();
    }
}

void WallWindow::updateBanner()
{
    using State = client::Connection::State;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList lines = m_problems;
    bool critical = !m_problems.isEmpty();
    if (m_leaveAskedAt.isValid() && m_leaveAskedAt.secsTo(now) < kLeaveConfirmSeconds)
        lines.prepend(tr("Press Esc or Q again to leave the wall"));
    else
        m_leaveAskedAt = QDateTime();
    for (auto *connection : m_federation->centres()) {
        if (connection->profile().caPem.isEmpty())
            continue;
        const Centre c = m_centres.value(connection);
        const QString name = Words::centreName(connection);
        const qint64 age = WallStyle::dataAgeSeconds(connection);
        const QString ageWords
            = age >= 0 ? tr("data %1 old").arg(widgets::AgeText::of(age)) : tr("no data yet");
        const QString lost = c.lostSince.isValid()
            ? widgets::AgeText::of(std::max<qint64>(0, c.lostSince.secsTo(now)))
            : QString();
        switch (connection->state()) {
        case State::Live:
            if (connection->site()->stale())
                lines << tr("%1: the gateway cannot reach its scheduler — %2").arg(name, ageWords);
            break;
        case State::Connecting:
        case State::Disconnected:
            lines << tr("%1: connecting for %2 — %3").arg(name, lost, ageWords);
            break;
        case State::Reconnecting:
            lines << tr("%1: no connection for %2 — %3; retrying by itself")
                         .arg(name, lost, ageWords);
            break;
        case State::Unauthenticated:
            lines << tr("%1: the wall's token was refused — save a new viewer token in its "
                        "profile")
                         .arg(name);
            critical = true;
            break;
        case State::CertificateUnknown:
            lines << tr("%1: the gateway's certificate is not pinned in this profile — connect "
                        "once from the console to pin it")
                         .arg(name);
            critical = true;
            break;
        case State::CertificateChanged:
            lines << tr("%1: the gateway presents a different certificate than the pinned one — "
                        "blocked; check with the centre's operators")
                         .arg(name);
            critical = true;
            break;
        }
    }
    m_banner->setLines(lines, critical);
}

void WallWindow::updateTicker()
{
    struct Entry {
        int severity;
        qint64 raised;
        WallAlertTicker::Item item;
    };
    QList<Entry> entries;
    for (auto *connection : m_federation->centres()) {
        const QString name = Words::centreName(connection);
        for (const auto &a : connection->site()->alerts().items) {
            if (a.acknowledged() || a.has_clear_time())
                continue;
            entries.append({ int(a.severity()), a.raise_time().seconds(),
                { int(a.severity()), tr("%1 · %2").arg(name, GatewayWords::alertSummary(a)) } });
        }
    }
    // Most severe first, then newest: the first kMaxItems are what matters.
    std::sort(entries.begin(), entries.end(), [](const Entry &a, const Entry &b) {
        if (a.severity != b.severity)
            return a.severity > b.severity;
        return a.raised > b.raised;
    });
    QList<WallAlertTicker::Item> items;
    const auto count = std::min<qsizetype>(entries.size(), WallAlertTicker::kMaxItems);
    items.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        items.append(entries.at(i).item);
    m_ticker->setItems(items);
}

void WallWindow::updateTopBar()
{
    if (isTakeoverShown()) {
        m_title->setText(tr("Critical alert"));
        m_age->clear();
    } else {
        WallPage *p = m_pages.at(m_current);
        m_title->setText(p->title());
        const qint64 age = p->dataAgeSeconds();
        m_age->setText(p->isStale()
                ? (age >= 0 ? tr("data %1 old").arg(widgets::AgeText::of(age)) : tr("no data yet"))
                : QString());
    }
    m_indicator->setPages(int(m_pages.size()), m_current);
    m_clock->setText(widgets::TimeText::time(QTime::currentTime()));
}

void WallWindow::resizeEvent(QResizeEvent *event)
{
    // Type follows the screen: 30 px body text on a 1080-line wall.
    QFont f = font();
    const int body = WallStyle::bodyPixels(event->size().height());
    if (f.pixelSize() != body) {
        f.setPixelSize(body);
        setFont(f);
        QFont title = WallStyle::font(f, 1.3, QFont::DemiBold);
        m_title->setFont(title);
        m_clock->setFont(title);
        QPalette amber = m_age->palette();
        amber.setColor(QPalette::WindowText,
            widgets::Palette::severityColour(widgets::SeverityColour::Warning, true));
        m_age->setPalette(amber);
        m_age->setFont(WallStyle::font(f, 1.1, QFont::DemiBold));
    }
    QWidget::resizeEvent(event);
}

} // namespace suanli::app
