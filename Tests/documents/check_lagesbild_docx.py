"""Opens the lägesbild that `trygg report lagesbild --format docx` wrote, with python-docx, and
checks what a reader of the decided lägesbild relies on: the law's sections in order, the decision,
the crime table without small counts, the sources with the one left out, and every prioritised
problem leading to the plan's measures; the kriminell påverkan assessed per district; the map as a picture, the trend per area and the
comparison with län and riket as native charts, with alternative texts."""
import sys
import zipfile

import docx
from docx.enum.shape import WD_INLINE_SHAPE

document = docx.Document(sys.argv[1])
styles = [(p.style.name, p.text) for p in document.paragraphs]
titles = [text for style, text in styles if style == "Title"]
headings = [text for style, text in styles if style == "Heading 1"]
assert titles == ["Lägesbild Linköpings kommun"], titles
assert headings == ["1. Kartläggning", "2. Annan information", "3. Analys", "4. Prioriterade problem", "5. Kriminell påverkan"], headings
assert any(text.startswith("Beslutad av Trygghetsrådet 2024-03-14 (KS 2024-212)") for _, text in styles)

tables = {table.rows[0].cells[0].text: table for table in document.tables}
crimes = tables["Brott"]
counts = [row.cells[1].text for row in crimes.rows[1:]]
assert counts and all(c == "1–4" or int(c.replace("\u00a0", "").replace(" ", "")) >= 5 for c in counts), counts
sources = {row.cells[0].text: row.cells[3].text for row in tables["Källa"].rows[1:]}
assert sources["Skolenkät om trygghet"] == "Nej: Skolenkäten genomfördes inte 2023.", sources
problems = {row.cells[0].text: row.cells[3].text for row in tables["Problem"].rows[1:]}
assert problems["Skadegörelse och otrygghet i Skäggetorps centrum"] == "3.1, 3.2", problems
assert all(measures for measures in problems.values()), problems
own = {row.cells[1].text: row.cells[2].text for row in tables["Uppgifter i Trygg"].rows[1:]}
assert "Beslutade insatser" in own and "Publicerade tips" in own, own
influence = {(row.cells[0].text, row.cells[1].text): row.cells[2].text for row in tables["Område"].rows[1:]}
assert influence[("Skäggetorp", "2023")] == "Hög påverkan" and influence[("Berga", "2023")] == "Låg påverkan", influence
shapes = {shape.type for shape in document.inline_shapes}
assert WD_INLINE_SHAPE.PICTURE in shapes and WD_INLINE_SHAPE.CHART in shapes, shapes
areas = [row.cells[1].text for row in tables["Nr"].rows[1:]]
assert areas == ["Berga", "Ryd", "Skäggetorp"], areas
with zipfile.ZipFile(sys.argv[1]) as package:
    charts = [package.read(name).decode() for name in sorted(package.namelist()) if name.startswith("word/charts/chart")]
    assert len(charts) == 2, [len(c) for c in charts]
    trend = next(c for c in charts if "Skäggetorp" in c)
    assert "Hela kommunen" in trend and "Berga" in trend and "<c:lineChart>" in trend, trend[:300]
    comparison = next(c for c in charts if "Östergötlands län" in c)
    assert "Hela landet" in comparison and "Linköpings kommun" in comparison, comparison[:300]
    assert package.read("word/media/bild1.png")[:8] == b"\x89PNG\r\n\x1a\n"
print(f"DOCX ok: {len(document.tables)} tabeller, {len(problems)} prioriterade problem, rubriker {headings}")
