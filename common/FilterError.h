#pragma once

#include <string>

namespace suanli {

// Why a filter or order_by text was refused, and where: position is the 0-based character offset
// of the offending part, so a console can put the cursor there.
struct FilterError {
    int position = 0;
    std::string message;

    // "position 6: unknown field "stat" for nodes (known: name, rack, state, ...)".
    std::string toString() const;
};

} // namespace suanli
