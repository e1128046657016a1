import json

from PIL import Image

from graph.state import ScriptReport
from tools.screenplay.analysis import analyze
from tools.screenplay.report import write_report


def test_clean_script_does_not_drown_in_findings(keeper):
    report = analyze(keeper)
    assert len(report.scenes) == len(report.mood_curve) == 5
    assert sum(1 for f in report.findings if f.severity != "low") <= 1
    assert report.not_checked


def test_findings_come_most_serious_first_with_evidence_and_fix(plant):
    script = plant(("She sets the lantern by the door", "She hangs a SILVER WHISTLE by the door, sets the lantern down"),
                   ("Hold on one more night, old girl.", "Hold on one more night, old girl. I'll never leave this lighthouse."),
                   ("The storm is gone.", "The storm is gone. Mara leaves the lighthouse with a suitcase."))
    report = analyze(script)
    kinds = [f.kind for f in report.findings]
    assert kinds[0] == "motive_inconsistency" and "payoff_missing" in kinds
    order = {"high": 0, "medium": 1, "low": 2}
    assert [order[f.severity] for f in report.findings] == sorted(order[f.severity] for f in report.findings)
    assert all(f.evidence and f.suggestion and 1 <= f.scene <= 5 for f in report.findings)


def test_write_report_makes_markdown_json_and_curve(tmp_path, plant):
    script = plant(("She sets the lantern by the door", "She hangs a SILVER WHISTLE by the door, sets the lantern down"))
    report = analyze(script)
    paths = write_report(report, script, tmp_path / "script")
    assert [p.name for p in paths] == ["report.md", "report.json", "mood_curve.png"]
    again = ScriptReport.model_validate(json.loads(paths[1].read_text()))
    assert again == report
    md = paths[0].read_text()
    assert "![Mood curve](mood_curve.png)" in md and "## Medium" in md and "SILVER WHISTLE" in md
    assert "## Not checked" in md
    with Image.open(paths[2]) as png:
        assert png.format == "PNG" and png.width > 400
    assert not [p for p in (tmp_path / "script").iterdir() if p.name.endswith(".part")]
