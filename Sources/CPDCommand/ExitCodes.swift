import ArgumentParser

/// Every code `cpd` exits with, in one place (sysexits.h numbering); the README's paragraph on
/// exit codes lists the same, and a test holds the two together.
extension ExitCode {
    /// Done, whether or not the requirements are met.
    static let done = ExitCode.success
    /// A bad option or argument (EX_USAGE): swift-argument-parser's own validation failure.
    static let badOption = ExitCode.validationFailure
    /// The input was read but is wrong (EX_DATAERR): an activity file's mistakes, a worker the
    /// register blocks, a value too long for a form.
    static let invalidInput = ExitCode(65)
    /// An input that cannot be opened or read (EX_NOINPUT).
    static let cannotRead = ExitCode(66)
    /// The form templates are broken (EX_SOFTWARE).
    static let brokenTemplates = ExitCode(70)
    /// Forms or a database that cannot be created or written (EX_CANTCREAT).
    static let cannotWrite = ExitCode(73)
    /// The register database fails while it is used (EX_IOERR).
    static let registerFailed = ExitCode(74)
    /// Another process holds what this one needs; a later try may succeed (EX_TEMPFAIL).
    static let busy = ExitCode(75)
    /// The watch's database cannot be written, and restarting does not help (EX_NOPERM).
    static let readOnlyDatabase = ExitCode(77)

    /// The codes above, in the order the README lists them.
    static let documented: [ExitCode] = [
        .done, .badOption, .invalidInput, .cannotRead, .brokenTemplates, .cannotWrite, .registerFailed, .busy, .readOnlyDatabase,
    ]
}
