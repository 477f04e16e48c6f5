#ifndef CTDIFF_MATH_DETAIL_ERF_CORE_HPP
#define CTDIFF_MATH_DETAIL_ERF_CORE_HPP

/// \file
/// Private to ctdiff::math: erf and erfc in double, from two approximations chosen by selects.
///
/// - erf(a) = a + a·P(a²) for 0 ≤ a ≤ 1.125 (P: degree 14, a Chebyshev fit of erf(a)/a − 1 made with
///   mpmath, relative error of 1 + P below 2^-56).
/// - erfc(a) = e^{−a²}·erfcx(a) for a ≥ 15/32, erfcx(a) = e^{a²}·erfc(a) a smooth function fitted by
///   a degree-19 polynomial in a − centre on each of eight intervals from 15/32 to 30.375 (each
///   spans a ratio of 1.5 to 2: no division anywhere). The constant term is a double-double
///   (hi + lo), so its rounding costs nothing; fit errors 2^-55.3 or less (docs/math.md).
///   e^{−a²} comes from a² = hi + lo exactly enough (split_square) and is kept as 2^k·(1 + s) until
///   the end: erfc = 2^k·(erfcx·(1 + s)), scaled once (gradual underflow from a ≈ 26.55 on).
/// The callers combine them with selects at erf_cut = 15/16: erf = 1 − erfc above it (erfc < 0.19
/// there, so its error shrinks 4-fold; below it, the cancellation inside P costs less than near
/// 1.125, where a + a·P reached 1.5 ULP), erfc = 1 − erf below 15/32 (erf < 1/2), 1 + erf or 2 − erfc for negative x.

#include <ctdiff/math/detail/common.hpp>
#include <ctdiff/math/detail/exp_core.hpp>

namespace ctdiff::math::detail {

/// erf(a)/a − 1 as a polynomial in z = a², highest coefficient first.
inline constexpr double erf_poly[] =
    {2.484583811208448e-13, -5.950877713011624e-12, 9.239678092622409e-11, -1.2260765118387217e-09, 1.4803780241498737e-08, -1.6365563817413706e-07, 1.6462097649861688e-06, -1.4925649642730326e-05, 0.0001205533296011076, -0.0008548327023000128, 0.005223977625436067, -0.02686617064513075, 0.11283791670955123, -0.37612638903183754, 0.1283791670955126};

/// erfcx(a) on eight intervals, a polynomial in u = a − centre each (u exact by Sterbenz: every
/// interval lies in [centre/2, 2·centre]); per row: 19 coefficients, highest first, then the
/// constant term as lo, hi. Fit errors as printed (Chebyshev interpolation in mpmath, evaluated
/// with the coefficients as stored; the rounding of the linear coefficient dominates).
inline constexpr double erfcx_lower[] = {0.46875, 1.0, 2.0, 4.0, 6.0, 9.0, 13.5, 20.25};
inline constexpr double erfcx_centre[] = {0.75, 1.5, 3.0, 5.0, 7.5, 11.25, 16.875, 25.3125};
inline constexpr double erfcx_poly[8][21] = {
    // a in [0.46875, 1), u = a - 0.75: fit error 8.6e-18 (2^-56.7)
    {-1.1919360023930725e-08, 3.842311755547525e-08, -1.2885963963734437e-07, 4.3433788837011007e-07, -1.4241309578567129e-06, 4.5437419836734816e-06, -1.4088460957762835e-05, 4.237247984875597e-05, -0.0001233543754430382, 0.000346750662940996, -0.0009385120614726889, 0.002437637360757153, -0.00605153229720861, 0.014289198665935789, -0.03189726203968182, 0.06679054252756873, -0.1298360619948811, 0.2309581315512983, -0.3679726916557954, -5.3356810362000184e-17, 0.5069376502931449},
    // a in [1, 2), u = a - 1.5: fit error 1.7e-17 (2^-55.7)
    {-2.2549271605029615e-10, 8.979502147040172e-10, -3.2242266939179187e-09, 1.2288470192463931e-08, -4.5970329037492514e-08, 1.6756034844048246e-07, -5.960819078215798e-07, 2.066968881634488e-06, -6.9749916653834805e-06, 2.2864312423194544e-05, -7.265892219254739e-05, 0.0002233099443389221, -0.000661930066411685, 0.0018861348770302729, -0.005145957547985023, 0.013377340953066709, -0.03293090529956264, 0.0761510398554774, -0.16362291773256007, 1.7007884531435613e-17, 0.3215854164543175},
    // a in [2, 4), u = a - 3.0: fit error 1.3e-17 (2^-56.1)
    {-3.32463503923892e-13, 1.6647790649164353e-12, -6.555844952443731e-12, 3.165046186861128e-11, -1.539306000137148e-10, 7.206556491473509e-10, -3.312780752600577e-09, 1.4977112890287265e-08, -6.646690382092543e-08, 2.8926692938101366e-07, -1.2333677143104898e-06, 5.146436493852072e-06, -2.0989464462229973e-05, 8.355413963925958e-05, -0.00032412554449670324, 0.0012230390523759822, -0.00447943101837258, 0.01588437115987136, -0.05437226000717287, -5.552119524704471e-18, 0.17900115118138996},
    // a in [4, 6), u = a - 5.0: fit error 1e-17 (2^-56.4)
    {-2.982071337988898e-16, 1.948377326507574e-15, -1.1118364936772314e-14, 7.107047616671595e-14, -4.528801602024238e-13, 2.8368468441865878e-12, -1.7577366749976173e-11, 1.0774076839884396e-10, -6.529591306226997e-10, 3.911242694721211e-09, -2.3147487660861367e-08, 1.3529365088737948e-07, -7.806319491797785e-07, 4.4443343496390134e-06, -2.4953883570284012e-05, 0.00013810242090031514, -0.0007528968134272888, 0.0040406889089370755, -0.02133278976482631, -1.832433743511016e-18, 0.11070463773306863},
    // a in [6, 9), u = a - 7.5: fit error 1.4e-17 (2^-56.0)
    {-4.1995895027245105e-19, 3.638755466849633e-18, -2.6618960943191777e-17, 2.274433030241305e-16, -1.9540708276197977e-15, 1.6496086087104734e-14, -1.3831878023656977e-13, 1.1528148452902557e-12, -9.545273947402476e-12, 7.850651024696932e-11, -6.412977451935124e-10, 5.202265585339549e-09, -4.190283179591701e-08, 3.350803008371389e-07, -2.6597621675463405e-06, 2.0953457159102126e-05, -0.0001638003341121349, 0.0012704094201592168, -0.009773771152362328, -3.4167014977205534e-18, 0.07457369306287669},
    // a in [9, 13.5), u = a - 11.25: fit error 2.2e-17 (2^-55.3)
    {-2.9545649403473857e-22, 3.5717748975760966e-21, -3.5562578126033e-20, 4.2658318891099047e-19, -5.1806791019605924e-18, 6.174919693610205e-17, -7.330643664738171e-16, 8.6789379913578e-15, -1.0240464751350695e-13, 1.2041267766499585e-12, -1.4109648090298232e-11, 1.6475417329749594e-10, -1.9169778709958187e-09, 2.222501774362726e-08, -2.567408721604314e-07, 2.9550098650347247e-06, -3.3885713162043246e-05, 0.00038712429280305624, -0.004405976863777447, 8.504352876488109e-20, 0.04995436401029934},
    // a in [13.5, 20.25), u = a - 16.875: fit error 1.5e-17 (2^-55.9)
    {-1.361655205396107e-25, 2.3771519263185357e-24, -3.367900864343996e-23, 5.856641497696819e-22, -1.0355805383221794e-20, 1.795268550059088e-19, -3.1046940633881484e-18, 5.364737770235328e-17, -9.255001073208605e-16, 1.5939705664691645e-14, -2.7407268329828604e-13, 4.70467502943147e-12, -8.062471850173723e-11, 1.379360824906528e-09, -2.355890043452065e-08, 4.0169452730716115e-07, -6.837492399395119e-06, 0.000116186073294407, -0.0019708962254422107, -1.4265886781994825e-18, 0.033375059877631716},
    // a in [20.25, 30.375), u = a - 25.3125: fit error 1.2e-17 (2^-56.2)
    {-5.011819856679489e-29, 1.2884844116697143e-27, -2.667849657941756e-26, 6.846069900796993e-25, -1.7904566276338123e-23, 4.587968561502517e-22, -1.1737082605320799e-20, 3.0030356577947654e-19, -7.67791601048761e-18, 1.961491158748286e-16, -5.007250883531601e-15, 1.2772678314228507e-13, -3.255616842002298e-12, 8.29187084480897e-11, -2.1102744664812608e-09, 5.366507855814429e-08, -1.3636729871693464e-06, 3.4625302644840376e-05, -0.0008784984826782761, -5.385418667990039e-19, 0.022271618145438703},
};

/// Where erf switches from a + a·P(a²) to 1 − erfc.
inline constexpr double erf_cut = 0.9375;

/// erf(a) for 0 ≤ a ≤ 1.125 (any a ≥ 0 is accepted and gives a finite value). Scaled by 2^64 while
/// adding so that a subnormal a rounds once.
CTDIFF_MATH_INLINE constexpr double erf_small(double a) {
    CTDIFF_MATH_STRICT
    const double p = horner<15>(a * a, coef_table{erf_poly});
    const double as = a * 18446744073709551616.0; // 2^64
    return (as + as * p) * 5.421010862427522170e-20; // 2^-64
}

/// The coefficients of the interval that holds a, by a chain of selects.
struct erfcx_coef {
    double a;
    CTDIFF_MATH_INLINE constexpr double pick(const double (&tbl)[8]) const {
        double v = tbl[0];
        for (int i = 1; i < 8; ++i) {
            v = sel(a >= erfcx_lower[i], tbl[i], v);
        }
        return v;
    }
    CTDIFF_MATH_INLINE constexpr double operator()(std::size_t j) const {
        double v = erfcx_poly[0][j];
        for (int i = 1; i < 8; ++i) {
            v = sel(a >= erfcx_lower[i], erfcx_poly[i][j], v);
        }
        return v;
    }
};

/// c·erfc(a) for a ≥ 15/32 (any a ≥ 0 gives a finite value), c = 1 or 1/2 (exact), given a² = sq.hi
/// + sq.lo (for Φ, a² = x²/2 is formed from x, not from a rounded a). The interval's coefficients
/// are chosen by a chain of selects (no table lookup by index: no gather, no conversion).
/// erfcx = q_hi + q_lo is kept unrounded, e^{−a²} = 2^k·(1 + s): erfc = 2^k·(q_hi + (q_lo + q_hi·s
/// + q_lo·s)), rounded about once before the exact scaling.
CTDIFF_MATH_INLINE constexpr double erfc_tail(double a, dd sq, double c = 1.0) {
    CTDIFF_MATH_STRICT
    const double ac = min(max(a, 0.46875), 27.5);
    const erfcx_coef coef{ac};
    const double u = ac - coef.pick(erfcx_centre);
    const double p = horner<19>(u, coef);
    const double q_hi = coef(20);
    const double q_lo = coef(19) + p * u;
    const bool beyond = a > 27.5; // erfc(27.5) < 2^-1090: 0
    const exp_reduced e = exp_reduce(-min(sq.hi, 760.0), sel(beyond, 0.0, -sq.lo));
    const dd s = expm1_parts(e);
    const double y = q_hi + (q_lo + (q_hi * s.hi + (q_hi * s.lo + q_lo * s.hi)));
    const double r = scale(y * c, e.k);
    return sel(beyond, 0.0, r);
}

} // namespace ctdiff::math::detail

#endif
