"""Opens the follow-up report that `trygg report followup --format docx` wrote, with python-docx,
and checks what a reader of the report to kommunfullmäktige relies on."""
import sys
import zipfile

import docx

document = docx.Document(sys.argv[1])
styles = [(p.style.name, p.text) for p in document.paragraphs]
titles = [text for style, text in styles if style == "Title"]
headings = [text for style, text in styles if style == "Heading 1"]
assert titles == ["Uppföljning av åtgärdsplan 2023"], titles
assert headings == [
    "Sammanfattning", "Lägesbildens problem och åtgärdernas status", "Åtgärder som inte har kunnat påbörjas", "Samtliga åtgärder",
], headings
summary = next(text for style, text in styles if text.startswith("Av planens"))
assert summary.startswith("Av planens 123 åtgärder är"), summary

tables = document.tables
problem_tables = [table for table in tables if [c.text for c in table.rows[0].cells] == ["Nr", "Åtgärd", "Status"]]
assert len(problem_tables) == 3 and problem_tables[0].rows[1].cells[0].text == "3.1", "lägesbildens problem leder till planens åtgärder"
status_table = tables[0]
assert [c.text for c in status_table.rows[0].cells] == ["Status", "Antal", "Andel"]
assert sum(int(row.cells[1].text) for row in status_table.rows[1:]) == 123

measure_rows = [row for table in tables if table.rows[0].cells[0].text == "Nr" and len(table.columns) == 5 for row in table.rows[1:]]
assert len(measure_rows) == 123, len(measure_rows)
statuses = {row.cells[3].text for row in measure_rows}
assert statuses <= {"Pågående", "Påbörjad", "Ej påbörjad", "Ej besvarad"}, statuses
assert any("Demosvar" in row.cells[4].text for row in measure_rows)
with zipfile.ZipFile(sys.argv[1]) as package:
    chart = package.read("word/charts/chart1.xml").decode()
    assert "barChart" in chart and "Pågående" in chart and "Kunskapsbaserad metodik" in chart, chart[:300]
    footer = package.read("word/footer1.xml").decode()
    assert "PAGE" in footer and "NUMPAGES" in footer, footer
print(f"DOCX ok: {len(tables)} tabeller, {len(measure_rows)} åtgärder, rubriker {headings}")
