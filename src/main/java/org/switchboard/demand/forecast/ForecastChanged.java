package org.switchboard.demand.forecast;

import java.time.Instant;

/** The adjusted forecast of a queue changed over [from, to): a new forecast or an adjustment. */
public record ForecastChanged(long queueId, Instant from, Instant to) {}
