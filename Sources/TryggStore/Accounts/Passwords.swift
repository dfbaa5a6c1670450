import HummingbirdBcrypt
import NIOPosix

/// bcrypt for callers outside a request (CLI, demo, benchmarks).
public enum Passwords {
    public static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }
}
