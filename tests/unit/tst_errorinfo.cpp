// The ErrorInfo in a failed status's details is a real google.rpc.Status, as gRPC clients in
// other languages parse it: checked against descriptors of google.rpc.Status and ErrorInfo.
#include "common/ErrorInfo.h"

#include <google/protobuf/any.pb.h>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/dynamic_message.h>
#include <gtest/gtest.h>

using namespace google::protobuf;

namespace {

// google/rpc/status.proto and error_details.proto, only the messages used here.
const FileDescriptor *rpcFile(DescriptorPool *pool)
{
    FileDescriptorProto any;
    Any::descriptor()->file()->CopyTo(&any);
    pool->BuildFile(any);
    FileDescriptorProto file;
    file.set_name("google/rpc/test.proto");
    file.set_package("google.rpc");
    file.set_syntax("proto3");
    file.add_dependency("google/protobuf/any.proto");
    auto field
        = [](DescriptorProto *m, const char *name, int number, FieldDescriptorProto::Type type,
              bool repeated = false, const char *typeName = nullptr) {
              FieldDescriptorProto *f = m->add_field();
              f->set_name(name);
              f->set_number(number);
              f->set_type(type);
              f->set_label(repeated ? FieldDescriptorProto::LABEL_REPEATED
                                    : FieldDescriptorProto::LABEL_OPTIONAL);
              if (typeName)
                  f->set_type_name(typeName);
          };
    DescriptorProto *status = file.add_message_type();
    status->set_name("Status");
    field(status, "code", 1, FieldDescriptorProto::TYPE_INT32);
    field(status, "message", 2, FieldDescriptorProto::TYPE_STRING);
    field(status, "details", 3, FieldDescriptorProto::TYPE_MESSAGE, true, ".google.protobuf.Any");
    DescriptorProto *info = file.add_message_type();
    info->set_name("ErrorInfo");
    field(info, "reason", 1, FieldDescriptorProto::TYPE_STRING);
    field(info, "domain", 2, FieldDescriptorProto::TYPE_STRING);
    field(info, "metadata", 3, FieldDescriptorProto::TYPE_MESSAGE, true,
        ".google.rpc.ErrorInfo.MetadataEntry");
    DescriptorProto *entry = info->add_nested_type();
    entry->set_name("MetadataEntry");
    entry->mutable_options()->set_map_entry(true);
    field(entry, "key", 1, FieldDescriptorProto::TYPE_STRING);
    field(entry, "value", 2, FieldDescriptorProto::TYPE_STRING);
    return pool->BuildFile(file);
}

suanli::ErrorInfo outage()
{
    suanli::ErrorInfo info;
    info.reason = suanli::kSchedulerUnreachable;
    info.domain = suanli::kErrorDomain;
    info.metadata = { { "backend", "slurm" }, { "unreachable_seconds", "42" } };
    return info;
}

} // namespace

TEST(ErrorInfo, IsAGoogleRpcStatusWithAnErrorInfoDetail)
{
    const std::string bytes = suanli::encodeStatusDetails(14, "Slurm has not answered", outage());

    DescriptorPool pool;
    const FileDescriptor *file = rpcFile(&pool);
    ASSERT_NE(file, nullptr);
    DynamicMessageFactory factory(&pool);
    std::unique_ptr<Message> status(
        factory.GetPrototype(file->FindMessageTypeByName("Status"))->New());
    ASSERT_TRUE(status->ParseFromString(bytes));
    const Reflection *r = status->GetReflection();
    const Descriptor *d = status->GetDescriptor();
    EXPECT_EQ(r->GetInt32(*status, d->FindFieldByName("code")), 14);
    EXPECT_EQ(r->GetString(*status, d->FindFieldByName("message")), "Slurm has not answered");
    ASSERT_EQ(r->FieldSize(*status, d->FindFieldByName("details")), 1);
    Any any;
    ASSERT_TRUE(any.ParseFromString(
        r->GetRepeatedMessage(*status, d->FindFieldByName("details"), 0).SerializeAsString()));
    EXPECT_EQ(any.type_url(), "type.googleapis.com/google.rpc.ErrorInfo");

    std::unique_ptr<Message> info(
        factory.GetPrototype(file->FindMessageTypeByName("ErrorInfo"))->New());
    ASSERT_TRUE(info->ParseFromString(any.value()));
    const Descriptor *id = info->GetDescriptor();
    const Reflection *ir = info->GetReflection();
    EXPECT_EQ(ir->GetString(*info, id->FindFieldByName("reason")), "SCHEDULER_UNREACHABLE");
    EXPECT_EQ(ir->GetString(*info, id->FindFieldByName("domain")), "suanli");
    const FieldDescriptor *metadata = id->FindFieldByName("metadata");
    std::map<std::string, std::string> entries;
    for (int i = 0; i < ir->FieldSize(*info, metadata); ++i) {
        const Message &e = ir->GetRepeatedMessage(*info, metadata, i);
        entries[e.GetReflection()->GetString(e, e.GetDescriptor()->FindFieldByName("key"))]
            = e.GetReflection()->GetString(e, e.GetDescriptor()->FindFieldByName("value"));
    }
    EXPECT_EQ(entries, outage().metadata);
}

TEST(ErrorInfo, ReadsBackWhatItWroteAndNothingFromOtherBytes)
{
    const auto info = suanli::decodeErrorInfo(suanli::encodeStatusDetails(14, "x", outage()));
    ASSERT_TRUE(info);
    EXPECT_EQ(info->reason, suanli::kSchedulerUnreachable);
    EXPECT_EQ(info->domain, suanli::kErrorDomain);
    EXPECT_EQ(info->metadata, outage().metadata);
    EXPECT_EQ(info->value("backend"), "slurm");
    EXPECT_EQ(info->value("missing", "fallback"), "fallback");

    EXPECT_FALSE(suanli::decodeErrorInfo(""));
    EXPECT_FALSE(suanli::decodeErrorInfo("not a protobuf \xff\xff\xff"));
    // A status whose detail is of another type.
    Any other;
    other.set_type_url("type.googleapis.com/google.rpc.RetryInfo");
    other.set_value("\x0a\x00", 2);
    UnknownFieldSet status;
    status.AddVarint(1, 14);
    status.AddLengthDelimited(3, other.SerializeAsString());
    std::string bytes;
    status.SerializeToString(&bytes);
    EXPECT_FALSE(suanli::decodeErrorInfo(bytes));
}
