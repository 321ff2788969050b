#pragma once

#include "ConnectionProfile.h"
#include "pages/Page.h"

#include <QHash>
#include <QMainWindow>

class QLabel;
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

class FederationPage;
class NotificationBar;
class ProfileStore;

// MainWindow is the console: a sidebar of centres and their pages, the page
// shown, a notification bar for what failed and why, and a status bar with
// each centre's connection state and data age.
class MainWindow : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Connects to a centre and adds its pages; the window owns the connection.
    client::Connection *addCentre(const client::ConnectionProfile &profile);
    // Closes a centre's connection and removes its pages (its saved profile stays).
    void removeCentre(client::Connection *centre);
    QList<client::Connection *> centres() const;
    // The connected centre of that name, or null.
    client::Connection *centre(const QString &name) const;
    FederationPage *federationPage() const { return m_federation; }
    // Shows the federation overview (the page above the centres).
    void showFederation();
    // Saved centres, for the connect and manage dialogs.
    ProfileStore *profileStore() const { return m_profiles; }
    // File menu: a new centre, the saved centres, disconnecting the centre shown.
    void openConnectDialog();
    void openProfilesDialog();
    // Shows a centre's page by its object name ("OverviewPage", "NodesPage").
    bool showPage(client::Connection *centre, const QString &page);
    Page *page(client::Connection *centre, const QString &page) const;
    // A page's entry in the sidebar as shown, with its badge ("Alerts  3").
    QString sidebarText(client::Connection *centre, const QString &page) const;

    void notify(const QString &message, bool failed, const QString &details = {});
    // Shows every text in the language now installed (Language::apply): the menus and the
    // pages are made again from what the centres hold, the connections stay, and the page
    // shown, its columns, filters and splitters come back.
    void retranslate();

Q_SIGNALS:
    // A centre's profile changed (a certificate was pinned): the app saves it.
    void profileChanged(const suanli::client::ConnectionProfile &profile);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // A page's entry in the sidebar: its title and badge as they are now.
    void updateBadge(QTreeWidgetItem *item);
    struct Centre {
        client::Connection *connection = nullptr;
        QTreeWidgetItem *item = nullptr;
        widgets::StatusBadge *badge = nullptr;
        QHash<QString, Page *> pages;
    };
    void updateStatus(Centre &centre);
    void connectionStateChanged(client::Connection *connection);
    void addViewMenu();
    // The File, View and Help menus.
    void buildMenus();
    // A centre's pages and their sidebar entries.
    void buildPages(Centre &centre);
    // The Federation page for the centres there are.
    void buildFederationPage();
    client::Connection *currentCentre() const;

    QTreeWidget *m_sidebar;
    QStackedWidget *m_stack;
    NotificationBar *m_notifications;
    ProfileStore *m_profiles;
    FederationPage *m_federation;
    QTreeWidgetItem *m_federationItem;
    QList<Centre> m_centres;
};

} // namespace suanli::app
