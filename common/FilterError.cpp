#include "common/FilterError.h"

namespace suanli {

std::string FilterError::toString() const
{
    return "position " + std::to_string(position) + ": " + message;
}

} // namespace suanli
