import Foundation
import Testing
import XMLRecords

#if canImport(Glibc)
    import Glibc
#endif

/// A document built to attack an XML parser, and what it is.
struct HostileDocument: CustomTestStringConvertible, Sendable {
    let testDescription: String
    let text: String

    static let all: [HostileDocument] = [
        HostileDocument(
            testDescription: "billion laughs",
            text: """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  \((1...9).map { level in
                      "<!ENTITY lol\(level) \"\(String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10))\">"
                  }.joined(separator: "\n  "))
                ]>
                <PubmedArticleSet>&lol9;</PubmedArticleSet>
                """),
        HostileDocument(
            testDescription: "quadratic blowup",
            text: "<!DOCTYPE r [<!ENTITY a \"\(String(repeating: "x", count: 100_000))\">]><PubmedArticleSet>"
                + String(repeating: "&a;", count: 50_000) + "</PubmedArticleSet>"),
        HostileDocument(
            testDescription: "external entity to /etc/passwd",
            text: "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><PubmedArticleSet>&xxe;</PubmedArticleSet>"),
        HostileDocument(
            testDescription: "parameter entity",
            text: "<!DOCTYPE r [<!ENTITY % p SYSTEM \"file:///etc/passwd\"> %p;]><PubmedArticleSet/>"),
        HostileDocument(
            testDescription: "internal parameter entity",
            text: "<!DOCTYPE r [<!ENTITY % p \"<!ENTITY e 'x'>\"> %p;]><PubmedArticleSet>&e;</PubmedArticleSet>"),
        HostileDocument(
            testDescription: "external DTD with an internal subset",
            text: "<!DOCTYPE PubmedArticleSet SYSTEM \"file:///etc/passwd\" [<!ENTITY e \"x\">]><PubmedArticleSet>&e;</PubmedArticleSet>"),
        HostileDocument(
            testDescription: "unparsed entity",
            text: "<!DOCTYPE r [<!NOTATION n SYSTEM \"x\"><!ENTITY u SYSTEM \"file:///etc/passwd\" NDATA n>]><r/>"),
    ]
}

@Suite("Hostile and broken input gives a specific error, quickly, printing nothing")
struct HardeningTests {
    @Test(arguments: HostileDocument.all)
    func entityDeclarationsAreRefusedBeforeExpansion(_ document: HostileDocument) throws {
        let start = ContinuousClock.now
        let reason = failure(document.text)
        #expect(ContinuousClock.now - start < .seconds(1))
        guard case .forbiddenDoctype(let message) = reason else {
            Issue.record("expected forbiddenDoctype, got \(String(describing: reason))")
            return
        }
        #expect(message.contains("entity"))
        #expect(!message.contains("root:"), "nothing of /etc/passwd is read")
    }

    @Test func theExternalEntityIsNamedInTheMessage() throws {
        let reason = failure(#"<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><r>&xxe;</r>"#)
        #expect(reason == .forbiddenDoctype(
            reason: "the DTD declares the entity “xxe” (external: file:///etc/passwd); entity declarations are refused"))
    }

    @Test func aPubMedDoctypeIsAcceptedWithoutFetchingTheDTD() throws {
        // A DTD on disk that, if it were loaded, would give the ArticleId a doi type by default.
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("xmlrecords-\(UUID().uuidString).dtd")
        try Data("<!ATTLIST ArticleId IdType CDATA \"doi\">".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        for doctype in [
            "<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">",
            "<!DOCTYPE PubmedArticleSet SYSTEM \"\(dtd.absoluteString)\">",
        ] {
            let records = try publications("""
                <?xml version="1.0" ?>
                \(doctype)
                <PubmedArticleSet><PubmedArticle>
                  <MedlineCitation><Article><ArticleTitle>T</ArticleTitle></Article></MedlineCitation>
                  <PubmedData><ArticleIdList><ArticleId>10.1/leak</ArticleId></ArticleIdList></PubmedData>
                </PubmedArticle></PubmedArticleSet>
                """)
            #expect(records.map(\.title) == ["T"])
            #expect(records.first?.doi == nil, "the DTD was not read")
        }
    }

    @Test func invalidUTF8IsNotWellFormed() {
        let bytes = Array("<PubmedArticleSet>\n<x>".utf8) + [0xFF, 0xFE, 0x41] + Array("</x></PubmedArticleSet>".utf8)
        guard case .notWellFormed(2, let message)? = failure(bytes) else {
            Issue.record("expected notWellFormed on line 2")
            return
        }
        #expect(message.contains("UTF-8"))
    }

    @Test func anInternalSubsetWithoutEntitiesIsAccepted() throws {
        #expect(try publications("<!DOCTYPE PubmedArticleSet [<!ELEMENT PubmedArticleSet ANY>]><PubmedArticleSet/>").isEmpty)
    }

    /// libxml2 prints every problem to stderr unless told otherwise; here each parse and
    /// validation has its own handler, so a run of bad files leaves stderr as it was.
    @Test func problemsArePrintedNowhere() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("xmlrecords-\(UUID().uuidString).log")
        try Data().write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        let saved = dup(STDERR_FILENO)
        dup2(handle.fileDescriptor, STDERR_FILENO)
        let reasons = HostileDocument.all.map { failure($0.text) } + [
            failure("<PubmedArticleSet><PubmedArticle></PubmedArticleSet>"),
            failure("<?xml version=\"1.0\" encoding=\"klingon\"?><a/>"),
            failure("<a xmlns:x=\"relative\"><x:b/><y:c/></a>"),
            failure("<!DOCTYPE r [ %undeclared; ]><r/>"),
            failure(#"<cpdActivities xmlns="urn:kz:cpd:activities:1"><activity hours="-1"/><x/></cpdActivities>"#),
        ]
        dup2(saved, STDERR_FILENO)
        close(saved)
        try handle.close()
        #expect(reasons.allSatisfy { $0 != nil })
        let printed = try String(contentsOf: log, encoding: .utf8)
        #expect(!printed.contains("error :") && !printed.contains("warning :"), "libxml2 printed: \(printed)")
    }

    @Test func aTruncatedDocumentIsNotWellFormedAtItsEnd() throws {
        let whole = try Data(contentsOf: Fixtures.sharedFolder.appendingPathComponent("realworld/pubmed/pubmed2.xml"))
        let reason = failure(whole.prefix(whole.count / 2))
        guard case .notWellFormed(let line, let message)? = reason else {
            Issue.record("expected notWellFormed, got \(String(describing: reason))")
            return
        }
        #expect(line > 3)
        #expect(!message.isEmpty && !message.hasSuffix("\n"))
    }

    @Test(arguments: [
        ("<PubmedArticleSet><PubmedArticle></PubmedArticleSet>", 1),
        ("<?xml version=\"1.0\"?>\n<work:work>\n</work:work>", 2),
        ("<a>\n<b attr=\"1\" attr=\"2\"/></a>", 2),
        ("<a>\u{0}</a>", 1),
        ("<?xml version=\"1.0\" encoding=\"klingon\"?><a/>", 1),
        // libxml2's depth limit, kept by never passing XML_PARSE_HUGE.
        (String(repeating: "<a>", count: 10_000), 1),
    ])
    func brokenSyntaxGivesItsLine(_ text: String, line: Int) {
        guard case .notWellFormed(let reported, _)? = failure(text) else {
            Issue.record("expected notWellFormed for \(text)")
            return
        }
        #expect(reported == line)
    }

    @Test(arguments: [[], Array(" \n\t\r\n".utf8)])
    func emptyInputIsEmpty(_ bytes: [UInt8]) {
        #expect(failure(bytes) == .empty)
    }

    @Test(arguments: [
        Array("%PDF-1.7\n%âãÏÓ\n1 0 obj".utf8),
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],  // PNG
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46],  // JPEG
        (0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 1_103_515_245 &+ 12_345) >> 16) },
    ])
    func binaryGarbageIsNotXML(_ bytes: [UInt8]) {
        #expect(failure(bytes) == .notXML)
    }

    @Test func garbageAfterAnOpeningBracketIsNotWellFormed() {
        let bytes = Array("<".utf8) + (0..<512).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
        guard case .notWellFormed? = failure(bytes) else {
            Issue.record("expected notWellFormed")
            return
        }
    }

    /// Byte-order marks and declared encodings are honoured; the Cyrillic comes through intact.
    @Test(arguments: [
        ("UTF-16 little-endian with BOM", [0xFF, 0xFE] + utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\(cyrillicSet)", bigEndian: false)),
        ("UTF-16 big-endian with BOM", [0xFE, 0xFF] + utf16(cyrillicSet, bigEndian: true)),
        ("UTF-8 with BOM", [0xEF, 0xBB, 0xBF] + Array(cyrillicSet.utf8)),
        ("windows-1251", windows1251("<?xml version=\"1.0\" encoding=\"windows-1251\"?>\(cyrillicSet)")),
    ])
    func encodingsAreDetected(_ label: String, _ bytes: [UInt8]) throws {
        let records = try publications(bytes, name: label)
        #expect(records.first?.title == "Ранняя мобилизация")
        #expect(records.first?.journal == "Медицина (Алматы)")
    }

    @Test func aDocumentOverTheLimitIsRefusedBeforeParsing() throws {
        let sixtyMB = 60 * 1024 * 1024
        let head = Array("<PubmedArticleSet><!--".utf8), tail = Array("--></PubmedArticleSet>".utf8)
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: sixtyMB)
        bytes.replaceSubrange(0..<head.count, with: head)
        bytes.replaceSubrange((sixtyMB - tail.count)..., with: tail)
        #expect(bytes.count == sixtyMB)
        let start = ContinuousClock.now
        #expect(failure(bytes) == .tooLarge(bytes: sixtyMB, limit: 50 * 1024 * 1024))
        #expect(ContinuousClock.now - start < .milliseconds(100))
        #expect(failure(Array("<PubmedArticleSet/>".utf8), sizeLimit: 10) == .tooLarge(bytes: 19, limit: 10))
        #expect(failure(Array("<PubmedArticleSet/>".utf8), sizeLimit: 19) == nil)
    }

    @Test(arguments: [
        ("<html><body>Not a record</body></html>", "html"),
        ("<x:record xmlns:x=\"urn:example\"/>", "x:record"),
        ("<PubmedArticle/>", "PubmedArticle"),
    ])
    func otherXMLIsAnUnknownFormat(_ text: String, root: String) {
        #expect(failure(text) == .unknownFormat(root: root))
    }

    @Test func errorsNameTheFile() {
        do {
            _ = try XMLRecords.read(Array("%PDF".utf8), name: "07_internship.pdf")
            Issue.record("expected an error")
        } catch {
            #expect(error.file == "07_internship.pdf")
            #expect(error.description == "07_internship.pdf: the file is not XML")
        }
    }

    /// Files parsed at once, good and bad mixed, give what each gives alone: no error or state
    /// leaks from one parse into another.
    @Test func concurrentReadsAgreeWithSerialOnes() async throws {
        let files = try Fixtures.sharedFiles("realworld/pubmed") + Fixtures.corpus("crossref")
        let good = try files.map { try Data(contentsOf: $0) }
        let bad = HostileDocument.all.map { Data($0.text.utf8) } + good.map { $0.prefix($0.count / 3) }
        let inputs = good + bad
        let serial = inputs.map(outcome)
        let parallel = await withTaskGroup(of: (Int, Result<[PublicationRecord], XMLRecordError>).self) { group in
            for _ in 0..<4 {
                for (index, data) in inputs.enumerated() { group.addTask { (index, outcome(data)) } }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(parallel.count == 4 * inputs.count)
        for (index, result) in parallel { #expect(result == serial[index]) }
    }
}

private func outcome(_ data: Data) -> Result<[PublicationRecord], XMLRecordError> {
    Result { () throws(XMLRecordError) in
        guard case .publications(let records) = try XMLRecords.read(data, name: "file.xml") else { return [] }
        return records
    }
}

// MARK: Building encoded documents

let cyrillicSet = """
    <PubmedArticleSet><PubmedArticle><MedlineCitation><Article>
    <Journal><Title>Медицина (Алматы)</Title></Journal><ArticleTitle>Ранняя мобилизация</ArticleTitle>
    </Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
    """

func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    text.utf16.flatMap { unit in
        bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
}

func windows1251(_ text: String) -> [UInt8] {
    text.unicodeScalars.map { scalar in
        switch scalar.value {
        case 0x0410...0x044F: UInt8(scalar.value - 0x0410 + 0xC0)
        default: UInt8(truncatingIfNeeded: scalar.value)
        }
    }
}
