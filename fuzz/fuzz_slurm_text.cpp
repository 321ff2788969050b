// What the gateway parses from Slurm's text: hostlists, GRES and TRES strings, states and
// reasons, `scontrol show assoc_mgr`, exporter metrics and topology files. Slurm and the
// exporters are trusted to be Slurm and exporters, not to be well formed: no input may crash
// the gateway or make it allocate without bound.
#include "server/backends/slurm/ExporterMetrics.h"
#include "server/backends/slurm/SlurmMapping.h"
#include "server/backends/slurm/SlurmText.h"
#include "server/backends/slurm/Topology.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

using namespace suanli::server;
using namespace suanli::server::slurm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the parser, the rest is the text.
    const std::string text(reinterpret_cast<const char *>(data) + 1, size - 1);
    switch (data[0] % 10) {
    case 0:
        // Expanded names are capped; what cannot be expanded is kept as written.
        if (expandHostlist(text).size() > kMaxHostlistNames + text.size())
            std::abort();
        break;
    case 1:
        (void)parseIndexList(text);
        break;
    case 2:
        (void)parseGres(text);
        (void)acceleratorGres(text);
        break;
    case 3: {
        // What formatTres writes, parseTres reads back the same, for keys made of the
        // characters Slurm's TRES names have ("gres/gpu:a100", "license/x_y.z").
        const Tres tres = parseTres(text);
        const bool slurmNames = std::all_of(tres.begin(), tres.end(), [](const auto &item) {
            return std::all_of(item.first.begin(), item.first.end(),
                [](char c) { return std::isalnum(uint8_t(c)) || std::strchr("/:_.-", c); });
        });
        if (slurmNames && parseTres(formatTres(tres)) != tres)
            std::abort();
        (void)tresAccelerators(tres);
        break;
    }
    case 4: {
        const auto space = text.find(' ');
        std::vector<std::string> flags;
        if (space != std::string::npos)
            flags.push_back(text.substr(space + 1));
        (void)mapNodeState(text.substr(0, space), flags);
        (void)mapJobState(text, text);
        (void)mapPendingReason(text);
        (void)reasonWords(text);
        break;
    }
    case 5: {
        const auto [reason, user] = splitReasonUser(text);
        (void)reasonWithUser(reason, user);
        break;
    }
    case 6:
        (void)parseAssocMgr(text);
        break;
    case 7:
        (void)parseAssocMgrAssociations(text);
        break;
    case 8:
        (void)parseExporterMetrics(text);
        break;
    case 9:
        try {
            (void)Topology::fromText(text).rackOf("lg-r0017-n3");
        } catch (const std::runtime_error &) {
            // A malformed file is refused with its line: what suanlid reports at start.
        }
        break;
    }
    return 0;
}
