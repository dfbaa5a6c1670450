"""Opens the weekly EST report that `trygg report week --format docx` wrote, with python-docx, and
checks it against the JSON of the same week: the figures per area must agree."""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
figures = json.load(open(sys.argv[2], encoding="utf-8"))
styles = [(p.style.name, p.text) for p in document.paragraphs]
titles = [text for style, text in styles if style == "Title"]
headings = [text for style, text in styles if style == "Heading 1"]
week = int(figures["week"].split("-W")[1])
assert titles and titles[0].startswith(f"Lägesbild vecka {week} "), titles
assert headings[:3] == ["Sammanfattning", "EST-gruppens bedömning", "Heta platser"], headings
area_table = document.tables[0]
assert [c.text for c in area_table.rows[0].cells][:4] == ["Område", "Händelser", "Föregående vecka", "Snitt 4 veckor"]
rows = {row.cells[0].text: int(row.cells[1].text) for row in area_table.rows[1:]}
for area in figures["areas"]:
    assert rows[area["area"]] == area["total"], (area, rows)
assert rows["Hela kommunen"] == figures["total"] > 0, rows
print(f"Veckorapport ok: vecka {week}, {figures['total']} händelser, {len(document.tables)} tabeller, rubriker {headings}")
