#pragma once

#include "app/dialogs/DecideQuotaRequestDialog.h"
#include "app/pages/Page.h"
#include "suanli/v1/tenancy.pb.h"

#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QTableView;

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class QuotaBar;
}

namespace suanli::app {

class FilterBar;
class QuotaRequestProxyModel;
class QuotaRequestTableModel;
class TableTools;
struct QuotaImpact;

// QuotaRequestsPage is where quota requests are decided: the requests of a centre, pending
// first, beside the one selected with who asked, how much, why, until when and what approving
// would change; Approve and Reject with a comment, and Request quota for those who act for a
// tenant. Its badge is the number of pending requests this user may approve.
class QuotaRequestsPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuotaRequestsPage)
public:
    using Decision = DecideQuotaRequestDialog::Decision;
    // Asks before a decision; true with the comment. impact: what approving changes, in words.
    using DecisionPrompt = std::function<bool(Decision decision, const v1::QuotaRequest &request,
        const QString &impact, QString *comment)>;
    // Asks for the quota request to send, preselected; true when the user sent it.
    using RequestPrompt = std::function<bool(v1::CreateQuotaRequestRequest *request)>;

    explicit QuotaRequestsPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~QuotaRequestsPage() override;

    QString selectedId() const;
    void setSelectedId(const QString &id);
    void setFilterText(const QString &text);
    // Replace the dialogs (tests, scripted use).
    void setDecisionPrompt(DecisionPrompt prompt);
    void setRequestPrompt(RequestPrompt prompt);

    QAction *approveAction() const { return m_approve; }
    QAction *rejectAction() const { return m_reject; }
    QAction *requestAction() const { return m_request; }
    QTableView *table() const { return m_table; }
    // The detail pane's parts, as shown.
    QString detailText() const;
    QLabel *needsAdminLabel() const { return m_needsAdmin; }
    QLabel *scopeLabel() const { return m_scope; }

    void saveState() const override;
    void restoreState() override;

private:
    const v1::QuotaRequest *selectedRequest() const;
    QuotaImpact impactOf(const v1::QuotaRequest &request) const;
    QStringList userTenants() const;
    void updateDetail();
    void updateActions();
    void updateScope();
    void updateBadge();
    void decide(Decision decision);
    void requestQuota();

    client::Connection *m_connection;
    QuotaRequestTableModel *m_model;
    QuotaRequestProxyModel *m_proxy;
    FilterBar *m_filter;
    QLabel *m_scope;
    QTableView *m_table;
    QWidget *m_detail;
    QLabel *m_empty;
    QLabel *m_title;
    QLabel *m_asked;
    QWidget *m_ifApproved;
    QLabel *m_impact;
    QWidget *m_bars;
    QLabel *m_barsTitle;
    widgets::QuotaBar *m_now;
    widgets::QuotaBar *m_after;
    QLabel *m_centre;
    QLabel *m_needsAdmin;
    QLabel *m_decision;
    QAction *m_approve;
    QAction *m_reject;
    QAction *m_request;
    TableTools *m_tools;
    DecisionPrompt m_decisionPrompt;
    RequestPrompt m_requestPrompt;
};

} // namespace suanli::app
