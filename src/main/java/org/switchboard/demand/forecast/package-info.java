/**
 * Forecasting: the pure-Java methods (seasonal-naive, weighted-seasonal, double-seasonal Holt-Winters),
 * the backtest, and {@link org.switchboard.demand.forecast.ForecastService} that stores forecasts and
 * planner adjustments per queue and interval. Exposed to other modules as the named interface "forecast".
 */
@org.springframework.modulith.NamedInterface("forecast")
package org.switchboard.demand.forecast;
