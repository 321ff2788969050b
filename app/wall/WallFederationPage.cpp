#include "app/wall/WallFederationPage.h"

#include "app/models/EnergyFigures.h"
#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "app/wall/WallStyle.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/AgeText.h"
#include "widgets/KpiTile.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

WallFederationPage::WallFederationPage(QWidget *parent)
    : WallPage(nullptr, parent)
    , m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("WallFederationPage"));
    m_layout->setSpacing(32);
}

QString WallFederationPage::title() const
{
    return tr("Federation");
}

bool WallFederationPage::isStale() const
{
    // Each column shows its own age; the page as a whole is stale only when every centre is.
    return !m_columns.isEmpty()
        && std::all_of(m_columns.cbegin(), m_columns.cend(),
            [](const Column &c) { return WallStyle::isStale(c.centre); });
}

qint64 WallFederationPage::dataAgeSeconds() const
{
    qint64 age = -1;
    for (const auto &c : m_columns)
        age = std::max(age, WallStyle::dataAgeSeconds(c.centre));
    return age;
}

void WallFederationPage::addCentre(client::Connection *centre)
{
    Column c;
    c.centre = centre;
    auto *frame = new QFrame(this);
    frame->setFrameShape(QFrame::NoFrame);
    c.frame = frame;
    auto *v = new QVBoxLayout(frame);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(12);
    c.name = new QLabel(centre->profile().name, frame);
    c.name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    c.status = new QLabel(frame);
    c.status->setForegroundRole(QPalette::PlaceholderText);
    v->addWidget(c.name);
    v->addWidget(c.status);
    auto *grid = new QGridLayout;
    grid->setSpacing(12);
    auto tile = [&](const QString &title, int row, int column) {
        auto *t = new widgets::KpiTile(title, frame);
        grid->addWidget(t, row, column);
        return t;
    };
    c.utilisation = tile(tr("Utilisation"), 0, 0);
    c.inUse = tile(tr("In use"), 0, 1);
    c.running = tile(tr("Jobs running"), 1, 0);
    c.pending = tile(tr("Jobs pending"), 1, 1);
    c.power = tile(tr("Facility power"), 2, 0);
    c.carbon = tile(tr("Carbon per hour"), 2, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    v->addLayout(grid);
    c.models = new QVBoxLayout;
    c.models->setSpacing(4);
    v->addLayout(c.models);
    v->addStretch(1);
    m_layout->addWidget(frame, 1);
    m_columns.append(c);
    applyFonts();
}

void WallFederationPage::removeCentre(client::Connection *centre)
{
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        if (m_columns.at(i).centre != centre)
            continue;
        delete m_columns.takeAt(i).frame;
        return;
    }
}

QStringList WallFederationPage::columnText(int index) const
{
    if (index < 0 || index >= m_columns.size())
        return {};
    const Column &c = m_columns.at(index);
    QStringList out = { c.name->text() };
    for (auto *t : { c.utilisation, c.inUse, c.running, c.pending, c.power, c.carbon })
        out << t->title() << t->valueText();
    for (auto *line : c.modelLines)
        if (!line->isHidden())
            out << line->text();
    return out;
}

void WallFederationPage::refreshContent()
{
    for (auto &c : m_columns)
        refreshColumn(c);
}

void WallFederationPage::refreshColumn(Column &c)
{
    const auto &o = c.centre->site()->overview();
    const QLocale locale;
    const bool synced = o.nodes_total() > 0;
    c.name->setText(Words::centreName(c.centre));
    int lines = 0;
    for (const auto &a : o.accelerators()) {
        if (lines == c.modelLines.size()) {
            auto *label = new QLabel(c.frame);
            label->setWordWrap(true);
            c.models->addWidget(label);
            c.modelLines.append(label);
        }
        QLabel *line = c.modelLines.at(lines++);
        QString text = tr("%1: %2 in use · %3 free")
                           .arg(Words::modelName(a.model(), a.model_name()),
                               locale.toString(a.in_use()), locale.toString(a.free()));
        if (a.down() > 0)
            text += tr(" · %1 down").arg(locale.toString(a.down()));
        if (a.unavailable() > 0)
            text += tr(" · %1 unavailable").arg(locale.toString(a.unavailable()));
        line->setText(text);
        line->setVisible(true);
    }
    for (int i = lines; i < c.modelLines.size(); ++i)
        c.modelLines.at(i)->setVisible(false);

    // Utilisation, power and carbon need accelerator telemetry; without it they are not zero
    // but unknown.
    const bool telemetry = o.telemetry_available();
    auto measured = [&](const QString &text) {
        return !synced ? Words::noData() : telemetry ? text : Words::noTelemetry();
    };
    c.utilisation->setValueText(measured(Words::percent(o.utilisation_percent())));
    const AcceleratorTally accelerators = OverviewFigures(o).accelerators();
    c.inUse->setValueText(synced ? locale.toString(accelerators.inUse) : Words::noData());
    c.inUse->setSubtitle(tr("of %1").arg(locale.toString(accelerators.total)));
    c.running->setValueText(synced ? locale.toString(qint64(o.jobs_running())) : Words::noData());
    c.pending->setValueText(synced ? locale.toString(qint64(o.jobs_pending())) : Words::noData());
    c.pending->setSubtitle(tr("wait p50 %1").arg(Words::duration(qint64(o.wait_seconds_p50()))));
    // Facility power and carbon also need the site's configured PUE and grid carbon factor.
    using Figure = EnergyFigures::Figure;
    auto energy = [&](Figure f, const QString &text) {
        return !synced                   ? Words::noData()
            : EnergyFigures::value(o, f) ? text
                                         : EnergyFigures::text(EnergyFigures::missing(o, f));
    };
    c.power->setValueText(energy(Figure::FacilityPower, Words::power(o.facility_power_watts())));
    c.power->setSubtitle(o.has_pue() ? tr("PUE %1").arg(locale.toString(o.pue(), 'f', 2))
            : synced                 ? tr("PUE not configured")
                                     : QString());
    c.carbon->setValueText(
        energy(Figure::Emissions, locale.toString(o.emissions_kg_per_hour(), 'f', 0)));
    c.carbon->setUnit(synced && o.has_emissions_kg_per_hour() ? tr("kg CO₂") : QString());

    const bool stale = WallStyle::isStale(c.centre);
    const qint64 age = WallStyle::dataAgeSeconds(c.centre);
    for (auto *t : { c.utilisation, c.inUse, c.running, c.pending, c.power, c.carbon })
        t->setStale(stale, age);
    if (stale)
        c.status->setText(age >= 0 ? tr("Not current — data %1 old").arg(widgets::AgeText::of(age))
                                   : tr("No data yet"));
    else
        c.status->setText(tr("%1 nodes").arg(locale.toString(qint64(o.nodes_total()))));
    setGreyed(c.frame, stale);
}

void WallFederationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        applyFonts();
    WallPage::changeEvent(event);
}

void WallFederationPage::applyFonts()
{
    for (auto &c : m_columns)
        c.name->setFont(WallStyle::font(font(), 1.6, QFont::Bold));
}

} // namespace suanli::app
