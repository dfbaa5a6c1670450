import FluentKit
import FluentPostgresDriver
import Foundation
import NIOCore
import PostgresNIO
import SQLKit

/// `COPY … FROM STDIN`, PostgreSQL's bulk path: rows travel as one stream of tab-separated text
/// instead of as statements with bound values, which is several times faster for large imports
/// (a million events: 37.5 s with multi-row INSERTs before). Used inside the import's
/// transaction, so the copied rows commit or roll back with everything else.
enum PostgresCopy {
    /// Rows are sent to the server in pieces of about this size (`sendIfFull`).
    static let pieceSize = 1 << 20

    /// `table` and `columns` are the code's own names, never input: COPY cannot bind them.
    static func copy(
        into table: String, columns: [String], on db: any Database, rows: @escaping @Sendable (inout CopyRows) async throws -> Void
    ) async throws {
        guard let postgres = db as? any PostgresDatabase else { throw StoreError.invalid("COPY kräver PostgreSQL.") }
        let logger = db.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = CopyRows(writer: writer)
                    try await rows(&buffer)
                    try await buffer.send()
                }
            }
        }.get()
    }
}

/// Rows in COPY's text format: fields separated by tabs, `\N` for NULL, backslash escapes for
/// the characters that would end a field or a row.
struct CopyRows {
    /// Nil while rows are encoded ahead, away from the connection (`encoded`).
    fileprivate let writer: PostgresCopyFromWriter?
    private var current = ByteBuffer()
    private var fieldsInRow = 0

    fileprivate init(writer: PostgresCopyFromWriter?, capacity: Int = PostgresCopy.pieceSize + 4096) {
        self.writer = writer
        current.reserveCapacity(capacity)
    }

    /// Rows written into a buffer on any thread, to be sent later with `write`: an import
    /// prepares the next chunks' text while the connection sends this one.
    static func encoded(capacity: Int, _ body: (inout CopyRows) -> Void) -> ByteBuffer {
        var rows = CopyRows(writer: nil, capacity: capacity)
        body(&rows)
        return rows.current
    }

    /// Sends rows encoded ahead, after what is written so far.
    mutating func write(_ encoded: ByteBuffer) async throws {
        try await send()
        var rest = encoded
        while let piece = rest.readSlice(length: min(PostgresCopy.pieceSize, rest.readableBytes)), piece.readableBytes > 0 {
            try await writer?.write(piece)
        }
    }

    private mutating func separate() {
        if fieldsInRow > 0 { current.writeInteger(UInt8(ascii: "\t")) }
        fieldsInRow += 1
    }

    mutating func null() {
        separate()
        current.writeStaticString("\\N")
    }

    mutating func text(_ value: String?) {
        guard let value else { return null() }
        separate()
        // Most text needs no escaping and is written whole; byte by byte only when it does.
        guard value.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") })
        else {
            current.writeString(value)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): current.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): current.writeStaticString("\\t")
            case UInt8(ascii: "\n"): current.writeStaticString("\\n")
            case UInt8(ascii: "\r"): current.writeStaticString("\\r")
            default: current.writeInteger(byte)
            }
        }
    }

    /// Numbers, whose text never needs escaping.
    mutating func plain(_ value: (some CustomStringConvertible)?) {
        guard let value else { return null() }
        separate()
        current.writeString(value.description)
    }

    /// Digits written straight into the buffer: a String per number was a tenth of an import's COPY text.
    mutating func integer(_ value: Int64?) {
        guard let value else { return null() }
        separate()
        if value < 0 { current.writeInteger(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            current.writeBytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(digits)[start...]))
        }
    }

    /// A UUID as its 36 hex characters, made on the stack and written at once: a million rows
    /// carry five each, and going through `uuidString` was a noticeable part of an import.
    mutating func uuid(_ value: UUID?) {
        guard let value else { return null() }
        separate()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 36) { text in
            withUnsafeBytes(of: value.uuid) { bytes in
                var position = 0
                for index in 0..<16 {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        text[position] = UInt8(ascii: "-")
                        position += 1
                    }
                    let high = bytes[index] >> 4, low = bytes[index] & 0x0f
                    text[position] = high < 10 ? 48 + high : 87 + high
                    text[position + 1] = low < 10 ? 48 + low : 87 + low
                    position += 2
                }
            }
            current.writeBytes(UnsafeRawBufferPointer(text))
        }
    }

    mutating func endRow() {
        current.writeInteger(UInt8(ascii: "\n"))
        fieldsInRow = 0
    }

    /// Sends what is written once it fills a piece, so a large import never sits whole in memory.
    mutating func sendIfFull() async throws {
        if current.readableBytes >= PostgresCopy.pieceSize { try await send() }
    }

    fileprivate mutating func send() async throws {
        guard current.readableBytes > 0, let writer else { return }
        try await writer.write(current)
        current.clear()
    }
}

extension PostgresCopy {
    /// Large imports on PostgreSQL: the table's foreign keys are dropped inside the import's
    /// transaction and added again at its end, where PostgreSQL checks all rows in one pass per
    /// key (1.3 s for five keys over a million events) instead of one lookup per row and key
    /// (20 s). A row that breaks a key fails the import as before, and if anything fails the
    /// transaction restores the keys with everything else. The table is locked for the
    /// transaction, as SQLite's import locks the whole file.
    static func suspendingForeignKeys<T>(of table: String, on sql: any SQLDatabase, _ body: () async throws -> T) async throws -> T {
        let rows = try await sql.raw(
            "SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = \(bind: table)::regclass AND contype = 'f' ORDER BY conname"
        ).all()
        let keys = try rows.map { (name: try $0.decode(column: "conname", as: String.self), definition: try $0.decode(column: "definition", as: String.self)) }
        for key in keys { try await sql.raw("ALTER TABLE \(ident: table) DROP CONSTRAINT \(ident: key.name)").run() }
        let result = try await body()
        for key in keys { try await sql.raw("ALTER TABLE \(ident: table) ADD CONSTRAINT \(ident: key.name) \(unsafeRaw: key.definition)").run() }
        return result
    }
}
