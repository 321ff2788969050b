#pragma once

#include <QBasicTimer>
#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QWidget>

namespace suanli::app {

// WallAlertTicker scrolls the open, unacknowledged alerts of every centre along the bottom of
// the wall, most severe first, each with its severity in its colour. A new list takes effect
// when the current one has scrolled by, so text never jumps; it holds at most kMaxItems.
class WallAlertTicker : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallAlertTicker)
public:
    static constexpr int kMaxItems = 40;

    struct Item {
        int severity = 0; // as in suanli.v1.Severity
        QString text;
        bool operator==(const Item &other) const = default;
    };

    explicit WallAlertTicker(QWidget *parent = nullptr);

    // The alerts to show from the next lap on (the first kMaxItems).
    void setItems(const QList<Item> &items);
    // The texts of the latest list given (what the ticker shows or is about to).
    QStringList texts() const;
    int itemCount() const { return int(m_next.size()); }
    // Scrolling speed in pixels per second (default: four body-text heights a second).
    void setSpeed(int pixelsPerSecond);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void timerEvent(QTimerEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void startLap();
    void updateTimer();
    int pillWidth(int severity) const;

    QList<Item> m_shown; // the lap on screen
    QList<int> m_widths; // of each shown item, pill and gap included
    QList<Item> m_next;
    int m_lapWidth = 0;
    qreal m_offset = 0; // pixels scrolled since the lap began
    int m_speed = 0;
    QBasicTimer m_timer;
    QElapsedTimer m_clock;
};

} // namespace suanli::app
