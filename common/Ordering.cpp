#include "common/Ordering.h"

#include "common/TextMatch.h"

#include <algorithm>

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

// One field's value on one object, read once so a sort compares values, not messages.
struct Cell {
    bool present = true; // false: a number the object does not have (no telemetry)
    double number = 0;
    int integer = 0;
    std::string_view text;
};

Cell cellOf(const Field &field, const google::protobuf::Message &m, const MatchContext &ctx)
{
    Cell cell;
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Keyword: {
        const TextValues values = field.text(m);
        if (!values.many)
            cell.text = values.single;
        else if (!values.many->empty())
            cell.text = values.many->Get(0);
        break;
    }
    case FieldKind::Number:
    case FieldKind::Duration:
    case FieldKind::Time: {
        const std::optional<double> value = field.number(m, ctx);
        cell.present = value.has_value();
        cell.number = value.value_or(0);
        break;
    }
    case FieldKind::Enum:
    case FieldKind::Bool:
        cell.integer = field.integer(m);
        break;
    case FieldKind::Model: {
        const ModelValues values = field.models(m);
        if (!values.many) {
            cell.integer = values.model;
            cell.text = values.name;
        } else if (!values.many->empty()) {
            cell.integer = values.many->Get(0).model();
            cell.text = values.many->Get(0).model_name();
        }
        break;
    }
    }
    return cell;
}

template <typename T> int threeWay(const T &a, const T &b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// <0, 0 or >0 in the key's direction; an object without a value comes last either way.
int compareCells(const Field &field, bool descending, const Cell &a, const Cell &b)
{
    if (a.present != b.present)
        return a.present ? -1 : 1;
    int c = 0;
    switch (field.kind) {
    case FieldKind::Text:
    case FieldKind::Keyword:
        c = naturalCompare(a.text, b.text);
        break;
    case FieldKind::Number:
    case FieldKind::Duration:
    case FieldKind::Time:
        c = threeWay(a.number, b.number);
        break;
    case FieldKind::Enum:
    case FieldKind::Bool:
        c = threeWay(a.integer, b.integer);
        break;
    case FieldKind::Model:
        c = a.integer != b.integer ? threeWay(a.integer, b.integer)
                                   : naturalCompare(a.text, b.text);
        break;
    }
    return descending ? -c : c;
}

// One key's values for every object of a sort, in arrays the comparisons run through quickly;
// text is held as naturalKey bytes.
struct Column {
    const Field *field = nullptr;
    bool descending = false;
    std::vector<double> numbers;
    std::vector<char> present;
    std::vector<int> integers;
    std::vector<std::string> keys;

    void add(const Cell &cell)
    {
        switch (field->kind) {
        case FieldKind::Text:
        case FieldKind::Keyword:
            keys.push_back(naturalKey(cell.text));
            break;
        case FieldKind::Number:
        case FieldKind::Duration:
        case FieldKind::Time:
            numbers.push_back(cell.number);
            present.push_back(cell.present);
            break;
        case FieldKind::Enum:
        case FieldKind::Bool:
            integers.push_back(cell.integer);
            break;
        case FieldKind::Model:
            integers.push_back(cell.integer);
            keys.push_back(naturalKey(cell.text));
            break;
        }
    }

    // As compareCells, for the objects at a and b.
    int compare(std::size_t a, std::size_t b) const
    {
        int c = 0;
        switch (field->kind) {
        case FieldKind::Text:
        case FieldKind::Keyword:
            c = threeWay(keys[a], keys[b]);
            break;
        case FieldKind::Number:
        case FieldKind::Duration:
        case FieldKind::Time:
            if (present[a] != present[b])
                return present[a] ? -1 : 1;
            c = threeWay(numbers[a], numbers[b]);
            break;
        case FieldKind::Enum:
        case FieldKind::Bool:
            c = threeWay(integers[a], integers[b]);
            break;
        case FieldKind::Model:
            c = integers[a] != integers[b] ? threeWay(integers[a], integers[b])
                                           : threeWay(keys[a], keys[b]);
            break;
        }
        return descending ? -c : c;
    }
};

} // namespace

std::optional<Ordering> Ordering::parse(
    std::string_view text, const FieldSet &fields, FilterError *error)
{
    auto fail = [error](std::size_t position, std::string message) -> std::optional<Ordering> {
        if (error) {
            error->position = static_cast<int>(position);
            error->message = std::move(message);
        }
        return std::nullopt;
    };
    Ordering ordering;
    ordering.m_fields = &fields;
    std::size_t pos = 0;
    auto skipSpaces = [&] {
        while (pos < text.size() && isSpace(text[pos]))
            ++pos;
    };
    skipSpaces();
    if (pos >= text.size())
        return ordering;
    for (;;) {
        skipSpaces();
        const std::size_t start = pos;
        while (pos < text.size() && isIdentChar(text[pos]))
            ++pos;
        if (pos == start) {
            if (pos >= text.size())
                return fail(pos, "expected a field name after \",\"");
            return fail(
                pos, "expected a field name, got \"" + std::string(text.substr(pos, 1)) + "\"");
        }
        const std::string_view name = text.substr(start, pos - start);
        Key key;
        key.field = fields.find(name);
        if (!key.field) {
            return fail(start,
                "unknown field \"" + std::string(name) + "\" for " + fields.collection()
                    + " (known: " + fields.knownNames() + ")");
        }
        skipSpaces();
        if (pos < text.size() && text[pos] != ',') {
            const std::size_t wordStart = pos;
            while (pos < text.size() && !isSpace(text[pos]) && text[pos] != ',')
                ++pos;
            const std::string word = asciiLowered(text.substr(wordStart, pos - wordStart));
            if (word == "desc")
                key.descending = true;
            else if (word != "asc")
                return fail(wordStart,
                    "expected \"asc\", \"desc\" or \",\" after " + key.field->name + ", got \""
                        + std::string(text.substr(wordStart, pos - wordStart)) + "\"");
            skipSpaces();
        }
        ordering.m_keys.push_back(key);
        if (pos >= text.size())
            return ordering;
        if (text[pos] != ',')
            return fail(pos,
                "expected \",\" between fields, got \"" + std::string(text.substr(pos, 1)) + "\"");
        ++pos;
    }
}

bool Ordering::less(const google::protobuf::Message &a, const google::protobuf::Message &b,
    const MatchContext &ctx) const
{
    if (!m_fields)
        return false;
    for (const Key &key : m_keys) {
        const int c = compareCells(
            *key.field, key.descending, cellOf(*key.field, a, ctx), cellOf(*key.field, b, ctx));
        if (c != 0)
            return c < 0;
    }
    const Field &id = m_fields->keyField();
    return compareCells(id, false, cellOf(id, a, ctx), cellOf(id, b, ctx)) < 0;
}

std::vector<std::size_t> Ordering::sortedOrder(
    const std::vector<const google::protobuf::Message *> &messages, const MatchContext &ctx) const
{
    std::vector<std::size_t> order(messages.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    if (!m_fields)
        return order;
    // One column per key, the key field last.
    std::vector<Key> keys = m_keys;
    keys.push_back({ &m_fields->keyField(), false });
    std::vector<Column> columns(keys.size());
    for (std::size_t k = 0; k < keys.size(); ++k) {
        columns[k].field = keys[k].field;
        columns[k].descending = keys[k].descending;
        for (const google::protobuf::Message *m : messages)
            columns[k].add(cellOf(*keys[k].field, *m, ctx));
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        for (const Column &column : columns) {
            const int c = column.compare(a, b);
            if (c != 0)
                return c < 0;
        }
        return false;
    });
    return order;
}

std::string Ordering::toString() const
{
    std::string out;
    for (const Key &key : m_keys) {
        if (!out.empty())
            out += ", ";
        out += key.field->name;
        if (key.descending)
            out += " desc";
    }
    return out;
}

} // namespace suanli
