import Crypto
import Foundation
import Hummingbird
import HummingbirdAuth
import HummingbirdBasicAuth

/// The request context of the server: Hummingbird's basic context with the signed-in colleague,
/// set by the authenticators of a team server (`--token`, `--user`).
typealias ServerContext = BasicAuthRequestContext<TeamMember>

/// Who a request was let in as: the account's user name, the name given with the token in basic
/// authentication, or `token` for a bearer token. Never logged with the secret.
struct TeamMember: PasswordAuthenticatable {
    var name: String
    /// The SHA-256 of the account's password, hex (what `TeamPasswordVerifier` compares); nil for a token.
    var passwordHash: String?
}

/// Secrets compared without leaking their length or content through timing: both sides are
/// hashed with SHA-256 and the digests compared byte by byte to the end.
enum TeamSecret {
    static func digest(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func matches(_ given: String, digest expected: String) -> Bool {
        let x = Array(digest(given).utf8), y = Array(expected.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}

/// The access token (`--token`): `Authorization: Bearer TOKEN`, or basic authentication with any
/// user name and the token as password, which is what a browser sends once it has asked.
struct TokenAuthenticator: AuthenticatorMiddleware {
    typealias Context = ServerContext
    /// SHA-256 of the token, hex.
    let tokenDigest: String

    init(token: String) {
        self.tokenDigest = TeamSecret.digest(token)
    }

    func authenticate(request: Request, context: Context) async throws -> TeamMember? {
        if let bearer = request.headers.bearer, TeamSecret.matches(bearer.token.trimmingCharacters(in: .whitespaces), digest: tokenDigest) {
            return TeamMember(name: "token")
        }
        if let basic = request.headers.basic, TeamSecret.matches(basic.password, digest: tokenDigest) {
            return TeamMember(name: basic.username)
        }
        return nil
    }
}

/// The one account of `--user NAME` with its password (see `ServerConfiguration.account`), for
/// hummingbird-auth's `BasicAuthenticator`.
struct TeamAccountRepository: UserPasswordRepository {
    let account: TeamMember

    init(_ account: ServerConfiguration.Account) {
        self.account = TeamMember(name: account.user, passwordHash: TeamSecret.digest(account.password))
    }

    func getUser(named username: String, context: UserRepositoryContext) async throws -> TeamMember? {
        username == account.name ? account : nil
    }
}

/// Checks a basic-authentication password against the account's SHA-256 in constant time. Not
/// bcrypt: the password is not stored anywhere by tenderlint (it comes from the environment or a
/// file of the operator's), and a browser sends it with every request, the LanguageTool API's
/// checks included, which a deliberately slow hash per request would make slow.
struct TeamPasswordVerifier: PasswordHashVerifier {
    func verifyPassword(_ password: String, createsHash hash: String) async throws -> Bool {
        TeamSecret.matches(password, digest: hash)
    }
}

/// The end of the authenticators: a request none of them let in gets 401 with
/// `WWW-Authenticate: Basic`, so a colleague's browser asks for the token or the password once.
struct SignInRequiredMiddleware: RouterMiddleware {
    typealias Context = ServerContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if context.identity != nil { return try await next(request, context) }
        context.logger.notice("refused a request without valid credentials", metadata: ["path": .string(request.uri.path)])
        return Response(status: .unauthorized,
                        headers: [.wwwAuthenticate: "Basic realm=\"tenderlint\", charset=\"UTF-8\"", .contentType: "text/plain; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "Toegang alleen met de gebruikersnaam en het wachtwoord of het toegangstoken van deze server. / Access needs this server's user name and password or its token.\n")))
    }
}
