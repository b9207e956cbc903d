import Hummingbird
import Wording

/// What a request carries through the workspace: who is signed in, in which language, from where.
public struct ReviewContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var session: Session?
    /// The session cookie's token, for signing out.
    public var sessionToken: String?
    public var language: FormLanguage = .ru
    /// The client's address, for the sign-in throttle; nil where the request came from no socket
    /// (tests).
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Forms are posted URL-encoded.
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
    /// A sign-in or a correction is a few hundred bytes.
    public var maxUploadSize: Int { 64 * 1024 }
}
