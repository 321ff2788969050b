#include "app/pages/QuotaRequestsPage.h"

#include "app/dialogs/NewQuotaRequestDialog.h"
#include "app/dialogs/SetQuotaDialog.h"
#include "app/models/ModelRoles.h"
#include "app/models/QuotaImpact.h"
#include "app/models/QuotaRequestProxyModel.h"
#include "app/models/QuotaRequestTableModel.h"
#include "app/models/Words.h"
#include "app/pages/FilterBar.h"
#include "app/pages/RoleGate.h"
#include "app/pages/TableTools.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/Palette.h"
#include "widgets/QuotaBar.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

namespace {

QString html(const std::string &text)
{
    return QString::fromStdString(text).toHtmlEscaped();
}

QLabel *wrappingLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

QuotaRequestsPage::QuotaRequestsPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new QuotaRequestTableModel(connection->site(), this))
    , m_proxy(new QuotaRequestProxyModel(this))
    , m_filter(
          new FilterBar(m_proxy->filter(), tr("Filter, e.g. state:pending tenant:galaxy"), this))
    , m_scope(new QLabel(this))
    , m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("QuotaRequestsPage"));
    m_decisionPrompt = [this](Decision decision, const v1::QuotaRequest &request,
                           const QString &impact, QString *comment) {
        return DecideQuotaRequestDialog::ask(this, decision, request, impact, comment);
    };
    m_requestPrompt = [this](v1::CreateQuotaRequestRequest *request) {
        return NewQuotaRequestDialog::askFor(this, m_connection, request);
    };
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_filter->watchTable(m_table, m_model, tr("No quota request matches the filter"));
    // Column chooser, copy, CSV export, header state, columns fitted, selection kept by key.
    m_tools = new TableTools(
        m_table, QStringLiteral("quotaRequests"), QStringLiteral("quota-requests.csv"));
    m_tools->setRowOfKey([this](const QString &id) { return m_model->rowOf(id); });
    connect(m_tools, &TableTools::notify, this, &QuotaRequestsPage::notify);
    m_tools->setColumnRoles(
        QuotaRequestTableModel::OwnerColumn, { QuotaRequestTableModel::JustificationColumn });

    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_approve = toolbar->addAction(tr("&Approve…"));
    m_approve->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Y));
    m_reject = toolbar->addAction(tr("Re&ject…"));
    m_reject->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J));
    toolbar->addSeparator();
    m_request = toolbar->addAction(tr("Request &quota…"));
    m_request->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    toolbar->addSeparator();
    toolbar->addAction(m_tools->exportAction());
    for (QAction *a : { m_approve, m_reject, m_request })
        a->setShortcutContext(Qt::WindowShortcut);
    addActions({ m_approve, m_reject, m_request, m_tools->exportAction() });
    connect(m_approve, &QAction::triggered, this, [this] { decide(Decision::Approve); });
    connect(m_reject, &QAction::triggered, this, [this] { decide(Decision::Reject); });
    connect(m_request, &QAction::triggered, this, &QuotaRequestsPage::requestQuota);

    m_scope->setWordWrap(true);
    m_scope->setObjectName(QStringLiteral("QuotaScope"));
    m_scope->setVisible(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(toolbar);

    TableTools::configure(m_table);
    // No sort column: the proxy's "pending first, then newest" order.
    auto *header = m_table->horizontalHeader();
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    // Read as a decider does: what state, whose, how much, who, when; the why last, widest.
    const QList<int> order { QuotaRequestTableModel::IdColumn, QuotaRequestTableModel::StateColumn,
        QuotaRequestTableModel::OwnerColumn, QuotaRequestTableModel::ModelColumn,
        QuotaRequestTableModel::ChangeColumn, QuotaRequestTableModel::NeedsAdminColumn,
        QuotaRequestTableModel::RequesterColumn, QuotaRequestTableModel::CreatedColumn,
        QuotaRequestTableModel::UntilColumn, QuotaRequestTableModel::JustificationColumn };
    for (int visual = 0; visual < order.size(); ++visual)
        header->moveSection(header->visualIndex(order.at(visual)), visual);
    m_tools->addContextActions({ m_approve, m_reject });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateDetail();
        updateActions();
    });
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this] {
        if (m_approve->isEnabled())
            decide(Decision::Approve);
    });

    // The detail pane: who asked, how much, why, until when, and what approving changes.
    m_detail = new QWidget(this);
    m_empty = new QLabel(tr("Select a request to see who asked, why, and what approving it "
                            "would change."),
        this);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_title = wrappingLabel(m_detail);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_asked = wrappingLabel(m_detail);
    m_asked->setTextFormat(Qt::RichText);
    m_impact = wrappingLabel(m_detail);
    m_impact->setTextFormat(Qt::RichText);
    m_bars = new QWidget(m_detail);
    m_barsTitle = new QLabel(m_bars);
    m_now = new widgets::QuotaBar(m_bars);
    m_after = new widgets::QuotaBar(m_bars);
    m_centre = wrappingLabel(m_detail);
    m_needsAdmin = wrappingLabel(m_detail);
    m_needsAdmin->setObjectName(QStringLiteral("NeedsAdmin"));
    const auto note = widgets::Palette::message(widgets::SeverityColour::Warning);
    m_needsAdmin->setStyleSheet(
        QStringLiteral("background: %1; color: %2; border-left: 4px solid %3; padding: 6px;")
            .arg(note.background.name(), note.text.name(), note.accent.name()));
    m_decision = wrappingLabel(m_detail);

    auto *bars = new QGridLayout(m_bars);
    bars->setContentsMargins(0, 0, 0, 0);
    bars->addWidget(m_barsTitle, 0, 0, 1, 2);
    bars->addWidget(new QLabel(tr("Now"), m_bars), 1, 0);
    bars->addWidget(m_now, 1, 1);
    bars->addWidget(new QLabel(tr("After"), m_bars), 2, 0);
    bars->addWidget(m_after, 2, 1);
    bars->setColumnStretch(1, 1);
    // What approving would change: shown while the request is pending.
    m_ifApproved = new QWidget(m_detail);
    auto *ifApproved = new QVBoxLayout(m_ifApproved);
    ifApproved->setContentsMargins(0, 6, 0, 0);
    ifApproved->addWidget(new QLabel(tr("<b>If approved</b>"), m_ifApproved));
    m_impact->setParent(m_ifApproved);
    m_bars->setParent(m_ifApproved);
    m_centre->setParent(m_ifApproved);
    ifApproved->addWidget(m_impact);
    ifApproved->addWidget(m_bars);
    ifApproved->addWidget(m_centre);
    auto *detailLayout = new QVBoxLayout(m_detail);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_asked);
    detailLayout->addWidget(m_needsAdmin);
    detailLayout->addWidget(m_decision);
    detailLayout->addWidget(m_ifApproved);
    detailLayout->addStretch(1);
    auto *detailPane = new QWidget(this);
    auto *paneLayout = new QVBoxLayout(detailPane);
    paneLayout->setContentsMargins(0, 0, 0, 0);
    paneLayout->addWidget(m_empty, 1);
    paneLayout->addWidget(m_detail, 1);
    auto *detailScroll = new QScrollArea(this);
    detailScroll->setWidget(detailPane);
    detailScroll->setWidgetResizable(true);
    detailScroll->setMinimumWidth(320);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("QuotaRequestsSplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(detailScroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setSizes({ 1100, 440 });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_scope);
    layout->addWidget(splitter, 1);

    auto *site = connection->site();
    auto refresh = [this] {
        updateDetail();
        updateActions();
        updateBadge();
    };
    connect(&site->quotaRequests(), &client::CollectionSignals::reset, this, refresh);
    connect(&site->quotaRequests(), &client::CollectionSignals::changed, this, refresh);
    connect(&site->tenants(), &client::CollectionSignals::reset, this, refresh);
    connect(&site->tenants(), &client::CollectionSignals::changed, this, refresh);
    connect(site, &client::SiteState::overviewChanged, this, &QuotaRequestsPage::updateDetail);
    connect(connection, &client::Connection::identityChanged, this, [this, refresh] {
        updateScope();
        refresh();
    });
    updateScope();
    refresh();
}

QuotaRequestsPage::~QuotaRequestsPage() = default;

void QuotaRequestsPage::setDecisionPrompt(DecisionPrompt prompt)
{
    m_decisionPrompt = std::move(prompt);
}

void QuotaRequestsPage::setRequestPrompt(RequestPrompt prompt)
{
    m_requestPrompt = std::move(prompt);
}

void QuotaRequestsPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QString QuotaRequestsPage::selectedId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (current.isValid() && m_table->selectionModel()->isRowSelected(current.row(), {}))
        return current.siblingAtColumn(0).data(KeyRole).toString();
    return rows.isEmpty() ? QString() : rows.first().data(KeyRole).toString();
}

void QuotaRequestsPage::setSelectedId(const QString &id)
{
    const int sourceRow = id.isEmpty() ? -1 : m_model->rowOf(id);
    const QModelIndex index
        = sourceRow < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid()) {
        m_table->selectionModel()->clearSelection();
        return;
    }
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
}

const v1::QuotaRequest *QuotaRequestsPage::selectedRequest() const
{
    const QString id = selectedId();
    if (id.isEmpty())
        return nullptr;
    const auto &items = m_connection->site()->quotaRequests().items;
    const auto it = items.constFind(id);
    return it == items.constEnd() ? nullptr : &it.value();
}

QStringList QuotaRequestsPage::userTenants() const
{
    QStringList out;
    for (const std::string &t : m_connection->identity().user().tenants())
        out.append(QString::fromStdString(t));
    return out;
}

QuotaImpact QuotaRequestsPage::impactOf(const v1::QuotaRequest &request) const
{
    auto *site = m_connection->site();
    return QuotaImpact::of(request, site->tenants().items, site->overview(),
        m_connection->identity().user().role() != v1::ROLE_TENANT_MANAGER);
}

namespace {

// "tenant galaxy's limit across all models", "project galaxy-chat's A100 quota".
QString limitName(const QuotaImpact::Limit &l)
{
    return l.kind.allModels
        ? QuotaRequestsPage::tr("%1's limit across all models").arg(l.owner)
        : QuotaRequestsPage::tr("%1's %2 quota").arg(l.owner, Words::modelName(l.kind.model));
}

// What approving changes, in a few lines of rich text.
QString impactLines(const v1::QuotaRequest &r, const QuotaImpact &impact)
{
    const QLocale locale;
    const bool all = impact.kind.allModels;
    const QString model = Words::modelName(r.model()).toHtmlEscaped();
    const QString owner = Words::owner(r.tenant(), r.project()).toHtmlEscaped();
    const QString tenant = html(r.tenant());
    QStringList lines;
    lines.append(all
            ? QuotaRequestsPage::tr("Limit of %1 across all models: <b>%2 → %3</b> at "
                                    "once (%4 in use now)")
                  .arg(owner, locale.toString(impact.limitNow), locale.toString(impact.limitAfter),
                      locale.toString(impact.targetInUse))
            : QuotaRequestsPage::tr("Limit of %1: <b>%2 → %3</b> %4 at once (%5 in use now)")
                  .arg(owner, locale.toString(impact.limitNow), locale.toString(impact.limitAfter),
                      model, locale.toString(impact.targetInUse)));
    if (impact.hoursNow != impact.hoursAfter) {
        auto hours = [&locale](qint64 h) {
            return h > 0 ? locale.toString(h) : QuotaRequestsPage::tr("no limit");
        };
        lines.append(QuotaRequestsPage::tr("Accelerator-hours a month: %1 → %2")
                         .arg(hours(impact.hoursNow), hours(impact.hoursAfter)));
    }
    if (!impact.known) {
        lines.append(QuotaRequestsPage::tr("The console does not see %1 now: the figures are "
                                           "those of the request.")
                         .arg(owner));
        return lines.join(QStringLiteral("<br>"));
    }
    if (impact.changesNothing)
        lines.append(QStringLiteral("<b>%1</b>").arg(impact.changesNothingReason.toHtmlEscaped()));
    if (impact.forProject)
        lines.append(all
                ? QuotaRequestsPage::tr("Tenant %1: its projects hold <b>%2 → %3</b> of its limit "
                                        "of %4 across all models")
                      .arg(tenant, locale.toString(impact.projectsHoldNow),
                          locale.toString(impact.projectsHoldAfter),
                          locale.toString(impact.tenantLimitNow))
                : QuotaRequestsPage::tr("Tenant %1: its projects hold <b>%2 → %3</b> of its "
                                        "quota of %4")
                      .arg(tenant, locale.toString(impact.projectsHoldNow),
                          locale.toString(impact.projectsHoldAfter),
                          locale.toString(impact.tenantLimitNow)));
    else
        lines.append(QuotaRequestsPage::tr("Tenant %1's quota: <b>%2 → %3</b>")
                         .arg(tenant, locale.toString(impact.tenantLimitNow),
                             locale.toString(impact.tenantLimitAfter)));
    QString use = all ? QuotaRequestsPage::tr("Tenant %1 uses %2 accelerators of all models now")
                            .arg(tenant, locale.toString(impact.tenantInUse))
                      : QuotaRequestsPage::tr("Tenant %1 uses %2 %3 now")
                            .arg(tenant, locale.toString(impact.tenantInUse), model);
    if (impact.tenantPending > 0)
        use += QuotaRequestsPage::tr(", and pending jobs ask for %1 more")
                   .arg(locale.toString(impact.tenantPending));
    lines.append(use);
    // What will really start: every limit that applies, not only the one asked for.
    if (impact.roomAfter >= 0) {
        QString room = all ? QuotaRequestsPage::tr("Room to start more, of any model: <b>%1 → "
                                                   "%2</b> accelerators")
                                 .arg(impact.roomNow >= 0 ? locale.toString(impact.roomNow)
                                                          : QuotaRequestsPage::tr("no limit"),
                                     locale.toString(impact.roomAfter))
                           : QuotaRequestsPage::tr("Room to start more %1: <b>%2 → %3</b>")
                                 .arg(model,
                                     impact.roomNow >= 0 ? locale.toString(impact.roomNow)
                                                         : QuotaRequestsPage::tr("no limit"),
                                     locale.toString(impact.roomAfter));
        if (impact.bindingAfter > 0) {
            const QuotaImpact::Limit &l = impact.limitsAfter.at(impact.bindingAfter);
            room += QuotaRequestsPage::tr("; %1 stops it then (%2 of %3 in use)")
                        .arg(limitName(l).toHtmlEscaped(), locale.toString(l.inUse),
                            locale.toString(l.limit));
        }
        lines.append(room);
    }
    if (!impact.modelLimits.isEmpty()) {
        QStringList each;
        for (const QuotaImpact::Limit &l : impact.modelLimits)
            each.append(QuotaRequestsPage::tr("%1 %2 of %3")
                            .arg(Words::modelName(l.kind.model).toHtmlEscaped(),
                                locale.toString(l.inUse), locale.toString(l.limit)));
        lines.append(QuotaRequestsPage::tr("Each model's own limit still applies: %1")
                         .arg(each.join(QStringLiteral(", "))));
    }
    return lines.join(QStringLiteral("<br>"));
}

QString centreLine(const v1::QuotaRequest &r, const QuotaImpact &impact)
{
    const QLocale locale;
    const QString model = Words::modelName(r.model());
    if (!impact.centreKnown)
        return impact.kind.allModels
            ? QuotaRequestsPage::tr("Centre: reports no accelerators.")
            : QuotaRequestsPage::tr("Centre: reports no %1 accelerators.").arg(model);
    QString text = impact.kind.allModels
        ? QuotaRequestsPage::tr("Centre: %1 accelerators of all models, %2 in use, %3 free now.")
              .arg(locale.toString(impact.centreTotal), locale.toString(impact.centreInUse),
                  locale.toString(impact.centreFree))
        : QuotaRequestsPage::tr("Centre: %1 %2 in all, %3 in use, %4 free now.")
              .arg(locale.toString(impact.centreTotal), model, locale.toString(impact.centreInUse),
                  locale.toString(impact.centreFree));
    if (impact.committedKnown) {
        // Quotas may add up to more than the centre has (they are limits, not reservations).
        auto left = [&locale](qint64 value) {
            return value >= 0
                ? QuotaRequestsPage::tr("%1 left beyond them").arg(locale.toString(value))
                : QuotaRequestsPage::tr("overcommitted by %1").arg(locale.toString(-value));
        };
        if (impact.committedNow == impact.committedAfter)
            text += u' '
                + QuotaRequestsPage::tr("Tenants' quotas add up to %1, unchanged: %2.")
                      .arg(locale.toString(impact.committedNow), left(impact.capacityLeftNow()));
        else
            text += u' '
                + QuotaRequestsPage::tr("Tenants' quotas add up to %1 → %2: %3 → %4.")
                      .arg(locale.toString(impact.committedNow),
                          locale.toString(impact.committedAfter), left(impact.capacityLeftNow()),
                          left(impact.capacityLeftAfter()));
    }
    return text;
}

} // namespace

void QuotaRequestsPage::updateDetail()
{
    const v1::QuotaRequest *r = selectedRequest();
    m_empty->setVisible(!r);
    m_detail->setVisible(r != nullptr);
    if (!r)
        return;
    const QLocale locale;
    const QuotaImpact impact = impactOf(*r);
    const auto role = m_connection->identity().user().role();

    m_title->setText(
        tr("%1 — %2").arg(QString::fromStdString(r->id()), Words::quotaRequestState(r->state())));
    QStringList asked;
    asked.append(tr("<b>Asked by</b> %1 on %2")
                     .arg(html(r->requester()), Words::dateTime(r->create_time()).toHtmlEscaped()));
    asked.append(tr("<b>How much:</b> %1, %2 %3 → <b>%4</b> at once")
                     .arg(Words::owner(r->tenant(), r->project()).toHtmlEscaped(),
                         Words::quotaKindName(QuotaKind::of(*r)).toHtmlEscaped(),
                         locale.toString(r->current_max_accelerators()),
                         locale.toString(r->max_accelerators())));
    asked.append(tr("<b>Why:</b> %1").arg(html(r->justification())));
    asked.append(tr("<b>Until:</b> %1")
                     .arg(r->has_until_time() ? Words::date(r->until_time()).toHtmlEscaped()
                                              : tr("permanently")));
    m_asked->setText(asked.join(QStringLiteral("<br>")));

    const bool pending = r->state() == v1::QUOTA_REQUEST_STATE_PENDING;
    if (impact.needsAdmin && pending) {
        QString text = tr("Beyond the tenant's quota: needs a centre admin.");
        if (!impact.needsAdminReason.isEmpty())
            text += u' ' + impact.needsAdminReason;
        if (role == v1::ROLE_TENANT_MANAGER)
            text += u' ' + tr("You may reject it; only a centre admin may approve it.");
        m_needsAdmin->setText(text);
    }
    m_needsAdmin->setVisible(impact.needsAdmin && pending);

    m_ifApproved->setVisible(pending);
    m_impact->setText(impactLines(*r, impact));
    m_bars->setVisible(impact.known);
    if (impact.known) {
        // The tenant's quota, and what uses it: its projects' limits, or its use when the
        // tenant's own quota changes.
        const qint64 heldNow = impact.forProject ? impact.projectsHoldNow : impact.tenantInUse;
        const qint64 heldAfter = impact.forProject ? impact.projectsHoldAfter : impact.tenantInUse;
        const QString tenant = QString::fromStdString(r->tenant());
        m_barsTitle->setText(impact.forProject
                ? tr("Tenant %1's quota held by its projects:").arg(tenant)
                : tr("Tenant %1's quota in use:").arg(tenant));
        m_now->setValues(double(heldNow), double(impact.tenantLimitNow));
        m_after->setValues(double(heldAfter), double(impact.tenantLimitAfter));
    }
    m_centre->setText(centreLine(*r, impact));

    if (!r->decider().empty()) {
        QString text
            = tr("%1 by %2 on %3.")
                  .arg(Words::quotaRequestState(r->state()), QString::fromStdString(r->decider()),
                      Words::dateTime(r->decide_time()));
        if (!r->decision_comment().empty())
            text += u' ' + tr("Comment: %1").arg(QString::fromStdString(r->decision_comment()));
        m_decision->setText(text);
    }
    m_decision->setVisible(!r->decider().empty());
}

QString QuotaRequestsPage::detailText() const
{
    if (!m_detail->isVisibleTo(const_cast<QuotaRequestsPage *>(this)))
        return m_empty->text();
    QStringList parts;
    for (const QLabel *label : { m_title, m_asked, m_needsAdmin, m_decision, m_impact, m_centre }) {
        if (label->isVisibleTo(m_detail) && !label->text().isEmpty())
            parts.append(label->text());
    }
    if (m_bars->isVisibleTo(m_detail))
        parts.append(m_barsTitle->text() + u' '
            + tr("now %1, after %2").arg(m_now->text(), m_after->text()));
    return parts.join(u'\n');
}

void QuotaRequestsPage::updateActions()
{
    const auto &user = m_connection->identity().user();
    const auto role = user.role();
    const v1::QuotaRequest *r = selectedRequest();
    const bool pending = r && r->state() == v1::QUOTA_REQUEST_STATE_PENDING;
    const QString approveWhat
        = tr("Approve the selected request and apply its quota (Ctrl+Shift+Y)");
    const QString rejectWhat = tr("Reject the selected request with a comment (Ctrl+Shift+J)");
    RoleGate::apply(m_approve, role, "Tenancy.ApproveQuotaRequest", pending, approveWhat);
    RoleGate::apply(m_reject, role, "Tenancy.RejectQuotaRequest", pending, rejectWhat);
    if (pending && RoleGate::allows(role, "Tenancy.ApproveQuotaRequest")) {
        const QuotaImpact impact = impactOf(*r);
        const QStringList scope = userTenants();
        if (impact.changesNothing) {
            m_approve->setEnabled(false);
            m_approve->setToolTip(approveWhat + u'\n' + impact.changesNothingReason);
        } else if (!QuotaImpact::mayApprove(role, scope, *r, impact.needsAdmin)) {
            m_approve->setEnabled(false);
            m_approve->setToolTip(impact.needsAdmin ? approveWhat + u'\n'
                        + tr("Beyond the tenant's quota: needs a centre admin (the admin role).")
                                                    : approveWhat + u'\n'
                        + tr("You do not manage tenant %1.")
                              .arg(QString::fromStdString(r->tenant())));
        }
        if (!QuotaImpact::mayReject(role, scope, *r)) {
            m_reject->setEnabled(false);
            m_reject->setToolTip(rejectWhat + u'\n'
                + tr("You do not manage tenant %1.").arg(QString::fromStdString(r->tenant())));
        }
    } else if (r && !pending && RoleGate::allows(role, "Tenancy.ApproveQuotaRequest")) {
        const QString decided
            = tr("This request is already %1.").arg(Words::quotaRequestState(r->state()));
        m_approve->setToolTip(approveWhat + u'\n' + decided);
        m_reject->setToolTip(rejectWhat + u'\n' + decided);
    }

    // Anyone who acts for a tenant may ask; an admin acts for all.
    const QString requestWhat = tr("Ask for more quota for a tenant or project (Ctrl+Shift+N)");
    const bool mayRequest = RoleGate::allows(role, "Tenancy.CreateQuotaRequest")
        && (role == v1::ROLE_ADMIN || user.tenants_size() > 0);
    m_request->setEnabled(mayRequest);
    m_request->setToolTip(mayRequest ? requestWhat
                                     : requestWhat + u'\n'
                + tr("Needs the operator, tenant-manager or admin role, acting "
                     "for a tenant."));
}

void QuotaRequestsPage::updateScope()
{
    const auto &user = m_connection->identity().user();
    QString text;
    switch (user.role()) {
    case v1::ROLE_TENANT_MANAGER:
        text = tr("You see the quota requests of the tenants you manage: %1. You decide those "
                  "within a tenant's quota; beyond it, a centre admin does.")
                   .arg(Words::list(userTenants()));
        break;
    case v1::ROLE_VIEWER:
    case v1::ROLE_OPERATOR:
        text = tr("Read only: deciding quota requests needs the tenant-manager or admin role.");
        break;
    default:
        break;
    }
    m_scope->setText(text);
    m_scope->setVisible(!text.isEmpty());
}

void QuotaRequestsPage::updateBadge()
{
    const auto &user = m_connection->identity().user();
    const QStringList scope = userTenants();
    int count = 0;
    if (RoleGate::allows(user.role(), "Tenancy.ApproveQuotaRequest")) {
        for (const v1::QuotaRequest &r : m_connection->site()->quotaRequests().items) {
            if (r.state() != v1::QUOTA_REQUEST_STATE_PENDING)
                continue;
            if (QuotaImpact::awaitsDecisionBy(user.role(), scope, r, impactOf(r).needsAdmin))
                ++count;
        }
    }
    setBadge(count);
}

void QuotaRequestsPage::decide(Decision decision)
{
    QAction *action = decision == Decision::Approve ? m_approve : m_reject;
    const v1::QuotaRequest *selected = selectedRequest();
    if (!selected || !action->isEnabled())
        return;
    // A copy: the prompt runs an event loop, and the request may change under it.
    const v1::QuotaRequest request = *selected;
    const QuotaImpact impact = impactOf(request);
    QString impactText = impactLines(request, impact);
    impactText.replace(QStringLiteral("<br>"), QStringLiteral("\n"));
    impactText.remove(QStringLiteral("<b>")).remove(QStringLiteral("</b>"));
    QString comment;
    if (!m_decisionPrompt(decision, request, impactText, &comment))
        return;
    const QString id = QString::fromStdString(request.id());
    auto done = client::whileAlive(
        this, [this, decision, request, id](const client::ActionResult &result) {
            if (!result.ok()) {
                Q_EMIT notify(result.summary(), true,
                    result.codeName + QStringLiteral(": ") + result.message);
                return;
            }
            const QString message = decision == Decision::Approve
                ? tr("Approved %1: %2's %3 quota is now %4 accelerators.")
                      .arg(id, Words::owner(request.tenant(), request.project()),
                          Words::modelName(request.model()),
                          QLocale().toString(request.max_accelerators()))
                : tr("Rejected %1.").arg(id);
            Q_EMIT notify(message, false, {});
        });
    if (decision == Decision::Approve)
        m_connection->actions()->approveQuotaRequest(id, comment, done);
    else
        m_connection->actions()->rejectQuotaRequest(id, comment, done);
}

void QuotaRequestsPage::requestQuota()
{
    if (!m_request->isEnabled())
        return;
    v1::CreateQuotaRequestRequest request;
    if (const v1::QuotaRequest *r = selectedRequest()) {
        request.set_tenant(r->tenant());
        request.set_project(r->project());
        request.set_model(r->model());
    } else if (!userTenants().isEmpty()) {
        request.set_tenant(userTenants().first().toStdString());
    }
    if (!m_requestPrompt(&request))
        return;
    NewQuotaRequestDialog::send(m_connection, request,
        client::whileAlive(
            this, [this](const QString &message, bool failed, const QString &details) {
                Q_EMIT notify(message, failed, details);
            }));
}

void QuotaRequestsPage::saveState() const
{
    QSettings settings;
    m_tools->saveState();
    settings.setValue(
        FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("quotaRequests")),
        m_filter->text());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("QuotaRequestsSplitter")))
        settings.setValue(QStringLiteral("quotaRequests/splitter"), splitter->saveState());
}

void QuotaRequestsPage::restoreState()
{
    QSettings settings;
    m_tools->restoreState();
    auto *header = m_table->horizontalHeader();
    m_table->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    m_filter->setText(settings
                          .value(FilterBar::settingsKey(
                              m_connection->profile().name, QStringLiteral("quotaRequests")))
                          .toString());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("QuotaRequestsSplitter")))
        splitter->restoreState(
            settings.value(QStringLiteral("quotaRequests/splitter")).toByteArray());
}

QString QuotaRequestsPage::pageTitle()
{
    return tr("Quota requests");
}

QString QuotaRequestsPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
