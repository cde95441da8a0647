package dev.fila.simulation.erlang;

import org.apache.commons.math3.special.Gamma;

/**
 * The lower incomplete gamma function γ(a, y) = ∫₀^y u^{a−1} e^{−u} du, in the scaled form Erlang A
 * needs, F(a, y) = e^y y^{−a} γ(a, y) = Σ_{k≥0} y^k / (a(a+1)…(a+k)), returned as a logarithm so that
 * neither the factor e^y nor γ itself leaves the range of a double.
 *
 * <p>For y &lt; a + 1 the series converges at once (its terms fall from the first) and is summed here;
 * for larger y, F = e^y y^{−a} Γ(a) (1 − Q(a, y)) with the regularized upper function Q by commons-math's
 * continued fraction, where Q ≤ ½ so 1 − Q loses nothing. (commons-math's own P(a, y) would multiply
 * the series by e^{−y} y^a / Γ(a) and underflow to 0 for a ≫ y.)
 */
final class IncompleteGamma {

    private IncompleteGamma() {}

    /** ln F(a, y) for a &gt; 0, y ≥ 0. */
    static double lnScaledLower(double a, double y) {
        if (y < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int k = 1; term > sum * 1e-17; k++) {
                term *= y / (a + k);
                sum += term;
            }
            return Math.log(sum);
        }
        return y - a * Math.log(y) + Gamma.logGamma(a) + Math.log1p(-Gamma.regularizedGammaQ(a, y));
    }
}
