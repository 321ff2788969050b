#include "app/models/OverviewFigures.h"

#include "app/models/Words.h"

#include <algorithm>

namespace suanli::app {

AcceleratorTally AcceleratorTally::of(
    const google::protobuf::RepeatedPtrField<v1::AcceleratorCounts> &counts)
{
    AcceleratorTally out;
    for (const auto &c : counts)
        out += c;
    return out;
}

std::optional<double> AcceleratorTally::inUsePercent() const
{
    if (total <= 0)
        return std::nullopt;
    return 100.0 * double(inUse) / double(total);
}

AcceleratorTally &AcceleratorTally::operator+=(const v1::AcceleratorCounts &counts)
{
    total += counts.total();
    inUse += counts.in_use();
    free += counts.free();
    down += counts.down();
    unavailable += counts.unavailable();
    return *this;
}

AcceleratorTally &AcceleratorTally::operator+=(const AcceleratorTally &other)
{
    total += other.total;
    inUse += other.inUse;
    free += other.free;
    down += other.down;
    unavailable += other.unavailable;
    return *this;
}

AcceleratorTally &AcceleratorTally::operator-=(const AcceleratorTally &other)
{
    total -= other.total;
    inUse -= other.inUse;
    free -= other.free;
    down -= other.down;
    unavailable -= other.unavailable;
    return *this;
}

OverviewFigures::OverviewFigures(const v1::Overview &o)
{
    // Nothing is known before the first overview: not zeros.
    if (o.site().empty() && o.accelerators_size() == 0)
        return;
    m_centres = 1;
    for (const auto &c : o.accelerators()) {
        m_all += c;
        const QString name = Words::modelName(c.model(), c.model_name());
        auto it = std::find_if(
            m_models.begin(), m_models.end(), [&](const Model &m) { return m.name == name; });
        if (it == m_models.end())
            it = m_models.insert(m_models.end(), { name, {}, 1 });
        it->counts += c;
    }
    m_jobsRunning = o.jobs_running();
    m_jobsPending = o.jobs_pending();
    m_jobsHeld = o.jobs_held();
    using Figure = EnergyFigures::Figure;
    for (Figure f : { Figure::Utilisation, Figure::ItPower, Figure::FacilityPower, Figure::Pue,
             Figure::Emissions })
        if (const auto v = EnergyFigures::value(o, f))
            m_measures[size_t(f)] = { *v, 1 };
    if (const auto utilisation = EnergyFigures::value(o, Figure::Utilisation)) {
        const double usable = double(m_all.usable());
        m_utilisationWeighted = *utilisation * usable;
        m_utilisationWeights = usable;
    }
    if (EnergyFigures::value(o, Figure::Pue)) {
        m_pueFacility = o.facility_power_watts();
        m_pueIt = o.it_power_watts();
    }
}

std::optional<AcceleratorTally> OverviewFigures::accelerators(const QString &model) const
{
    for (const Model &m : m_models)
        if (m.name == model)
            return m.counts;
    return std::nullopt;
}

QStringList OverviewFigures::models() const
{
    QStringList names;
    names.reserve(m_models.size());
    for (const Model &m : m_models)
        names.append(m.name);
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<double> OverviewFigures::value(EnergyFigures::Figure figure) const
{
    const Measure &m = m_measures[size_t(figure)];
    if (m.centres == 0)
        return std::nullopt;
    // One centre's figure is its gateway's own; several centres' are worked out from theirs.
    if (m.centres == 1)
        return m.sum;
    switch (figure) {
    case EnergyFigures::Figure::Utilisation:
        if (m_utilisationWeights <= 0)
            return std::nullopt;
        return m_utilisationWeighted / m_utilisationWeights;
    case EnergyFigures::Figure::Pue:
        if (m_pueIt <= 0)
            return std::nullopt;
        return m_pueFacility / m_pueIt;
    default:
        return m.sum;
    }
}

int OverviewFigures::centresWith(EnergyFigures::Figure figure) const
{
    return m_measures[size_t(figure)].centres;
}

OverviewFigures &OverviewFigures::operator+=(const OverviewFigures &other)
{
    combine(other, 1);
    return *this;
}

OverviewFigures &OverviewFigures::operator-=(const OverviewFigures &other)
{
    combine(other, -1);
    return *this;
}

void OverviewFigures::combine(const OverviewFigures &other, int sign)
{
    m_centres += sign * other.m_centres;
    if (sign > 0)
        m_all += other.m_all;
    else
        m_all -= other.m_all;
    for (const Model &theirs : other.m_models) {
        auto it = std::find_if(m_models.begin(), m_models.end(),
            [&](const Model &m) { return m.name == theirs.name; });
        if (it == m_models.end()) {
            if (sign > 0)
                m_models.append(theirs);
            continue;
        }
        it->centres += sign * theirs.centres;
        if (sign > 0)
            it->counts += theirs.counts;
        else
            it->counts -= theirs.counts;
        if (it->centres <= 0)
            m_models.erase(it);
    }
    m_jobsRunning += sign * other.m_jobsRunning;
    m_jobsPending += sign * other.m_jobsPending;
    m_jobsHeld += sign * other.m_jobsHeld;
    for (size_t f = 0; f < m_measures.size(); ++f) {
        Measure &m = m_measures[f];
        m.centres += sign * other.m_measures[f].centres;
        // Sums taken back to no centre are exactly nothing, not a rounding error's worth.
        m.sum = m.centres == 0 ? 0 : m.sum + sign * other.m_measures[f].sum;
    }
    m_utilisationWeighted += sign * other.m_utilisationWeighted;
    m_utilisationWeights += sign * other.m_utilisationWeights;
    m_pueFacility += sign * other.m_pueFacility;
    m_pueIt += sign * other.m_pueIt;
    using Figure = EnergyFigures::Figure;
    if (m_measures[size_t(Figure::Utilisation)].centres == 0)
        m_utilisationWeighted = m_utilisationWeights = 0;
    if (m_measures[size_t(Figure::Pue)].centres == 0)
        m_pueFacility = m_pueIt = 0;
    if (m_centres == 0)
        *this = OverviewFigures();
}

} // namespace suanli::app
