#pragma once

#include "app/pages/ConfirmPrompt.h"
#include "app/pages/Page.h"

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QTreeView;
class QTimer;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class FilterBar;
class TableProxyModel;
class JobTableModel;
class TableTools;

// JobsPage shows one centre's active jobs in a table with the filter language, why each waiting
// job waits in plain words, and cancel, hold, release, requeue and priority on the selection.
class JobsPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPage)
public:
    // Asks for a new priority for jobs: true with it and the reason. *priority starts as the
    // first job's current priority.
    using PriorityPrompt
        = std::function<bool(const QStringList &jobs, qint64 *priority, QString *reason)>;

    explicit JobsPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~JobsPage() override;

    QStringList selectedIds() const;
    void setSelectedIds(const QStringList &ids);
    void setFilterText(const QString &text);
    // Replace the confirmation and priority dialogs (tests, scripted use).
    void setPrompt(ConfirmPrompt prompt);
    void setPriorityPrompt(PriorityPrompt prompt);

    QAction *cancelAction() const { return m_cancel; }
    QAction *holdAction() const { return m_hold; }
    QAction *releaseAction() const { return m_release; }
    QAction *requeueAction() const { return m_requeue; }
    QAction *priorityAction() const { return m_priority; }
    // A flat tree view of the jobs, one row per job.
    QTreeView *table() const { return m_table; }
    TableTools *tools() const { return m_tools; }

    void saveState() const override;
    void restoreState() override;

private:
    enum class Kind { Cancel, Hold, Release, Requeue, Priority };
    // The selected jobs the action applies to (a hold only to pending jobs...).
    QStringList targetsFor(Kind kind) const;
    void updateActions();
    void updateCount();
    void run(Kind kind);

    client::Connection *m_connection;
    JobTableModel *m_model;
    TableProxyModel *m_proxy;
    FilterBar *m_filter;
    QTreeView *m_table;
    TableTools *m_tools;
    QLabel *m_count;
    QAction *m_cancel;
    QAction *m_hold;
    QAction *m_release;
    QAction *m_requeue;
    QAction *m_priority;
    // Coalesces updates of the actions and the count: a storm of deltas is one update.
    QTimer *m_refresh;
    ConfirmPrompt m_prompt;
    PriorityPrompt m_priorityPrompt;
};

} // namespace suanli::app
