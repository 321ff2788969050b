#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace suanli::ctl {

// A plain-text table with a header row, columns aligned by display width (Chinese characters
// count as two), numbers right-aligned.
class Table {
public:
    enum class Align { Left, Right };

    struct Column {
        std::string header;
        Align align = Align::Left;
    };

    explicit Table(std::vector<Column> columns);

    void addRow(std::vector<std::string> cells);
    std::size_t rowCount() const { return m_rows.size(); }
    // Writes the header and the rows; no trailing spaces.
    void print(std::ostream &out) const;

    // Terminal columns a UTF-8 string takes.
    static std::size_t displayWidth(const std::string &text);

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

} // namespace suanli::ctl
