#pragma once
// --help for the benchmarks: each prints its usage and exits instead of
// starting a run that may take many minutes.
#include <cstdio>
#include <string_view>

namespace suanli::bench {

// True (after printing `usage`) when any argument asks for help.
inline bool helpAsked(int argc, char **argv, const char *usage)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage, stdout);
            return true;
        }
    }
    return false;
}

} // namespace suanli::bench
