import Foundation
import TryggCore
import TryggReports

/// A year of LOS in figures as the page, the Word report for the Trygghetsråd and the CSV show
/// it: the kommun's column and, under ROS agreements, each partner's with counts of 1–4 hidden.
struct InspectionStatisticsTable {
    struct Row {
        let label: String
        let values: [String]
    }

    struct DecisionRow {
        let decision: String
        let organisation: String
        let count: Int
        let amount: String
    }

    struct Format {
        /// Another kommun's column: counts under `InspectionStatisticsRoutes.sharedMinimum` hidden.
        let hideSmall: Bool
        /// Bare numbers for a spreadsheet ("12500"), not "12 500 kr".
        let plain: Bool
    }

    let year: Int
    let kommun: String
    let headers: [String]
    let rows: [Row]
    let decisions: [DecisionRow]

    /// The year's figures as (label, value) lines.
    static func figures(_ statistics: InspectionStatistics, format: Format) -> [(label: String, value: String)] {
        let minimum = InspectionStatisticsRoutes.sharedMinimum
        func hidden(_ basis: Int) -> Bool { format.hideSmall && basis > 0 && basis < minimum }
        func count(_ value: Int) -> String {
            hidden(value) ? "färre än \(minimum)" : format.plain ? String(value) : SwedishNumber.integer(value)
        }
        func kronor(_ value: Int, basis: Int) -> String {
            hidden(basis) ? "dolt" : format.plain ? String(value) : SwedishNumber.integer(value) + " kr"
        }
        let closed =
            statistics.closedShare.map { share in
                hidden(statistics.objects)
                    ? "dolt"
                    : format.plain ? String(format: "%.1f", share) : "\(SwedishNumber.percent(share / 100)) (\(count(statistics.objectsClosed)))"
            } ?? (format.plain ? "" : "–")
        return [
            ("Genomförda insatser", count(statistics.carriedOut)),
            ("Planerade insatser", count(statistics.planned)),
            ("Inställda insatser", count(statistics.cancelled)),
            ("Kontrollerade objekt", count(statistics.objects)),
            ("Besök", count(statistics.visits)),
            ("Varav återbesök", count(statistics.revisits)),
            ("Förelägganden", count(statistics.count(.forelaggande))),
            ("Förbud", count(statistics.count(.forbud))),
            ("Polisanmälningar", count(statistics.count(.polisanmalan))),
            ("Återkallade tillstånd", count(statistics.count(.aterkallelse))),
            (format.plain ? "Viten (kr)" : "Viten", kronor(statistics.viten, basis: statistics.count(.vite))),
            (format.plain ? "Sanktionsavgifter (kr)" : "Sanktionsavgifter", kronor(statistics.sanktionsavgifter, basis: statistics.count(.sanktionsavgift))),
            (format.plain ? "Andel stängda objekt, helt eller delvis (%)" : "Andel stängda objekt (helt eller delvis)", closed),
            ("Väntande återbesök", count(statistics.revisitsDue)),
        ]
    }

    /// Two blocks, each with its own header line: the figures per kommun, then the decisions per authority.
    var csv: String {
        var text = CSVWriter.line(["Mått"] + headers)
        for row in rows { text += CSVWriter.line([row.label] + row.values) }
        text += "\r\n" + CSVWriter.line(["Beslut", "Myndighet", "Antal", "Belopp (kr)"])
        for row in decisions { text += CSVWriter.line([row.decision, row.organisation, String(row.count), row.amount]) }
        return text
    }

    func docx() throws -> Data {
        var doc = DocxDocument(title: "LOS-statistik \(year), \(kommun)")
        doc.heading("LOS-statistik \(year)", level: 1)
        doc.paragraph(
            "Myndighetsgemensamma verksamhetskontroller (LOS) i \(kommun) \(year). Objekt räknas en gång oavsett hur många gånger de besökts, "
                + "så andelen stängda avser objekt, inte besök."
                + (headers.count > 1
                    ? " Kolumnerna för andra kommuner visar deras samlade tal enligt ROS-avtalet; tal under \(InspectionStatisticsRoutes.sharedMinimum) döljs."
                    : ""))
        let width = max(1, 8 / headers.count)
        doc.table(header: ["Mått"] + headers, rows: rows.map { [$0.label] + $0.values }, widths: [6] + headers.map { _ in width })
        doc.heading("Beslut per myndighet", level: 2)
        if decisions.isEmpty {
            doc.paragraph("Inga beslut registrerade \(year).")
        } else {
            doc.table(
                header: ["Beslut", "Myndighet", "Antal", "Belopp"], rows: decisions.map { [$0.decision, $0.organisation, String($0.count), $0.amount] },
                widths: [4, 5, 2, 3])
        }
        return try doc.data()
    }
}
