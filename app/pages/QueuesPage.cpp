#include "app/pages/QueuesPage.h"

#include "app/models/CanRunNow.h"
#include "app/models/FilterProxyModel.h"
#include "app/models/ModelRoles.h"
#include "app/models/QueueTableModel.h"
#include "app/models/Words.h"
#include "app/pages/FilterBar.h"
#include "app/pages/TableTools.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/FieldSet.h"
#include "widgets/Palette.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

QueuesPage::QueuesPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new QueueTableModel(connection->site(), this))
    , m_proxy(new FilterProxyModel(suanli::queueFields(), this))
    , m_filter(
          new FilterBar(m_proxy->filter(), tr("Filter, e.g. model:910B free>=64 pending>0"), this))
    , m_table(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_queue(new QComboBox(this))
    , m_accelerator(new QComboBox(this))
    , m_count(new QSpinBox(this))
    , m_tenant(new QComboBox(this))
    , m_answer(new QLabel(this))
    , m_estimate(new QLabel(this))
{
    setObjectName(QStringLiteral("QueuesPage"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_filter->watchTable(m_table, m_model, tr("No queue matches the filter"));
    m_tools = new TableTools(m_table, QStringLiteral("queues"), QStringLiteral("queues.csv"));
    m_tools->setRowOfKey([this](const QString &name) { return m_model->rowOf(name); });
    connect(m_tools, &TableTools::notify, this, &QueuesPage::notify);

    auto *toolbar = new QToolBar(this);
    toolbar->addAction(m_tools->exportAction());
    addAction(m_tools->exportAction());

    TableTools::configure(m_table, QueueTableModel::NameColumn, Qt::AscendingOrder);
    // Choosing a queue in the table asks the question about it.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            const int i = m_queue->findData(current.data(KeyRole));
            if (i >= 0)
                m_queue->setCurrentIndex(i);
        });

    // "Can I run N accelerators now?"
    auto *panel = new QGroupBox(tr("Can I run a job now?"), this);
    m_queue->setAccessibleName(tr("Queue"));
    m_queue->setMinimumContentsLength(12);
    m_accelerator->setAccessibleName(tr("Accelerator model"));
    m_accelerator->setMinimumContentsLength(12);
    m_count->setRange(1, 1000000);
    m_count->setValue(8);
    m_count->setGroupSeparatorShown(true);
    m_count->setAccessibleName(tr("Accelerators"));
    m_tenant->setAccessibleName(tr("Tenant whose quota is checked"));
    m_tenant->setMinimumContentsLength(12);
    m_estimate->setWordWrap(true);
    m_estimate->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_estimate->setObjectName(QStringLiteral("CanRunWait"));
    m_answer->setWordWrap(true);
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answer->setObjectName(QStringLiteral("CanRunAnswer"));
    m_answer->setMargin(8);
    QFont big = m_answer->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_answer->setFont(big);
    auto *question = new QHBoxLayout;
    auto addField = [&](const QString &label, QWidget *field) {
        auto *text = new QLabel(label, panel);
        text->setBuddy(field);
        question->addWidget(text);
        question->addWidget(field);
    };
    addField(tr("&Accelerators:"), m_count);
    addField(tr("of &model:"), m_accelerator);
    addField(tr("in &queue:"), m_queue);
    addField(tr("for &tenant:"), m_tenant);
    question->addStretch(1);
    auto *panelLayout = new QVBoxLayout(panel);
    panelLayout->addLayout(question);
    panelLayout->addWidget(m_answer);
    panelLayout->addWidget(m_estimate);
    auto *note = new QLabel(tr("From the queue's free accelerators and how they are spread over "
                               "its nodes right now, and the chosen tenant's own quota; a "
                               "project's quota can still hold a job."),
        panel);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    panelLayout->addWidget(note);
    panelLayout->addStretch(1);

    connect(m_queue, &QComboBox::currentIndexChanged, this, [this] {
        refreshModelChoices();
        updateAnswer();
    });
    connect(m_accelerator, &QComboBox::currentIndexChanged, this, &QueuesPage::updateAnswer);
    connect(m_count, &QSpinBox::valueChanged, this, &QueuesPage::updateAnswer);
    connect(m_tenant, &QComboBox::currentIndexChanged, this, &QueuesPage::updateAnswer);

    m_splitter->setObjectName(QStringLiteral("QueuesSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(panel);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(toolbar, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(m_splitter, 1);

    // A handful of queues: looking at all of them on each batch costs nothing.
    auto *site = connection->site();
    auto refresh = [this] {
        refreshQueueChoices();
        updateAnswer();
    };
    connect(&site->queues(), &client::CollectionSignals::reset, this, refresh);
    connect(&site->queues(), &client::CollectionSignals::changed, this, refresh);
    auto tenantsChanged = [this] {
        refreshTenantChoices();
        updateAnswer();
    };
    connect(&site->tenants(), &client::CollectionSignals::reset, this, tenantsChanged);
    connect(&site->tenants(), &client::CollectionSignals::changed, this, tenantsChanged);
    refreshTenantChoices();
    refresh();
}

QueuesPage::~QueuesPage() = default;

void QueuesPage::refreshQueueChoices()
{
    const auto &queues = m_connection->site()->queues().items;
    QStringList names = queues.keys();
    std::sort(names.begin(), names.end());
    // The first choice is any queue (an empty name).
    names.prepend(QString());
    QStringList shown;
    for (int i = 0; i < m_queue->count(); ++i)
        shown.append(m_queue->itemData(i).toString());
    if (names == shown)
        return;
    const QString current = m_queue->currentData().toString();
    QString preferred = current;
    // Before the first queues arrived (only "any queue" shown), or when the queue chosen is gone:
    // the default queue.
    if (m_queue->count() <= 1 || (!preferred.isEmpty() && !queues.contains(preferred))) {
        preferred.clear();
        for (const auto &q : queues)
            if (q.is_default())
                preferred = QString::fromStdString(q.name());
    }
    {
        const QSignalBlocker blocker(m_queue);
        m_queue->clear();
        for (const QString &name : std::as_const(names))
            m_queue->addItem(name.isEmpty() ? tr("any queue") : name, name);
        m_queue->setCurrentIndex(std::max(0, m_queue->findData(preferred)));
    }
    refreshModelChoices();
}

void QueuesPage::refreshModelChoices()
{
    const auto &queues = m_connection->site()->queues().items;
    const QString queue = m_queue->currentData().toString();
    // The models of the queue chosen, or of every queue for any queue, in the order first seen.
    QList<int> models;
    QStringList names;
    auto addModels = [&](const v1::Queue &q) {
        for (const auto &c : q.accelerators())
            if (!models.contains(int(c.model()))) {
                models.append(int(c.model()));
                names.append(Words::modelName(c.model(), c.model_name()));
            }
    };
    if (queue.isEmpty()) {
        QStringList keys = queues.keys();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys))
            addModels(queues.value(key));
    } else if (const auto it = queues.constFind(queue); it != queues.constEnd()) {
        addModels(*it);
    }
    QList<int> shown;
    for (int i = 1; i < m_accelerator->count(); ++i)
        shown.append(m_accelerator->itemData(i).toInt());
    if (m_accelerator->count() > 0 && models == shown)
        return;
    const int current = m_accelerator->currentData().toInt();
    const QSignalBlocker blocker(m_accelerator);
    m_accelerator->clear();
    m_accelerator->addItem(tr("any model"), int(v1::ACCELERATOR_MODEL_UNSPECIFIED));
    for (int i = 0; i < models.size(); ++i)
        m_accelerator->addItem(names.at(i), models.at(i));
    // With one model in the queue, name it.
    const int keep = m_accelerator->findData(current);
    m_accelerator->setCurrentIndex(keep > 0 ? keep : (models.size() == 1 ? 1 : 0));
}

void QueuesPage::refreshTenantChoices()
{
    const auto &tenants = m_connection->site()->tenants().items;
    QStringList ids = tenants.keys();
    std::sort(ids.begin(), ids.end());
    ids.prepend(QString()); // no tenant's quota
    QStringList shown;
    for (int i = 0; i < m_tenant->count(); ++i)
        shown.append(m_tenant->itemData(i).toString());
    if (ids == shown)
        return;
    QString current = m_tenant->currentData().toString();
    // Someone who sees one tenant only (a tenant manager) asks for it.
    if (m_tenant->count() == 0 && ids.size() == 2)
        current = ids.at(1);
    const QSignalBlocker blocker(m_tenant);
    m_tenant->clear();
    for (const QString &id : std::as_const(ids)) {
        if (id.isEmpty()) {
            m_tenant->addItem(tr("no tenant's quota"), id);
            continue;
        }
        const v1::Tenant &t = tenants[id];
        const QString name = QString::fromStdString(t.name());
        m_tenant->addItem(name.isEmpty() || name == id ? id : tr("%1 (%2)").arg(id, name), id);
    }
    m_tenant->setCurrentIndex(std::max(0, m_tenant->findData(current)));
}

void QueuesPage::updateAnswer()
{
    auto *site = m_connection->site();
    const auto &queues = site->queues().items;
    const QString queue = m_queue->currentData().toString();
    const auto it = queues.constFind(queue);
    if (queues.isEmpty() || (!queue.isEmpty() && it == queues.constEnd())) {
        m_yes = false;
        m_answer->setText(site->queues().synced ? tr("This centre has no queues.")
                                                : tr("Waiting for the centre's queues…"));
        m_answer->setPalette(QPalette());
        m_answer->setAutoFillBackground(false);
        m_estimate->clear();
        return;
    }
    const auto model = v1::AcceleratorModel(m_accelerator->currentData().toInt());
    const qint64 count = m_count->value();
    const auto answer = queue.isEmpty() ? CanRunNow::anyQueue(queues.values(), model, count)
                                        : CanRunNow::answer(*it, model, count);
    QString text = answer.text;
    bool yes = answer.yes;
    if (const v1::Tenant *tenant = site->tenants().find(m_tenant->currentData().toString())) {
        // The models it could run on: the one asked for, or those of the queues it could use.
        QList<v1::AcceleratorModel> models;
        if (model != v1::ACCELERATOR_MODEL_UNSPECIFIED)
            models.append(model);
        else
            for (const v1::Queue &q : queues)
                if (queue.isEmpty() || q.name() == it->name())
                    for (const auto &c : q.accelerators())
                        if (!models.contains(c.model()))
                            models.append(c.model());
        const auto quota = CanRunNow::quota(*tenant, models, count);
        text += QLatin1Char('\n') + quota.text;
        yes = yes && quota.fits;
    }
    m_yes = yes;
    m_answer->setText(text);
    m_estimate->setText(
        CanRunNow::waitEstimate(site->jobs().items, queue, model, count, site->nowSeconds()));
    // The answer on the console's colour for "all is well" or "critical", as everywhere else.
    const QColor colour = widgets::Palette::severityColour(
        yes ? widgets::SeverityColour::Ok : widgets::SeverityColour::Critical);
    QPalette palette = m_answer->palette();
    palette.setColor(QPalette::Window, colour);
    palette.setColor(QPalette::WindowText, widgets::Palette::textOn(colour));
    m_answer->setPalette(palette);
    m_answer->setAutoFillBackground(true);
}

void QueuesPage::ask(
    const QString &queue, v1::AcceleratorModel model, int count, const QString &tenant)
{
    const int q = m_queue->findData(queue);
    if (q >= 0)
        m_queue->setCurrentIndex(q);
    const int t = m_tenant->findData(tenant);
    if (t >= 0)
        m_tenant->setCurrentIndex(t);
    const int m = m_accelerator->findData(int(model));
    if (m >= 0)
        m_accelerator->setCurrentIndex(m);
    m_count->setValue(count);
    updateAnswer();
}

QString QueuesPage::answer() const
{
    return m_answer->text();
}

QString QueuesPage::waitEstimate() const
{
    return m_estimate->text();
}

void QueuesPage::saveState() const
{
    m_tools->saveState();
    QSettings settings;
    settings.setValue(QStringLiteral("queues/splitter"), m_splitter->saveState());
    settings.setValue(
        FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("queues")),
        m_filter->text());
    settings.setValue(QStringLiteral("queues/count"), m_count->value());
}

void QueuesPage::restoreState()
{
    m_tools->restoreState();
    QSettings settings;
    m_splitter->restoreState(settings.value(QStringLiteral("queues/splitter")).toByteArray());
    m_filter->setText(
        settings
            .value(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("queues")))
            .toString());
    m_count->setValue(settings.value(QStringLiteral("queues/count"), 8).toInt());
}

QString QueuesPage::pageTitle()
{
    return tr("Queues");
}

QString QueuesPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
