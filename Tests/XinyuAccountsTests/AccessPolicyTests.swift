import Testing
import XinyuCore

@testable import XinyuAccounts

@Suite struct AccessPolicyTests {
    let districtAdmin = Principal(name: "a", role: .districtAdmin, via: .session)
    let viewer = Principal(name: "v", role: .districtViewer, via: .session)
    let schoolAdmin = Principal(name: "s", role: .schoolAdmin, school: "S1", via: .session)
    let planner = Principal(name: "p", role: .planner, school: "S1", via: .session)
    let teacher = Principal(name: "t", role: .teacher, school: "S1", teacher: "T1", via: .session)
    let feed = Principal(name: "f", role: .feed, via: .token(id: "tok-1"))

    @Test func readsFollowTheScope() {
        let decide = AccessPolicy.decide
        for p in [districtAdmin, viewer] {
            #expect(decide(p, .read(.district)) == .allow)
            #expect(decide(p, .read(.school("S2"))) == .allow)
            #expect(decide(p, .read(.teacher(id: "T3", school: "S2"))) == .allow)
        }
        for p in [schoolAdmin, planner] {
            #expect(decide(p, .read(.district)) == .forbidden)
            #expect(decide(p, .read(.school("S1"))) == .allow)
            #expect(decide(p, .read(.school("S2"))) == .notFound)
            #expect(decide(p, .read(.teacher(id: "T2", school: "S1"))) == .allow)
            #expect(decide(p, .read(.teacher(id: "T3", school: "S2"))) == .notFound)
        }
        #expect(decide(teacher, .read(.teacher(id: "T1", school: "S1"))) == .allow)
        #expect(decide(teacher, .read(.teacher(id: "T2", school: "S1"))) == .notFound)
        #expect(decide(teacher, .read(.school("S1"))) == .forbidden)
        #expect(decide(teacher, .read(.school("S2"))) == .notFound)
        for p in [districtAdmin, viewer, schoolAdmin, planner, teacher] { #expect(decide(p, .read(.library)) == .allow) }
        #expect(decide(feed, .read(.library)) == .forbidden)
        #expect(decide(feed, .read(.school("S1"))) == .forbidden)
    }

    @Test func writesNeedTheRoleAndTheScope() {
        let decide = AccessPolicy.decide
        #expect(decide(districtAdmin, .importFeed) == .allow)
        #expect(decide(feed, .importFeed) == .allow)
        for p in [viewer, schoolAdmin, planner, teacher] { #expect(decide(p, .importFeed) == .forbidden) }
        #expect(decide(planner, .buildSchedule(school: "S1")) == .allow)
        #expect(decide(planner, .buildSchedule(school: "S2")) == .forbidden)
        #expect(decide(schoolAdmin, .buildSchedule(school: "S1")) == .forbidden)
        #expect(decide(schoolAdmin, .writeTrainingRecords(school: "S1")) == .allow)
        #expect(decide(schoolAdmin, .writeTrainingRecords(school: "S2")) == .forbidden)
        #expect(decide(districtAdmin, .read(.auditTrail)) == .allow)
        #expect(decide(viewer, .read(.auditTrail)) == .forbidden)
        #expect(decide(viewer, .manageUsers) == .forbidden)
        #expect(decide(districtAdmin, .manageUsers) == .allow)
    }

    /// Issue #19: a school's school-admins and planners write its own plans; the district's library and its review
    /// are the district-admin's.
    @Test func lessonPlansAreWrittenByTheirSchoolAndReviewedByTheDistrict() {
        let decide = AccessPolicy.decide
        for p in [schoolAdmin, planner] {
            #expect(decide(p, .writeLibrary(school: "S1")) == .allow)
            #expect(decide(p, .writeLibrary(school: "S2")) == .forbidden)
            #expect(decide(p, .writeLibrary(school: nil)) == .forbidden)
            #expect(decide(p, .reviewLibrary) == .forbidden)
        }
        for p in [viewer, teacher, feed] {
            #expect(decide(p, .writeLibrary(school: "S1")) == .forbidden)
            #expect(decide(p, .reviewLibrary) == .forbidden)
        }
        #expect(decide(districtAdmin, .writeLibrary(school: "S2")) == .allow)
        #expect(decide(districtAdmin, .writeLibrary(school: nil)) == .allow)
        #expect(decide(districtAdmin, .reviewLibrary) == .allow)
    }

    /// Issue #16: a certificate's page is the teacher's, their school's school-admins' and the district's; only a
    /// district-admin revokes.
    @Test func certificatesAreForTheTeacherTheirSchoolsAdminsAndTheDistrict() {
        let decide = AccessPolicy.decide
        let own = AccessPolicy.Operation.read(.certificate(teacher: "T1", school: "S1"))
        let colleague = AccessPolicy.Operation.read(.certificate(teacher: "T2", school: "S1"))
        let elsewhere = AccessPolicy.Operation.read(.certificate(teacher: "T3", school: "S2"))
        for p in [districtAdmin, viewer] {
            #expect([own, colleague, elsewhere].map { decide(p, $0) } == [.allow, .allow, .allow])
        }
        #expect([own, colleague, elsewhere].map { decide(schoolAdmin, $0) } == [.allow, .allow, .notFound])
        #expect([own, colleague, elsewhere].map { decide(planner, $0) } == [.forbidden, .forbidden, .notFound])
        #expect([own, colleague, elsewhere].map { decide(teacher, $0) } == [.allow, .notFound, .notFound])
        #expect([own, colleague, elsewhere].map { decide(feed, $0) } == [.forbidden, .forbidden, .forbidden])
        #expect(decide(districtAdmin, .revokeCertificate) == .allow)
        #expect(decide(Principal.commandLine(user: "root"), .revokeCertificate) == .allow)
        for p in [viewer, schoolAdmin, planner, teacher, feed] { #expect(decide(p, .revokeCertificate) == .forbidden) }
    }

    /// Issue #19: the session's teacher, a school-admin of its school, or a district-admin records it.
    @Test func onlyTheTeacherAndTheirSchoolAdminRecordASession() {
        let decide = AccessPolicy.decide
        let own = AccessPolicy.Operation.recordDelivery(teacher: "T1", school: "S1")
        let colleague = AccessPolicy.Operation.recordDelivery(teacher: "T2", school: "S1")
        let elsewhere = AccessPolicy.Operation.recordDelivery(teacher: "T3", school: "S2")
        #expect([own, colleague, elsewhere].map { decide(districtAdmin, $0) } == [.allow, .allow, .allow])
        #expect([own, colleague, elsewhere].map { decide(schoolAdmin, $0) } == [.allow, .allow, .forbidden])
        #expect([own, colleague, elsewhere].map { decide(teacher, $0) } == [.allow, .forbidden, .forbidden])
        for p in [viewer, planner, feed] {
            #expect([own, colleague, elsewhere].map { decide(p, $0) } == [.forbidden, .forbidden, .forbidden])
        }
    }

    @Test func listsAreFilteredToTheScope() {
        #expect(AccessPolicy.readScope(viewer) == .district)
        #expect(AccessPolicy.readScope(planner) == .school("S1"))
        #expect(AccessPolicy.readScope(teacher) == .teacher(id: "T1", school: "S1"))
        #expect(AccessPolicy.readScope(feed) == nil)
    }
}
