#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QTreeWidget;

namespace suanli::app {

// ShortcutsDialog lists every keyboard shortcut of the console: where it works, what it does
// and its keys, as the window's actions have them.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)
public:
    // One shortcut: where it works ("Everywhere", "Jobs"), the action's words and its keys.
    struct Entry {
        QString context;
        QString action;
        QKeySequence keys;
    };
    explicit ShortcutsDialog(const QList<Entry> &entries, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

private:
    QTreeWidget *m_list;
};

} // namespace suanli::app
