#pragma once

#include "app/pages/Page.h"

class QAction;
class QLabel;
class QTableView;
class QTimer;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class AuditTableModel;
class FilterBar;
class FilterProxyModel;
class TableTools;

// AuditPage is a centre's audit log, newest first: who did what to which target, why, and what
// came of it. The filter language goes to the gateway (the whole log is searched) and filters
// the rows already shown as the user types; pages of entries load on request.
class AuditPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)
public:
    static constexpr int kPageSize = 200;

    explicit AuditPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~AuditPage() override;

    // Asks the gateway for the first page of entries matching the filter.
    void refresh();
    // Asks for the next page; nothing when every entry is shown.
    void loadMore();
    bool loading() const { return m_loading; }
    bool hasMore() const { return !m_nextPageToken.isEmpty(); }
    void setFilterText(const QString &text);

    QAction *refreshAction() const { return m_refresh; }
    QAction *loadMoreAction() const { return m_loadMore; }
    QTableView *table() const { return m_table; }
    TableTools *tools() const { return m_tools; }
    // What the status line says ("200 of 1,234 entries").
    QString status() const;

    void saveState() const override;
    void restoreState() override;

Q_SIGNALS:
    // A page of entries arrived (or the query failed).
    void loaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void query(bool more);
    void updateActions();

    client::Connection *m_connection;
    AuditTableModel *m_model;
    FilterProxyModel *m_proxy;
    FilterBar *m_filter;
    QTableView *m_table;
    TableTools *m_tools;
    QLabel *m_status;
    QAction *m_refresh;
    QAction *m_loadMore;
    QTimer *m_typing;
    QString m_nextPageToken;
    int m_total = 0;
    bool m_loading = false;
    // Answers to an older query are dropped.
    quint64 m_generation = 0;
};

} // namespace suanli::app
