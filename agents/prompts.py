"""Every prompt the model engine sends, named by the task, formatted at call time.

The output schema travels separately (as the tool's JSON schema, field
descriptions included), so these prompts say what good work is, not how to
format it. The deterministic engine's findings are handed over as evidence:
the model is asked to judge with them, not to rediscover them.
"""

CREW_SYSTEM = (
    "You are part of filmcrew, a film crew that turns a brief into a draft short film. "
    "You are the {role}. Work like a professional on a real production: concrete, economical, "
    "in film language. Answer only through the structured output you are given."
)

WRITE_SCRIPT = """Write a short screenplay in Fountain format from this brief.

Brief: {brief}
Target running time: about {length_s:.0f} seconds of screen time ({scenes} scenes is about right).
Aspect ratio: {aspect}. Style direction from the director: {style_text}
Director's note for this draft: {note}

Rules:
- Scene headings as INT./EXT. PLACE - DAY|NIGHT|DUSK|DAWN; character cues in UPPER CASE on their own line.
- Introduce every character in an action line (NAME in capitals, a few visual words) before they speak.
- A clear setup, an inciting incident, a turn, a climax and a resolution; every setup is paid off.
- Visual storytelling first: few, short lines of dialogue. No camera directions, no scene numbers.
- Put the title in a Fountain title page: `Title: <title>`."""

JUDGE_SCRIPT = """Read this screenplay as a script doctor and judge what a rule-based analysis cannot:
whether each character's actions follow from their established goal (motive_inconsistency), whether
each line sounds like its speaker (voice_inconsistency), and any structure, logic, setup/payoff,
mood or pacing problem the analysis missed.

The rule-based analysis already found these (evidence, not to be repeated):
{findings}

Scenes are numbered from 1 in order of their headings. Quote the script in `evidence`; give a
concrete change in `suggestion`. Report only real problems; an empty list is a fine answer.

SCREENPLAY:
{fountain}"""

REWRITE_DIRECTIONS = """Offer {n} alternative directions for this screenplay, each a complete rewrite
in Fountain format that a director could shoot instead of the original. Make them genuinely
different (structure, point of view, tone or ending), keep the characters' names, and fix the
problems below where a direction allows. Give each a short name and a one-sentence rationale.

Problems found in the original:
{findings}

ORIGINAL SCREENPLAY:
{fountain}"""

DESCRIBE_SHOTS = """Rewrite the description of every shot below so a storyboard artist can draw it:
who is where in frame, what they do, the key prop, the light. One or two sentences each.
Keep the framing the shot already has (size, angle, movement): you change words, never the plan.
Return one entry per shot id, all {count} of them, with the same ids.

Screenplay:
{fountain}

Shots (id | size | angle | movement | subjects | current description):
{shots}"""

PROPOSE_STYLES = """Propose {n} distinct looks (style bibles) for this film, each one a real choice a
director could lock: palette of 5-7 colours with roles (key, shadow, accent, skin, sky, ground,
highlight), harmony scheme, medium, texture, lighting style and key:fill ratio, lens look, and a
paragraph the crew can follow. Make the {n} looks clearly different from each other.

Brief: {brief}
Style direction from the director: {style_text}
Director's note: {note}
Scenes: {scenes}"""

PROFILE_CAST = """Write a locked character profile for each character below, from what the screenplay
says and what it implies: age, build, face, hair, wardrobe, props they carry, how they speak,
aliases the script uses. Be specific and visual: these words go into every image prompt so the
character looks the same in every frame. Keep each name exactly as given.
{color_rule}

Characters (name: the script's first description):
{characters}

SCREENPLAY:
{fountain}"""

COLOR_RULE = ("Signature colours: give hex colours only for a character whose description names "
              "colours; otherwise leave signature_colors empty (the art director's palette decides).")

ROUTE_CHAT = """A person is talking to the film crew at a review gate. Decide what they want.

Gate now open: {gate} (stage: {stage}). Proposed: {summary}
Choices they can pick (0-based): {choices}
Versions of the film: {versions}

Actions: approve (accept as is), pick (choose choice N), revise (ask for changes; put their note,
in their words, in `note`), fork (start a named version from a stage), compare (two versions),
status (where things stand), show (open a file), unknown (not about the film).
Write a one-sentence `reply` to the person saying what will happen.

The person said: {message}"""

JUDGE_FRAME = """This is one storyboard frame of a film. Check every character listed below against
their locked look (the character library). For each, score 0..1 how clearly the figure in the frame is
that same character: 1 = unmistakably them (wardrobe, hair, build and signature colours all match),
0.5 = doubtful, 0 = a different person or missing. Name every difference you see, one per line.

Characters expected in this frame:
{characters}
"""
