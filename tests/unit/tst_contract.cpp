// The contract common/ holds for the gateway, the console and suanlictl alike: the names of
// metric series, status codes, request limits and who may call what.
#include "common/ChannelConfig.h"
#include "common/MetricNames.h"
#include "common/RequestLimits.h"
#include "common/StatusCodes.h"

#include <grpcpp/support/status_code_enum.h>
#include <gtest/gtest.h>

using namespace suanli;

TEST(Contract, MetricNamesOfOneModel)
{
    EXPECT_EQ(metric::perModel(metric::kAcceleratorsInUse, v1::ACCELERATOR_MODEL_NVIDIA_H100),
        "accelerators_in_use:H100");
    EXPECT_EQ(metric::baseName("accelerators_in_use:910B"), metric::kAcceleratorsInUse);
    EXPECT_EQ(metric::baseName(metric::kPue), "pue");
}

TEST(Contract, StatusCodeNamesFollowGrpcNumbers)
{
    EXPECT_EQ(statusCodeName(grpc::StatusCode::OK), "OK");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::INVALID_ARGUMENT), "INVALID_ARGUMENT");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::NOT_FOUND), "NOT_FOUND");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::PERMISSION_DENIED), "PERMISSION_DENIED");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::FAILED_PRECONDITION), "FAILED_PRECONDITION");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::UNAVAILABLE), "UNAVAILABLE");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::DATA_LOSS), "DATA_LOSS");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
    EXPECT_EQ(statusCodeName(17), "CODE_17");
    EXPECT_EQ(statusCodeName(-1), "CODE_-1");
}

TEST(Contract, ChannelRetriesUnavailableButNotCallsThatHandOutASecret)
{
    const std::string &config = channelServiceConfig();
    EXPECT_NE(config.find("\"maxAttempts\": " + std::to_string(kUnaryMaxAttempts) + ","),
        std::string::npos);
    EXPECT_EQ(kUnaryMaxAttempts, 4);
    EXPECT_NE(config.find("\"retryableStatusCodes\": [\"UNAVAILABLE\"]"), std::string::npos);
    // The two calls that hand out a token have a method entry of their own, without retries.
    const size_t exceptions = config.find("\"method\": \"CreateToken\"");
    ASSERT_NE(exceptions, std::string::npos);
    EXPECT_NE(config.find("\"method\": \"CreateUser\""), std::string::npos);
    EXPECT_EQ(config.find("retryPolicy", exceptions), std::string::npos);
}

namespace {
// "数" repeated: a Chinese character is one UTF-16 unit and three bytes of UTF-8.
std::u16string chinese(size_t characters)
{
    return std::u16string(characters, u'数');
}
std::string chineseUtf8(size_t characters)
{
    std::string out;
    for (size_t i = 0; i < characters; ++i)
        out += "\xE6\x95\xB0"; // 数
    return out;
}
} // namespace

TEST(Contract, TextIsMeasuredInBytesOfUtf8)
{
    EXPECT_EQ(utf8Bytes(std::u16string_view(u"drain")), 5u);
    EXPECT_EQ(utf8Bytes(std::u16string_view(u"算力中心")), 12u);
    EXPECT_EQ(utf8Bytes(std::u16string_view(u"é")), 2u);
    EXPECT_EQ(utf8Bytes(std::u16string_view(u"\U0001F525")), 4u); // a surrogate pair
    EXPECT_EQ(utf8Bytes(std::u16string_view(u"\xD800x", 2)), 4u); // a lone surrogate sent as U+FFFD
    EXPECT_EQ(utf8Bytes(std::u16string_view(chinese(350))), utf8Bytes(chineseUtf8(350)));
}

TEST(Contract, AChineseReasonIsHeldToTheBytesTheGatewayTakes)
{
    // 341 Chinese characters are 1,023 bytes: they fit, and no further character does.
    TextRoom room = textRoom(chinese(341), kReasonLimit);
    EXPECT_TRUE(room.fits);
    EXPECT_EQ(room.bytes, 1023u);
    EXPECT_EQ(room.characters, 0u);
    EXPECT_EQ(textTooLong(chineseUtf8(341), kReasonLimit), "");

    // 350 are 1,050 bytes, far below 1,000 characters: nine must go, and the gateway says so.
    room = textRoom(chinese(350), kReasonLimit);
    EXPECT_FALSE(room.fits);
    EXPECT_EQ(room.bytes, 1050u);
    EXPECT_EQ(room.characters, 9u);
    EXPECT_EQ(textTooLong(chineseUtf8(350), kReasonLimit), "reason is 1050 bytes; at most 1024");

    // What is left is counted in characters like the widest one typed.
    EXPECT_EQ(textRoom(u"", kReasonLimit).characters, 1024u);
    EXPECT_EQ(textRoom(u"drain", kReasonLimit).characters, 1019u);
    EXPECT_EQ(textRoom(u"维护", kReasonLimit).characters, (1024u - 6) / 3);
    EXPECT_EQ(textRoom(chinese(1000), kJustificationLimit).characters, (4096u - 3000) / 3);
}
