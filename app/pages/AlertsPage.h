#pragma once

#include "pages/ConfirmPrompt.h"

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
class AlertsPage : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPage)
    // The sidebar shows a page's badge next to its name.
    Q_PROPERTY(int badge READ badge NOTIFY badgeChanged)
public:
    explicit AlertsPage(client::Connection *connection, QWidget *parent = nullptr);
    ~AlertsPage() override;

    int badge() const { return m_badge; }

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

    Q_INVOKABLE void saveState() const;
    Q_INVOKABLE void restoreState();

Q_SIGNALS:
    void notify(const QString &message, bool failed, const QString &details);
    void badgeChanged(int count);

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
    int m_badge = 0;
};

} // namespace suanli::app
