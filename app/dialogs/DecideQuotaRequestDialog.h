#pragma once

#include "suanli/v1/tenancy.pb.h"

#include <QDialog>

class QDialogButtonBox;
class QPlainTextEdit;

namespace suanli::app {

// DecideQuotaRequestDialog asks before approving or rejecting a quota request: it names the
// request and the change it makes, and takes the comment the requester will read (required
// to reject).
class DecideQuotaRequestDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecideQuotaRequestDialog)
public:
    enum class Decision { Approve, Reject };

    // impact: a line or two on what approving changes (QuotaRequestsPage's words), may be empty.
    DecideQuotaRequestDialog(Decision decision, const v1::QuotaRequest &request,
        const QString &impact, QWidget *parent = nullptr);

    QString comment() const;

    // "Approve qr-000042? galaxy / galaxy-llm: Ascend 910B quota 40 → 48 accelerators."
    static QString question(Decision decision, const v1::QuotaRequest &request);
    // Shows the dialog; true with the comment when the user confirmed.
    static bool ask(QWidget *parent, Decision decision, const v1::QuotaRequest &request,
        const QString &impact, QString *comment);

private:
    QPlainTextEdit *m_comment;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::app
