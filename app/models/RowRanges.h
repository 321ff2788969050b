#pragma once

#include <QList>
#include <algorithm>
#include <utility>

namespace suanli::app {

// Rows (in any order, duplicates allowed) as ascending [first, last] runs of consecutive rows:
// one signal per run instead of one per row.
inline QList<std::pair<int, int>> contiguousRanges(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<std::pair<int, int>> ranges;
    for (int row : std::as_const(rows)) {
        if (!ranges.isEmpty() && ranges.last().second + 1 == row)
            ranges.last().second = row;
        else
            ranges.append({ row, row });
    }
    return ranges;
}

} // namespace suanli::app
