#pragma once

#include <QList>
#include <QtGlobal>
#include <utility>

namespace suanli::app {

// ColumnMask is the set of a table's columns whose cells changed for one row, and whether the
// row's state (StateRole, the same in every column) changed: what dataChanged covers after a
// delta.
class ColumnMask {
public:
    constexpr ColumnMask() = default;
    constexpr explicit ColumnMask(quint64 bits)
        : m_bits(bits)
    {
    }

    // Columns 0..count-1 and the state.
    static constexpr ColumnMask all(int count)
    {
        ColumnMask mask;
        mask.m_bits = (count >= kStateBit ? kColumnBits : (quint64(1) << count) - 1) | kState;
        return mask;
    }

    constexpr ColumnMask &set(int column, bool changed = true)
    {
        Q_ASSERT(column >= 0 && column < kStateBit);
        if (changed)
            m_bits |= quint64(1) << column;
        return *this;
    }
    constexpr ColumnMask &setState(bool changed = true)
    {
        if (changed)
            m_bits |= kState;
        return *this;
    }
    constexpr bool test(int column) const
    {
        return column >= 0 && column < kStateBit && (m_bits >> column) & 1;
    }
    constexpr bool stateChanged() const { return m_bits & kState; }
    // No column changed (the state may have).
    constexpr bool isEmpty() const { return (m_bits & kColumnBits) == 0; }
    constexpr quint64 bits() const { return m_bits; }
    constexpr bool operator==(const ColumnMask &other) const = default;

    // The columns as ascending [first, last] runs of adjacent columns: one signal per run.
    QList<std::pair<int, int>> runs() const
    {
        QList<std::pair<int, int>> out;
        for (int column = 0; column < kStateBit; ++column) {
            if (!test(column))
                continue;
            if (!out.isEmpty() && out.last().second + 1 == column)
                out.last().second = column;
            else
                out.append({ column, column });
        }
        return out;
    }

private:
    static constexpr int kStateBit = 63;
    static constexpr quint64 kState = quint64(1) << kStateBit;
    static constexpr quint64 kColumnBits = kState - 1;
    quint64 m_bits = 0;
};

} // namespace suanli::app
