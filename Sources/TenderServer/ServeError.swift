/// Why the server cannot start. Each case renders as one Dutch line (English with `english`).
public enum ServeError: Error, Equatable, Sendable {
    /// `--host` names an address other machines could reach.
    case notLoopback(host: String)
    /// `--host` names an address other machines could reach, and nobody has to sign in.
    case openWithoutSignIn(host: String)
    /// The port is outside 0…65535.
    case badPort(Int)

    /// The one-line message.
    public func message(english: Bool = false) -> String {
        switch self {
        case let .notLoopback(host):
            return english
                ? "--host \(host): tenderlint serve only listens on this machine (127.0.0.1, ::1 or localhost) unless --allowed-host names the host colleagues use"
                : "--host \(host): tenderlint serve luistert alleen op dit apparaat (127.0.0.1, ::1 of localhost), tenzij --allowed-host de naam noemt die collega's gebruiken"
        case let .openWithoutSignIn(host):
            return english
                ? "--host \(host): other machines could reach this server, so colleagues must sign in: give --token (or TENDERLINT_TOKEN) or --user"
                : "--host \(host): andere apparaten kunnen deze server bereiken, dus collega's moeten inloggen: geef --token (of TENDERLINT_TOKEN) of --user"
        case let .badPort(port):
            return english ? "--port \(port): choose a port from 0 to 65535" : "--port \(port): kies een poort van 0 tot en met 65535"
        }
    }
}
