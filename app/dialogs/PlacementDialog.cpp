#include "app/dialogs/PlacementDialog.h"

#include "app/Federation.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/PlacementQuery.h"
#include "client/SiteState.h"
#include "common/PlacementRanking.h"
#include "common/PlacementWords.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <set>

namespace suanli::app {

namespace v1 = suanli::v1;

namespace {

constexpr int kModelRole = Qt::UserRole;
constexpr int kModelNameRole = Qt::UserRole + 1;
// How long a centre may take to answer before it counts as silent.
constexpr int kDeadlineSeconds = 10;

bool chinese()
{
    return QLocale().language() == QLocale::Chinese;
}

QString reasonsText(const google::protobuf::RepeatedPtrField<v1::PlacementReason> &reasons)
{
    QStringList out;
    for (const auto &r : reasons)
        out.append(QString::fromStdString(placementReasonText(r, chinese())));
    return out.join(QStringLiteral("; "));
}

QString startText(const v1::StartEstimate &e)
{
    return e.start_in_seconds_p50() == 0
        ? PlacementDialog::tr("now")
        : PlacementDialog::tr("in %1").arg(Words::duration(e.start_in_seconds_p50()));
}

QString carbonKind(const std::string &kind)
{
    if (kind == "annual average")
        return PlacementDialog::tr("annual average");
    if (kind == "configured")
        return PlacementDialog::tr("set by the centre's operators");
    return QString::fromStdString(kind);
}

QString carbonTooltip(const v1::ModelQuote &q)
{
    const v1::CarbonFactor &c = q.carbon();
    if (!(c.g_per_kwh() > 0))
        return PlacementDialog::tr("The centre has no grid carbon factor configured.");
    QStringList from;
    from.append(carbonKind(c.kind()));
    if (!c.source().empty())
        from.append(QString::fromStdString(c.source()));
    if (c.year() > 0)
        from.append(QString::number(c.year()));
    if (!c.province().empty())
        from.append(QString::fromStdString(c.province()));
    return PlacementDialog::tr("Grid carbon factor %1 g CO₂/kWh (%2)")
        .arg(QLocale().toString(c.g_per_kwh(), 'f', 0), Words::list(from));
}

QString energyTooltip(const v1::ModelQuote &q)
{
    if (!(q.energy_kwh() > 0))
        return PlacementDialog::tr("The centre has no PUE configured.");
    return PlacementDialog::tr("accelerators × %1 W at typical load × hours × PUE %2")
        .arg(QLocale().toString(q.power_watts_per_accelerator(), 'f', 0),
            QLocale().toString(q.pue(), 'f', 2));
}

QTableWidgetItem *item(const QString &text, const QString &tooltip = {})
{
    auto *i = new QTableWidgetItem(text);
    i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (!tooltip.isEmpty())
        i->setToolTip(tooltip);
    return i;
}

} // namespace

PlacementDialog::PlacementDialog(Federation *federation, QWidget *parent)
    : QDialog(parent)
    , m_federation(federation)
    , m_tenant(new QComboBox(this))
    , m_models(new QListWidget(this))
    , m_accelerators(new QSpinBox(this))
    , m_perNode(new QSpinBox(this))
    , m_hours(new QDoubleSpinBox(this))
    , m_queue(new QLineEdit(this))
    , m_order(new QComboBox(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_status(new QLabel(this))
    , m_refresh(new QTimer(this))
    , m_shapeDelay(new QTimer(this))
{
    setObjectName(QStringLiteral("PlacementDialog"));
    setWindowTitle(tr("Where can this run?"));
    resize(1100, 620);

    m_tenant->setObjectName(QStringLiteral("PlacementTenant"));
    m_tenant->setEditable(true);
    m_tenant->setToolTip(tr("tenant or tenant/project; empty: capacity only, no quota checked"));
    m_models->setObjectName(QStringLiteral("PlacementModels"));
    m_models->setMaximumHeight(90);
    m_models->setToolTip(tr("Any of the checked models will do."));
    m_accelerators->setObjectName(QStringLiteral("PlacementAccelerators"));
    m_accelerators->setRange(1, 1000000);
    m_accelerators->setValue(8);
    m_perNode->setObjectName(QStringLiteral("PlacementPerNode"));
    m_perNode->setRange(0, 64);
    m_perNode->setSpecialValueText(tr("as the nodes have"));
    m_hours->setObjectName(QStringLiteral("PlacementHours"));
    m_hours->setRange(0.1, 24 * 90);
    m_hours->setDecimals(1);
    m_hours->setValue(12);
    m_hours->setSuffix(tr(" h"));
    m_queue->setObjectName(QStringLiteral("PlacementQueue"));
    m_queue->setPlaceholderText(tr("the queue of each model"));
    m_order->setObjectName(QStringLiteral("PlacementOrder"));
    m_order->addItem(tr("Soonest"), int(PlacementOrder::Soonest));
    m_order->addItem(tr("Greenest"), int(PlacementOrder::Greenest));
    m_order->addItem(tr("Domestic first"), int(PlacementOrder::Domestic));

    auto *form = new QFormLayout;
    form->addRow(tr("&Tenant:"), m_tenant);
    form->addRow(tr("Accelerator &models:"), m_models);
    form->addRow(tr("&Accelerators in all:"), m_accelerators);
    form->addRow(tr("Accelerators per &node:"), m_perNode);
    form->addRow(tr("&Hours:"), m_hours);
    form->addRow(tr("&Queue:"), m_queue);
    form->addRow(tr("&Order by:"), m_order);

    m_table->setObjectName(QStringLiteral("PlacementTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Centre"), tr("Model"), tr("Queue"), tr("Start (p50)"), tr("p10 – p90"),
            tr("Quota headroom"), tr("Energy kWh"), tr("kg CO₂"), tr("Domestic"), tr("Why not") });
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_status->setObjectName(QStringLiteral("PlacementStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *askButton = buttons->addButton(tr("&Ask"), QDialogButtonBox::ActionRole);
    askButton->setObjectName(QStringLiteral("PlacementAsk"));
    askButton->setDefault(true);
    askButton->setAutoDefault(true);
    connect(askButton, &QPushButton::clicked, this, &PlacementDialog::ask);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_shapeDelay->setSingleShot(true);
    m_shapeDelay->setInterval(400);
    connect(m_shapeDelay, &QTimer::timeout, this, &PlacementDialog::ask);
    m_refresh->setInterval(refreshSeconds() * 1000);
    connect(m_refresh, &QTimer::timeout, this, &PlacementDialog::ask);

    connect(m_tenant, &QComboBox::currentTextChanged, this, &PlacementDialog::shapeChanged);
    connect(m_models, &QListWidget::itemChanged, this, &PlacementDialog::shapeChanged);
    connect(m_accelerators, &QSpinBox::valueChanged, this, &PlacementDialog::shapeChanged);
    connect(m_perNode, &QSpinBox::valueChanged, this, &PlacementDialog::shapeChanged);
    connect(m_hours, &QDoubleSpinBox::valueChanged, this, &PlacementDialog::shapeChanged);
    connect(m_queue, &QLineEdit::textChanged, this, &PlacementDialog::shapeChanged);
    connect(m_order, &QComboBox::currentIndexChanged, this, &PlacementDialog::showAnswers);

    connect(federation, &Federation::centreAdded, this, &PlacementDialog::centreAdded);
    connect(federation, &Federation::centreRemoved, this, &PlacementDialog::centreRemoved);
    for (auto *centre : federation->centres())
        centreAdded(centre);
    showAnswers();
    m_refresh->start();
    shapeChanged();
}

PlacementDialog::~PlacementDialog() = default;

void PlacementDialog::centreAdded(client::Connection *centre)
{
    Centre &state = m_centres[centre];
    state.query = new client::PlacementQuery(centre, this);
    // The choices follow what the centres say they have.
    connect(
        centre->site(), &client::SiteState::overviewChanged, this, &PlacementDialog::fillChoices);
    connect(&centre->site()->tenants(), &client::CollectionSignals::reset, this,
        &PlacementDialog::fillChoices);
    connect(&centre->site()->tenants(), &client::CollectionSignals::changed, this,
        &PlacementDialog::fillChoices);
    fillChoices();
    if (m_refresh->isActive())
        ask();
}

void PlacementDialog::centreRemoved(client::Connection *centre)
{
    const auto it = m_centres.find(centre);
    if (it == m_centres.end())
        return;
    delete it->query; // cancels its call
    m_centres.erase(it);
    disconnect(centre->site(), nullptr, this, nullptr);
    disconnect(&centre->site()->tenants(), nullptr, this, nullptr);
    showAnswers();
}

void PlacementDialog::fillChoices()
{
    // Tenants and their projects, from every centre (the same tenant id at several centres is
    // one choice).
    std::set<QString> owners;
    std::set<std::pair<int, QString>> models;
    for (auto *centre : m_federation->centres()) {
        for (const v1::Tenant &t : centre->site()->tenants().items) {
            owners.insert(QString::fromStdString(t.id()));
            for (const v1::Project &p : t.projects())
                owners.insert(QString::fromStdString(t.id() + "/" + p.id()));
        }
        for (const auto &c : centre->site()->overview().accelerators())
            models.insert({ int(c.model()),
                c.model() == v1::ACCELERATOR_MODEL_UNSPECIFIED
                    ? QString::fromStdString(c.model_name())
                    : QString() });
    }
    const QSignalBlocker blockTenant(m_tenant);
    for (const QString &owner : owners)
        if (m_tenant->findText(owner) < 0)
            m_tenant->addItem(owner);
    const QSignalBlocker blockModels(m_models);
    for (const auto &[model, name] : models) {
        bool known = false;
        for (int i = 0; i < m_models->count() && !known; ++i)
            known = m_models->item(i)->data(kModelRole).toInt() == model
                && m_models->item(i)->data(kModelNameRole).toString() == name;
        if (known)
            continue;
        auto *i = new QListWidgetItem(
            Words::modelName(v1::AcceleratorModel(model), name.toStdString()), m_models);
        i->setData(kModelRole, model);
        i->setData(kModelNameRole, name);
        i->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        i->setCheckState(Qt::Unchecked);
    }
    // Something to ask from the start: the first model, until the user chooses.
    bool any = false;
    for (int i = 0; i < m_models->count() && !any; ++i)
        any = m_models->item(i)->checkState() == Qt::Checked;
    if (!any && m_models->count() > 0) {
        m_models->item(0)->setCheckState(Qt::Checked);
        shapeChanged();
    }
}

bool PlacementDialog::shape(v1::QuotePlacementRequest *request, QString *error) const
{
    request->Clear();
    for (int i = 0; i < m_models->count(); ++i) {
        const QListWidgetItem *it = m_models->item(i);
        if (it->checkState() != Qt::Checked)
            continue;
        const auto model = v1::AcceleratorModel(it->data(kModelRole).toInt());
        if (model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
            request->add_model_names(it->data(kModelNameRole).toString().toStdString());
        else
            request->add_models(model);
    }
    if (request->models_size() + request->model_names_size() == 0) {
        *error = m_models->count() == 0
            ? tr("No connected centre has said which accelerators it has yet.")
            : tr("Check at least one accelerator model.");
        return false;
    }
    const QString owner = m_tenant->currentText().trimmed();
    const qsizetype slash = owner.indexOf(u'/');
    request->set_tenant(owner.left(slash).trimmed().toStdString());
    if (slash >= 0)
        request->set_project(owner.mid(slash + 1).trimmed().toStdString());
    request->set_accelerators(m_accelerators->value());
    request->set_accelerators_per_node(m_perNode->value());
    request->set_hours(m_hours->value());
    request->set_queue(m_queue->text().trimmed().toStdString());
    return true;
}

void PlacementDialog::shapeChanged()
{
    m_shapeDelay->start();
}

void PlacementDialog::ask()
{
    m_shapeDelay->stop();
    m_refresh->start(); // the next refresh counts from now
    v1::QuotePlacementRequest request;
    QString error;
    if (!shape(&request, &error)) {
        m_status->setText(error);
        return;
    }
    const quint64 generation = ++m_generation;
    // A new shape: the answers to the old one no longer say anything.
    const std::string asked = request.SerializeAsString();
    const bool newShape = asked != m_askedShape;
    m_askedShape = asked;
    for (auto it = m_centres.begin(); it != m_centres.end(); ++it) {
        Centre &state = it.value();
        if (newShape) {
            state.answered = false;
            state.error.clear();
        }
        state.asked = true;
        state.generation = generation;
        client::Connection *centre = it.key();
        state.query->quote(
            request,
            [this, centre, generation](const client::PlacementResult &result) {
                const auto found = m_centres.find(centre);
                if (found == m_centres.end() || found->generation != generation)
                    return;
                Centre &s = found.value();
                s.answered = result.ok();
                if (result.ok()) {
                    s.response = result.response;
                    s.error.clear();
                    s.lastAnswer = QDateTime::currentDateTimeUtc();
                } else {
                    s.error = result.message;
                }
                s.asked = false;
                showAnswers();
            },
            kDeadlineSeconds);
    }
    showAnswers();
}

QString PlacementDialog::lastSeen(client::Connection *centre, const Centre &state) const
{
    QDateTime seen = state.lastAnswer;
    const QDateTime data = centre->site()->dataTime();
    if (data.isValid() && (!seen.isValid() || data > seen))
        seen = data;
    if (!seen.isValid())
        return tr("no answer");
    const qint64 ago = std::max<qint64>(0, seen.secsTo(QDateTime::currentDateTimeUtc()));
    return tr("no answer · last seen %1 ago").arg(Words::duration(ago));
}

void PlacementDialog::showAnswers()
{
    // In the federation's order, so that ties rank alike every time.
    std::vector<CentreAnswer> answers;
    QList<client::Connection *> who;
    int answered = 0, waiting = 0;
    for (auto *centre : m_federation->centres()) {
        const auto it = m_centres.constFind(centre);
        if (it == m_centres.constEnd())
            continue;
        CentreAnswer a;
        a.centre = Words::centreName(centre).toStdString();
        a.answered = it->answered;
        if (it->answered) {
            a.response = it->response;
            ++answered;
        } else if (it->asked && it->error.isEmpty()) {
            ++waiting;
        }
        answers.push_back(std::move(a));
        who.append(centre);
    }
    const auto order = PlacementOrder(m_order->currentData().toInt());
    const std::vector<PlacementRow> rows = rankPlacements(answers, order);

    m_table->setRowCount(0);
    m_table->setRowCount(int(rows.size()));
    int r = 0;
    int runnable = 0;
    for (const PlacementRow &row : rows) {
        const CentreAnswer &a = answers[row.answer];
        client::Connection *centre = who[qsizetype(row.answer)];
        const Centre &state = m_centres[centre];
        m_table->setItem(r, CentreColumn, item(QString::fromStdString(a.centre)));
        if (row.quote < 0) {
            // Not answered yet, or silent: then when it was last heard from, and the error.
            const QString words = !state.error.isEmpty() ? lastSeen(centre, state)
                : state.asked                            ? tr("asking…")
                                                         : Words::noData();
            auto *why = item(words, state.error);
            m_table->setItem(r, WhyNotColumn, why);
            for (int c = ModelColumn; c < WhyNotColumn; ++c)
                m_table->setItem(r, c, item(Words::noData()));
            ++r;
            continue;
        }
        const v1::ModelQuote &q = a.response.quotes(row.quote);
        const v1::StartEstimate &f = q.forecast();
        runnable += row.runnable ? 1 : 0;
        m_table->setItem(r, ModelColumn, item(Words::modelName(q.model(), q.model_name())));
        m_table->setItem(r, QueueColumn,
            item(q.queue().empty() ? Words::noData() : QString::fromStdString(q.queue())));
        QStringList others;
        for (const auto &e : q.scheduler_estimates())
            others.append(QStringLiteral("%1: %2").arg(QString::fromStdString(e.method()),
                e.available() ? startText(e) : QString::fromStdString(e.message())));
        const QString method = f.method().empty()
            ? QString()
            : tr("forecast by %1").arg(QString::fromStdString(f.method()));
        m_table->setItem(r, StartColumn,
            item(f.available() ? (q.fits_now() ? tr("now") : startText(f)) : Words::noData(),
                (QStringList { method } + others).join(u'\n').trimmed()));
        m_table->setItem(r, IntervalColumn,
            item(f.available() ? tr("%1 – %2").arg(Words::duration(f.start_in_seconds_p10()),
                     Words::duration(f.start_in_seconds_p90()))
                               : Words::noData()));
        m_table->setItem(r, HeadroomColumn,
            item(q.quota_headroom() < 0 ? tr("no limit") : Words::number(q.quota_headroom()),
                q.quota_limit() > 0
                    ? tr("%1 of %2 held")
                          .arg(Words::number(q.quota_held()), Words::number(q.quota_limit()))
                    : QString()));
        m_table->setItem(r, EnergyColumn,
            item(q.energy_kwh() > 0 ? QLocale().toString(q.energy_kwh(), 'f', 0) : Words::noData(),
                energyTooltip(q)));
        m_table->setItem(r, Co2Column,
            item(q.carbon().g_per_kwh() > 0 ? QLocale().toString(q.co2_kg(), 'f', 0)
                                            : Words::noData(),
                carbonTooltip(q)));
        m_table->setItem(r, DomesticColumn, item(q.domestic() ? tr("yes") : tr("no")));
        QStringList why;
        for (const QString &w : { reasonsText(a.response.reasons()), reasonsText(q.reasons()) })
            if (!w.isEmpty())
                why.append(w);
        if (!f.available() && !f.message().empty())
            why.append(QString::fromStdString(f.message()));
        m_table->setItem(r, WhyNotColumn,
            item(why.isEmpty() ? Words::noData() : why.join(QStringLiteral("; "))));
        if (!row.runnable)
            for (int c = 0; c < ColumnCount; ++c)
                m_table->item(r, c)->setForeground(palette().color(QPalette::PlaceholderText));
        ++r;
    }
    m_table->resizeColumnsToContents();

    const int silent = int(answers.size()) - answered - waiting;
    if (answers.empty())
        m_status->setText(tr("No centre is connected."));
    else if (waiting > 0)
        m_status->setText(
            tr("%1 of %2 centres answered; asking the others…").arg(answered).arg(answers.size()));
    else if (answered > 0 && runnable == 0)
        m_status->setText(tr("Nowhere can take it as asked."));
    else
        m_status->setText(tr("%1 of %2 centres answered; %3 did not. Asked again every %4 s.")
                              .arg(answered)
                              .arg(answers.size())
                              .arg(silent)
                              .arg(refreshSeconds()));
}

} // namespace suanli::app
