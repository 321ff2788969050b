#pragma once

#include "app/pages/Page.h"
#include "suanli/v1/common.pb.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;
class QSplitter;
class QTableView;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class FilterBar;
class FilterProxyModel;
class QueueTableModel;
class TableTools;

// QueuesPage shows one centre's queues (accelerators total and free by model, jobs pending and
// running, waits) and answers "can I run N accelerators now?" from the live counts.
class QueuesPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueuesPage)
public:
    explicit QueuesPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~QueuesPage() override;

    QTableView *table() const { return m_table; }
    TableTools *tools() const { return m_tools; }

    // The question of the panel: a queue (empty for any queue), a model (UNSPECIFIED for any), a
    // count, and the tenant whose quota is checked (empty: none).
    void ask(
        const QString &queue, v1::AcceleratorModel model, int count, const QString &tenant = {});
    // The answer shown, in words ("Yes: 12 Ascend 910B free in train (...)"), with the tenant's
    // quota on a line of its own when one is checked.
    QString answer() const;
    bool answerIsYes() const { return m_yes; }
    // How long jobs of about that size waited ("Jobs of about this size ... waited 2 h ...").
    QString waitEstimate() const;

    void saveState() const override;
    void restoreState() override;

private:
    void refreshQueueChoices();
    void refreshModelChoices();
    void refreshTenantChoices();
    void updateAnswer();

    client::Connection *m_connection;
    QueueTableModel *m_model;
    FilterProxyModel *m_proxy;
    FilterBar *m_filter;
    QTableView *m_table;
    TableTools *m_tools;
    QSplitter *m_splitter;
    QComboBox *m_queue;
    QComboBox *m_accelerator;
    QSpinBox *m_count;
    QComboBox *m_tenant;
    QLabel *m_answer;
    QLabel *m_estimate;
    bool m_yes = false;
};

} // namespace suanli::app
