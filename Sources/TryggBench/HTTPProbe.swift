import Foundation
import TryggWeb
import TryggDemo
#if canImport(Glibc)
    import Glibc
#endif

/// A minimal blocking HTTP/1.1 client over one keep-alive TCP connection. Benchmarks need
/// something with less overhead than the server it measures, and no dependencies.
final class HTTPConnection {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let setCookies: [String]
        let body: String
    }

    enum Failure: Error { case connect, closed, malformed }

    private let socket: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw Failure.connect
        }
        var one: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(socket) }

    func request(_ method: String, _ path: String, headers: [String: String] = [:], body: String? = nil) throws -> Reply {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure.closed }
            sent += n
        }
        return try readReply()
    }

    private func fill() throws {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let n = recv(socket, &chunk, chunk.count, 0)
        guard n > 0 else { throw Failure.closed }
        buffer.append(contentsOf: chunk[0..<n])
    }

    private func readReply() throws -> Reply {
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            if buffer.count >= 4 {
                headerEnd = (0...(buffer.count - 4)).first { buffer[$0..<($0 + 4)].elementsEqual(separator) }
            }
            if headerEnd == nil { try fill() }
        }
        let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed }
        var headers: [String: String] = [:]
        var cookies: [String] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "set-cookie" { cookies.append(value) }
            headers[name] = value
        }
        let length = Int(headers["content-length"] ?? "0") ?? 0
        let bodyStart = headerEnd! + 4
        while buffer.count < bodyStart + length { try fill() }
        let body = String(decoding: buffer[bodyStart..<(bodyStart + length)], as: UTF8.self)
        buffer.removeFirst(bodyStart + length)
        return Reply(status: status, headers: headers, setCookies: cookies, body: body)
    }
}

extension HTTPConnection {
    /// Logs in through the login form as a browser would; returns the session cookie header.
    static func logIn(port: Int, email: String) throws -> [String: String]? {
        let login = try HTTPConnection(port: port)
        let form = try login.request("GET", "/login")
        let csrfCookie = form.setCookies.first { $0.hasPrefix("trygg_csrf=") }?.split(separator: ";").first.map(String.init) ?? ""
        let token = csrfCookie.split(separator: "=").last.map(String.init) ?? ""
        let address = email.replacingOccurrences(of: "@", with: "%40")
        let body = "_csrf=\(token)&email=\(address)&password=\(DemoSeed.password)&next=%2F"
        let loggedIn = try login.request(
            "POST", "/login", headers: ["Cookie": csrfCookie, "Content-Type": "application/x-www-form-urlencoded"],
            body: body)
        guard let session = loggedIn.setCookies.first(where: { $0.hasPrefix("trygg_session=") })?.split(separator: ";").first else { return nil }
        return ["Cookie": String(session)]
    }
}
