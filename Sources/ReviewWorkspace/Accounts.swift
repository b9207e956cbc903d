import Foundation
import GRDB
import HummingbirdBcrypt
import Intake
import SharedDatabase

/// What an account may do in the workspace.
public enum AccountRole: String, Sendable, CaseIterable, Codable {
    /// Reads, corrects, accepts and refuses, uploads, prints.
    case officer
    /// Reads and prints; changes nothing.
    case viewer
}

/// A person who signs in to the workspace.
public struct Account: Sendable, Hashable {
    public let name: String
    public let role: AccountRole
}

/// A signed-in browser: its account and the token every form it posts must carry.
public struct Session: Sendable, Hashable {
    public let account: Account
    public let csrfToken: String
    public let expires: Date
}

/// Accounts, sessions and the audit trail of the workspace, in the database the watch and the
/// register share. Passwords are kept as bcrypt hashes; session tokens as their SHA-256, so a
/// copy of the database opens no session.
public final class Accounts: Sendable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case badName(String)
        case weakPassword
        case exists(String)
        case unknown(String)

        public var description: String {
            switch self {
            case .badName(let name): "“\(name)” is not an account name: use 1 to 64 letters, digits, dots, hyphens or underscores"
            case .weakPassword: "the password must have at least 12 characters"
            case .exists(let name): "the account \(name) exists already"
            case .unknown(let name): "there is no account \(name)"
            }
        }
    }

    /// How long a session lasts without being used again.
    public static let sessionLifetime: TimeInterval = 8 * 3600

    let database: any DatabaseWriter
    /// bcrypt's cost: 12 in use (about a quarter of a second a sign-in); lower in tests.
    let cost: UInt8
    let now: @Sendable () -> Date

    public init(database: any DatabaseWriter, cost: UInt8 = 12, now: @escaping @Sendable () -> Date = Date.init) throws {
        self.database = database
        self.cost = cost
        self.now = now
        try Self.migrations.apply(to: database)
    }

    /// The accounts of the database at `path`, created if need be.
    public convenience init(path: String) throws {
        try self.init(database: try SharedDatabase.open(path: path))
    }

    static var migrations: SchemaMigrations {
        var migrations = SchemaMigrations()
        migrations.register("review-v1") { db in
            try db.create(table: "reviewAccount") { t in
                t.column("name", .text).primaryKey()
                t.column("role", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("createdAt", .double).notNull()
            }
            try db.create(table: "reviewSession") { t in
                t.column("tokenHash", .text).primaryKey()
                t.column("account", .text).notNull().references("reviewAccount", onDelete: .cascade)
                t.column("csrfToken", .text).notNull()
                t.column("expiresAt", .double).notNull()
            }
            // Who changed what in the workspace, and when: never updated, never deleted.
            try db.create(table: "reviewAudit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull()
                t.column("account", .text).notNull()
                t.column("action", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("oldValue", .text)
                t.column("newValue", .text)
            }
        }
        return migrations
    }

    // MARK: Accounts

    public func add(_ name: String, role: AccountRole, password: String) throws {
        guard name.count <= 64, !name.isEmpty, name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) })
        else { throw Failure.badName(name) }
        guard password.count >= 12 else { throw Failure.weakPassword }
        let hash = Bcrypt.hash(password, cost: cost)
        try database.write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM reviewAccount WHERE name = ?", arguments: [name]) == nil else { throw Failure.exists(name) }
            try db.execute(
                sql: "INSERT INTO reviewAccount (name, role, passwordHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [name, role.rawValue, hash, now().timeIntervalSince1970])
            try Self.audit(db, at: now(), by: "cpd user", action: "account added", subject: name, old: nil, new: role.rawValue)
        }
    }

    public func list() throws -> [Account] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT name, role FROM reviewAccount ORDER BY name").compactMap { row in
                AccountRole(rawValue: row["role"]).map { Account(name: row["name"], role: $0) }
            }
        }
    }

    /// Removes the account and closes its sessions.
    public func remove(_ name: String) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM reviewSession WHERE account = ?", arguments: [name])
            try db.execute(sql: "DELETE FROM reviewAccount WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw Failure.unknown(name) }
            try Self.audit(db, at: now(), by: "cpd user", action: "account removed", subject: name, old: nil, new: nil)
        }
    }

    /// The account whose password this is; nil otherwise. An unknown name costs as much time as
    /// a wrong password, so the answer's delay does not tell which names exist.
    public func verify(name: String, password: String) throws -> Account? {
        let row = try database.read { db in try Row.fetchOne(db, sql: "SELECT role, passwordHash FROM reviewAccount WHERE name = ?", arguments: [name]) }
        guard let row, let role = AccountRole(rawValue: row["role"]) else {
            _ = Bcrypt.verify(password, hash: Self.unknownAccountHash)
            return nil
        }
        return Bcrypt.verify(password, hash: row["passwordHash"]) ? Account(name: name, role: role) : nil
    }

    /// A hash no password gives, verified against for a name that has no account.
    private static let unknownAccountHash = Bcrypt.hash(Accounts.randomToken(), cost: 12)

    // MARK: Sessions

    /// Opens a session; returns the token for the cookie (kept nowhere but there).
    public func openSession(for account: Account) throws -> String {
        let token = Self.randomToken()
        let time = now()
        try database.write { db in
            try db.execute(sql: "DELETE FROM reviewSession WHERE expiresAt < ?", arguments: [time.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO reviewSession (tokenHash, account, csrfToken, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [Self.digest(token), account.name, Self.randomToken(), time.addingTimeInterval(Self.sessionLifetime).timeIntervalSince1970])
        }
        return token
    }

    /// The live session of a cookie's token, its lifetime renewed; nil for an unknown or expired one.
    /// Renewed at most every few minutes: a page's requests read the database, they do not write it.
    public func session(token: String) throws -> Session? {
        let time = now()
        let digest = Self.digest(token)
        let found = try database.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT s.csrfToken, s.expiresAt, a.name, a.role FROM reviewSession s JOIN reviewAccount a ON a.name = s.account
                    WHERE s.tokenHash = ?
                    """, arguments: [digest])
        }
        guard let found, let role = AccountRole(rawValue: found["role"]) else { return nil }
        var expires = Date(timeIntervalSince1970: found["expiresAt"])
        guard expires > time else { return nil }
        if expires.timeIntervalSince(time) < Self.sessionLifetime - Self.renewalStep {
            expires = time.addingTimeInterval(Self.sessionLifetime)
            try database.write { db in
                try db.execute(sql: "UPDATE reviewSession SET expiresAt = ? WHERE tokenHash = ?", arguments: [expires.timeIntervalSince1970, digest])
            }
        }
        return Session(account: Account(name: found["name"], role: role), csrfToken: found["csrfToken"], expires: expires)
    }

    /// How much of a session's lifetime may pass before a request renews it.
    static let renewalStep: TimeInterval = 300

    public func closeSession(token: String) throws {
        try database.write { db in try db.execute(sql: "DELETE FROM reviewSession WHERE tokenHash = ?", arguments: [Self.digest(token)]) }
    }

    // MARK: Audit

    /// One line of the audit trail.
    public struct AuditEntry: Sendable, Hashable {
        public let at: Date
        public let account: String
        public let action: String
        public let subject: String
        public let oldValue: String?
        public let newValue: String?
    }

    public func record(_ action: String, subject: String, by account: String, old: String? = nil, new: String? = nil) throws {
        try database.write { db in try Self.audit(db, at: now(), by: account, action: action, subject: subject, old: old, new: new) }
    }

    /// The trail, newest first; of one subject when given.
    public func auditTrail(subject: String? = nil, limit: Int = 200) throws -> [AuditEntry] {
        try database.read { db in
            let filter = subject == nil ? "" : "WHERE subject = ?"
            return try Row.fetchAll(
                db, sql: "SELECT * FROM reviewAudit \(filter) ORDER BY id DESC LIMIT \(limit)", arguments: StatementArguments(subject.map { [$0] } ?? [])
            ).map {
                AuditEntry(
                    at: Date(timeIntervalSince1970: $0["at"]), account: $0["account"], action: $0["action"], subject: $0["subject"],
                    oldValue: $0["oldValue"], newValue: $0["newValue"])
            }
        }
    }

    static func audit(_ db: Database, at: Date, by account: String, action: String, subject: String, old: String?, new: String?) throws {
        try db.execute(
            sql: "INSERT INTO reviewAudit (at, account, action, subject, oldValue, newValue) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [at.timeIntervalSince1970, account, action, subject, old, new])
    }

    // MARK: Tokens

    /// 256 random bits from the system's generator, as URL-safe text.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func digest(_ token: String) -> String { FileDigest.sha256(of: Data(token.utf8)) }
}
