#include "tools/suanlictl/Table.h"

#include <algorithm>

namespace suanli::ctl {

namespace {

// East Asian wide and fullwidth ranges (CJK, Hangul, fullwidth forms).
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E)
        || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

} // namespace

Table::Table(std::vector<Column> columns)
    : m_columns(std::move(columns))
{
}

void Table::addRow(std::vector<std::string> cells)
{
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

std::size_t Table::displayWidth(const std::string &text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        char32_t code = c;
        std::size_t length = 1;
        if (c >= 0xF0)
            length = 4, code = c & 0x07;
        else if (c >= 0xE0)
            length = 3, code = c & 0x0F;
        else if (c >= 0xC0)
            length = 2, code = c & 0x1F;
        for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
            code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        if (c < 0x80 || c >= 0xC0) // continuation bytes alone take no column
            width += isWide(code) ? 2 : 1;
        i += length;
    }
    return width;
}

void Table::print(std::ostream &out) const
{
    std::vector<std::size_t> widths(m_columns.size());
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        widths[c] = displayWidth(m_columns[c].header);
        for (const auto &row : m_rows)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    auto printRow = [&](const std::vector<std::string> &cells) {
        std::string line;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            const std::size_t pad = widths[c] - displayWidth(cells[c]);
            if (c > 0)
                line += "  ";
            if (m_columns[c].align == Align::Right)
                line += std::string(pad, ' ') + cells[c];
            else
                line += cells[c] + std::string(pad, ' ');
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out << line << '\n';
    };
    std::vector<std::string> headers;
    for (const Column &column : m_columns)
        headers.push_back(column.header);
    printRow(headers);
    for (const auto &row : m_rows)
        printRow(row);
}

} // namespace suanli::ctl
