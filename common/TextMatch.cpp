#include "common/TextMatch.h"

#include <algorithm>

namespace suanli {

std::string asciiLowered(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = asciiLower(c);
    return out;
}

bool equalsIgnoreCase(std::string_view text, std::string_view lowerNeedle)
{
    if (text.size() != lowerNeedle.size())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (asciiLower(text[i]) != lowerNeedle[i])
            return false;
    }
    return true;
}

bool containsIgnoreCase(std::string_view text, std::string_view lowerNeedle)
{
    if (lowerNeedle.empty())
        return true;
    if (lowerNeedle.size() > text.size())
        return false;
    const std::size_t last = text.size() - lowerNeedle.size();
    for (std::size_t i = 0; i <= last; ++i) {
        if (asciiLower(text[i]) != lowerNeedle[0])
            continue;
        std::size_t j = 1;
        while (j < lowerNeedle.size() && asciiLower(text[i + j]) == lowerNeedle[j])
            ++j;
        if (j == lowerNeedle.size())
            return true;
    }
    return false;
}

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

int naturalCompare(std::string_view a, std::string_view b)
{
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            // Compare the digit runs by value: skip leading zeros, then the longer run is larger.
            std::size_t si = i, sj = j;
            while (si < a.size() && a[si] == '0')
                ++si;
            while (sj < b.size() && b[sj] == '0')
                ++sj;
            std::size_t ei = si, ej = sj;
            while (ei < a.size() && isDigit(a[ei]))
                ++ei;
            while (ej < b.size() && isDigit(b[ej]))
                ++ej;
            if (ei - si != ej - sj)
                return ei - si < ej - sj ? -1 : 1;
            const int digits = a.substr(si, ei - si).compare(b.substr(sj, ej - sj));
            if (digits != 0)
                return digits < 0 ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const unsigned char ca = static_cast<unsigned char>(asciiLower(a[i]));
        const unsigned char cb = static_cast<unsigned char>(asciiLower(b[j]));
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size())
        return 1;
    if (j < b.size())
        return -1;
    return 0;
}

std::string naturalKey(std::string_view text)
{
    // A digit run becomes '0', its length without leading zeros, then those digits: runs still
    // sort before letters, and a longer number after a shorter one.
    std::string key;
    key.reserve(text.size() + 4);
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isDigit(text[i])) {
            key += asciiLower(text[i]);
            ++i;
            continue;
        }
        while (i < text.size() && text[i] == '0' && i + 1 < text.size() && isDigit(text[i + 1]))
            ++i;
        std::size_t end = i;
        while (end < text.size() && isDigit(text[end]))
            ++end;
        if (end - i == 1 && text[i] == '0')
            ++i; // the number zero: no digits
        key += '0';
        key += static_cast<char>(std::min<std::size_t>(end - i, 255));
        key.append(text.substr(i, end - i));
        i = end;
    }
    return key;
}

} // namespace suanli
