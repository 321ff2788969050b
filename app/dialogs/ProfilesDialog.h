#pragma once

#include <QDialog>
#include <functional>

class QListWidget;
class QPushButton;

namespace suanli::app {

class MainWindow;

// ProfilesDialog lists the saved centres with whether each is connected, and
// adds, edits, removes (after asking), connects and disconnects them.
class ProfilesDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfilesDialog)
public:
    explicit ProfilesDialog(MainWindow *window, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    // The question before a removal; tests answer it themselves.
    void setConfirm(std::function<bool(const QString &question)> confirm);

    void addProfile();
    void editSelected();
    void removeSelected();
    void connectSelected();
    void disconnectSelected();

private:
    void reload();
    void updateButtons();
    QString selectedName() const;

    MainWindow *m_window;
    QListWidget *m_list;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_connect;
    QPushButton *m_disconnect;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace suanli::app
