#pragma once

#include <map>
#include <string>

namespace suanli::server {

// Topology says which rack each node sits in. Slurm 22.05 knows no racks,
// so they come from a small file, or else from the node's name.
//
// File lines, '#' starts a comment:
//   SwitchName=r01 Nodes=n[1-2]     (Slurm's own topology.conf: leaf switch = rack)
//   r02 n[3-4]                      (rack, then a Slurm hostlist)
class Topology {
public:
    Topology() = default;
    // Throws std::runtime_error naming the file and line when it cannot be read.
    static Topology fromFile(const std::string &path);
    static Topology fromText(const std::string &text, const std::string &origin = "topology");

    // The node's rack: from the file, else the name without its last
    // "-part" ("lg-r0017-n3" -> "lg-r0017"), else its letters ("gpu12" -> "gpu").
    std::string rackOf(const std::string &node) const;
    size_t size() const { return m_rackOf.size(); }

private:
    std::map<std::string, std::string> m_rackOf;
};

} // namespace suanli::server
