#pragma once

#include <string>
#include <string_view>

// ASCII case folding and comparisons shared by the filter language and the ordering; bytes
// above 0x7f (Chinese names) are compared as they are.
namespace suanli {

inline char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string asciiLowered(std::string_view text);
// True when text equals lowerNeedle ignoring ASCII case; lowerNeedle is already lower-case.
bool equalsIgnoreCase(std::string_view text, std::string_view lowerNeedle);
// True when text contains lowerNeedle ignoring ASCII case; lowerNeedle is already lower-case.
bool containsIgnoreCase(std::string_view text, std::string_view lowerNeedle);
// Case-insensitive comparison that orders digit runs by value ("n3" < "n10"); <0, 0 or >0.
int naturalCompare(std::string_view a, std::string_view b);
// A key whose byte order is naturalCompare's order, for sorting many strings quickly.
std::string naturalKey(std::string_view text);

} // namespace suanli
