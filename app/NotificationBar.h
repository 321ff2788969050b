#pragma once

#include <QFrame>

class QLabel;
class QToolButton;

namespace suanli::app {

// NotificationBar says what just happened or failed, in words, with the
// gateway's details on demand; it never blocks the window.
class NotificationBar : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationBar)
public:
    explicit NotificationBar(QWidget *parent = nullptr);

    void show(const QString &message, bool failed, const QString &details = {});
    QString message() const;
    bool failed() const { return m_failed; }

private:
    QLabel *m_text;
    QToolButton *m_details;
    QToolButton *m_close;
    QString m_detailText;
    bool m_failed = false;
};

} // namespace suanli::app
