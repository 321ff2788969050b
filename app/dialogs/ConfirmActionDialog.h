#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QDialogButtonBox;

namespace suanli::app {

// ConfirmActionDialog asks before an action on several targets: it names how
// many and which, and takes the reason (required where the action needs one).
class ConfirmActionDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfirmActionDialog)
public:
    ConfirmActionDialog(const QString &title, const QString &question, const QStringList &targets,
        bool reasonRequired, QWidget *parent = nullptr);

    QString reason() const;

    // Shows the dialog; true with the reason when the user confirmed.
    static bool ask(QWidget *parent, const QString &title, const QString &question,
        const QStringList &targets, bool reasonRequired, QString *reason);

private:
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::app
