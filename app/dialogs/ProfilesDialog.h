#pragma once

#include <QDialog>
#include <functional>

class QLabel;
class QListWidget;
class QPushButton;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class Federation;

// ProfilesDialog lists the federation's saved centres with whether each is
// connected, and adds, edits, removes (after asking), connects and disconnects
// them; centres connected but not saved (the demo's) are listed read only,
// saying why. The list follows the federation while the dialog is open.
class ProfilesDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesDialog)
public:
    explicit ProfilesDialog(Federation *federation, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // The question before a removal; tests answer it themselves.
    void setConfirm(std::function<bool(const QString &question)> confirm);

    void addProfile();
    void editSelected();
    void removeSelected();
    void connectSelected();
    void disconnectSelected();

Q_SIGNALS:
    // A centre added with "Add…" is connected: the console shows it.
    void centreAdded(suanli::client::Connection *centre);

private:
    void reload();
    void updateButtons();
    QString selectedName() const;

    Federation *m_federation;
    QListWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    // Why the selected centre cannot be changed here (a demo's centre), or hidden.
    QLabel *m_readOnly;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace suanli::app
