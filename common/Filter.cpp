#include "common/Filter.h"

#include "common/Describe.h"
#include "common/TextMatch.h"

#include <cassert>
#include <charconv>
#include <chrono>

namespace suanli {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isOperatorChar(char c)
{
    return c == ':' || c == '=' || c == '!' || c == '<' || c == '>';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

std::optional<double> parseNumber(std::string_view text)
{
    double value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty())
        return std::nullopt;
    return value;
}

// "90", "90s", "15m", "2h", "1.5d" -> seconds.
std::optional<double> parseDuration(std::string_view text)
{
    double unit = 1;
    if (!text.empty()) {
        switch (asciiLower(text.back())) {
        case 's':
            unit = 1;
            break;
        case 'm':
            unit = 60;
            break;
        case 'h':
            unit = 3600;
            break;
        case 'd':
            unit = 86400;
            break;
        default:
            unit = 0;
        }
        if (unit != 0)
            text.remove_suffix(1);
        else
            unit = 1;
    }
    const std::optional<double> value = parseNumber(text);
    if (!value)
        return std::nullopt;
    return *value * unit;
}

// Reads exactly n digits at text[pos].
std::optional<int> digits(std::string_view text, std::size_t pos, std::size_t n)
{
    if (pos + n > text.size())
        return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (!isDigit(text[i]))
            return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// "2024-05-01", "2024-05-01T08:30", "2024-05-01T08:30:00Z" (UTC) or Unix seconds -> Unix seconds.
std::optional<double> parseTime(std::string_view text)
{
    if (!text.empty() && isDigit(text[0]) && text.find('-') == std::string_view::npos)
        return parseNumber(text);
    if (!text.empty() && asciiLower(text.back()) == 'z')
        text.remove_suffix(1);
    const auto y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
    if (!y || !mo || !d || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int hour = 0, minute = 0, second = 0;
    if (text.size() > 10) {
        const auto h = digits(text, 11, 2), mi = digits(text, 14, 2);
        if (asciiLower(text[10]) != 't' || !h || !mi || text[13] != ':')
            return std::nullopt;
        hour = *h;
        minute = *mi;
        if (text.size() > 16) {
            const auto s = digits(text, 17, 2);
            if (text[16] != ':' || !s || text.size() != 19)
                return std::nullopt;
            second = *s;
        }
        if (hour > 23 || minute > 59 || second > 60)
            return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day date { year { *y }, month { static_cast<unsigned>(*mo) },
        day { static_cast<unsigned>(*d) } };
    if (!date.ok())
        return std::nullopt;
    const auto days = sys_days { date }.time_since_epoch().count();
    return static_cast<double>(days) * 86400 + hour * 3600 + minute * 60 + second;
}

std::string normalisedEnumWord(std::string_view text)
{
    std::string out = asciiLowered(text);
    for (char &c : out) {
        if (c == '-' || c == ' ')
            c = '_';
    }
    return out;
}

// Bits of the AcceleratorModel values a word names: "h100", "nvidia" (a piece of NVIDIA_H100),
// "ascend910b", "dcu".
std::uint64_t modelMask(const std::string &lowerWord)
{
    std::uint64_t mask = 0;
    if (const auto model = parseModel(lowerWord))
        mask |= std::uint64_t { 1 } << *model;
    const google::protobuf::EnumDescriptor *type = v1::AcceleratorModel_descriptor();
    for (int i = 0; i < type->value_count(); ++i) {
        const int number = type->value(i)->number();
        if (number == 0 || number >= 64)
            continue;
        const std::string shortName = enumShortName(type, number);
        bool match = shortName == lowerWord;
        std::size_t start = 0;
        while (!match && start <= shortName.size()) {
            std::size_t end = shortName.find('_', start);
            if (end == std::string::npos)
                end = shortName.size();
            match = shortName.compare(start, end - start, lowerWord) == 0 && end > start;
            start = end + 1;
        }
        if (match)
            mask |= std::uint64_t { 1 } << number;
    }
    return mask;
}

bool textMatches(std::string_view value, const std::vector<std::string> &texts, bool contains)
{
    for (const std::string &t : texts) {
        if (contains ? containsIgnoreCase(value, t) : equalsIgnoreCase(value, t))
            return true;
    }
    return false;
}

bool anyTextMatches(const TextValues &values, const std::vector<std::string> &texts, bool contains)
{
    if (!values.many)
        return textMatches(values.single, texts, contains);
    for (const std::string &value : *values.many) {
        if (textMatches(value, texts, contains))
            return true;
    }
    return false;
}

// The backend's model name ("Ascend 910B", "MI300X") equals a word, whole or one of its tokens.
bool modelNameMatches(std::string_view name, const std::vector<std::string> &texts)
{
    if (name.empty())
        return false;
    if (textMatches(name, texts, false))
        return true;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t end = start;
        while (end < name.size() && (isIdentChar(name[end]) && name[end] != '_'))
            ++end;
        if (end > start && textMatches(name.substr(start, end - start), texts, false))
            return true;
        start = end + 1;
    }
    return false;
}

bool modelMatches(v1::AcceleratorModel model, std::string_view name, std::uint64_t mask,
    const std::vector<std::string> &texts)
{
    const int number = static_cast<int>(model);
    if (number > 0 && number < 64 && ((mask >> number) & 1))
        return true;
    return modelNameMatches(name, texts);
}

} // namespace

// Turns filter text into terms, or into the first mistake with its position.
class FilterParser {
public:
    FilterParser(std::string_view text, const FieldSet &fields)
        : m_text(text)
        , m_fields(fields)
    {
    }

    std::optional<Filter> run(FilterError *error)
    {
        Filter filter;
        filter.m_fields = &m_fields;
        for (;;) {
            while (m_pos < m_text.size() && isSpace(m_text[m_pos]))
                ++m_pos;
            if (m_pos >= m_text.size())
                break;
            Filter::Term term;
            if (!parseTerm(term)) {
                if (error)
                    *error = m_error;
                return std::nullopt;
            }
            filter.m_terms.push_back(std::move(term));
        }
        return filter;
    }

private:
    struct Item {
        std::string text;
        int position = 0;
    };

    bool fail(std::size_t position, FilterError::Code code, std::vector<std::string> args,
        std::string message)
    {
        m_error.position = static_cast<int>(position);
        m_error.message = std::move(message);
        m_error.code = code;
        m_error.args = std::move(args);
        return false;
    }

    bool parseTerm(Filter::Term &term)
    {
        if (m_text[m_pos] == '-') {
            if (m_pos + 1 >= m_text.size() || isSpace(m_text[m_pos + 1]))
                return fail(m_pos, FilterError::Code::NegationWithoutTerm, {},
                    "\"-\" must be followed by a term to exclude, e.g. -state:down");
            term.negated = true;
            ++m_pos;
        }
        const std::size_t fieldStart = m_pos;
        std::size_t p = m_pos;
        while (p < m_text.size() && isIdentChar(m_text[p]))
            ++p;
        if (p >= m_text.size() || !isOperatorChar(m_text[p])) {
            // A bare word: free text over the collection's names and text fields.
            std::vector<Item> items;
            if (!readItems(items, "", ""))
                return false;
            for (Item &item : items)
                term.texts.push_back(asciiLowered(item.text));
            term.op = Filter::Op::Contains;
            return true;
        }
        if (p == fieldStart)
            return fail(p, FilterError::Code::MissingFieldName,
                { std::string(m_text.substr(p, 1)) },
                "missing field name before " + quoted(m_text.substr(p, 1)) + ", e.g. state:idle");
        const std::string_view name = m_text.substr(fieldStart, p - fieldStart);
        term.field = m_fields.find(name);
        if (!term.field) {
            return fail(fieldStart, FilterError::Code::UnknownField,
                { std::string(name), m_fields.collection(), m_fields.knownNames() },
                "unknown field " + quoted(name) + " for " + m_fields.collection()
                    + " (known: " + m_fields.knownNames() + ")");
        }
        m_pos = p;
        std::string opText;
        if (!parseOperator(term, opText))
            return false;
        std::vector<Item> items;
        if (!readItems(items, term.field->name, opText))
            return false;
        return convert(term, items);
    }

    bool parseOperator(Filter::Term &term, std::string &opText)
    {
        const std::size_t opStart = m_pos;
        const char c = m_text[m_pos];
        const bool thenEqual = m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '=';
        switch (c) {
        case ':':
            term.op = Filter::Op::Contains;
            break;
        case '=':
            term.op = Filter::Op::Equal;
            break;
        case '!':
            if (!thenEqual)
                return fail(m_pos, FilterError::Code::BangOperator, {},
                    "unknown operator \"!\": use \"!=\", or \"-\" before a term "
                    "to exclude it");
            term.op = Filter::Op::Equal;
            term.negated = !term.negated;
            break;
        case '<':
            term.op = thenEqual ? Filter::Op::LessEqual : Filter::Op::Less;
            break;
        case '>':
            term.op = thenEqual ? Filter::Op::GreaterEqual : Filter::Op::Greater;
            break;
        }
        const bool twoChars = c == '!' || ((c == '<' || c == '>') && thenEqual);
        opText = std::string(m_text.substr(opStart, twoChars ? 2 : 1));
        m_pos += opText.size();

        const Field &field = *term.field;
        const bool ordered = term.op == Filter::Op::Less || term.op == Filter::Op::LessEqual
            || term.op == Filter::Op::Greater || term.op == Filter::Op::GreaterEqual;
        switch (field.kind) {
        case FieldKind::Number:
        case FieldKind::Duration:
        case FieldKind::Time:
            if (term.op == Filter::Op::Contains)
                term.op = Filter::Op::Equal;
            return true;
        case FieldKind::Text:
            if (ordered)
                return fail(opStart, FilterError::Code::TextCompared, { field.name, opText },
                    field.name + " is text and cannot be compared with " + quoted(opText)
                        + ": use \":\" (contains), \"=\" or \"!=\"");
            return true;
        case FieldKind::Keyword:
        case FieldKind::Enum:
        case FieldKind::Bool:
        case FieldKind::Model:
            if (ordered) {
                return fail(opStart, FilterError::Code::KeywordCompared,
                    { field.name, opText, exampleValue(field) },
                    field.name + " cannot be compared with " + quoted(opText)
                        + ": use \":\", \"=\" or \"!=\", e.g. " + field.name + ":"
                        + exampleValue(field));
            }
            term.op = Filter::Op::Equal;
            return true;
        }
        return true;
    }

    std::string exampleValue(const Field &field) const
    {
        switch (field.kind) {
        case FieldKind::Enum:
            return enumShortName(field.enumType, 1);
        case FieldKind::Bool:
            return "true";
        case FieldKind::Model:
            return "910B";
        case FieldKind::Number:
            return "50";
        case FieldKind::Duration:
            return "2h";
        case FieldKind::Time:
            return "2024-05-01";
        case FieldKind::Text:
        case FieldKind::Keyword:
            break;
        }
        return "\"two words\"";
    }

    // Reads comma-separated values, each bare or double-quoted, up to the next space.
    bool readItems(std::vector<Item> &items, const std::string &fieldName, const std::string &op)
    {
        for (;;) {
            const std::size_t itemStart = m_pos;
            Item item;
            item.position = static_cast<int>(itemStart);
            if (m_pos < m_text.size() && m_text[m_pos] == '"') {
                ++m_pos;
                bool closed = false;
                while (m_pos < m_text.size()) {
                    const char c = m_text[m_pos];
                    if (c == '"') {
                        closed = true;
                        ++m_pos;
                        break;
                    }
                    if (c == '\\' && m_pos + 1 < m_text.size()
                        && (m_text[m_pos + 1] == '"' || m_text[m_pos + 1] == '\\')) {
                        item.text += m_text[m_pos + 1];
                        m_pos += 2;
                        continue;
                    }
                    item.text += c;
                    ++m_pos;
                }
                if (!closed)
                    return fail(itemStart, FilterError::Code::UnterminatedQuote, {},
                        "unterminated quote: add a closing \"");
                if (m_pos < m_text.size() && !isSpace(m_text[m_pos]) && m_text[m_pos] != ',')
                    return fail(m_pos, FilterError::Code::NothingAfterQuote, {},
                        "expected a space or \",\" after the closing quote");
            } else {
                while (m_pos < m_text.size() && !isSpace(m_text[m_pos]) && m_text[m_pos] != ',')
                    ++m_pos;
                item.text = std::string(m_text.substr(itemStart, m_pos - itemStart));
                if (item.text.empty()) {
                    if (!items.empty())
                        return fail(itemStart, FilterError::Code::EmptyAfterComma, {},
                            "empty value after \",\"");
                    if (fieldName.empty())
                        return fail(itemStart, FilterError::Code::EmptyValue, {}, "empty value");
                    return fail(itemStart, FilterError::Code::MissingValue,
                        { fieldName, std::string(op), exampleValue(*m_fields.find(fieldName)) },
                        fieldName + " needs a value after " + quoted(op) + ", e.g. " + fieldName
                            + op + exampleValue(*m_fields.find(fieldName)));
                }
            }
            items.push_back(std::move(item));
            if (m_pos < m_text.size() && m_text[m_pos] == ',') {
                ++m_pos;
                continue;
            }
            return true;
        }
    }

    bool convert(Filter::Term &term, const std::vector<Item> &items)
    {
        const Field &field = *term.field;
        for (const Item &item : items) {
            switch (field.kind) {
            case FieldKind::Text:
            case FieldKind::Keyword:
                term.texts.push_back(asciiLowered(item.text));
                break;
            case FieldKind::Number: {
                std::string_view text = item.text;
                if (field.percent && !text.empty() && text.back() == '%')
                    text.remove_suffix(1);
                const std::optional<double> value = parseNumber(text);
                if (!value)
                    return fail(item.position, FilterError::Code::NotANumber,
                        { field.name, item.text },
                        field.name + " expects a number, got " + quoted(item.text));
                term.numbers.push_back(*value);
                break;
            }
            case FieldKind::Duration: {
                const std::optional<double> value = parseDuration(item.text);
                if (!value)
                    return fail(item.position, FilterError::Code::NotADuration,
                        { field.name, item.text },
                        field.name
                            + " expects seconds or a duration like 90m, 2h or 3d, "
                              "got "
                            + quoted(item.text));
                term.numbers.push_back(*value);
                break;
            }
            case FieldKind::Time: {
                const std::optional<double> value = parseTime(item.text);
                if (!value)
                    return fail(item.position, FilterError::Code::NotADate,
                        { field.name, item.text },
                        field.name
                            + " expects a UTC date like 2024-05-01 or "
                              "2024-05-01T08:00:00Z, got "
                            + quoted(item.text));
                term.numbers.push_back(*value);
                break;
            }
            case FieldKind::Enum:
                if (!convertEnum(term, field, item))
                    return false;
                break;
            case FieldKind::Bool: {
                const std::string word = asciiLowered(item.text);
                if (word == "true" || word == "yes")
                    term.mask |= 2;
                else if (word == "false" || word == "no")
                    term.mask |= 1;
                else
                    return fail(item.position, FilterError::Code::NotABool,
                        { field.name, item.text },
                        field.name
                            + " expects true or false (or yes/no), "
                              "got "
                            + quoted(item.text));
                break;
            }
            case FieldKind::Model:
                term.texts.push_back(asciiLowered(item.text));
                term.mask |= modelMask(term.texts.back());
                break;
            }
        }
        return true;
    }

    bool convertEnum(Filter::Term &term, const Field &field, const Item &item)
    {
        const std::string word = normalisedEnumWord(item.text);
        const google::protobuf::EnumDescriptor *type = field.enumType;
        std::uint64_t mask = 0;
        for (int i = 0; i < type->value_count(); ++i) {
            const int number = type->value(i)->number();
            assert(number >= 0 && number < 64);
            if (word == enumShortName(type, number) || word == asciiLowered(type->value(i)->name()))
                mask |= std::uint64_t { 1 } << number;
        }
        for (const EnumAlias &alias : field.enumAliases) {
            if (alias.word == word) {
                for (int number : alias.values)
                    mask |= std::uint64_t { 1 } << number;
            }
        }
        if (mask == 0) {
            std::string known;
            for (int i = 0; i < type->value_count(); ++i) {
                if (type->value(i)->number() == 0)
                    continue;
                known
                    += (known.empty() ? "" : ", ") + enumShortName(type, type->value(i)->number());
            }
            for (const EnumAlias &alias : field.enumAliases)
                known += ", " + alias.word;
            return fail(item.position, FilterError::Code::UnknownValue,
                { field.name, item.text, m_fields.collection(), known },
                "unknown " + field.name + " " + quoted(item.text) + " for " + m_fields.collection()
                    + " (known: " + known + ")");
        }
        term.mask |= mask;
        return true;
    }

    std::string_view m_text;
    const FieldSet &m_fields;
    std::size_t m_pos = 0;
    FilterError m_error;
};

std::optional<Filter> Filter::parse(
    std::string_view text, const FieldSet &fields, FilterError *error)
{
    return FilterParser(text, fields).run(error);
}

bool Filter::matches(const google::protobuf::Message &message, const MatchContext &ctx) const
{
    assert(!m_fields || message.GetDescriptor() == m_fields->messageType());
    for (const Term &term : m_terms) {
        if (!termMatches(term, message, ctx))
            return false;
    }
    return true;
}

bool Filter::termMatches(
    const Term &term, const google::protobuf::Message &message, const MatchContext &ctx) const
{
    bool result = false;
    if (!term.field) {
        for (const Field *field : m_fields->freeTextFields()) {
            if (anyTextMatches(field->text(message), term.texts, true)) {
                result = true;
                break;
            }
        }
        return result != term.negated;
    }
    const Field &field = *term.field;
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Keyword:
        result = anyTextMatches(field.text(message), term.texts, term.op == Op::Contains);
        break;
    case FieldKind::Number:
    case FieldKind::Duration:
    case FieldKind::Time: {
        const std::optional<double> value = field.number(message, ctx);
        if (!value)
            break;
        for (double wanted : term.numbers) {
            switch (term.op) {
            case Op::Contains:
            case Op::Equal:
                result = *value == wanted;
                break;
            case Op::Less:
                result = *value < wanted;
                break;
            case Op::LessEqual:
                result = *value <= wanted;
                break;
            case Op::Greater:
                result = *value > wanted;
                break;
            case Op::GreaterEqual:
                result = *value >= wanted;
                break;
            }
            if (result)
                break;
        }
        break;
    }
    case FieldKind::Enum:
    case FieldKind::Bool: {
        const int value = field.integer(message);
        result = value >= 0 && value < 64 && ((term.mask >> value) & 1);
        break;
    }
    case FieldKind::Model: {
        const ModelValues values = field.models(message);
        if (values.many) {
            for (const v1::AcceleratorCounts &counts : *values.many) {
                if (modelMatches(counts.model(), counts.model_name(), term.mask, term.texts)) {
                    result = true;
                    break;
                }
            }
        } else {
            result = modelMatches(values.model, values.name, term.mask, term.texts);
        }
        break;
    }
    }
    return result != term.negated;
}

} // namespace suanli
