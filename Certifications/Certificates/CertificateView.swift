import Foundation
import XinyuCore

/// What a certificate's page shows, as of a date (issue #16): the teacher, school, level, dates, award number,
/// verification code and standing. The public verification shows only ``verification``.
public struct CertificateView: Sendable, Codable, Hashable {
    public var number: String
    public var teacher: String
    public var name: String
    public var school: String
    public var schoolName: String
    public var level: Level
    public var issued: Day
    /// The current cycle (when valid), else the last one: its end is the expiry date.
    public var cycleStart: Day
    public var cycleEnd: Day
    public var status: CertificateStatus
    /// The verification code, nil when none was issued (a view that did not ask for one).
    public var code: String?
    public var revocation: CertificateRevocation?
    public var asOf: Day

    /// What `GET /verify/{code}` shows: level, dates, status, and the name with all but its first character
    /// masked; nothing else (no school, no award number, no teacher id).
    public struct Verification: Sendable, Codable, Hashable {
        public var level: Level
        public var issued: Day
        public var cycleEnd: Day
        public var status: CertificateStatus
        public var maskedName: String
        /// The day the revocation took effect, when revoked.
        public var revokedOn: Day?
        public var asOf: Day
    }

    /// The public part.
    public var verification: Verification {
        Verification(
            level: level, issued: issued, cycleEnd: cycleEnd, status: status, maskedName: MaskedName.mask(name),
            revokedOn: revocation.map { Day(date: $0.at) }, asOf: asOf)
    }
}

extension Day {
    /// The calendar day of an instant in the local time zone.
    public init(date: Date) {
        let c = Calendar.current.dateComponents([.year, .month, .day], from: date)
        self = Day(year: c.year ?? 1970, month: c.month ?? 1, day: c.day ?? 1) ?? Day(year: 1970, month: 1, day: 1)!
    }
}
