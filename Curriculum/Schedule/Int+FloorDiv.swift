/// Division rounding toward negative infinity (weeks before the term's first Monday are 0 or less).
extension Int {
    func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}
