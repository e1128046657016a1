"""Score brief -> script fidelity: the share of a brief's content words that reach the script and the previs.

Content words are the brief's nouns, proper names and main verbs, lemmatised
with lemminflect (closed-class words and words about the film itself skipped).
A word reaches the script when its lemma is among the script text's lemmas;
it reaches the previs when it is among what the previs draws: scene headings
(sets), character names and introductions (figures), props in capitals, and
what the writer's Reading says it drew (`used[].text` / `drawn_as` of drawn kinds).
The title page's 'Draft:' copy of the brief does not count.

    python -m evals.brief_fidelity [--split tune|heldout|all] [--save results/NAME.json] [--show ID]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from lemminflect import getAllLemmas, getAllLemmasOOV

HERE = Path(__file__).parent
# Closed-class words and light verbs: never content, whatever the brief.
_CLOSED = set("""a an the and or but nor so yet for of to in on at by with from into onto over under after before
during until while when where who whom whose which that this these those there here it its he she they them his her
their hers him we us our you your i me my one two three some any every each no not all both either neither other
another such as than then too very just only also even be is are was were been being am have has had do does did
can could will would shall should may might must get gets got make makes made let lets go goes went
""".split())
# Words about the film rather than in it.
_META = {"spot", "ad", "advert", "film", "launch", "video", "song", "story", "portrait", "tagline", "line", "second",
         "minute", "music", "end", "day", "time"}
_DRAWN_KINDS = {"character", "place", "prop", "weather", "time", "era"}


def _lemmas_of(word: str) -> set[str]:
    """Every lemma a word could have (noun, verb, adjective...), lower case, the word itself included."""
    low = word.lower()
    found = {low}
    for forms in getAllLemmas(low).values():
        found |= set(forms)
    if len(found) == 1:
        for pos in ("NOUN", "VERB"):
            found |= set(getAllLemmasOOV(low, pos).get(pos, ()))
    return found


def _words(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", w) for w in re.findall(r"[^\W_][\w'’\-]*", text)]


def content_words(brief: str) -> list[str]:
    """The brief's content lemmas in order, each once: nouns, names and main verbs."""
    out: list[str] = []
    for i, word in enumerate(_words(brief)):
        low = word.lower()
        if low in _CLOSED or re.fullmatch(r"\d+(-\w+)?", low):
            continue
        if re.fullmatch(r"\d{4}s?", low):  # an era: "1920s", "1944"
            lemma = low
        else:
            lemmas = getAllLemmas(low)
            if lemmas and not ({"NOUN", "VERB", "PROPN"} & set(lemmas)):
                continue  # only an adjective or adverb
            if lemmas:
                pos = "NOUN" if "NOUN" in lemmas else "VERB" if "VERB" in lemmas else "PROPN"
                lemma = lemmas[pos][0]
            else:
                lemma = getAllLemmasOOV(low, "NOUN")["NOUN"][0] if not word[:1].isupper() else low
        if lemma in _CLOSED or lemma in _META or len(lemma) < 2:
            continue
        if lemma not in out:
            out.append(lemma)
    return out


def _lemma_set(text: str) -> set[str]:
    found: set[str] = set()
    for word in _words(text):
        found |= _lemmas_of(word)
        for part in word.split("-"):
            found |= _lemmas_of(part)
    return found


def story_text(script) -> str:
    """The title and the scenes: the title page's copy of the brief ('Draft:') is not the story."""
    parts = [script.title] + [c.description for c in script.characters]
    for scene in script.scenes:
        parts.append(scene.heading)
        parts += [f"{el.character or ''} {el.text}" for el in scene.elements]
    return " ".join(parts)


def drawn_text(script, readings) -> str:
    """Everything the previs draws from this script, as text."""
    parts = [s.heading for s in script.scenes]
    parts += [f"{c.name} {c.description}" for c in script.characters]
    for scene in script.scenes:
        for el in scene.elements:
            if el.kind == "action":
                parts += re.findall(r"\b[A-Z][A-Z'\-]{2,}(?:\s+[A-Z][A-Z'\-]{2,})*\b", el.text)
    for reading in readings:
        for used in getattr(reading, "used", []):
            if used.became in _DRAWN_KINDS:
                parts += [used.text, used.drawn_as]
    return " ".join(parts)


def write(brief_text: str, length_s: float):
    """The script (and readings, when the writer gives them) for one brief, as the offline crew writes it."""
    from graph.state import Brief
    from tools.screenplay import brief_writer

    brief = Brief(text=brief_text, length_s=length_s)
    if hasattr(brief_writer, "write_from_brief"):
        script, readings = brief_writer.write_from_brief(brief)
        return script, readings
    return brief_writer.script_from_brief(brief), []


def length_of(brief_text: str) -> float:
    m = re.search(r"(\d+)[- ]second", brief_text)
    return float(m.group(1)) if m else 60.0


def score(row: dict) -> dict:
    script, readings = write(row["brief"], length_of(row["brief"]))
    words = content_words(row["brief"])
    in_script = _lemma_set(story_text(script))
    in_previs = _lemma_set(drawn_text(script, readings))
    return {**{k: row[k] for k in ("id", "genre", "shape", "split")},
            "words": words, "script_missing": [w for w in words if w not in in_script],
            "previs_missing": [w for w in words if w not in in_previs],
            "script": sum(w in in_script for w in words) / max(1, len(words)),
            "previs": sum(w in in_previs for w in words) / max(1, len(words)),
            "title": script.title, "headings": [s.heading for s in script.scenes],
            "craft": craft(script, row["brief"])}


_SKIP = re.compile(r"^(?:SUPER:|Title:|Credit:|Draft:)")


def craft(script, brief: str) -> dict:
    """How the script reads as a short a director could shoot: filler and repeated lines, sets, who acts.

    A line is filler when none of its words share a lemma with the brief's content words (cue names and
    capitalised introductions count: they are the brief's roles). Sets are the distinct locations of the
    headings (INT./EXT. and time cut off). A character acts when its cue is followed by a verb-like
    lower-case word in an action line ("RACER 2 swerves"), not only introduced ("RACER 2, a racer,")."""
    words = set(content_words(brief))
    lines, seen, repeated, filler = [], set(), 0, 0
    for scene in script.scenes:
        for el in scene.elements:
            if el.kind not in ("action", "dialogue") or _SKIP.match(el.text) or not el.text.strip():
                continue
            lines.append(el)
            key = el.text.strip().lower()
            repeated += key in seen
            seen.add(key)
            filler += not (_lemma_set(el.text) & words)
    sets = {re.sub(r"^(?:INT\.?/EXT\.?|INT\.|EXT\.|I/E\.?)\s*", "", s.heading.split(" - ")[0]).strip()
            for s in script.scenes}
    for s in script.scenes:
        parts = s.heading.split(" - ")
        if len(parts) > 2:
            sets.add(" - ".join(parts[:-1]).split(". ", 1)[-1])
    acting = {}
    for c in script.characters:
        cue = re.escape(c.name)
        acting[c.name] = any(el.kind == "action" and re.search(rf"\b{cue}(?:'s)?\s+(?:and\s+[A-Z0-9' ]+\s+)?[a-z]",
                                                                 el.text) for s in script.scenes for el in s.elements)
    ext = sum(s.heading.upper().startswith("EXT") for s in script.scenes)
    inside = sum(s.heading.upper().startswith("INT") for s in script.scenes)
    return {"lines": len(lines), "filler": filler / max(1, len(lines)), "repeated": repeated / max(1, len(lines)),
            "sets": len(sets), "acting": sum(acting.values()) / max(1, len(acting)),
            "not_acting": [k for k, v in acting.items() if not v],
            "where": "EXT" if ext > inside else "INT" if inside > ext else "BOTH"}


def craft_table(rows: list[dict]) -> dict:
    n = max(1, len(rows))
    return {"n": len(rows), "filler": round(sum(r["craft"]["filler"] for r in rows) / n, 3),
            "repeated": round(sum(r["craft"]["repeated"] for r in rows) / n, 3),
            "sets": round(sum(r["craft"]["sets"] for r in rows) / n, 2),
            "acting": round(sum(r["craft"]["acting"] for r in rows) / n, 3)}


def where_check() -> dict:
    """INT/EXT plausibility on craft.jsonl, a small hand-labelled set: most scenes where the act plays."""
    rows = [json.loads(line) for line in (HERE / "craft.jsonl").read_text().splitlines() if line.strip()]
    out = []
    for row in rows:
        script, _ = write(row["brief"], length_of(row["brief"]))
        got = craft(script, row["brief"])
        out.append({"id": row["id"], "want": row["where"], "got": got["where"], **{k: got[k] for k in
                                                                                 ("filler", "sets", "not_acting")}})
    return {"right": sum(r["want"] == r["got"] for r in out) / max(1, len(out)), "rows": out}


def _table(rows: list[dict], key: str) -> dict[str, dict[str, float]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        groups[r[key]].append(r)
    return {g: {"n": len(rs), "script": round(sum(r["script"] for r in rs) / len(rs), 3),
                "previs": round(sum(r["previs"] for r in rs) / len(rs), 3)} for g, rs in sorted(groups.items())}


def summarise(rows: list[dict]) -> dict:
    out = {}
    for split in ("tune", "heldout"):
        part = [r for r in rows if r["split"] == split]
        if part:
            out[split] = {"all": _table(part, "split")[split], "genre": _table(part, "genre"),
                          "shape": _table(part, "shape"), "craft": craft_table(part)}
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", choices=["tune", "heldout", "all"])
    parser.add_argument("--save", default="", help="write rows and summary to this JSON file")
    parser.add_argument("--show", default="", help="print one brief's words and what was missed")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in (HERE / "briefs.jsonl").read_text().splitlines() if line.strip()]
    if args.split != "all":
        rows = [r for r in rows if r["split"] == args.split]
    if args.show:
        rows = [r for r in rows if r["id"] == args.show]
    scored = [score(r) for r in rows]
    summary = summarise(scored)
    if args.show:
        print(json.dumps(scored, indent=1))
    for split, tables in summary.items():
        print(f"== {split}: script {tables['all']['script']:.2f}  previs {tables['all']['previs']:.2f}"
              f"  (n={tables['all']['n']})")
        for key in ("genre", "shape"):
            print("  " + "  ".join(f"{g} {v['script']:.2f}/{v['previs']:.2f}" for g, v in tables[key].items()))
        c = tables["craft"]
        print(f"  craft: filler {c['filler']:.2f}  repeated {c['repeated']:.2f}  sets {c['sets']:.1f}"
              f"  figures acting {c['acting']:.2f}")
    where = where_check() if not args.show else {}
    if where:
        print(f"== INT/EXT on craft.jsonl: {where['right']:.2f} right (n={len(where['rows'])})")
        summary["where"] = where
    if args.save:
        path = Path(args.save) if Path(args.save).is_absolute() else HERE / args.save
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"summary": summary, "rows": scored}, indent=1))
        print(f"saved {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
