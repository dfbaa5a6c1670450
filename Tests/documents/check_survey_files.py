"""The survey report of the demo's 2025 trygghetsundersökning opened by real readers: python-docx
(the method, a table per question with women, men and everyone, hidden groups as "–") and
openpyxl (every cell, hidden shares empty rather than 0). Usage: check_survey_files.py DOCX XLSX JSON"""
import json
import sys

import docx
import openpyxl

document = docx.Document(sys.argv[1])
text = "\n".join(p.text for p in document.paragraphs)
assert "Trygghetsundersökning 2025" in text and "2 000 svarande" in text.replace("\u00a0", " "), text[:500]
assert "Wilson" in text and "färre än 30 svar" in text
tables = document.tables
assert len(tables) >= 1 + 2 * 11, len(tables)
# The problem index comes first (values 0–6), then per question its shares by area and by age.
index = tables[0]
assert [c.text for c in index.rows[0].cells] == ["Område", "Kvinnor", "Män", "Alla"], [c.text for c in index.rows[0].cells]
assert all(0 <= float(c.text.replace(",", ".")) <= 6 for row in index.rows[1:] for c in row.cells[1:] if c.text != "–")
first = tables[1]
assert [c.text for c in first.rows[0].cells] == ["Område", "Kvinnor", "Män", "Alla"], [c.text for c in first.rows[0].cells]
cells = [c.text for row in first.rows[1:] for c in row.cells]
assert any("%" in c and "(" in c for c in cells), cells
skaggetorp = next(row for row in first.rows if row.cells[0].text == "Skäggetorp")
women = int(skaggetorp.cells[1].text.split("%")[0].strip())
men = int(skaggetorp.cells[2].text.split("%")[0].strip())
assert women > men, (women, men)

sheet = openpyxl.load_workbook(sys.argv[2]).active
rows = list(sheet.iter_rows(values_only=True))
assert rows[0] == ("question", "area", "kon", "alder", "n", "share", "ci_low", "ci_high", "suppressed"), rows[0]
hidden = [r for r in rows[1:] if r[8] == "ja"]
shown = [r for r in rows[1:] if r[8] == "nej"]
assert hidden and all(r[4] is None and r[5] is None for r in hidden), hidden[:3]
assert shown and all(isinstance(r[5], float) and 0 <= r[5] <= 1 and r[4] >= 30 for r in shown), shown[:3]

report = json.load(open(sys.argv[3]))
assert report["survey"] == "trygghet-2025" and report["n"] == 2000
question = report["questions"][0]
assert {"code", "text", "options", "indicator", "cells"} <= question.keys()
assert question["indicator"]["options"] == ["ganska_otrygg", "mycket_otrygg", "gar_inte_ut"]
assert len(rows) - 1 == sum(len(q["cells"]) for q in report["questions"])
print(f"Enkätrapporten: {len(tables)} tabeller i Word, {len(rows) - 1} celler i Excel varav {len(hidden)} dolda.")
