#pragma once

#include "app/pages/ConfirmPrompt.h"
#include "app/pages/Page.h"

#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QTableView;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class AlertTableModel;
class FilterBar;
class FilterProxyModel;
class TableTools;

// AlertsPage is one centre's live alert feed, newest first, coloured by severity, with
// acknowledge (and a comment) on the selection; acknowledged and cleared alerts are shown on
// request. Its badge is the number of open alerts nobody has acknowledged.
class AlertsPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)
public:
    explicit AlertsPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~AlertsPage() override;

    QStringList selectedIds() const;
    void setSelectedIds(const QStringList &ids);
    void setFilterText(const QString &text);
    void setShowAcknowledged(bool show);
    void setShowCleared(bool show);
    // Replaces the confirmation dialog (tests, scripted use).
    void setPrompt(ConfirmPrompt prompt);

    QAction *acknowledgeAction() const { return m_acknowledge; }
    QTableView *table() const { return m_table; }
    TableTools *tools() const { return m_tools; }

    void saveState() const override;
    void restoreState() override;

private:
    void updateActions();
    void updateBadge();
    void acknowledge();

    client::Connection *m_connection;
    AlertTableModel *m_model;
    FilterProxyModel *m_proxy;
    FilterBar *m_filter;
    QCheckBox *m_showAcknowledged;
    QCheckBox *m_showCleared;
    QTableView *m_table;
    TableTools *m_tools;
    QLabel *m_count;
    QAction *m_acknowledge;
    ConfirmPrompt m_prompt;
};

} // namespace suanli::app
