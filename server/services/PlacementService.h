#pragma once

#include "server/gateway/ServiceBase.h"
#include "server/placement/ForecastInput.h"
#include "server/placement/ForecastTracker.h"
#include "suanli/v1/placement.grpc.pb.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace suanli::server {

// PlacementService answers "where can this run?" for this centre (QuotePlacement) from the
// gateway's cache through the forecaster, and keeps score of its start forecasts: a thread of its
// own forecasts every waiting job periodically and checks the forecasts as the jobs start
// (GetForecastAccuracy).
class PlacementService final : public v1::Placement::CallbackService, public ServiceBase {
public:
    PlacementService(GatewayContext &ctx, std::chrono::milliseconds sweepEvery);
    ~PlacementService() override;

    grpc::ServerUnaryReactor *QuotePlacement(grpc::CallbackServerContext *call,
        const v1::QuotePlacementRequest *request, v1::QuotePlacementResponse *response) override;
    grpc::ServerUnaryReactor *GetForecastAccuracy(grpc::CallbackServerContext *call,
        const v1::GetForecastAccuracyRequest *request,
        v1::GetForecastAccuracyResponse *response) override;

    // Forecasts every waiting job and scores the forecasts of jobs that started (the sweep
    // thread's work, callable by tests).
    void sweep();

private:
    placement::ForecastInput input() const;
    int64_t nowS() const;

    placement::ForecastTracker m_tracker;
    const std::chrono::milliseconds m_sweepEvery;
    std::mutex m_stopMutex;
    std::condition_variable m_stopCv;
    bool m_stopping = false;
    std::thread m_sweeper;
};

} // namespace suanli::server
