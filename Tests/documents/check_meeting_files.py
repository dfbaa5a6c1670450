"""Opens the minutes that `trygg report meeting --format docx` wrote, with python-docx, and checks
them against the JSON of the same meeting and the forum list: the interface's fields are there,
every decision of the JSON stands in the Word table, with its responsible party and due date."""
import json
import sys

import docx

document = docx.Document(sys.argv[1])
meeting = json.load(open(sys.argv[2], encoding="utf-8"))
forums = json.load(open(sys.argv[3], encoding="utf-8"))

assert {"forum", "date", "attendance", "decisions"} <= meeting.keys(), meeting.keys()
assert meeting["forum"] == "Trygghetsrådet" and meeting["status"] == "justerat", meeting
assert meeting["attendance"] and all({"name", "organisation", "present"} <= a.keys() for a in meeting["attendance"])
assert meeting["decisions"], "det justerade mötet har beslut"
for decision in meeting["decisions"]:
    assert {"text", "responsible", "due_date", "status", "links"} <= decision.keys(), decision
    assert decision["responsible"] and decision["due_date"] >= meeting["date"], decision
    for link in decision["links"]:
        assert link["type"] in {"measure", "insats", "lagesbild", "vandring"} and link["id"] and link["label"], link
assert any(link["type"] == "measure" for d in meeting["decisions"] for link in d["links"]), "beslut kopplade till planens åtgärder"

forum = next(f for f in forums if f["name"] == "Trygghetsrådet")
assert forum["type"] == "styrgrupp" and forum["members"] and {"id", "date", "status"} <= forum["meetings"][0].keys(), forum
assert any(m["id"] == meeting["id"] and m["date"] == meeting["date"] for m in forum["meetings"])
assert {f["type"] for f in forums} >= {"styrgrupp", "beredningsgrupp", "samverkansrad", "est-grupp", "omradesgrupp", "natverk"}
assert all(f["area"] for f in forums if f["type"] == "omradesgrupp")

styles = [(p.style.name, p.text) for p in document.paragraphs]
assert any(style == "Title" and text == "Protokoll: Trygghetsrådet" for style, text in styles), styles[:5]
headings = [text for style, text in styles if style == "Heading 1"]
assert headings[:5] == ["Närvarande", "Dagordning", "Protokoll", "Beslut", "Uppföljning av tidigare beslut"], headings
table = document.tables[0]
assert [c.text for c in table.rows[0].cells] == ["§", "Beslut", "Ansvarig", "Klart senast", "Status", "Gäller"]
rows = [[c.text for c in row.cells] for row in table.rows[1:]]
for decision in meeting["decisions"]:
    assert any(r[1] == decision["text"] and r[2] == decision["responsible"] and r[3] == decision["due_date"] for r in rows), (decision, rows)
approved = [text for _, text in styles if text.startswith("Justerat ")]
assert approved and "@" not in approved[0] and " av Demo samordnare" in approved[0], ("protokollet namnger den som justerade det", approved)
print(f"Protokoll ok: {meeting['forum']} {meeting['date']}, {len(meeting['decisions'])} beslut, {len(forums)} forum i listan.")
