#pragma once

#include <QList>
#include <QString>
#include <QWidget>

class QLabel;

namespace suanli::app {

// WallTakeover is the big red panel a new critical alert puts over the wall: which centre,
// which node, what happened and since when, with a count of further critical alerts. The wall
// shows it until the alert clears or someone acknowledges it.
class WallTakeover : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallTakeover)
public:
    struct Alert {
        QString centre;
        QString target;
        QString summary;
        QString since; // "raised 14:03:12, 6 min ago"
    };

    explicit WallTakeover(QWidget *parent = nullptr);

    // The first alert fills the panel; the others are counted below it.
    void setAlerts(const QList<Alert> &alerts);
    // Every line the panel shows, for tests.
    QStringList texts() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();

    QLabel *m_heading;
    QLabel *m_centre;
    QLabel *m_target;
    QLabel *m_summary;
    QLabel *m_since;
    QLabel *m_more;
};

} // namespace suanli::app
