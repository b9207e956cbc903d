import Foundation
import PDFReading
import Testing

/// The review workspace as an officer uses it: the real `cpd serve` in headless Chromium, every
/// step through the pages' own links and forms.
@Suite(
    "The review workspace in a browser", .serialized, .timeLimit(.minutes(5)),
    .disabled(if: BrowserTools.skipped, Comment(rawValue: BrowserTools.skipMessage)))
struct ReviewBrowserTests {
    static let worker = ServedWorkspace.workers[0].0

    @Test func anOfficerSignsInFollowsAWorkerToADocumentSeesAFactMarkedAndSignsOut() async throws {
        try await BrowserSession.run { session in
            let driver = session.driver

            // Nothing is shown without a sign-in: the list sends the browser to the sign-in page.
            try await session.open("/")
            try await session.expectPage("/login")
            try await session.expectCleanConsole(on: "sign-in page")

            try await session.signIn(ServedWorkspace.officer.name, ServedWorkspace.officer.password)
            try await session.expectPage("/")
            #expect(try await driver.text(of: try await driver.find("form.signout b")) == ServedWorkspace.officer.name)
            try await session.expectCleanConsole(on: "workers list")

            // Every worker, through the list's own filter.
            try await driver.click(try await driver.find("form.filter select[name=show] option[value=all]"))
            try await driver.click(try await driver.find("form.filter button[type=submit]"))
            try await session.expectPage("/", query: "?q=&show=all")
            #expect(try await driver.findAll("table.workers tbody tr").count == 3)
            try await session.expectCleanConsole(on: "workers list, all")

            try await driver.click(try await driver.find("table.workers a[href='/workers/\(Self.worker)']"))
            try await session.expectPage("/workers/\(Self.worker)")
            let files = try await driver.findAll("table.documents td.file a")
            #expect(files.count == ServedWorkspace.workers[0].1.count)
            try await session.expectCleanConsole(on: "worker page")

            let link = try #require(files.first)
            let href = try #require(try await driver.attribute("href", of: link))
            try await driver.click(link)
            try await session.expectPage(href)
            try await session.expectCleanConsole(on: "document page")

            // The page images arrive: each page's image under the marks was fetched with 200.
            let images = try await driver.execute(
                "return Array.from(document.querySelectorAll('.sheet img.page')).map(i => i.getAttribute('src'));") as? [String] ?? []
            #expect(!images.isEmpty, "the document page shows no marked page image")
            let loaded = try await driver.wait(
                until: """
                    const wanted = Array.from(document.querySelectorAll('.sheet img.page')).map(i => i.src);
                    const seen = performance.getEntriesByType('resource').filter(e => wanted.includes(e.name) && e.responseStatus === 200);
                    return wanted.length > 0 && seen.length >= wanted.length;
                    """)
            #expect(loaded, "the page images \(images) did not load with 200")

            // No line is marked until a fact's link is followed; then that fact's mark is the
            // target, drawn, and the others are not.
            #expect(try await driver.execute("return document.querySelector(':target') === null;") as? Bool == true)
            let factLinks = try await driver.findAll(".facts a[href^='#fact-']")
            let factLink = try #require(factLinks.last, "no fact of the document links to its line")
            let fragment = try #require(try await driver.attribute("href", of: factLink))
            try await driver.click(factLink)
            #expect(try await driver.wait(until: "return location.hash === \(BrowserSession.quoted(fragment));"))
            let mark = try await driver.execute(
                """
                const target = document.querySelector(':target');
                if (!target) return null;
                const rect = target.querySelector('rect');
                const style = getComputedStyle(rect);
                const other = Array.from(document.querySelectorAll('g.mark')).find(g => g !== target);
                const box = rect.getBoundingClientRect();
                return {
                    id: target.id, mark: target.classList.contains('mark'), fill: style.fill, stroke: style.stroke,
                    otherFill: other ? getComputedStyle(other.querySelector('rect')).fill : null,
                    width: box.width, height: box.height, top: box.top, bottom: box.bottom, viewport: innerHeight
                };
                """) as? [String: Any]
            let target = try #require(mark, "no element is the target after following \(fragment)")
            #expect(target["id"] as? String == String(fragment.dropFirst()))
            #expect(target["mark"] as? Bool == true)
            let transparent: Set<String> = ["none", "transparent", "rgba(0, 0, 0, 0)"]
            let fill = target["fill"] as? String ?? "none"
            #expect(!transparent.contains(fill), "the target's rectangle is not filled: \(fill)")
            #expect(target["stroke"] as? String != "none")
            if let otherFill = target["otherFill"] as? String {
                #expect(transparent.contains(otherFill), "a mark that is not the target is drawn too: \(otherFill)")
            }
            #expect((target["width"] as? Double ?? 0) > 0 && (target["height"] as? Double ?? 0) > 0)
            // Following the link brings the line into view.
            let top = target["top"] as? Double ?? -1
            let viewport = target["viewport"] as? Double ?? 0
            #expect(top >= 0 && top < viewport, "the marked line is out of view: top \(top), viewport \(viewport)")
            try await session.expectCleanConsole(on: "document page, fact followed")

            // Signing out ends the session: the list is closed again.
            try await driver.click(try await driver.find("form.signout button[type=submit]"))
            try await session.expectPage("/login")
            try await session.open("/")
            try await session.expectPage("/login")
            try await session.expectCleanConsole(on: "after signing out")
        }
    }

    /// An officer sets a document's hours to what the page says: the worker's total and its bar
    /// fall by as much, and the Appendix 2 form is rewritten with the corrected figure.
    @Test func anOfficerCorrectsTheHoursAndSeesTheTotalTheBarAndTheFormChange() async throws {
        try await BrowserSession.run { session in
            let driver = session.driver
            let form = session.workspace.output.appendingPathComponent("\(Self.worker)/appendix2.pdf")
            let formBefore = try Self.text(ofPDF: form.path)
            try await session.signIn(ServedWorkspace.officer.name, ServedWorkspace.officer.password)
            try await session.expectPage("/")
            try await session.open("/workers/\(Self.worker)")
            try await session.expectPage("/workers/\(Self.worker)")
            let totalBefore = try await Self.totalBar(driver)

            // 01_advanced-training.pdf: «в объеме 72 (семьдесят два) академических часа», 1 CU an hour.
            var document: WebDriver.Element?
            for link in try await driver.findAll("table.documents td.file a") where try await driver.text(of: link) == "01_advanced-training.pdf" {
                document = link
            }
            try await driver.click(try #require(document))
            try await driver.click(try await driver.find("details.correct summary"))
            try await driver.click(try await driver.find("details.correct form:nth-of-type(2) select[name=fact] option[value=hours]"))
            try await driver.type("36", into: try await driver.find("details.correct form:nth-of-type(2) input[name=value]"))
            try await driver.click(try await driver.find("details.correct form:nth-of-type(2) button[type=submit]"))
            #expect(try await driver.wait(until: "return document.querySelector('b.corrected') !== null && document.readyState === 'complete';"))
            try await session.expectCleanConsole(on: "document page after a correction")

            try await session.open("/workers/\(Self.worker)")
            try await session.expectPage("/workers/\(Self.worker)")
            let totalAfter = try await Self.totalBar(driver)
            #expect(totalAfter.value == totalBefore.value - 36, "total \(totalBefore) then \(totalAfter)")
            #expect(totalAfter.figure != totalBefore.figure)
            let formAfter = try Self.text(ofPDF: form.path)
            #expect(formAfter != formBefore)
            #expect(formAfter.contains("36") && !formBefore.contains("36"))
        }
    }

    static func text(ofPDF path: String) throws -> String {
        let pdf = try PDFFile(path: path)
        return (0..<pdf.pageCount).map { pdf.text(ofPage: $0).text }.joined(separator: "\n")
    }

    /// An officer drops a photo of a certificate on the page of a worker who has none: the
    /// workspace writes it into the worker's inbox folder, the watch in the same process reads it,
    /// and the worker's page lists it, decided; its page marks the recognised line of a fact.
    @Test func anUploadedPhotoIsReadAndItsLinesMarked() async throws {
        try await BrowserSession.run(watching: true) { session in
            let driver = session.driver
            let worker = "790821310003", photo = "06_exam-expertise.jpg"
            try await session.signIn(ServedWorkspace.officer.name, ServedWorkspace.officer.password)
            try await session.expectPage("/")
            try await session.open("/workers/\(worker)")
            try await session.expectPage("/workers/\(worker)")
            #expect(try await driver.findAll("table.documents td.file a").isEmpty)
            let input = try await driver.find("section#upload input[type=file]")
            try await driver.type(ServedWorkspace.samples.appendingPathComponent("inbox/\(worker)/\(photo)").path, into: input)
            let accepted = try await driver.wait(until: "return document.querySelector('section#upload li.accepted, section#upload li.refused') !== null;")
            let answer = try await driver.execute("return Array.from(document.querySelectorAll('section#upload li')).map(li => li.className + ': ' + li.textContent).join('; ');") as? String ?? ""
            #expect(accepted && answer.hasPrefix("accepted"), "the upload was not accepted: \(answer)")
            try await session.expectCleanConsole(on: "worker page, a photo uploaded")
            #expect(FileManager.default.fileExists(atPath: session.workspace.inbox.appendingPathComponent("\(worker)/\(photo)").path))

            // Read by the watch: the worker's page lists it once its forms are rewritten.
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(180)
            var listed = false
            while !listed && clock.now < deadline {
                try await Task.sleep(for: .milliseconds(500))
                try await session.open("/workers/\(worker)")
                listed = try await driver.execute(
                    "return Array.from(document.querySelectorAll('table.documents td.file a')).some(a => a.textContent === \(BrowserSession.quoted(photo)));"
                ) as? Bool ?? false
            }
            #expect(listed, "the uploaded photo was not read within 180 s")
            try await session.expectCleanConsole(on: "worker page after an upload")

            var link: WebDriver.Element?
            for candidate in try await driver.findAll("table.documents td.file a") where try await driver.text(of: candidate) == photo {
                link = candidate
            }
            try await driver.click(try #require(link))
            #expect(try await driver.wait(until: "return document.querySelector('.sheet img.page') !== null && document.readyState === 'complete';"))
            let marks = try await driver.findAll("svg.marks g.mark")
            let links = try await driver.findAll(".facts a[href^='#fact-']")
            #expect(!marks.isEmpty && marks.count == links.count, "\(marks.count) marks for \(links.count) facts of the photo")
        }
    }

    /// The total's meter on the worker's page: its value and the figure written beside it.
    static func totalBar(_ driver: WebDriver) async throws -> (value: Double, figure: String) {
        let bar = try await driver.execute(
            "const bar = document.querySelector('.bars .bar:last-child'); return [bar.querySelector('meter').getAttribute('value'), bar.querySelector('.figure').textContent];"
        ) as? [String] ?? []
        return (Double(bar.first ?? "") ?? -1, bar.last ?? "")
    }

    @Test func aWrongPasswordKeepsTheOfficerOnTheSignInPage() async throws {
        try await BrowserSession.run { session in
            try await session.signIn(ServedWorkspace.officer.name, "not the password at all")
            try await session.expectPage("/login")
            let alert = try await session.driver.findAll("p.problem[role=alert]")
            #expect(alert.count == 1)
            #expect(try await session.driver.findAll("form.signout").isEmpty)
            try await session.expectCleanConsole(on: "sign-in page after a wrong password")
        }
    }

    /// The console check of the other tests can fail: an image the policy forbids (a data: URL;
    /// only the workspace's own images may load) is reported.
    @Test func theConsoleCheckSeesWhatThePolicyRefuses() async throws {
        try await BrowserSession.run { session in
            try await session.open("/login")
            try await session.expectPage("/login")
            _ = try await session.driver.execute(
                """
                const image = document.createElement('img');
                image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
                document.body.appendChild(image);
                return true;
                """)
            let clock = ContinuousClock()
            let deadline = clock.now + .seconds(10)
            var problems: [WebDriver.LogEntry] = []
            while problems.isEmpty && clock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
                problems = try await session.consoleProblems()
            }
            #expect(problems.contains { $0.message.contains("img-src") }, "no refusal reported: \(problems)")
        }
    }
}
