#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/common.pb.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <google/protobuf/message.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suanli {

// What a filter or ordering needs besides the object itself: the time "age" is measured from
// (Unix seconds; a simulated centre passes its own clock).
struct MatchContext {
    std::int64_t nowSeconds = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch())
                                  .count();
};

// How a field's values compare, which decides the operators it takes.
enum class FieldKind {
    Text, // ':' contains, '=' / '!=' equal, ignoring case (names, reasons, summaries)
    Keyword, // ':' and '=' equal ignoring case (ids, tenants, users: "job:12" is not "job:123")
    Number, // all operators; ':' is '='
    Duration, // seconds, with an optional s/m/h/d suffix ("age>2h")
    Time, // a point in time: "2024-05-01", "2024-05-01T08:00:00Z" (UTC) or Unix seconds
    Enum, // ':' '=' '!=' with the value's short name ("drained", "tenant_quota")
    Bool, // ':' '=' '!=' with true/false/yes/no
    Model, // accelerator model: the enum's name pieces ("h100", "ascend") or the backend's name
};

// The string values of a field on one object: one (a job's user) or several (a node's queues).
struct TextValues {
    std::string_view single;
    const google::protobuf::RepeatedPtrField<std::string> *many = nullptr;
};

// The accelerator model(s) of one object: one (a node) or several (a queue's accelerators).
struct ModelValues {
    v1::AcceleratorModel model = v1::ACCELERATOR_MODEL_UNSPECIFIED;
    std::string_view name;
    const google::protobuf::RepeatedPtrField<v1::AcceleratorCounts> *many = nullptr;
};

// An extra word an enum field accepts, standing for several values ("quota").
struct EnumAlias {
    std::string word;
    std::vector<int> values;
};

// One field of a collection that filters and orderings can name. Getters receive a message of
// the collection's type; exactly the getter that matches the kind is set.
struct Field {
    std::string name;
    std::vector<std::string> aliases;
    FieldKind kind = FieldKind::Text;
    std::function<TextValues(const google::protobuf::Message &)> text; // Text, Keyword
    // Number, Duration, Time (Unix seconds); nullopt when the object has no value (no telemetry).
    std::function<std::optional<double>(const google::protobuf::Message &, const MatchContext &)>
        number;
    std::function<int(const google::protobuf::Message &)> integer; // Enum number; Bool 0 or 1
    std::function<ModelValues(const google::protobuf::Message &)> models; // Model
    const google::protobuf::EnumDescriptor *enumType = nullptr; // Enum
    std::vector<EnumAlias> enumAliases; // Enum
    bool percent = false; // Number: the value may end in '%'
};

// The fields of one collection (nodes, jobs...), with the ones a bare word searches.
class FieldSet {
public:
    FieldSet(std::string collection, const google::protobuf::Descriptor *messageType,
        std::vector<Field> fields, const std::vector<std::string> &freeText,
        std::string_view keyField);

    // "nodes", "jobs": used in error messages.
    const std::string &collection() const { return m_collection; }
    const google::protobuf::Descriptor *messageType() const { return m_messageType; }
    const std::vector<Field> &fields() const { return m_fields; }
    // The field or alias of that name, ignoring case; nullptr when there is none.
    const Field *find(std::string_view name) const;
    // Text fields a bare word (no operator) is looked for in.
    const std::vector<const Field *> &freeTextFields() const { return m_freeText; }
    // The field that identifies an object (name, id): the last tie-breaker of an ordering.
    const Field &keyField() const { return *m_key; }
    // "name, rack, state, ...": the primary names, for error messages and help.
    std::string knownNames() const;

private:
    std::string m_collection;
    const google::protobuf::Descriptor *m_messageType;
    std::vector<Field> m_fields;
    std::vector<const Field *> m_freeText;
    const Field *m_key = nullptr;
};

// The fields of each collection; each set lives for the whole program.
const FieldSet &nodeFields(); // v1::Node
const FieldSet &jobFields(); // v1::Job
const FieldSet &queueFields(); // v1::Queue
const FieldSet &alertFields(); // v1::Alert
const FieldSet &quotaRequestFields(); // v1::QuotaRequest
const FieldSet &auditFields(); // v1::AuditEntry
const FieldSet &tenantFields(); // v1::Tenant

} // namespace suanli
