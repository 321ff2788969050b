#pragma once

#include "app/wall/WallPage.h"

#include <QList>

class QGridLayout;
class QLabel;

namespace suanli::app {

class WallCapacityBar;

// WallQueuePage shows the pressure on each queue of a centre, busiest first: its accelerators
// in use, free and down with the demand of pending jobs, jobs running and pending, and the wait
// of jobs that started in the last hour (median and 95th percentile).
class WallQueuePage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallQueuePage)
public:
    // Queues shown at most; the quietest are left out.
    static constexpr int kMaxRows = 10;

    explicit WallQueuePage(client::Connection *centre, QWidget *parent = nullptr);
    QString title() const override;
    QList<client::Connection::Collection> needs() const override
    {
        return { client::Connection::Collection::Queues };
    }

    // Queue names in the order shown.
    QStringList shownQueues() const;
    // The text of one row's cells, for tests: name, bar, running, pending, wait.
    QStringList rowText(int row) const;

protected:
    void refreshContent() override;
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QLabel *name = nullptr;
        WallCapacityBar *bar = nullptr;
        QLabel *running = nullptr;
        QLabel *pending = nullptr;
        QLabel *wait = nullptr;
    };
    Row &row(int index);

    QWidget *m_body;
    QGridLayout *m_grid;
    QLabel *m_empty;
    QList<Row> m_rows; // created as needed, up to kMaxRows, then reused
    int m_shown = 0;
};

} // namespace suanli::app
