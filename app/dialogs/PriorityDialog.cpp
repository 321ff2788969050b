#include "app/dialogs/PriorityDialog.h"

#include "app/dialogs/TextLimitHint.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

PriorityDialog::PriorityDialog(const QStringList &jobs, qint64 current, QWidget *parent)
    : QDialog(parent)
    , m_priority(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
{
    setWindowTitle(tr("Set priority"));
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(
        tr("New priority for %n job(s). Higher runs first; it applies while they wait.", nullptr,
            int(jobs.size())),
        this);
    question->setWordWrap(true);
    layout->addWidget(question);
    constexpr int kShown = 12;
    QString list = jobs.mid(0, kShown).join(QStringLiteral(", "));
    if (jobs.size() > kShown)
        list += u' ' + tr("and %n more", nullptr, int(jobs.size() - kShown));
    auto *names = new QLabel(list, this);
    names->setWordWrap(true);
    names->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(names);

    m_priority->setRange(0, kMaximum);
    m_priority->setGroupSeparatorShown(true);
    m_priority->setValue(int(std::clamp<qint64>(current, 0, kMaximum)));
    m_priority->setToolTip(tr("0 (lowest) to 1,000,000"));
    m_reason->setPlaceholderText(tr("Optional: kept in the audit log"));
    auto *hint = new TextLimitHint(m_reason, kReasonLimit, this);
    auto *form = new QFormLayout;
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(QString(), hint);
    layout->addLayout(form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Set priority"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(hint, &TextLimitHint::measured, this,
        [buttons, hint] { buttons->button(QDialogButtonBox::Ok)->setEnabled(hint->fits()); });
    m_priority->setFocus();
    m_priority->selectAll();
}

qint64 PriorityDialog::priority() const
{
    return m_priority->value();
}

QString PriorityDialog::reason() const
{
    return m_reason->text().trimmed();
}

bool PriorityDialog::ask(
    QWidget *parent, const QStringList &jobs, qint64 *priority, QString *reason)
{
    PriorityDialog dialog(jobs, *priority, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *priority = dialog.priority();
    *reason = dialog.reason();
    return true;
}

} // namespace suanli::app
