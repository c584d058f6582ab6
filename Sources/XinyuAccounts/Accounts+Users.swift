import Foundation
import HummingbirdBcrypt
import XinyuCore

extension Accounts {
    /// Adds a user: `school` for school-scoped roles, `teacher` for a teacher (whose school is the teacher's),
    /// neither for the others. The school or teacher must be stored. `district` limits a district role to the
    /// schools of one district (issue #18); at least one stored school must belong to it.
    @discardableResult
    public func addUser(
        name: String, role: AccountRole, school: String?, teacher: String?, district: String? = nil,
        by actor: Principal, from address: String? = nil
    ) throws -> StoredAccount {
        try Self.checkName(name)
        if role.needsSchool, school == nil { throw AccountError.needsSchool(role) }
        if role.needsTeacher, teacher == nil { throw AccountError.needsTeacher(role) }
        if !role.needsSchool, school != nil { throw AccountError.takesNoSchool(role) }
        if !role.needsTeacher, teacher != nil { throw AccountError.takesNoTeacher(role) }
        if let district {
            guard role.takesDistrict else { throw AccountError.takesNoDistrict(role) }
            guard try store.schoolDistricts().values.contains(district) else {
                throw AccountError.unknownDistrict(district)
            }
        }
        let account = StoredAccount(
            name: name, role: role, school: school, teacher: teacher, passwordHash: nil,
            disabled: false, created: now(), district: district)
        var after: [String: String?] = ["role": role.rawValue, "school": school, "teacher": teacher]
        if let district { after["district"] = district }
        try store.addAccount(
            account, audit: entry("user.add", target: name, by: actor.name, from: address, after: after))
        return try store.account(named: name) ?? account
    }

    /// Limits a district role to the schools of district `district`, or (nil) lets it reach the whole store again
    /// (issue #18). The role must take a district (``AccountError/takesNoDistrict(_:)``) and at least one stored
    /// school must belong to the code (``AccountError/unknownDistrict(_:)``). Audited as `user.district` with the
    /// district before and after; the account's tokens and sessions keep working and reach the new scope from
    /// their next request. Setting the district it already has changes nothing and writes no audit line.
    @discardableResult
    public func setDistrict(
        name: String, district: String?, by actor: Principal, from address: String? = nil
    ) throws -> StoredAccount {
        var account = try require(name)
        guard account.role.takesDistrict else { throw AccountError.takesNoDistrict(account.role) }
        if let district, try !store.schoolDistricts().values.contains(district) {
            throw AccountError.unknownDistrict(district)
        }
        guard account.district != district else { return account }
        let before = account.district
        account.district = district
        try store.updateAccount(
            account,
            audit: entry(
                "user.district", target: name, by: actor.name, from: address,
                before: ["district": before], after: ["district": district]))
        return try store.account(named: name) ?? account
    }

    /// Every user, sorted by name.
    public func users() throws -> [StoredAccount] { try store.accounts() }

    /// Disables a user: its tokens and sessions are refused from the next request on (its sessions end).
    public func disable(name: String, by actor: Principal, from address: String? = nil) throws {
        var account = try require(name)
        guard !account.disabled else { return }
        account.disabled = true
        try store.updateAccount(
            account,
            audit: entry(
                "user.disable", target: name, by: actor.name, from: address,
                before: ["disabled": "false"], after: ["disabled": "true"]))
    }

    /// Sets a user's password (bcrypt).
    public func setPassword(name: String, password: String, by actor: Principal, from address: String? = nil) throws {
        var account = try require(name)
        guard password.count >= Self.minimumPasswordLength else {
            throw AccountError.shortPassword(minimum: Self.minimumPasswordLength)
        }
        guard password.utf8.count <= Self.maximumPasswordBytes else {
            throw AccountError.longPassword(maximum: Self.maximumPasswordBytes)
        }
        let had = account.passwordHash != nil
        account.passwordHash = Bcrypt.hash(password, cost: bcryptCost)
        try store.updateAccount(
            account,
            audit: entry(
                "user.passwd", target: name, by: actor.name, from: address,
                before: ["password": had ? "set" : nil],
                after: ["password": had ? "changed" : "set"]))
    }

    /// The stored user, or ``AccountStoreError/unknownAccount(name:)``.
    public func require(_ name: String) throws -> StoredAccount {
        guard let a = try store.account(named: name) else { throw AccountStoreError.unknownAccount(name: name) }
        return a
    }

    static func checkName(_ name: String) throws {
        if name == Principal.bootstrap.name { throw AccountError.reservedName(name) }
        let allowed = CharacterSet.letters.union(.decimalDigits).union(CharacterSet(charactersIn: "._-@"))
        guard (1...64).contains(name.count), name.unicodeScalars.allSatisfy(allowed.contains),
            let first = name.unicodeScalars.first, CharacterSet.letters.union(.decimalDigits).contains(first)
        else { throw AccountError.badName(name) }
    }
}
