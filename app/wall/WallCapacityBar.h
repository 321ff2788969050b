#pragma once

#include <QWidget>

namespace suanli::app {

// WallCapacityBar shows a queue's accelerators as one bar: in use, free, unavailable and down,
// each in its node-state colour (as on the heatmap), with demand from pending jobs marked past
// the free part, and the figures written on it.
class WallCapacityBar : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallCapacityBar)
public:
    explicit WallCapacityBar(QWidget *parent = nullptr);

    void setValues(qint64 inUse, qint64 free, qint64 unavailable, qint64 down, qint64 pending);
    // The words written on the bar.
    QString text() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    qint64 m_inUse = 0;
    qint64 m_free = 0;
    qint64 m_unavailable = 0;
    qint64 m_down = 0;
    qint64 m_pending = 0;
};

} // namespace suanli::app
