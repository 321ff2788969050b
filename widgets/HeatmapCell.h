#pragma once

#include <QString>
#include <limits>

namespace suanli::widgets {

// One node as a RackHeatmap shows it: where it sits, its state, the value it is coloured by.
struct HeatmapCell {
    QString name;
    QString rack;
    // A NodeStateColour number (as in suanli.v1.NodeState); out of range shows as "no data".
    int state = 0;
    // The value for RackHeatmap::ColourMode::Values; NaN means no data.
    double value = std::numeric_limits<double>::quiet_NaN();
    // Shown on hover; when empty the heatmap writes name, rack, state and value.
    QString tooltip;
    // Drawn faded and never selected: the node is in the centre but hidden by the page's filter,
    // so the rack keeps its shape while the filter changes.
    bool dimmed = false;
};

} // namespace suanli::widgets

Q_DECLARE_TYPEINFO(suanli::widgets::HeatmapCell, Q_RELOCATABLE_TYPE);
