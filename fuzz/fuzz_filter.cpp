// The filter and order_by languages, as suanlictl, the gateway's List calls and the console's
// filter bar take them from users: any text parses to a filter or to an error with a position
// inside the text, and a parsed filter matches a message without failing.
#include "common/FieldSet.h"
#include "common/Filter.h"
#include "common/FilterError.h"
#include "common/Ordering.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/scheduler.pb.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace suanli;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the collection, the rest is the text.
    const std::string_view text(reinterpret_cast<const char *>(data) + 1, size - 1);
    const bool jobs = data[0] & 1;
    const FieldSet &fields = jobs ? jobFields() : nodeFields();
    v1::Node node;
    node.set_name("lg-r0017-n3");
    node.set_state(v1::NODE_STATE_DRAINED);
    node.set_reason("XID 79");
    v1::Job job;
    job.set_id("1007711");
    job.set_tenant("galaxy");
    job.set_accelerators(64);
    const google::protobuf::Message &message = jobs
        ? static_cast<const google::protobuf::Message &>(job)
        : static_cast<const google::protobuf::Message &>(node);
    const MatchContext ctx;

    FilterError error;
    if (auto filter = Filter::parse(text, fields, &error))
        (void)filter->matches(message, ctx);
    else if (error.position < 0 || size_t(error.position) > text.size() || error.message.empty())
        std::abort(); // an error points inside the text (or just past its end) and says why

    FilterError orderError;
    if (auto ordering = Ordering::parse(text, fields, &orderError))
        (void)ordering->less(message, message, ctx);
    return 0;
}
