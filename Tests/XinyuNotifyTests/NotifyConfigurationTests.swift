import Foundation
import Testing
import XinyuCore

@testable import XinyuNotify

/// The notify file: the documented example loads as documented; mistakes are one line naming the key.
@Suite struct NotifyConfigurationTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/XinyuNotify/notify.example.yaml").path

    @Test func theExampleLoadsAsDocumented() throws {
        let c = try NotifyConfiguration.load(path: Self.example)
        #expect(c.sender == "心育通知 <xinyu-noreply@jyj.example.gov.cn>" && c.sendmailPath == "/usr/sbin/sendmail")
        #expect(
            c.outboxDirectory
                == URL(fileURLWithPath: Self.example).deletingLastPathComponent()
                .appendingPathComponent("outbox").path)
        #expect(c.language == .zh && c.timeoutSeconds == 10 && c.maxAttempts == 6 && c.firstDelayMinutes == 10)
        #expect(c.schools["S0002"]?.dingtalk?.secret == "SECREPLACE-WITH-THE-SECRET")
        #expect(c.route(person: "T0000002", school: "S0001") == (.email, "zhang.wei@s0001.example.cn", .en))
        #expect(c.route(person: "T0000009", school: "S0001") == (.wecom, "S0001", .zh))
        #expect(c.route(person: "T0000009", school: "S0002") == (.dingtalk, "S0002", .zh))
        #expect(c.route(person: "T0000009", school: "S0003") == (.email, "xinli@s0003.example.cn", .zh))
        #expect(c.route(person: "T0000009", school: "S0099") == (.csv, "S0099", .zh))
    }

    @Test func backoffDoublesUpToADayAndEnds() {
        let c = NotifyConfiguration(maxAttempts: 12, firstDelayMinutes: 10)
        let t0 = Date(timeIntervalSince1970: 0)
        #expect(c.retryAt(afterAttempts: 1, now: t0) == t0.addingTimeInterval(600))
        #expect(c.retryAt(afterAttempts: 3, now: t0) == t0.addingTimeInterval(2_400))
        #expect(c.retryAt(afterAttempts: 11, now: t0) == t0.addingTimeInterval(86_400))
        #expect(c.retryAt(afterAttempts: 12, now: t0) == nil)
    }

    @Test(arguments: [
        ("colour: red\n", "colour: unknown key"),
        ("schools:\n  S1:\n    wecom: ftp://x\n", "schools.S1.wecom: ftp://x is not a webhook address"),
        ("schools:\n  S1:\n    email: not-an-address\n", "schools.S1.email: not-an-address is not an e-mail address"),
        ("schools:\n  S1:\n    wecom: {webhook: https://x.cn/a, secret: s}\n", "schools.S1.wecom.secret: unknown key"),
        ("people:\n  T1: {language: fr}\n", "people.T1.language: use zh or en"),
        ("retry: {maxAttempts: 0}\n", "retry.maxAttempts: expected a whole number from 1 to 100"),
        ("schools:\n  'S 1': {email: a@b.cn}\n", "schools.S 1: not a school id"),
        ("[unclosed\n", "not valid YAML"),
    ])
    func mistakesAreOneLineNamingTheKey(_ yaml: String, _ expected: String) {
        let error = #expect(throws: InputError.self) {
            _ = try NotifyConfiguration.parse(yaml: yaml, file: "notify.yaml")
        }
        #expect(error?.exitStatus == 2)
        #expect(error?.description.hasPrefix("notify.yaml") == true)
        #expect(error?.description.contains(expected) == true, "\(error?.description ?? "")")
    }
}
