#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QToolButton;

namespace suanli::app {

// NotificationBar says what just happened or failed, in words, with the
// gateway's details on demand and, after an action, the one that undoes it;
// it never blocks the window. Its colours follow the theme.
class NotificationBar : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotificationBar)
public:
    explicit NotificationBar(QWidget *parent = nullptr);

    void show(const QString &message, bool failed, const QString &details = {});
    // A line with a button beside it that does `action` once: "Held 1007711" [Release].
    void offer(const QString &message, const QString &actionText, std::function<void()> action);
    QString message() const;
    bool failed() const { return m_failed; }
    // The offered action's button, or null when the line offers none.
    QToolButton *actionButton() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    // The background, text and edge of the theme for a success or a failure.
    void applyColours();

    QLabel *m_text;
    QToolButton *m_action;
    QToolButton *m_details;
    QToolButton *m_close;
    QString m_detailText;
    std::function<void()> m_offered;
    bool m_failed = false;
};

} // namespace suanli::app
