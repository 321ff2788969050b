#pragma once

#include "common/FieldSet.h"
#include "common/FilterError.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suanli {

// A parsed filter expression, the same text for suanlictl --filter, the gateway's List calls and
// the console's filter bar:
//   state:idle,mixed -state:down model:910B util<10 reason:"XID 79" lg-r0017
// Terms separated by spaces must all match; commas in a value mean "any of"; a leading '-'
// negates a term; a bare word searches the collection's name/id and text fields. Operators are
// ':' '=' '!=' '<' '<=' '>' '>=', allowed as the field's FieldKind says.
class Filter {
public:
    // An empty filter: matches everything.
    Filter() = default;

    // Parses text against a collection's fields; on a mistake returns nullopt and, when error is
    // given, fills it with the position and a message a person can act on.
    static std::optional<Filter> parse(
        std::string_view text, const FieldSet &fields, FilterError *error = nullptr);

    // True when the message (of the FieldSet's type) satisfies every term.
    bool matches(const google::protobuf::Message &message, const MatchContext &ctx = {}) const;
    bool empty() const { return m_terms.empty(); }

private:
    enum class Op { Contains, Equal, Less, LessEqual, Greater, GreaterEqual };

    struct Term {
        const Field *field = nullptr; // nullptr: a bare word, searched in the free-text fields
        Op op = Op::Equal;
        bool negated = false;
        std::vector<std::string> texts; // lower-cased values
        std::vector<double> numbers;
        std::uint64_t mask = 0; // Enum, Bool, Model: a bit per enum number the values name
    };

    bool termMatches(
        const Term &term, const google::protobuf::Message &message, const MatchContext &ctx) const;

    const FieldSet *m_fields = nullptr;
    std::vector<Term> m_terms;

    friend class FilterParser;
};

} // namespace suanli
