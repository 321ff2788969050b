#pragma once

#include "app/dialogs/ShortcutsDialog.h"
#include "app/pages/Page.h"
#include "client/Connection.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class StatusBadge;
}

namespace suanli::app {

class Federation;
class FederationPage;
class NotificationBar;

// MainWindow is the console: a sidebar of the federation's centres and their
// pages, the page shown, a notification bar for what failed and why, and a
// status bar with each centre's connection state and data age. It follows the
// centres as the Federation adds and removes them.
class MainWindow : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(Federation *federation, QWidget *parent = nullptr);
    ~MainWindow() override;

    Federation *federation() const { return m_federation; }
    FederationPage *federationPage() const { return m_federationPage; }
    // Shows the federation overview (the page above the centres).
    void showFederation();
    // File menu: a new centre, the saved centres, disconnecting the centre shown.
    void openConnectDialog();
    void openProfilesDialog();
    // Shows a centre's page by its object name ("OverviewPage", "NodesPage").
    bool showPage(client::Connection *centre, const QString &page);
    // A centre's page, built now if it was not yet; the collections it reads are watched only
    // while it is shown.
    Page *page(client::Connection *centre, const QString &page);
    // The page if it is built, or null.
    Page *builtPage(client::Connection *centre, const QString &page) const;
    // The heading above the page shown: its centre and its title ("Wuhan — Nodes").
    QString heading() const;
    // The centres in the sidebar's order, as the federation orders them.
    QStringList sidebarCentres() const;
    // A page's entry in the sidebar as shown, with its badge ("Alerts  3").
    QString sidebarText(client::Connection *centre, const QString &page) const;

    void notify(const QString &message, bool failed, const QString &details = {});
    // A line that stays until a centre is connected ("No centres configured yet…").
    void notifyUntilConnected(const QString &message);
    NotificationBar *notifications() const { return m_notifications; }
    // The status bar's badge ("18 of 20 live"), and the list it opens ("Wuhan: live", one line
    // per centre); clicking a line shows that centre's overview.
    QString centresStatus() const;
    QStringList centresList();
    void showCentresList();
    // Every keyboard shortcut: the window's, then each page's of the centre shown (or of the
    // first centre), as Help → Keyboard shortcuts lists them.
    QList<ShortcutsDialog::Entry> shortcuts();
    void showShortcuts();
    // The Actions menu: the actions of the page shown, with their keys.
    QMenu *actionsMenu() const { return m_actionsMenu; }
    // Shows every text in the language now installed (Language::apply): the menus and the
    // pages are made again from what the centres hold, the connections stay, and the page
    // shown, its columns, filters and splitters come back.
    void retranslate();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A page's entry in the sidebar: its title and badge as they are now.
    void updateBadge(QTreeWidgetItem *item);
    struct Centre {
        client::Connection *connection = nullptr;
        QTreeWidgetItem *item = nullptr;
        QHash<QString, Page *> pages;
    };
    // A centre the federation added: its pages, sidebar entry and status badge.
    void centreAdded(client::Connection *connection);
    // A centre the federation is removing: its pages go.
    void centreRemoved(client::Connection *connection);
    // The status bar's one badge: how many centres are live of those connected.
    void updateStatus();
    // The list the badge opens: each centre's connection, in the sidebar's order.
    void fillCentresMenu();
    // Shows only the centres whose name has `text` (all when empty).
    void filterSidebar(const QString &text);
    void connectionStateChanged(client::Connection *connection);
    void addViewMenu();
    // The File, View and Help menus.
    void buildMenus();
    // A centre's sidebar entries, and the pages built at once with them (and those in `built`).
    void buildPages(Centre &centre, const QStringList &built = {});
    // A centre's page by its object name, built now if it was not yet.
    Page *ensurePage(Centre &centre, const QString &name);
    // The centre of a sidebar entry, or null.
    Centre *centreOf(const QTreeWidgetItem *item);
    // Watches what the page shown reads, and gives back what the page shown before did.
    void holdShownCollections();

    // The Federation page for the centres there are.
    void buildFederationPage();
    client::Connection *currentCentre() const;
    // Fills the Actions menu with the actions of the page shown.
    void updateActionsMenu();
    // The heading above the page: which centre and which page.
    void updateHeading();

    QTreeWidget *m_sidebar;
    QStackedWidget *m_stack;
    QLabel *m_heading;
    NotificationBar *m_notifications;
    Federation *m_federation;
    FederationPage *m_federationPage;
    QTreeWidgetItem *m_federationItem;
    QLineEdit *m_search;
    widgets::StatusBadge *m_centresBadge;
    QMenu *m_centresMenu;
    // The centre whose pages the sidebar shows unfolded: the one looked at last.
    QTreeWidgetItem *m_expandedCentre = nullptr;
    QList<Centre> m_centres;
    QMenu *m_actionsMenu = nullptr;
    // The collections the page shown has asked its centre for.
    struct Held {
        QPointer<client::Connection> centre;
        QList<client::Connection::Collection> collections;
    } m_held;

    QString m_untilConnected;
};

} // namespace suanli::app
