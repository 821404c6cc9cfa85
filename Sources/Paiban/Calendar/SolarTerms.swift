import Foundation

/// Solar terms (节气) from the sun's apparent longitude. Qingming (清明) is the day, in Beijing time,
/// on which the sun reaches 15°.
///
/// The longitude comes from the low-precision solar formula of Meeus, *Astronomical Algorithms*,
/// chapter 25 (about 0.01°, i.e. about 15 minutes of time). For 2000-2099 the tests check it against
/// the well-known closed form [Y×D+C]−L (Y = year mod 100, D = 0.2422, C = 4.81, L = ⌊Y/4⌋), which
/// gives the same day in every year; the nearest call is 2071 (00:05 on 5 April).
public enum SolarTerms {
    /// The sun's apparent ecliptic longitude in degrees (0..<360) at a Julian day (TT).
    static func apparentLongitude(julianDay jd: Double) -> Double {
        let t = (jd - 2_451_545.0) / 36_525
        let meanLongitude = 280.46646 + 36_000.76983 * t + 0.000_303_2 * t * t
        let meanAnomaly = (357.52911 + 35_999.05029 * t - 0.000_153_7 * t * t) * .pi / 180
        let centre = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin(meanAnomaly)
            + (0.019_993 - 0.000_101 * t) * sin(2 * meanAnomaly)
            + 0.000_289 * sin(3 * meanAnomaly)
        let node = (125.04 - 1_934.136 * t) * .pi / 180
        let apparent = meanLongitude + centre - 0.005_69 - 0.004_78 * sin(node)
        let reduced = apparent.truncatingRemainder(dividingBy: 360)
        return reduced < 0 ? reduced + 360 : reduced
    }

    /// The Beijing date on which the sun reaches `longitude` degrees, for the crossing nearest `near`.
    public static func date(sunAtLongitude longitude: Double, near: CivilDate) -> CivilDate {
        // JD 2440587.5 is 1970-01-01 00:00 UT, day number 0.
        var jd = Double(near.dayNumber) + 2_440_587.5 + 0.5
        for _ in 0..<8 {
            jd += remainder(longitude - apparentLongitude(julianDay: jd), 360) / 0.985_647_36
        }
        // TT to UT: ΔT is about 69 s this century (small beside the formula's error); then UTC+8.
        let beijing = jd - 69.0 / 86_400 + 8.0 / 24
        return CivilDate(dayNumber: Int((beijing - 2_440_587.5).rounded(.down)))
    }

    /// 清明: 4 or 5 April in this era.
    public static func qingming(year: Int) -> CivilDate {
        date(sunAtLongitude: 15, near: CivilDate(year: year, month: 4, day: 5)!)
    }
}
