#pragma once

#include "app/models/EnergyFigures.h"
#include "suanli/v1/cluster.pb.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <array>
#include <optional>

namespace suanli::app {

// AcceleratorTally is a count of accelerators by state, summed over models, centres or queues:
// in use, free, down and unavailable (on draining, drained or maintenance nodes) add up to the
// total as the gateway counts them.
struct AcceleratorTally {
    qint64 total = 0;
    qint64 inUse = 0;
    qint64 free = 0;
    qint64 down = 0;
    qint64 unavailable = 0;

    // Every entry of a list of counts (a centre's or a queue's, one per model).
    static AcceleratorTally of(
        const google::protobuf::RepeatedPtrField<v1::AcceleratorCounts> &counts);
    // Accelerators that can run work: neither down nor unavailable.
    qint64 usable() const { return total - down - unavailable; }
    // The share of all accelerators in use, 0-100; empty when there are none.
    std::optional<double> inUsePercent() const;

    AcceleratorTally &operator+=(const v1::AcceleratorCounts &counts);
    AcceleratorTally &operator+=(const AcceleratorTally &other);
    AcceleratorTally &operator-=(const AcceleratorTally &other);
    bool operator==(const AcceleratorTally &other) const = default;
};

// OverviewFigures is what one centre's overview, or several centres' together, comes to in
// numbers: accelerators by state, per model and in all; jobs; and the figures that need
// telemetry or the site's facts, with how many centres have each. Several centres sum, except
// utilisation (weighted by usable accelerators) and PUE (facility over IT power). Every page
// that shows these figures, and the federation's Total, takes them from here.
class OverviewFigures {
public:
    // No centre: nothing reported.
    OverviewFigures() = default;
    // One centre; reports nothing before its first overview.
    explicit OverviewFigures(const v1::Overview &overview);

    // The centres whose figures these are, of those that have sent an overview.
    int centres() const { return m_centres; }
    bool reported() const { return m_centres > 0; }

    // Accelerators of every model.
    const AcceleratorTally &accelerators() const { return m_all; }
    // Accelerators of one model (named as Words::modelName names it); empty when no centre has
    // that model.
    std::optional<AcceleratorTally> accelerators(const QString &model) const;
    // The models reported, in name order.
    QStringList models() const;

    qint64 jobsRunning() const { return m_jobsRunning; }
    qint64 jobsPending() const { return m_jobsPending; }
    qint64 jobsHeld() const { return m_jobsHeld; }

    // A figure that needs telemetry or the site's facts (utilisation, IT and facility power,
    // PUE, emissions); empty when no centre has it. Carbon intensity is a fact of one centre's
    // grid: it is read from that centre's overview, not summed here.
    std::optional<double> value(EnergyFigures::Figure figure) const;
    // How many of the centres have the figure.
    int centresWith(EnergyFigures::Figure figure) const;

    OverviewFigures &operator+=(const OverviewFigures &other);
    // Takes back figures added before (one centre's old ones when its overview changes), so a
    // total follows one centre without adding up every centre again.
    OverviewFigures &operator-=(const OverviewFigures &other);

private:
    struct Model {
        QString name;
        AcceleratorTally counts;
        // The centres with the model: it goes when the last one is taken back.
        int centres = 0;
    };
    // Adds (sign 1) or takes back (sign -1) other's figures.
    void combine(const OverviewFigures &other, int sign);
    // A figure over the centres that have it: their sum (for utilisation and PUE, meaningful
    // only while one centre has it).
    struct Measure {
        double sum = 0;
        int centres = 0;
    };
    static constexpr int kFigures = int(EnergyFigures::Figure::Emissions) + 1;

    int m_centres = 0;
    AcceleratorTally m_all;
    QList<Model> m_models;
    qint64 m_jobsRunning = 0;
    qint64 m_jobsPending = 0;
    qint64 m_jobsHeld = 0;
    // By EnergyFigures::Figure; carbon intensity stays empty.
    std::array<Measure, kFigures> m_measures {};
    // Utilisation times usable accelerators, and those accelerators, over the centres with it.
    double m_utilisationWeighted = 0;
    double m_utilisationWeights = 0;
    // Facility and IT power of the centres with a PUE.
    double m_pueFacility = 0;
    double m_pueIt = 0;
};

} // namespace suanli::app
