#include "common/ErrorInfo.h"

#include <google/protobuf/unknown_field_set.h>

namespace suanli {

namespace {

using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

// Field numbers of google.rpc.Status, google.protobuf.Any and google.rpc.ErrorInfo, whose
// .proto files this project does not ship: the wire format is read and written field by field.
constexpr int kStatusCode = 1, kStatusMessage = 2, kStatusDetails = 3;
constexpr int kAnyTypeUrl = 1, kAnyValue = 2;
constexpr int kInfoReason = 1, kInfoDomain = 2, kInfoMetadata = 3;
constexpr int kEntryKey = 1, kEntryValue = 2;
constexpr const char *kErrorInfoType = "type.googleapis.com/google.rpc.ErrorInfo";

std::string serialise(const UnknownFieldSet &fields)
{
    std::string out;
    fields.SerializeToString(&out);
    return out;
}

// The last length-delimited field `number` of `fields`, or nullptr.
const std::string *bytesField(const UnknownFieldSet &fields, int number)
{
    const std::string *found = nullptr;
    for (int i = 0; i < fields.field_count(); ++i) {
        const UnknownField &f = fields.field(i);
        if (f.number() == number && f.type() == UnknownField::TYPE_LENGTH_DELIMITED)
            found = &f.length_delimited();
    }
    return found;
}

} // namespace

std::string ErrorInfo::value(const std::string &key, const std::string &fallback) const
{
    auto it = metadata.find(key);
    return it == metadata.end() ? fallback : it->second;
}

std::string encodeStatusDetails(int code, const std::string &message, const ErrorInfo &info)
{
    UnknownFieldSet errorInfo;
    errorInfo.AddLengthDelimited(kInfoReason, info.reason);
    errorInfo.AddLengthDelimited(kInfoDomain, info.domain);
    for (const auto &[key, value] : info.metadata) {
        UnknownFieldSet entry;
        entry.AddLengthDelimited(kEntryKey, key);
        entry.AddLengthDelimited(kEntryValue, value);
        errorInfo.AddLengthDelimited(kInfoMetadata, serialise(entry));
    }
    UnknownFieldSet any;
    any.AddLengthDelimited(kAnyTypeUrl, kErrorInfoType);
    any.AddLengthDelimited(kAnyValue, serialise(errorInfo));
    UnknownFieldSet status;
    status.AddVarint(kStatusCode, static_cast<uint64_t>(static_cast<int64_t>(code)));
    status.AddLengthDelimited(kStatusMessage, message);
    status.AddLengthDelimited(kStatusDetails, serialise(any));
    return serialise(status);
}

std::optional<ErrorInfo> decodeErrorInfo(const std::string &statusDetails)
{
    if (statusDetails.empty())
        return std::nullopt;
    UnknownFieldSet status;
    if (!status.ParseFromString(statusDetails))
        return std::nullopt;
    for (int i = 0; i < status.field_count(); ++i) {
        const UnknownField &detail = status.field(i);
        if (detail.number() != kStatusDetails
            || detail.type() != UnknownField::TYPE_LENGTH_DELIMITED)
            continue;
        UnknownFieldSet any;
        if (!any.ParseFromString(detail.length_delimited()))
            continue;
        const std::string *type = bytesField(any, kAnyTypeUrl);
        const std::string *value = bytesField(any, kAnyValue);
        UnknownFieldSet fields;
        if (!type || *type != kErrorInfoType || !value || !fields.ParseFromString(*value))
            continue;
        ErrorInfo info;
        for (int k = 0; k < fields.field_count(); ++k) {
            const UnknownField &f = fields.field(k);
            if (f.type() != UnknownField::TYPE_LENGTH_DELIMITED)
                continue;
            if (f.number() == kInfoReason) {
                info.reason = f.length_delimited();
            } else if (f.number() == kInfoDomain) {
                info.domain = f.length_delimited();
            } else if (f.number() == kInfoMetadata) {
                UnknownFieldSet entry;
                if (!entry.ParseFromString(f.length_delimited()))
                    continue;
                const std::string *key = bytesField(entry, kEntryKey);
                const std::string *val = bytesField(entry, kEntryValue);
                if (key)
                    info.metadata[*key] = val ? *val : std::string();
            }
        }
        return info;
    }
    return std::nullopt;
}

} // namespace suanli
