import CTesseract
import Foundation

/// One tesseract engine plus the orientation detector it needs. Not thread-safe: use one per
/// thread (`OCRPool` does). Creating one costs about 0.3 s, so keep it.
public final class OCREngine {
    public let languages: String
    private let reader: OpaquePointer
    /// A separate engine for orientation: OSD needs the legacy `osd` model, which cannot share
    /// an engine with the LSTM-only language models.
    private let orientationDetector: OpaquePointer

    /// Orientation margins below this are guesses; such pages are read as they are.
    private static let minimumOrientationConfidence: Float = 2

    public init(languages: String = "kaz+rus+eng") throws(OCRError) {
        try OCRLibraries.open(tesseract: true)
        self.languages = languages
        reader = try Self.makeEngine(languages: languages, mode: PSM_AUTO)
        do {
            orientationDetector = try Self.makeEngine(languages: "osd", mode: PSM_OSD_ONLY)
        } catch {
            Self.destroy(reader)
            throw error
        }
    }

    deinit {
        Self.destroy(reader)
        Self.destroy(orientationDetector)
    }

    /// Stands the page upright, straightens it, and reads it. `timeout` bounds the whole page,
    /// orientation and deskew included. Tesseract checks it between words, so a page overruns by
    /// one word at most, or by its layout analysis when the time ran out before recognition.
    public func recognize(_ image: RasterImage, timeout: Duration = .seconds(60)) throws(OCRError) -> OCRPage {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        OpenMP.disableOnCurrentThread()
        defer {
            TessBaseAPIClear(reader)
            TessBaseAPIClear(orientationDetector)
        }

        // Most pages arrive upright: they are read as they are, and orientation is detected
        // (at about a third of a page's time) only when that reading is poor.
        let original = try Picture(image)
        let upright = try read(original, rotation: 0, deadline: deadline, timeout: timeout, size: (image.width, image.height))
        guard upright.meanConfidence < Self.confidentReading else { return upright }
        let rotation = uprightRotation(of: original)
        guard rotation != 0, let turned = original.map({ pixRotateOrth($0, Int32(rotation / 90)) }) else { return upright }
        let reread = try read(turned, rotation: rotation, deadline: deadline, timeout: timeout, size: (image.width, image.height))
        return reread.meanConfidence > upright.meanConfidence ? reread : upright
    }

    /// A mean word confidence at which a reading is taken as it is, without checking the
    /// page's orientation: upside-down or sideways text never reads this well.
    private static let confidentReading = 75

    /// Straightens the picture and reads it. `size` is the image's as it was given.
    private func read(
        _ picture: Picture, rotation: Int, deadline: ContinuousClock.Instant, timeout: Duration, size: (width: Int, height: Int)
    ) throws(OCRError) -> OCRPage {
        let clock = ContinuousClock()
        let (picture, skew) = picture.straightened()
        picture.withPix { TessBaseAPISetImage2(reader, $0) }
        if picture.dpi > 0 { TessBaseAPISetSourceResolution(reader, Int32(picture.dpi)) }
        let monitor = TessMonitorCreate()
        defer { TessMonitorDelete(monitor) }
        // Rounded up, so tesseract never gives up before `deadline`; a spent budget still gets
        // 1 ms, so that tesseract itself abandons the page at its first word.
        let milliseconds = (clock.now.duration(to: deadline) / .milliseconds(1)).rounded(.up)
        TessMonitorSetDeadlineMSecs(monitor, Int32(min(max(1, milliseconds), Double(Int32.max))))
        guard TessBaseAPIRecognize(reader, monitor) == 0 else {
            if clock.now >= deadline { throw .timedOut(seconds: Int(timeout.components.seconds)) }
            throw .failed("tesseract could not recognise the page")
        }
        return OCRPage(
            text: takeText(TessBaseAPIGetUTF8Text(reader)),
            meanConfidence: Int(TessBaseAPIMeanTextConf(reader)),
            rotation: rotation, skewDegrees: skew, lines: lines(), imageWidth: size.width, imageHeight: size.height)
    }

    /// The clockwise turn (0, 90, 180, 270) that stands the page upright, 0 when unsure. OSD
    /// samples character shapes, so a 300-dpi page is examined at half size: twice as fast,
    /// same answer.
    private func uprightRotation(of picture: Picture) -> Int {
        var sample = picture
        if min(picture.width, picture.height) >= 2000, let half = picture.map(pixScaleAreaMap2) {
            sample = half
            half.withPix { _ = pixSetResolution($0, Int32(picture.dpi / 2), Int32(picture.dpi / 2)) }
        }
        sample.withPix { TessBaseAPISetImage2(orientationDetector, $0) }
        if sample.dpi > 0 { TessBaseAPISetSourceResolution(orientationDetector, Int32(sample.dpi)) }
        var degrees: Int32 = 0
        var confidence: Float = 0
        // The script name points into the detector's own tables: not ours to free, so not asked for.
        guard TessBaseAPIDetectOrientationScript(orientationDetector, &degrees, &confidence, nil, nil) != 0,
            confidence >= Self.minimumOrientationConfidence
        else { return 0 }
        // Tesseract reports how far the page is turned clockwise; turning on to 360° undoes it.
        return (360 - Int(degrees)) % 360
    }

    private func lines() -> [OCRLine] {
        guard let iterator = TessBaseAPIGetIterator(reader) else { return [] }
        defer { TessResultIteratorDelete(iterator) }
        var lines: [OCRLine] = []
        repeat {
            var left: Int32 = 0, top: Int32 = 0, right: Int32 = 0, bottom: Int32 = 0
            let text = takeText(TessResultIteratorGetUTF8Text(iterator, RIL_TEXTLINE))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty,
                TessPageIteratorBoundingBox(
                    TessResultIteratorGetPageIteratorConst(iterator), RIL_TEXTLINE, &left, &top, &right, &bottom) != 0
            else { continue }
            lines.append(
                OCRLine(
                    text: text,
                    box: Box(x: Double(left), y: Double(top), width: Double(right - left), height: Double(bottom - top)),
                    confidence: Double(TessResultIteratorConfidence(iterator, RIL_TEXTLINE))))
        } while TessResultIteratorNext(iterator, RIL_TEXTLINE) != 0
        return lines
    }

    private func takeText(_ text: UnsafeMutablePointer<CChar>?) -> String {
        guard let text else { return "" }
        defer { TessDeleteText(text) }
        return String(cString: text)
    }

    private static func makeEngine(languages: String, mode: TessPageSegMode) throws(OCRError) -> OpaquePointer {
        let engine = TessBaseAPICreate()!
        // Tesseract's messages ("Estimating resolution", "Empty page!!") go to debug_file.
        // It is a process-wide setting, harmless to repeat.
        TessBaseAPISetVariable(engine, "debug_file", "/dev/null")
        guard TessBaseAPIInit3(engine, nil, languages) == 0 else {
            destroy(engine)
            throw .engineUnavailable("cannot load the tesseract models for '\(languages)' (is its traineddata installed?)")
        }
        TessBaseAPISetPageSegMode(engine, mode)
        return engine
    }

    private static func destroy(_ engine: OpaquePointer) {
        TessBaseAPIEnd(engine)
        TessBaseAPIDelete(engine)
    }
}

/// Tesseract parallelises its LSTM with OpenMP (`num_threads(4)` per layer). On a busy machine
/// the spinning threads cost more than they give: a page takes about three times as long.
/// `OMP_THREAD_LIMIT=1` is read once, when libgomp loads, and the environment is no place to
/// change from a running, threaded process; allowing no active parallel level on the calling
/// thread has the same effect. Looked up in tesseract's own libraries (they are opened privately,
/// see `CTesseract.h`): a tesseract built without OpenMP simply lacks the symbol.
enum OpenMP {
    private typealias SetMaxActiveLevels = @convention(c) (Int32) -> Void
    private typealias GetMaxActiveLevels = @convention(c) () -> Int32

    /// Call with tesseract open (an engine made).
    static func disableOnCurrentThread() {
        cpd_tesseract_symbol("omp_set_max_active_levels").map { unsafeBitCast($0, to: SetMaxActiveLevels.self)(0) }
    }

    /// The calling thread's limit, or nil without OpenMP.
    static var maxActiveLevels: Int32? {
        cpd_tesseract_symbol("omp_get_max_active_levels").map { unsafeBitCast($0, to: GetMaxActiveLevels.self)() }
    }
}
