"""A chat routed by a (scripted) LLM: free text becomes gate answers and versions, over the real graph."""

from __future__ import annotations

from studio.chat import ChatSession, model_router
from tests.unit.providers.scripted import scripted


def test_llm_routed_chat_takes_a_brief_to_a_draft_film_and_forks_on_a_late_note(tmp_path):
    project = tmp_path / "routed"
    model = scripted(
        ("ChatIntent", {"action": "approve", "reply": "Taking the script as written."}),        # "love it, go on"
        ("ChatIntent", {"action": "pick", "pick": 2, "reply": "The third look it is."}),          # "the graphic one"
        ("ChatIntent", {"action": "fork", "stage": "style", "versions": ["sunny"],
                        "note": "bright summer daylight", "reply": "A sunnier version, forked at the style."}),
    )
    said: list[str] = []
    session = ChatSession(project, say=said.append, router=model_router(model), length_s=15, aspect="1:1")
    transcript = [
        "A small robot learns to paint in an abandoned greenhouse",  # the brief (no model call)
        "love it, go on",              # model → approve (script gate)
        "approve",                     # grammar (shots gate): no model call
        "the graphic one, please",     # model → pick 2 (style gate)
        "approve",                     # storyboard
        "approve",                     # cut → done
        "honestly it needs to feel like a sunny afternoon",  # model → fork at style
    ]
    for line in transcript:
        assert session.handle(line)
    assert any("draft film is ready" in s for s in said)
    assert (project / "edit" / "full.mp4").is_file()
    assert (project / "versions" / "sunny").is_dir() and session.version == "sunny"
    from graph.runner import FilmRunner

    main = FilmRunner(project).state()
    assert main.style == main.style_candidates[2]
    # Three calls reached the model; the grammar answered the exact commands itself.
    assert len(model.prompts) == 3
    assert "love it, go on" in model.prompts[0][-1]
