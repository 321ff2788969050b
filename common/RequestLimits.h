#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// What a request may carry, checked by the gateway and by the console before it sends: texts
// are limited in bytes of UTF-8, what the gateway receives, not in characters (a Chinese
// character is three bytes), so both sides measure with utf8Bytes().
namespace suanli {

// A text field's limit.
struct TextLimit {
    const char *field; // as the API names it: "reason"
    size_t maxBytes;
};

// Why an action on nodes, jobs or alerts, or a quota change, is made.
inline constexpr TextLimit kReasonLimit { "reason", 1024 };
// What a decider says rejecting a quota request.
inline constexpr TextLimit kCommentLimit { "comment", 1024 };
// What a quota request is for.
inline constexpr TextLimit kJustificationLimit { "justification", 4096 };
// Targets of one batch action (nodes to drain, jobs to cancel).
inline constexpr size_t kMaxTargets = 10000;

// Bytes the text takes in UTF-8 (a lone surrogate as U+FFFD, three bytes, as Qt encodes it).
size_t utf8Bytes(std::u16string_view text);
inline size_t utf8Bytes(std::string_view utf8)
{
    return utf8.size();
}

// How a text stands against its limit, in a person's terms.
struct TextRoom {
    size_t bytes = 0; // what the gateway counts
    bool fits = true;
    // While it fits: how many more characters as wide as the widest one in the text (a
    // letter when there is none) still fit. When it does not: how many characters must go
    // from its end for it to fit.
    size_t characters = 0;
};
TextRoom textRoom(std::u16string_view text, TextLimit limit);

// The gateway's refusal of a text over its limit, "reason is 2000 bytes; at most 1024"; empty
// when the text fits.
std::string textTooLong(std::string_view utf8, TextLimit limit);

} // namespace suanli
