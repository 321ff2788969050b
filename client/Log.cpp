#include "client/Log.h"

namespace suanli::client {

Q_LOGGING_CATEGORY(lcClient, "suanli.client")

} // namespace suanli::client
