import Foundation
import Hummingbird
import XinyuCore

/// `GET /health`.
public struct HealthDTO: Codable, Sendable {
    public var status: String
    public var schools: Int
    public var teachers: Int
}

/// A teacher as the API shows it (stored record fields under API names).
public struct TeacherDTO: Codable, Sendable, Hashable {
    public var id: String
    public var school: String
    public var name: String
    public var role: Role
    public var hired: String?
    public var status: TeacherStatus

    public init(_ t: Teacher) {
        id = t.id
        school = t.schoolId
        name = t.name
        role = t.role
        hired = t.hired?.description
        status = t.status
    }
}

/// One page of `GET /api/v1/teachers`.
public struct TeacherPageDTO: Codable, Sendable {
    public var total: Int
    public var limit: Int
    public var offset: Int
    public var teachers: [TeacherDTO]
}

/// `GET /api/v1/schools`.
public struct SchoolListDTO: Codable, Sendable {
    public var schools: [SchoolSummary]
}
