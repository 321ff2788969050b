#include "server/backends/slurm/Topology.h"

#include "server/backends/slurm/SlurmText.h"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace suanli::server {

Topology Topology::fromFile(const std::string &path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read the topology file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return fromText(text.str(), path);
}

Topology Topology::fromText(const std::string &text, const std::string &origin)
{
    Topology topology;
    std::istringstream lines(text);
    std::string line;
    int number = 0;
    while (std::getline(lines, line)) {
        ++number;
        if (auto hash = line.find('#'); hash != std::string::npos)
            line.resize(hash);
        std::istringstream words(line);
        std::string rack, nodes, word;
        while (words >> word) {
            if (word.rfind("SwitchName=", 0) == 0)
                rack = word.substr(11);
            else if (word.rfind("Nodes=", 0) == 0)
                nodes = word.substr(6);
            else if (word.rfind("Switches=", 0) == 0 || word.rfind("LinkSpeed=", 0) == 0)
                continue;
            else if (rack.empty())
                rack = word;
            else if (nodes.empty())
                nodes = word;
            else
                throw std::runtime_error(origin + ":" + std::to_string(number)
                    + ": expected 'RACK HOSTLIST' or 'SwitchName=RACK Nodes=HOSTLIST'");
        }
        if (!rack.empty() && rack.back() == ':')
            rack.pop_back();
        if (rack.empty() || nodes.empty())
            continue; // blank line, or a spine switch with no nodes
        for (const auto &node : slurm::expandHostlist(nodes))
            topology.m_rackOf[node] = rack;
    }
    return topology;
}

std::string Topology::rackOf(const std::string &node) const
{
    if (auto it = m_rackOf.find(node); it != m_rackOf.end())
        return it->second;
    if (auto dash = node.rfind('-'); dash != std::string::npos && dash > 0)
        return node.substr(0, dash);
    size_t end = node.size();
    while (end > 0 && std::isdigit(uint8_t(node[end - 1])))
        --end;
    return end > 0 && end < node.size() ? node.substr(0, end) : node;
}

} // namespace suanli::server
