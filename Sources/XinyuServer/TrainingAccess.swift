import Certifications
import Hummingbird
import XinyuCore

/// ─── THE ONE PLACE where the training, submission and approval routes (issue #15) decide who the caller is and
/// what it may do. ───
///
/// Today, before issue #14's accounts: every write (and reading an evidence file) needs the server's bearer token
/// (`--token-file`, `$XINYU_TOKEN`), whose holder is the district's operator, named `bootstrap`: both review
/// capacities, every school. Reads of lists are open like the server's other GET routes.
///
/// Wiring to #14 (the lead, at merge): build a `Principal` from the request and map each ``Need`` through
/// `AccessPolicy.decide` — `.writeTraining(school)` and `.review` → `.writeTrainingRecords(school:)` (a
/// school-admin: capacity school-admin, its school; a district-admin: both capacities, every school);
/// `.submit(teacher:school:)` → the teacher themself or a writer of that school; `.readEvidence(teacher:school:)`
/// → `.read(.teacher(id:school:))` (that teacher, their school's admins, district roles); `.read(school)` →
/// `.read(.school)` / `.read(.district)`. Nothing else in the routes checks roles.
struct TrainingAccess: Sendable {
    let auth: BearerToken

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
    }

    /// The caller of `request` when it may do `need`; throws 401/403 (or 404 outside its scope) otherwise.
    func check(_ request: Request, _ need: Need) throws -> Caller {
        switch need {
        case .read:
            return Caller(actor: "anonymous", scope: ReviewerScope(capacities: [], school: nil))
        case .writeTraining, .submit, .review, .readEvidence:
            try auth.authorize(request)
            return Caller(actor: "bootstrap", scope: .everything)
        }
    }
}
