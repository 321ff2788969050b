#include "common/PlacementRanking.h"

#include <algorithm>
#include <tuple>

namespace suanli {

std::optional<PlacementOrder> parsePlacementOrder(std::string_view text)
{
    if (text == "soonest")
        return PlacementOrder::Soonest;
    if (text == "greenest")
        return PlacementOrder::Greenest;
    if (text == "domestic")
        return PlacementOrder::Domestic;
    return std::nullopt;
}

std::vector<PlacementRow> rankPlacements(
    const std::vector<CentreAnswer> &answers, PlacementOrder order)
{
    std::vector<PlacementRow> rows;
    for (size_t a = 0; a < answers.size(); ++a) {
        const CentreAnswer &answer = answers[a];
        if (!answer.answered) {
            rows.push_back({ a, -1, false });
            continue;
        }
        for (int q = 0; q < answer.response.quotes_size(); ++q) {
            const auto &quote = answer.response.quotes(q);
            const bool runnable = quote.has_forecast() && quote.forecast().available()
                && answer.response.reasons_size() == 0;
            rows.push_back({ a, q, runnable });
        }
    }
    auto group = [&](const PlacementRow &r) { return r.quote < 0 ? 2 : r.runnable ? 0 : 1; };
    auto quoteOf = [&](const PlacementRow &r) -> const v1::ModelQuote & {
        return answers[r.answer].response.quotes(r.quote);
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const PlacementRow &x, const PlacementRow &y) {
        if (group(x) != group(y))
            return group(x) < group(y);
        const auto &cx = answers[x.answer].centre;
        const auto &cy = answers[y.answer].centre;
        if (group(x) != 0)
            return std::tie(cx, x.quote) < std::tie(cy, y.quote);
        const auto &qx = quoteOf(x);
        const auto &qy = quoteOf(y);
        const auto soonest = [](const v1::ModelQuote &q) {
            return std::make_tuple(q.forecast().start_in_seconds_p50(),
                q.forecast().start_in_seconds_p90() - q.forecast().start_in_seconds_p10());
        };
        // Unknown emissions rank after every known figure.
        const auto co2 = [](const v1::ModelQuote &q) {
            return q.carbon().g_per_kwh() > 0 ? q.co2_kg() : 1e300;
        };
        switch (order) {
        case PlacementOrder::Greenest:
            if (co2(qx) != co2(qy))
                return co2(qx) < co2(qy);
            break;
        case PlacementOrder::Domestic:
            if (qx.domestic() != qy.domestic())
                return qx.domestic();
            break;
        case PlacementOrder::Soonest:
            break;
        }
        if (soonest(qx) != soonest(qy))
            return soonest(qx) < soonest(qy);
        return std::tie(cx, x.quote) < std::tie(cy, y.quote);
    });
    return rows;
}

} // namespace suanli
