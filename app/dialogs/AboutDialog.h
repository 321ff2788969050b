#pragma once

#include <QDialog>
#include <QList>

class QLabel;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

// AboutDialog says which console this is: its version, the gateway version of each centre
// connected, and the libraries it is built from with their licences (and so the console's own).
class AboutDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(const QList<client::Connection *> &centres, QWidget *parent = nullptr);

    // What the dialog says, as rich text.
    static QString text(const QList<client::Connection *> &centres);
};

} // namespace suanli::app
