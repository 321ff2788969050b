#pragma once

#include <string>
#include <vector>

namespace suanli {

// Why a filter or order_by text was refused, and where: position is the 0-based character offset
// of the offending part, so a console can put the cursor there.
struct FilterError {
    // Which mistake, so a console can say it in its user's language; args fill the message in
    // the order the comment after each code gives.
    enum class Code {
        Other,
        NegationWithoutTerm,
        MissingFieldName, // the character found
        UnknownField, // field, collection, known fields
        BangOperator,
        TextCompared, // field, operator
        KeywordCompared, // field, operator, example value
        UnterminatedQuote,
        NothingAfterQuote,
        EmptyAfterComma,
        EmptyValue,
        MissingValue, // field, operator, example value
        NotANumber, // field, text
        NotADuration, // field, text
        NotADate, // field, text
        NotABool, // field, text
        UnknownValue, // field, text, collection, known values
    };

    int position = 0;
    // In English, for suanlictl and the gateway's statuses.
    std::string message;
    Code code = Code::Other;
    std::vector<std::string> args;

    // "position 6: unknown field "stat" for nodes (known: name, rack, state, ...)".
    std::string toString() const;
};

} // namespace suanli
