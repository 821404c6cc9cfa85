/// The greatest common divisor of two whole numbers (of the other where one is 0): the demand grid's slot
/// that every meal round falls on, and the unit in which the person-by-person programme counts paid minutes.
public func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int { b == 0 ? a : greatestCommonDivisor(b, a % b) }
