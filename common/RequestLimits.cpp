#include "common/RequestLimits.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace suanli {

namespace {

bool isHighSurrogate(char16_t c)
{
    return c >= 0xD800 && c <= 0xDBFF;
}
bool isLowSurrogate(char16_t c)
{
    return c >= 0xDC00 && c <= 0xDFFF;
}

// The UTF-8 width of the character at `i` and how many UTF-16 units it takes.
std::pair<size_t, size_t> characterAt(std::u16string_view text, size_t i)
{
    const char16_t c = text[i];
    if (c < 0x80)
        return { 1, 1 };
    if (c < 0x800)
        return { 2, 1 };
    if (isHighSurrogate(c) && i + 1 < text.size() && isLowSurrogate(text[i + 1]))
        return { 4, 2 };
    return { 3, 1 }; // the rest of the BMP, and a lone surrogate sent as U+FFFD
}

} // namespace

size_t utf8Bytes(std::u16string_view text)
{
    size_t bytes = 0;
    for (size_t i = 0; i < text.size();) {
        const auto [width, units] = characterAt(text, i);
        bytes += width;
        i += units;
    }
    return bytes;
}

TextRoom textRoom(std::u16string_view text, TextLimit limit)
{
    TextRoom room;
    size_t widest = 1;
    std::vector<size_t> widths;
    for (size_t i = 0; i < text.size();) {
        const auto [width, units] = characterAt(text, i);
        room.bytes += width;
        widest = std::max(widest, width);
        widths.push_back(width);
        i += units;
    }
    room.fits = room.bytes <= limit.maxBytes;
    if (room.fits) {
        room.characters = (limit.maxBytes - room.bytes) / widest;
        return room;
    }
    size_t bytes = room.bytes;
    while (bytes > limit.maxBytes && !widths.empty()) {
        bytes -= widths.back();
        widths.pop_back();
        ++room.characters;
    }
    return room;
}

std::string textTooLong(std::string_view utf8, TextLimit limit)
{
    const size_t bytes = utf8Bytes(utf8);
    if (bytes <= limit.maxBytes)
        return {};
    return std::string(limit.field) + " is " + std::to_string(bytes) + " bytes; at most "
        + std::to_string(limit.maxBytes);
}

} // namespace suanli
