#include "app/dialogs/ConfirmActionDialog.h"

#include "app/dialogs/TextLimitHint.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

ConfirmActionDialog::ConfirmActionDialog(const QString &title, const QString &question,
    const QStringList &targets, bool reasonRequired, QWidget *parent, const QString &dismiss)
    : QDialog(parent)
    , m_reason(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(question, this);
    label->setWordWrap(true);
    layout->addWidget(label);

    constexpr int kShown = 12;
    QStringList shown = targets.mid(0, kShown);
    const bool described = std::any_of(
        shown.cbegin(), shown.cend(), [](const QString &t) { return t.contains(u' '); });
    QString list = shown.join(described ? QStringLiteral("\n") : QStringLiteral(", "));
    if (targets.size() > kShown)
        list += (described ? QStringLiteral("\n") : QStringLiteral(" "))
            + tr("and %n more", nullptr, int(targets.size() - kShown));
    auto *names = new QLabel(list, this);
    names->setObjectName(QStringLiteral("ConfirmTargets"));
    names->setWordWrap(true);
    names->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(names);

    auto *form = new QFormLayout;
    m_reason->setPlaceholderText(reasonRequired
            ? tr("Required: shown to other admins and in the audit log")
            : tr("Optional: kept in the audit log"));
    auto *hint = new TextLimitHint(m_reason, kReasonLimit, this);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(QString(), hint);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(title);
    if (!dismiss.isEmpty())
        m_buttons->button(QDialogButtonBox::Cancel)->setText(dismiss);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this, hint, reasonRequired] {
        m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(
                hint->fits() && (!reasonRequired || !m_reason->text().trimmed().isEmpty()));
    };
    connect(hint, &TextLimitHint::measured, this, update);
    update();
    m_reason->setFocus();
}

QString ConfirmActionDialog::reason() const
{
    return m_reason->text().trimmed();
}

bool ConfirmActionDialog::ask(QWidget *parent, const QString &title, const QString &question,
    const QStringList &targets, bool reasonRequired, QString *reason, const QString &dismiss)
{
    ConfirmActionDialog dialog(title, question, targets, reasonRequired, parent, dismiss);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *reason = dialog.reason();
    return true;
}

} // namespace suanli::app
