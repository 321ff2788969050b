#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace suanli::server::placement {

// ForecastInput is what the forecaster knows of a centre: only what the gateway's cache holds
// (nodes, jobs with their sizes, times, limits and priorities, quotas, finished jobs), with
// names turned into small indices. Times are seconds since the epoch.
struct ForecastInput {
    struct Model {
        std::string name; // as the scheduler names it, e.g. "910b"
        int value = 0; // suanli.v1.AcceleratorModel
    };
    struct Queue {
        std::string name;
        int model = 0; // index into models
        int64_t maxTimeSeconds = 0; // 0: no limit known
    };
    struct Node {
        std::vector<uint16_t> queues;
        int32_t healthy = 0; // accelerators not failed
        int32_t allocated = 0;
        bool inService = false; // up and not draining, drained or in maintenance
    };
    // A job running or pending; a held job is left out.
    struct Job {
        std::string id;
        uint16_t queue = 0;
        int32_t tenant = -1; // index into accounts; -1: none
        int32_t project = -1;
        int32_t accelerators = 0;
        int32_t perNode = 0; // accelerators on each node; 0: not known
        int64_t priority = 0;
        int64_t submitS = 0;
        int64_t startS = 0; // running jobs
        int64_t limitS = 0; // time limit; 0: the queue's
        // Running jobs: whether the accelerators return to the queue when it ends (its nodes
        // are all in service).
        bool releases = true;
    };
    // A tenant or a project with its limits: per model index (-1: no limit of that model) and
    // across all models (-1: none).
    struct Account {
        std::string id;
        std::vector<int64_t> perModel;
        int64_t allModels = -1;
    };
    // A job that ran and ended: how long it ran against what it asked.
    struct Finished {
        uint16_t queue = 0;
        int32_t accelerators = 0;
        int64_t ranS = 0; // 0 for a job that ended before it started
        int64_t limitS = 0;
        int64_t submitS = 0;
        int64_t priority = 0;
        int32_t tenant = -1;
        int32_t project = -1;
        bool started = true;
    };

    int64_t nowS = 0;
    std::vector<Model> models;
    std::vector<Queue> queues;
    std::vector<Node> nodes;
    std::vector<Job> running;
    std::vector<Job> pending;
    std::vector<Account> accounts;
    std::vector<Finished> finished;

    int queueIndex(const std::string &name) const;
    int accountIndex(const std::string &id) const;
};

} // namespace suanli::server::placement
