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
    ~QueuesPage() override;

    QTableView *table() const { return m_table; }
    TableTools *tools() const { return m_tools; }

    // The question of the panel: a queue, a model (UNSPECIFIED for any) and a count.
    void ask(const QString &queue, v1::AcceleratorModel model, int count);
    // The answer shown, in words ("Yes: 12 Ascend 910B free in train (...)").
    QString answer() const;
    bool answerIsYes() const { return m_yes; }

    void saveState() const override;
    void restoreState() override;

private:
    void refreshQueueChoices();
    void refreshModelChoices();
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
    QLabel *m_answer;
    bool m_yes = false;
};

} // namespace suanli::app
