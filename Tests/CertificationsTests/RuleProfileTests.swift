import Foundation
import Testing
import XinyuCore

@testable import Certifications

@Suite struct RuleProfileTests {
    @Test func bundledDefaultHoldsRulesValues() throws {
        let p = try RuleProfile.load(path: nil)
        #expect(p.levels.C.hours == 36 && p.levels.B.hours == 90 && p.levels.A.hours == 120)
        #expect(p.levels.B.prerequisite == .init(level: .C, years: 1))
        #expect(p.levels.A.prerequisite == .init(level: .B, years: 2))
        #expect(p.levels.A.practice == .init(counselingHoursAbove: 50, lessonPeriodsAbove: 30))
        #expect(p.levels.C.renewalHours == 24 && p.levels.B.renewalHours == 36 && p.levels.A.renewalHours == 48)
        #expect(Level.allCases.allSatisfy { p.rule(for: $0).validityYears == 5 && p.rule(for: $0).warningDays == 180 })
        #expect(p.requiredLevel(for: .subjectTeacher) == .C && p.requiredLevel(for: .psychParttime) == .B)
        #expect(p.requiredLevel(for: .psychFulltime) == .A && p.requiredLevel(for: .leader) == .A)
        #expect(p.unionQuota?.professionalSessionsPerYear == 4)
        #expect(p.continuingEducation?.categoryMinimumHours["professional"] == 42)
    }

    /// The default text with one substitution applied; the substitution must exist.
    func broken(_ from: String, _ to: String) throws -> String {
        let text = try String(contentsOf: RuleProfile.bundledDefaultURL, encoding: .utf8)
        #expect(text.contains(from), "fixture text not found: \(from)")
        return text.replacingOccurrences(of: from, with: to)
    }

    func error(_ yaml: String) -> InputError? {
        do {
            _ = try RuleProfile.parse(yaml: yaml, file: "mine.yaml")
            return nil
        } catch let e as InputError {
            return e
        } catch {
            return nil
        }
    }

    @Test func negativeHours() throws {
        let e = try #require(error(try broken("hours: 90 ", "hours: -5 ")))
        #expect(e.file == "mine.yaml" && e.record == "levels.B.hours" && e.problem.contains("negative"))
        #expect(e.exitStatus == 2 && e.line != nil && !e.description.contains("\n"))
    }

    /// Booleans are read as YAML 1.1 plain scalars (the reader does its own typing, Yams does none).
    @Test func passRequiredBooleans() throws {
        let from = "passRequired: true      # a `pass`"
        for (word, value) in [("false", false), ("no", false), ("OFF", false), ("True", true), ("yes", true)] {
            let p = try RuleProfile.parse(yaml: try broken(from, "passRequired: \(word)      # a `pass`"), file: "mine.yaml")
            #expect(p.levels.C.passRequired == value, "\(word)")
        }
        for word in ["'true'", "\"false\"", "maybe", "1"] {
            let e = try #require(error(try broken(from, "passRequired: \(word)      # a `pass`")), "\(word)")
            #expect(e.record == "levels.C.passRequired" && e.problem.contains("true or false"))
        }
    }

    @Test func negativeRenewalHours() throws {
        let e = try #require(error(try broken("renewalHours: 24", "renewalHours: -1")))
        #expect(e.record == "levels.C.renewalHours")
    }

    @Test func prerequisiteCycle() throws {
        let e = try #require(error(try broken("prerequisite: null ", "prerequisite: { level: A, years: 1 } ")))
        #expect(e.record == "levels.C.prerequisite" && e.problem.contains("cycle") && e.problem.contains("C → A → B → C"))
    }

    @Test func unknownRole() throws {
        let e = try #require(error(try broken("  leader: A", "  leader: A\n  janitor: C")))
        #expect(e.record == "roleRequirements.janitor" && e.problem.contains("unknown key"))
    }

    @Test func unknownLevelAsValue() throws {
        let e = try #require(error(try broken("  subject-teacher: C", "  subject-teacher: D")))
        #expect(e.record == "roleRequirements.subject-teacher" && e.problem.contains("unknown level"))
    }

    @Test func unknownLevelAsKey() throws {
        let e = try #require(error(try broken("levels:\n", "levels:\n  D:\n    hours: 1\n")))
        #expect(e.record == "levels.D" && e.problem.contains("unknown level"))
    }

    @Test func missingRoleAndMissingLevel() throws {
        let e1 = try #require(error(try broken("  leader: A\n", "")))
        #expect(e1.record == "roleRequirements.leader" && e1.problem.contains("missing"))
        let e2 = try #require(
            error("levels:\n  C: { hours: 1, validityYears: 5, renewalHours: 1, warningDays: 1 }\nroleRequirements: {}\n"))
        #expect(e2.record == "levels.B" && e2.problem.contains("missing"))
    }

    @Test func typoKeyAndBadYamlAndZeroValidity() throws {
        let e1 = try #require(error(try broken("passRequired: true      # a `pass`", "passRequird: true      # a `pass`")))
        #expect(e1.record == "levels.C.passRequird" && e1.problem.contains("unknown key"))
        let e2 = try #require(error("levels: [unclosed\n"))
        #expect(e2.problem.contains("YAML") && !e2.description.contains("\n"))
        let e3 = try #require(error(try broken("validityYears: 5        # validity", "validityYears: 0        # validity")))
        #expect(e3.record == "levels.C.validityYears")
    }

    @Test func missingFileNamesThePath() {
        #expect(throws: InputError.self) { try RuleProfile.load(path: "/nonexistent/p.yaml") }
        do { _ = try RuleProfile.load(path: "/nonexistent/p.yaml") } catch let e as InputError {
            #expect(e.file == "/nonexistent/p.yaml")
        } catch {}
    }
}
