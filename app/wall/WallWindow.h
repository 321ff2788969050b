#pragma once

#include "client/Connection.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTimer;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class Federation;
class WallAlertTicker;
class WallBanner;
class WallFederationPage;
class WallPage;
class WallPageIndicator;
class WallTakeover;

// WallWindow is the NOC wall display: read only, dark, type sized from the screen, no dialogs
// and nothing to click. It rotates through the federation page and each centre's pages, scrolls
// open alerts along the bottom, gives the whole screen to a new critical alert until it clears
// or is acknowledged, and says in a banner which centre is unreachable and how old its data is.
// It shows the centres of a Federation as they are added and removed; connections reconnect by
// themselves, so the wall recovers without anyone touching it.
class WallWindow : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallWindow)
public:
    // The wall trusts only pinned certificates: it turns the federation's trust on first use
    // off, and a centre whose profile has no pinned CA is named in the banner, not connected.
    explicit WallWindow(Federation *federation, QWidget *parent = nullptr);
    ~WallWindow() override;

    Federation *federation() const { return m_federation; }
    // A problem the wall cannot fix by itself ("no saved profile named X"), kept in the banner.
    void addProblem(const QString &text);

    // Seconds each page stays on screen (default 15); 0 stops the rotation.
    void setRotateSeconds(int seconds);
    int rotateSeconds() const;
    // Longest a takeover holds the screen (0: until its alerts clear or are acknowledged); after
    // that its alerts stay red in the ticker and the pages rotate for a while before a newer
    // critical alert may take the screen again.
    void setTakeoverSeconds(int seconds);
    // At most one takeover per alert kind in this many minutes (default 10; 0: no limit), so a
    // run of the same fault does not keep the screen; the alerts held back stay in the ticker.
    void setTakeoverEveryMinutes(int minutes);
    int takeoverEveryMinutes() const { return m_takeoverEveryMinutes; }
    // Critical alerts kept off the screen by that limit, as "alert id" (newest last).
    QStringList heldBackAlertIds() const { return m_heldBack; }

    // In kiosk mode Esc and Q do nothing; otherwise the first press asks (in the banner) to
    // press again, and the second within a few seconds closes the wall.
    void setKiosk(bool kiosk) { m_kiosk = kiosk; }
    bool isKiosk() const { return m_kiosk; }

    int pageCount() const;
    WallPage *page(int index) const;
    // The page of a kind ("WallKpiPage", "WallHeatmapPage" ...) for a centre (null: federation).
    WallPage *findPage(const QString &kind, client::Connection *centre = nullptr) const;
    int currentIndex() const;
    void showPage(int index);

    bool isTakeoverShown() const;
    WallTakeover *takeover() const { return m_takeover; }
    WallAlertTicker *ticker() const { return m_ticker; }
    WallBanner *banner() const { return m_banner; }
    // The top bar's title and data age, for tests.
    QString titleText() const;
    QString ageText() const;

    // Brings everything on screen up to date (the wall does this once a second by itself).
    void tick();
    // Watches what the page on screen and the next one read; gives back what others held.
    void holdCollections();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    // What the wall remembers of a centre between ticks.
    struct Centre {
        // When the connection last stopped being live; invalid while live.
        QDateTime lostSince;
        // Critical alerts already known, so only new ones take the screen ("id@raise seconds").
        QSet<QString> knownCritical;
        bool alertsSynced = false;
    };
    struct Takeover {
        client::Connection *centre = nullptr;
        QString alertId;
    };
    void centreAdded(client::Connection *connection);
    void centreRemoved(client::Connection *connection);
    void addPage(WallPage *page);
    void next();
    void updateBanner();
    void updateTicker();
    void updateTakeover();
    void updateTopBar();
    void alertsArrived(client::Connection *connection);

    Federation *m_federation;
    QLabel *m_title;
    QLabel *m_age;
    WallPageIndicator *m_indicator;
    QLabel *m_clock;
    WallBanner *m_banner;
    QStackedWidget *m_stack;
    WallTakeover *m_takeover;
    WallAlertTicker *m_ticker;
    WallFederationPage *m_federationPage;
    QList<WallPage *> m_pages;
    QHash<client::Connection *, Centre> m_centres;
    QStringList m_problems;
    QList<Takeover> m_takeovers;
    // The collections the wall has asked its centres for.
    QList<QPair<QPointer<client::Connection>, client::Connection::Collection>> m_held;
    int m_current = 0;
    int m_rotateSeconds = 15;
    int m_takeoverSeconds = 0;
    int m_takeoverEveryMinutes = 10;
    QHash<QString, QDateTime> m_lastTakeoverOfKind; // alert kind → when it last took the screen
    QStringList m_heldBack;
    bool m_kiosk = false;
    QDateTime m_leaveAskedAt; // when Esc or Q was first pressed; invalid when not asked
    QDateTime m_episodeStart; // when the takeover last took the screen
    QDateTime m_quietUntil; // after a capped takeover, pages only until then
    int m_shownFor = 0; // seconds the current page has been on screen
    QTimer *m_tick;
};

} // namespace suanli::app
