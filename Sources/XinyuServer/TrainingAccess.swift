import Certifications
import Hummingbird
import XinyuAccounts
import XinyuCore

/// The one place where the training, submission and approval routes (issue #15) turn the caller's
/// ``AccessPolicy`` decisions into what the records keep (who acted, in which review capacity). Nothing else in
/// those routes checks roles.
///
/// - Reading one school's trainings and records: ``AccessPolicy/Resource/school(_:)``; every school's: district
///   (a district-scoped role's: its district's schools, cut by the route with ``AccessPolicy/ReadScope``).
/// - Entering a training or its sheet: ``AccessPolicy/Operation/writeTrainingRecords(school:)`` (the school's
///   school-admin, or a district-admin).
/// - Submitting an outside training: the teacher themself, or a writer of the teacher's school.
/// - Reviewing: a school-admin in the school-admin capacity for its own school (approve, return); a district-admin
///   in both capacities for every school (certify, return). Other roles: 403.
/// - An evidence file: that teacher, their school's school-admin, and district roles (a planner reads the
///   school's staff but not their evidence: 403).
/// - Reviewing records of another school than a school-admin's own: 403, checked on the records chosen
///   (``reviewSchools(_:)``) before anything moves.
struct TrainingAccess: Sendable {
    /// What a route is about to do.
    enum Need {
        /// Read lists of one school's (or, nil, every school's) trainings and records.
        case read(school: String?)
        /// Enter a training of a school, or its sign-in sheet.
        case writeTraining(school: String)
        /// Submit or correct a teacher's outside training.
        case submit(teacher: String, school: String)
        /// Approve, certify or return records.
        case review
        /// Read a record's evidence file.
        case readEvidence(teacher: String, school: String)
    }

    /// Who asks, as the records and transitions keep it, and what it may review.
    struct Caller: Sendable {
        var actor: String
        var scope: ReviewerScope
        var principal: Principal
        var address: String?
    }

    /// Refuses (403) a review by a caller limited to one school when a chosen record or course is another school's.
    func reviewSchools(_ caller: Caller, _ schools: [String]) throws {
        if let ids = caller.principal.districtSchools, schools.contains(where: { !ids.contains($0) }) {
            throw APIError(
                .forbidden, code: "forbidden",
                message: "role \(caller.principal.role.rawValue) may review only its district's records")
        }
        guard let own = caller.scope.school else { return }
        if schools.contains(where: { $0 != own }) {
            throw APIError(
                .forbidden, code: "forbidden",
                message: "role \(caller.principal.role.rawValue) may review only its own school's records")
        }
    }

    /// The caller of the request when it may do `need`; throws 401, 403 or 404 (outside its scope) otherwise.
    func check(_ context: XinyuRequestContext, _ need: Need) throws -> Caller {
        let (p, address) = try context.actor
        let none = ReviewerScope(capacities: [], school: nil)
        switch need {
        case .read(let school):
            if let school {
                try context.require(.read(.school(school)), notFound: "unknown school \(school)")
            } else if case .schools = try context.readScope() {
                // A district-scoped role's list without a school is its district's (the route cuts it).
            } else {
                try context.require(.read(.district))
            }
            return Caller(actor: p.name, scope: none, principal: p, address: address)
        case .writeTraining(let school):
            try context.require(.writeTrainingRecords(school: school))
            return Caller(actor: p.name, scope: none, principal: p, address: address)
        case .submit(let teacher, let school):
            if !(p.role == .teacher && p.teacher == teacher) {
                try context.require(.writeTrainingRecords(school: school))
            }
            return Caller(actor: p.name, scope: none, principal: p, address: address)
        case .review:
            switch p.role {
            case .districtAdmin:
                return Caller(actor: p.name, scope: .everything, principal: p, address: address)
            case .schoolAdmin:
                return Caller(
                    actor: p.name, scope: ReviewerScope(capacities: [.schoolAdmin], school: p.school),
                    principal: p, address: address)
            default:
                throw APIError(.forbidden, code: "forbidden", message: "role \(p.role.rawValue) may not review records")
            }
        case .readEvidence(let teacher, let school):
            try context.require(.read(.teacher(id: teacher, school: school)), notFound: "no such record")
            if p.role == .planner {
                throw APIError(.forbidden, code: "forbidden", message: "role planner may not read evidence files")
            }
            return Caller(actor: p.name, scope: none, principal: p, address: address)
        }
    }
}
