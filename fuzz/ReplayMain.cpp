// Runs a fuzz target over every file in the folders (or files) named on the command line: the
// seed corpus and any inputs that once failed, replayed by `make test` in the normal build,
// without libFuzzer. An empty or missing folder is a failure, so a corpus that went missing
// cannot pass silently.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace fs = std::filesystem;

namespace {
bool replay(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "cannot read %s\n", file.c_str());
        return false;
    }
    const std::vector<char> bytes { std::istreambuf_iterator<char>(in), {} };
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size());
    return true;
}
} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR|FILE...\n", argv[0]);
        return 2;
    }
    size_t inputs = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        std::error_code error;
        if (fs::is_regular_file(path, error)) {
            inputs += replay(path) ? 1 : 0;
            continue;
        }
        size_t here = 0;
        for (const auto &entry : fs::recursive_directory_iterator(path, error))
            if (entry.is_regular_file())
                here += replay(entry.path()) ? 1 : 0;
        if (here == 0) {
            std::fprintf(stderr, "%s: no inputs (a corpus folder must not be empty)\n", argv[i]);
            return 1;
        }
        inputs += here;
    }
    std::printf("%zu inputs replayed\n", inputs);
    return 0;
}
