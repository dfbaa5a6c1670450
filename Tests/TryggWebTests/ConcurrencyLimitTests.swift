import Testing
import TryggCore

@Suite("Skrivplatser för invånarnas rapporter")
struct ConcurrencyLimitTests {
    @Test("En rapport utöver platserna väntar på sin tur; när även kön är full avvisas nästa direkt")
    func burstWaitsFloodRefused() async throws {
        let limit = ConcurrencyLimit(limit: 2, maxWaiting: 1)
        #expect(await limit.enter())
        #expect(await limit.enter())
        let waiter = Task { await limit.enter() }
        // The waiter must be in line before the queue counts as full.
        while await !limit.isQueueFull { await Task.yield() }
        #expect(await limit.enter() == false)
        await limit.leave()
        #expect(await waiter.value)
        // Two places are taken again (the waiter got the freed one): the next one queues, not fails.
        let next = Task { await limit.enter() }
        await limit.leave()
        #expect(await next.value)
    }
}
