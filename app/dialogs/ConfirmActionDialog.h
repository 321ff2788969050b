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
    // `dismiss` names the button that does nothing where "Cancel" would read as the action
    // ("Keep jobs" beside "Cancel jobs"). Targets with words in them ("1007711  train (alice)")
    // are listed one a line.
    ConfirmActionDialog(const QString &title, const QString &question, const QStringList &targets,
        bool reasonRequired, QWidget *parent = nullptr, const QString &dismiss = {});

    QString reason() const;

    // Shows the dialog; true with the reason when the user confirmed.
    static bool ask(QWidget *parent, const QString &title, const QString &question,
        const QStringList &targets, bool reasonRequired, QString *reason,
        const QString &dismiss = {});

private:
    QLineEdit *m_reason;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::app
