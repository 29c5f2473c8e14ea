package org.switchboard.demand.forecast;

/**
 * Forecast accuracy over a set of intervals. {@code wape} = Σ|F−A| / ΣA and {@code bias} =
 * Σ(F−A) / ΣA (positive means over-forecast). Pairs where either value is NaN are left out. When
 * ΣA = 0 both are 0 if ΣF = 0 too, and +∞ (wape) / ±∞ (bias) otherwise.
 */
public record Accuracy(String method, double wape, double bias, double actualTotal, double forecastTotal) {

    /** WAPE as a percentage, for display. */
    public double wapePercent() {
        return 100 * wape;
    }

    /** Bias as a percentage, for display. */
    public double biasPercent() {
        return 100 * bias;
    }
}
