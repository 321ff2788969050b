#pragma once

#include "common/FieldSet.h"
#include "common/FilterError.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace suanli {

// A parsed AIP-132 order_by ("util desc", "priority desc, submit"): fields separated by commas,
// each optionally followed by "asc" or "desc". Ties end with the collection's key field, so
// pages are stable; objects without a value (no telemetry) sort last either way.
class Ordering {
public:
    // Orders nothing: every pair compares equal. parse("") orders by the key field.
    Ordering() = default;

    static std::optional<Ordering> parse(
        std::string_view orderBy, const FieldSet &fields, FilterError *error = nullptr);

    // Strict weak ordering; use one ctx for a whole sort so "age" is measured from one instant.
    bool less(const google::protobuf::Message &a, const google::protobuf::Message &b,
        const MatchContext &ctx) const;

    // Stable-sorts items in this order. Items are messages or point to them (shared_ptr<const
    // Job>, const Job *). Reads each field once per object, so 200,000 jobs sort several times
    // faster than std::sort with less().
    template <typename Container> void sort(Container &items, const MatchContext &ctx) const
    {
        std::vector<const google::protobuf::Message *> messages;
        messages.reserve(items.size());
        for (const auto &item : items) {
            if constexpr (std::is_base_of_v<google::protobuf::Message,
                              std::decay_t<decltype(item)>>)
                messages.push_back(&item);
            else
                messages.push_back(&*item);
        }
        const std::vector<std::size_t> order = sortedOrder(messages, ctx);
        Container sorted;
        sorted.reserve(items.size());
        for (std::size_t i : order)
            sorted.push_back(std::move(items[i]));
        items = std::move(sorted);
    }
    bool empty() const { return m_keys.empty(); }
    // Canonical text: "util desc, name".
    std::string toString() const;

private:
    // Indexes of messages in this order.
    std::vector<std::size_t> sortedOrder(
        const std::vector<const google::protobuf::Message *> &messages,
        const MatchContext &ctx) const;

    struct Key {
        const Field *field = nullptr;
        bool descending = false;
    };

    const FieldSet *m_fields = nullptr;
    std::vector<Key> m_keys;
};

} // namespace suanli
