#include "app/dialogs/DecideQuotaRequestDialog.h"

#include "app/dialogs/TextLimitHint.h"
#include "app/models/Words.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace suanli::app {

DecideQuotaRequestDialog::DecideQuotaRequestDialog(
    Decision decision, const v1::QuotaRequest &request, const QString &impact, QWidget *parent)
    : QDialog(parent)
    , m_comment(new QPlainTextEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    const bool reject = decision == Decision::Reject;
    setWindowTitle(reject ? tr("Reject quota request") : tr("Approve quota request"));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(question(decision, request), this);
    label->setWordWrap(true);
    layout->addWidget(label);

    QString asked = tr("Asked by %1: “%2”")
                        .arg(QString::fromStdString(request.requester()),
                            QString::fromStdString(request.justification()));
    if (request.has_until_time())
        asked += u'\n' + tr("Needed until %1").arg(Words::date(request.until_time()));
    auto *why = new QLabel(asked, this);
    why->setWordWrap(true);
    why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(why);
    if (!impact.isEmpty()) {
        auto *impactLabel = new QLabel(impact, this);
        impactLabel->setWordWrap(true);
        layout->addWidget(impactLabel);
    }

    auto *commentLabel
        = new QLabel(reject ? tr("&Comment (required: tell the requester why):")
                            : tr("&Comment (optional: the requester and the audit log see it):"),
            this);
    commentLabel->setBuddy(m_comment);
    layout->addWidget(commentLabel);
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4 + 12);
    layout->addWidget(m_comment);
    // The gateway holds a rejection's comment to its limit.
    auto *hint = reject ? new TextLimitHint(m_comment, kCommentLimit, this) : nullptr;
    if (hint)
        layout->addWidget(hint);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(reject ? tr("Reject") : tr("Approve"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto update = [this, reject, hint] {
        m_buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!reject || (!comment().isEmpty() && hint->fits()));
    };
    connect(m_comment, &QPlainTextEdit::textChanged, this, update);
    update();
    setMinimumWidth(480);
    m_comment->setFocus();
}

QString DecideQuotaRequestDialog::comment() const
{
    return m_comment->toPlainText().trimmed();
}

QString DecideQuotaRequestDialog::question(Decision decision, const v1::QuotaRequest &request)
{
    const QLocale locale;
    const QString owner = Words::owner(request.tenant(), request.project());
    const QString now = locale.toString(request.current_max_accelerators());
    const QString asked = locale.toString(request.max_accelerators());
    const QString change = request.all_models()
        ? tr("%1: limit across all models %2 → %3 accelerators").arg(owner, now, asked)
        : tr("%1: %2 quota %3 → %4 accelerators")
              .arg(owner, Words::modelName(request.model()), now, asked);
    const QString id = QString::fromStdString(request.id());
    return decision == Decision::Approve
        ? tr("Approve %1 and apply it now? %2.").arg(id, change)
        : tr("Reject %1 (%2)? The quota stays as it is.").arg(id, change);
}

bool DecideQuotaRequestDialog::ask(QWidget *parent, Decision decision,
    const v1::QuotaRequest &request, const QString &impact, QString *comment)
{
    DecideQuotaRequestDialog dialog(decision, request, impact, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *comment = dialog.comment();
    return true;
}

} // namespace suanli::app
