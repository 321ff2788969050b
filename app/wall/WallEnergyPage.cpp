#include "wall/WallEnergyPage.h"

#include "Connection.h"
#include "KpiTile.h"
#include "SiteState.h"
#include "models/Words.h"
#include "wall/WallStyle.h"

#include <QGridLayout>
#include <QLocale>
#include <QVBoxLayout>

namespace suanli::app {

WallEnergyPage::WallEnergyPage(client::Connection *centre, QWidget *parent)
    : WallPage(centre, parent)
    , m_layout(new QVBoxLayout(this))
{
    setObjectName(QStringLiteral("WallEnergyPage"));
    auto *grid = new QGridLayout;
    grid->setSpacing(24);
    auto tile = [&](const QString &title, int row, int column) {
        auto *t = new widgets::KpiTile(title, this);
        t->setScale(WallStyle::kTileScale);
        grid->addWidget(t, row, column);
        return t;
    };
    m_facility = tile(tr("Facility power"), 0, 0);
    m_it = tile(tr("IT power"), 0, 1);
    m_pue = tile(tr("PUE"), 0, 2);
    m_intensity = tile(tr("Grid carbon intensity"), 1, 0);
    m_emissions = tile(tr("Carbon per hour"), 1, 1);
    m_perDay = tile(tr("Carbon per day"), 1, 2);
    for (int i = 0; i < 3; ++i)
        grid->setColumnStretch(i, 1);
    m_layout->addLayout(grid, 1);
}

QString WallEnergyPage::title() const
{
    return tr("%1 · Energy and carbon").arg(WallStyle::centreName(centre()));
}

void WallEnergyPage::refreshContent()
{
    const auto &o = centre()->site()->overview();
    const QLocale locale;
    const bool synced = o.nodes_total() > 0;
    // Power and emissions need accelerator telemetry; without it they are unknown, not zero.
    const bool telemetry = o.telemetry_available();
    auto measured = [&](const QString &text) {
        return !synced ? Words::noData() : telemetry ? text : Words::noTelemetry();
    };
    m_facility->setValueText(measured(Words::power(o.facility_power_watts())));
    m_facility->setSubtitle(tr("servers, cooling and losses"));
    m_it->setValueText(measured(Words::power(o.it_power_watts())));
    m_it->setSubtitle(tr("servers and accelerators"));
    m_pue->setValueText(synced ? locale.toString(o.pue(), 'f', 2) : Words::noData());
    m_pue->setSubtitle(tr("facility ÷ IT power"));
    m_intensity->setValueText(
        synced ? locale.toString(o.carbon_intensity_g_per_kwh(), 'f', 0) : Words::noData());
    m_intensity->setUnit(tr("g CO₂/kWh"));
    m_intensity->setSubtitle(QString::fromStdString(o.province()));
    m_emissions->setValueText(measured(locale.toString(o.emissions_kg_per_hour(), 'f', 0)));
    m_emissions->setUnit(synced && telemetry ? tr("kg CO₂") : QString());
    m_perDay->setValueText(
        measured(locale.toString(o.emissions_kg_per_hour() * 24.0 / 1000.0, 'f', 1)));
    m_perDay->setUnit(synced && telemetry ? tr("t CO₂") : QString());
    m_perDay->setSubtitle(tr("at the current draw"));
    const bool stale = isStale();
    const qint64 age = dataAgeSeconds();
    for (auto *t : { m_facility, m_it, m_pue, m_intensity, m_emissions, m_perDay })
        t->setStale(stale, age);
}

} // namespace suanli::app
