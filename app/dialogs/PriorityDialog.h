#pragma once

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QSpinBox;

namespace suanli::app {

// PriorityDialog asks for a new priority (0 lowest to 1,000,000) for the jobs it names, and why.
class PriorityDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriorityDialog)
public:
    static constexpr int kMaximum = 1000000;

    PriorityDialog(const QStringList &jobs, qint64 current, QWidget *parent = nullptr);

    qint64 priority() const;
    QString reason() const;

    // Shows the dialog; true with the priority and reason when the user confirmed. *priority is
    // also the value it starts with.
    static bool ask(QWidget *parent, const QStringList &jobs, qint64 *priority, QString *reason);

private:
    QSpinBox *m_priority;
    QLineEdit *m_reason;
};

} // namespace suanli::app
