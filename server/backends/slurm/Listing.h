#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace suanli::server::slurm {

// How one read of Slurm went.
enum class Fetch { Changed, Unchanged, Failed };

// One read of a collection (nodes, jobs or partitions), whichever way it was
// read: each entry's key and a fingerprint of every field the mapping reads,
// and `map` to turn an entry into a record. The backend maps only entries
// whose fingerprint changed, so a tick costs what changed, not the cluster's size.
template <class Record> struct Listing {
    Fetch status = Fetch::Failed;
    std::string error;
    bool unreachable = false; // no answer from Slurm (as opposed to a refusal)
    std::vector<std::string> keys;
    std::vector<uint64_t> fingerprints;
    std::function<Record(size_t)> map; // valid while this listing lives
    std::shared_ptr<void> holder; // what `map` reads from
};

// FNV-1a over the fields a mapping reads.
class Fingerprint {
public:
    void add(std::string_view text)
    {
        for (unsigned char c : text)
            step(c);
        step(0xff); // keeps "ab","c" apart from "a","bc"
    }
    void add(const char *text) { add(text ? std::string_view(text) : std::string_view("\x01")); }
    void add(uint64_t value)
    {
        for (int i = 0; i < 8; ++i)
            step(uint8_t(value >> (8 * i)));
    }
    uint64_t value() const { return m_hash; }

private:
    void step(uint8_t byte)
    {
        m_hash ^= byte;
        m_hash *= 0x100000001b3ULL;
    }
    uint64_t m_hash = 0xcbf29ce484222325ULL;
};

} // namespace suanli::server::slurm
