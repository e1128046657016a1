"""The model engine: each agent task with a scripted model, and a real graph run against a loopback server.

The scripted model answers exactly what a model would (tool calls); the tests
check what the engine lets through: screenplays parse, shots keep their plan,
characters keep their names, findings merge without duplicates, and a key
never reaches the project folder.
"""

from __future__ import annotations

import dataclasses

import pytest

from agents.model_engine import (ChatIntent, describe_shots, judge_script, profile_cast, propose_styles, rewrite_directions,
                                 route_chat, write_script)
from graph.state import Brief, CharacterProfile, Finding, ScriptReport
from tests.graph.conftest import new_film
from tests.unit.providers.loopback import Loopback, Reply, chat_tool_reply
from tests.unit.providers.scripted import scripted
from tools.providers.errors import ProviderError
from tools.screenplay.analysis import analyze
from tools.screenplay.fountain_io import parse_fountain
from tools.shots.breakdown import break_down

SCREENPLAY = """Title: Wet Paint

EXT. ROCKY SHORE - DAWN

Gulls wheel over the wreckage. MARA (60s), a lighthouse keeper in a yellow oilskin, drags a net.
Tangled in it: BOLT, a small rust-red robot with one glass eye.

MARA
Well. You're no fish.

BOLT
(whirring)
Paint?

INT. LIGHTHOUSE - DAY

Mara sets a tin of blue paint before Bolt. Bolt dips a finger and draws a wobbly sun on the wall.

MARA
That's the ugliest sun I ever saw.

She smiles anyway.

EXT. LIGHTHOUSE GALLERY - DUSK

Bolt paints the sunset across the glass of the lamp. Mara watches, then picks up a brush.
"""

REWRITE = SCREENPLAY.replace("Gulls wheel over the wreckage.", "Storm. Lightning shows the wreckage.")


def test_write_script_parses_the_models_fountain_and_labels_the_engine():
    model = scripted(("ScreenplayDraft", {"title": "Wet Paint", "fountain": SCREENPLAY}))
    script, usage = write_script(Brief(text="a robot learns to paint", length_s=30), "warmer ending", model)
    assert script.title == "Wet Paint" and script.source == "brief"
    assert script.generated_by == "model:fake:generic-fake-chat-model"
    assert [s.heading for s in script.scenes][0] == "EXT. ROCKY SHORE - DAWN"
    assert {c.name for c in script.characters} >= {"MARA", "BOLT"}
    assert "a robot learns to paint" in model.prompts[0][-1] and "warmer ending" in model.prompts[0][-1]
    assert (usage.stage, usage.input_tokens, usage.output_tokens) == ("script", 100, 50)


def test_a_screenplay_that_does_not_parse_goes_back_for_repair():
    model = scripted(("ScreenplayDraft", {"title": "Wet Paint", "fountain": "Bolt paints. Mara smiles."}),
                     ("ScreenplayDraft", {"title": "Wet Paint", "fountain": SCREENPLAY}))
    script, usage = write_script(Brief(text="a robot learns to paint"), "", model)
    assert len(script.scenes) == 3
    assert "no scene headings" in model.prompts[1][-1]  # the parser's reason is what the model is told
    assert usage.input_tokens == 200  # both calls counted


def test_judge_script_gives_the_model_the_evidence_and_merges_without_duplicates():
    script = parse_fountain(SCREENPLAY)
    known = Finding(kind="pacing", scene=2, severity="low", evidence="'She smiles anyway.'", suggestion="hold the beat")
    report = ScriptReport(findings=[known])
    model = scripted(("ScriptJudgement", {"findings": [
        {"kind": "pacing", "scene": 2, "severity": "medium", "evidence": "same", "suggestion": "same"},  # duplicate
        {"kind": "motive_inconsistency", "scene": 3, "character": "mara", "severity": "medium",
         "evidence": "Mara watches, then picks up a brush.", "suggestion": "show her wanting to paint in scene 2"},
        {"kind": "voice_inconsistency", "scene": 9, "severity": "low", "evidence": "x", "suggestion": "y"},  # no scene 9
    ]}))
    findings, usage = judge_script(script, report, model)
    assert findings[0] == known
    assert [(f.kind, f.scene, f.character) for f in findings[1:]] == [("motive_inconsistency", 3, "MARA")]
    assert "'She smiles anyway.'" in model.prompts[0][-1]  # deterministic findings went in as evidence
    assert usage.stage == "script"


def test_rewrite_directions_are_real_rewrites_with_diffs():
    script = parse_fountain(SCREENPLAY)
    model = scripted(("Directions", {"directions": [
        {"name": "storm open", "rationale": "starts in danger", "fountain": REWRITE},
        {"name": "as written", "rationale": "control", "fountain": SCREENPLAY}]}))
    variants, _ = rewrite_directions(script, analyze(script), model, n=2)
    assert [v.name for v in variants] == ["storm open", "as written"]
    assert variants[0].script.source == "variant" and "Lightning" in variants[0].script.fountain
    assert "-Gulls wheel over the wreckage." in variants[0].diff and "+Storm. Lightning" in variants[0].diff
    assert variants[1].diff == ""


def test_too_few_directions_is_repaired_then_refused():
    script = parse_fountain(SCREENPLAY)
    one = ("Directions", {"directions": [{"name": "a", "rationale": "b", "fountain": REWRITE}]})
    with pytest.raises(ProviderError, match="Directions"):
        rewrite_directions(script, analyze(script), scripted(one, one), n=3)


def test_describe_shots_changes_words_only_and_needs_every_id():
    script = parse_fountain(SCREENPLAY)
    shotlist = break_down(script, 30.0)
    ids = [s.id for s in shotlist.shots]
    partial = {"shots": [{"id": ids[0], "description": "Mara hauls the net; Bolt's eye glints."}]}
    full = {"shots": [{"id": i, "description": f"Frame {i}: Mara and Bolt, dawn light."} for i in reversed(ids)]}
    model = scripted(("ShotDescriptions", partial), ("ShotDescriptions", full))
    described, _ = describe_shots(script, shotlist, model)
    assert "missing" in model.prompts[1][-1]  # the first answer skipped shots and was sent back
    for before, after in zip(shotlist.shots, described.shots):
        assert after.description == f"Frame {before.id}: Mara and Bolt, dawn light."
        assert after.model_dump(exclude={"description"}) == before.model_dump(exclude={"description"})


def _bible(name, key="#1d3557"):
    return {"name": name, "palette": [{"role": "key", "hex": key}, {"role": "shadow", "hex": "#0b0c10"},
                                      {"role": "accent", "hex": "#e63946"}, {"role": "highlight", "hex": "#f1faee"},
                                      {"role": "skin", "hex": "#c89a7a"}],
            "harmony": "complementary", "medium": "2D animation", "lighting": "natural_soft"}


def test_propose_styles_validates_palettes_and_vocabularies():
    bad = _bible("neon dream") | {"lighting": "moody"}  # not a lighting style
    model = scripted(("StyleProposals", {"styles": [bad, _bible("b")]}),
                     ("StyleProposals", {"styles": [_bible("watercolour dawn"), _bible("watercolour dawn", "#264653")]}))
    styles, usage = propose_styles(Brief(text="a robot learns to paint"), parse_fountain(SCREENPLAY), model, n=2)
    assert "lighting" in model.prompts[1][-1]
    assert [s.name for s in styles] == ["watercolour dawn", "watercolour dawn (2)"]  # names stay distinct
    assert usage.stage == "style"


def test_profile_cast_keeps_names_bodies_and_colours_unless_the_script_names_them():
    script = parse_fountain(SCREENPLAY)
    cast = [CharacterProfile(name="MARA", silhouette="human", signature_colors=["#d4a017"], figure={"height": 0.95}),
            CharacterProfile(name="BOLT", silhouette="robot", signature_colors=["#8b3a1a"])]
    model = scripted(("CastProfiles", {"profiles": [
        {"name": "MARA", "age": "60s", "face": "wind-burned, deep crow's feet", "wardrobe": "yellow oilskin, rubber boots",
         "signature_colors": ["#ffd000"], "silhouette": "child", "props": ["net"]},
        {"name": "Bolt", "build": "small, barrel-chested", "signature_colors": ["#00ff00"], "aliases": ["the robot"]},
        {"name": "GULL", "age": "young"}]}))
    profiles, usage = profile_cast(script, cast, model)
    mara, bolt = profiles
    assert [p.name for p in profiles] == ["MARA", "BOLT"]  # no invented character
    assert mara.face.startswith("wind-burned") and mara.props == ["net"]
    assert mara.silhouette == "human" and mara.figure == {"height": 0.95}  # the renderer's body is locked
    assert mara.signature_colors == ["#ffd000"]  # "yellow oilskin" in the script: the model may set her colour
    assert bolt.build.startswith("small") and "THE ROBOT" in bolt.aliases
    assert usage.stage == "cast"


def test_route_chat_maps_free_text_to_a_gate_action_and_refuses_a_missing_choice():
    gate = {"gate": "script", "stage": "script_doctor", "summary": "3 scenes", "choices": ["original", "cold open"]}
    intent, usage = route_chat("go with the cold open", gate, scripted(("ChatIntent", {"action": "pick", "pick": 1,
                                                                                      "reply": "Adopting the cold open."})))
    assert intent == ChatIntent(action="pick", pick=1, reply="Adopting the cold open.")
    assert usage.stage == "chat"
    wrong, _ = route_chat("the fifth one", gate, scripted(("ChatIntent", {"action": "pick", "pick": 4})))
    assert wrong.action == "unknown" and "0..1" in wrong.reply


# --------------------------------------------------------------------------- a graph run on a loopback server

CANARY = "sk-canary-5e1f-do-not-leak"


def _answers(n_directions: int = 3) -> list[Reply]:
    return [chat_tool_reply("ScreenplayDraft", {"title": "Wet Paint", "fountain": SCREENPLAY}, 900, 700),
            chat_tool_reply("ScriptJudgement", {"findings": [
                {"kind": "motive_inconsistency", "scene": 3, "character": "MARA", "severity": "medium",
                 "evidence": "Mara watches, then picks up a brush.", "suggestion": "plant her old easel in scene 2"}]},
                400, 120),
            chat_tool_reply("Directions", {"directions": [
                {"name": f"take {i}", "rationale": "a different road", "fountain": REWRITE} for i in range(n_directions)]},
                500, 900)]


@pytest.fixture
def server():
    loop = Loopback().start()
    yield loop
    loop.stop()


def test_graph_uses_the_model_engine_and_no_key_reaches_the_project(tmp_path, server, monkeypatch):
    monkeypatch.setenv("OPENAI_COMPATIBLE_API_KEY", CANARY)
    server.queue("/v1/chat/completions", *_answers())
    runner, context, initial = new_film(tmp_path)
    context = dataclasses.replace(context, llm=f"openai-compatible:fake-llm@{server.url}/v1")
    try:
        outcome = runner.start(initial, context)
        assert outcome.status == "waiting" and outcome.gate["gate"] == "script"
        state = runner.state()
    finally:
        runner.close()
    assert state.script.generated_by.startswith("model:openai-compatible:fake-llm@")
    assert state.script.title == "Wet Paint"
    assert any(f.kind == "motive_inconsistency" and f.character == "MARA" for f in state.script_report.findings)
    assert [v.name for v in state.script_variants] == ["take 0", "take 1", "take 2"]
    assert sum(u.input_tokens for u in state.usage) == 1800 and all(u.stage == "script" for u in state.usage)
    assert (tmp_path / "film" / "script" / "versions" / "1.fountain").read_text() == REWRITE

    # The key was really used on the wire ...
    assert all(s.headers["authorization"] == f"Bearer {CANARY}" for s in server.seen)
    # ... and is nowhere in the project: checkpoints, project.json, artifacts, caches.
    leaked = [p for p in (tmp_path / "film").rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]
    assert leaked == []
    assert (tmp_path / "film" / "filmcrew.sqlite").stat().st_size > 0


def test_a_timeout_stops_with_one_clear_error_and_the_run_saved(tmp_path, server, monkeypatch):
    runner, context, initial = new_film(tmp_path)
    (tmp_path / "film" / "filmcrew.toml").write_text("[llm]\ntimeout_s = 0.3\nretries = 0\n")
    server.queue("/v1/chat/completions", Reply(stall_s=1.0))
    context = dataclasses.replace(context, llm=f"openai-compatible:fake-llm@{server.url}/v1")
    try:
        with pytest.raises(ProviderError, match=r"no answer within 0.3 s"):
            runner.start(initial, context)
        outcome = runner.outcome()
        assert outcome.status == "stopped" and outcome.next == ["script_doctor"]
        assert runner.state().brief.text == initial.brief.text  # the run is there to resume
    finally:
        runner.close()
    assert (tmp_path / "film" / "project.json").is_file()


def test_storyboard_draws_with_an_image_model_sends_sheets_and_accounts_for_every_image(tmp_path, server, monkeypatch):
    import base64
    import io

    from PIL import Image

    from graph.state import GateAnswer

    monkeypatch.setenv("OPENAI_API_KEY", CANARY)
    picture = io.BytesIO()
    Image.new("RGB", (1024, 1024), (90, 110, 140)).save(picture, "PNG")
    answer = Reply(200, {"created": 1764000000, "data": [{"b64_json": base64.b64encode(picture.getvalue()).decode()}]})
    server.queue("/v1/images/", *[answer] * 200)
    runner, context, initial = new_film(tmp_path, variants=1)
    (tmp_path / "film" / "filmcrew.toml").write_text(f'[images]\nbase_url = "{server.url}/v1"\n')
    context = dataclasses.replace(context, images="openai:gpt-image-2")
    try:
        outcome = runner.start(initial, context)
        while outcome.status == "waiting" and outcome.gate["gate"] != "storyboard":
            outcome = runner.resume(GateAnswer(action="approve"))
        state = runner.state()
    finally:
        runner.close()
    assert outcome.gate["gate"] == "storyboard"
    drawn = server.requests_to("/v1/images/")
    with_people = [s for s in state.shotlist.shots if any(p.name in s.subjects for p in state.cast)]
    assert with_people and len(server.requests_to("/v1/images/edits")) >= len(with_people)
    edit = server.requests_to("/v1/images/edits")[0].body
    assert b'name="image[]"' in edit and b"LOCKED STYLE" in edit and b"CHARACTER " in edit
    board = [u for u in state.usage if u.stage == "storyboard"]
    assert sum(u.images for u in board) == len(drawn) and all(u.provider == "openai:gpt-image-2" for u in board)
    leaked = [p for p in (tmp_path / "film").rglob("*") if p.is_file() and CANARY.encode() in p.read_bytes()]
    assert leaked == []
