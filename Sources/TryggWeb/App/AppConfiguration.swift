import Foundation
import TryggStore

/// Everything the web application needs to know about where and how it runs. Tests build one in
/// memory; the CLI builds one from its options and the environment.
public struct AppConfiguration: Sendable {
    public var hostname: String
    public var port: Int
    public var database: DatabaseLocation
    /// Set when Trygg runs behind TLS (directly or via a proxy): cookies get `Secure`.
    public var secureCookies: Bool
    /// Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy).
    public var trustForwardedFor: Bool
    /// Idle time after which a login expires.
    public var sessionLifetime: TimeInterval
    /// bcrypt work factor; 12 in production, lower in tests where hashing speed is not the point.
    public var bcryptCost: UInt8
    public var lockout: LockoutSettings
    /// Failed login attempts per client address per minute before 429 (successful ones are given back).
    public var loginAttemptsPerMinute: Int
    /// Largest request body accepted (forms, GeoJSON).
    public var maxBodyBytes: Int
    /// `serve` refuses an unmigrated database; `demo` and tests migrate themselves.
    public var migrateOnStart: Bool
    /// Rate and concurrency limits of the public pages and Open311.
    public var publicLimits: PublicLimits
    /// Tiles and Leaflet for the interactive maps.
    public var map: MapSettings
    /// The relay, sender and links of e-mail notices.
    public var mail: MailSettings
    /// The token monitoring sends to read `/metrics`; nil: there is no `/metrics`.
    public var metricsToken: String?

    public struct LockoutSettings: Sendable {
        public var maxFailures: Int
        public var seconds: TimeInterval

        public init(maxFailures: Int, seconds: TimeInterval) {
            self.maxFailures = maxFailures
            self.seconds = seconds
        }
    }

    public init(
        hostname: String = "127.0.0.1",
        port: Int = 8080,
        database: DatabaseLocation = .sqliteFile(path: "trygg.sqlite"),
        secureCookies: Bool = false,
        trustForwardedFor: Bool = false,
        sessionLifetime: TimeInterval = 8 * 3600,
        bcryptCost: UInt8 = 12,
        lockout: LockoutSettings = .init(maxFailures: 5, seconds: 15 * 60),
        loginAttemptsPerMinute: Int = 20,
        maxBodyBytes: Int = 8 * 1024 * 1024,
        migrateOnStart: Bool = false,
        publicLimits: PublicLimits = PublicLimits(),
        map: MapSettings = MapSettings(),
        mail: MailSettings? = nil,
        metricsToken: String? = nil
    ) {
        self.metricsToken = metricsToken
        self.map = map
        self.mail = mail ?? MailSettings(publicURL: "http://\(hostname):\(port)")
        self.hostname = hostname
        self.port = port
        self.database = database
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.sessionLifetime = sessionLifetime
        self.bcryptCost = bcryptCost
        self.lockout = lockout
        self.loginAttemptsPerMinute = loginAttemptsPerMinute
        self.maxBodyBytes = maxBodyBytes
        self.migrateOnStart = migrateOnStart
        self.publicLimits = publicLimits
    }
}
