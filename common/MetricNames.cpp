#include "common/MetricNames.h"

#include "common/Describe.h"

namespace suanli::metric {

std::string perModel(std::string_view metric, v1::AcceleratorModel model)
{
    return std::string(metric) + ':' + modelShortName(model);
}

std::string_view baseName(std::string_view metric)
{
    return metric.substr(0, metric.find(':'));
}

} // namespace suanli::metric
