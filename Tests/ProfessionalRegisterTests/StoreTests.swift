import Foundation
import ProfessionalRegister
import Testing

@Suite("The database file")
struct StoreTests {
    @Test func theFileAndItsFolderAreTheOwnersOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("cpd/cpd.sqlite").path
        do {
            let register = try ProfessionalRegister(path: path)
            try register.save(FormTests.completeWorker(), by: "hr")
        }
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cpd").path) {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("cpd/\(file)").path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("cpd").path)
        #expect((folderAttributes[.posixPermissions] as? Int) == 0o700)
        // Opened again, migrated already, with the worker kept.
        #expect(try ProfessionalRegister(path: path).workers() == [FormTests.completeWorker()])
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("register-\(UUID().uuidString).sqlite")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("not a database, just text that is long enough to be read as a header".utf8).write(to: file)
        #expect {
            _ = try ProfessionalRegister(path: file.path)
        } throws: { error in
            guard case .cannotOpen? = error as? RegisterStoreError else { return false }
            return true
        }
    }
}
