package org.switchboard.demand.forecast;

import java.util.List;

/** The available forecasting methods and the one used by default. */
public final class Forecasting {

    private Forecasting() {}

    /** The method planners get by default. */
    public static ForecastMethod standard() {
        return new WeightedSeasonal();
    }

    /** Every method, the baseline first. */
    public static List<ForecastMethod> all() {
        return List.of(new SeasonalNaive(), new WeightedSeasonal(), new DoubleSeasonalHoltWinters());
    }
}
