"""What each word of a person's style text asks for: colour, medium, light, tone, time, era, film stock.

A style text is short and every word in it is a direction ("sunlit pastel
watercolour, soft high key"), so each is read on its own terms instead of as
a vote among story mood words:

- named colours come from matplotlib's CSS4 and XKCD colour tables (a kept
  survey of about 1,100 names, "teal", "hot pink", "deep blue"), never a hand table;
- decades ("1970s", "'80s") and gauges ("16mm", "Super 8") are read by pattern;
- medium, lighting, tone, time of day and film stock are matched against the
  looks below, first by their own words, then by MiniLM meaning (a word the
  table does not hold, "gouache" or "gaslight", lands on its nearest look when
  the meaning is close);
- what is left is kept, said as not understood, and written into the bible as
  a direction for an image model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from tools.style.mood import MOOD_WORDS

# A look the previs and the palette know how to make: (category, effect).
# Effects: lighting (SPEC §8), lightness/chroma/hue of the key (OKLCh), grain,
# mono (no colour), warmth (+ warm / - cool), family (what the previs draws).
LOOKS: dict[str, tuple[str, dict]] = {
    # media, by what the previs draws for them
    "watercolour": ("medium", {"family": "watercolour"}),
    "gouache": ("medium", {"family": "watercolour"}),
    "oil painting": ("medium", {"family": "paint"}),
    "acrylic painting": ("medium", {"family": "paint"}),
    "charcoal": ("medium", {"family": "charcoal", "mono": True}),
    "pencil sketch": ("medium", {"family": "charcoal", "mono": True}),
    "ink comic book": ("medium", {"family": "ink"}),
    "graphic novel": ("medium", {"family": "ink"}),
    "linocut print": ("medium", {"family": "ink"}),
    "pixel art": ("medium", {"family": "pixel"}),
    "anime": ("medium", {"family": "vector"}),
    "cartoon": ("medium", {"family": "vector"}),
    "flat vector": ("medium", {"family": "vector"}),
    "claymation": ("medium", {"family": "clay"}),
    "stop-motion": ("medium", {"family": "clay"}),
    "felt puppets": ("medium", {"family": "clay"}),
    "3d cgi": ("medium", {"family": "cgi"}),
    "live action": ("medium", {"family": "film"}),
    # light
    "high key": ("lighting", {"lighting": "high_key", "lightness": 0.8}),
    "low key": ("lighting", {"lighting": "low_key", "lightness": 0.3}),
    "hard shadows": ("lighting", {"lighting": "split", "lightness": 0.38}),
    "high contrast": ("lighting", {"lighting": "split"}),
    "chiaroscuro": ("lighting", {"lighting": "rembrandt", "lightness": 0.36}),
    "candlelight": ("lighting", {"lighting": "rembrandt", "lightness": 0.34, "hue": 62, "warmth": 1.0}),
    "spotlight": ("lighting", {"lighting": "stage"}),
    "neon": ("lighting", {"lighting": "neon", "chroma": 0.24, "lightness": 0.42}),
    "soft light": ("lighting", {"lighting": "natural_soft"}),
    "low contrast": ("lighting", {"lighting": "natural_soft"}),
    "sunlit": ("lighting", {"lighting": "high_key", "lightness": 0.78, "hue": 85, "warmth": 0.5}),
    "glamour lighting": ("lighting", {"lighting": "butterfly"}),
    # tone of the palette
    "pastel": ("tone", {"lightness": 0.84, "chroma": 0.065}),
    "muted": ("tone", {"chroma": 0.04}),
    "faded": ("tone", {"chroma": 0.045, "lightness": 0.66}),
    "earth tones": ("tone", {"chroma": 0.05, "hue": 60}),
    "vivid": ("tone", {"chroma": 0.2}),
    "saturated": ("tone", {"chroma": 0.2}),
    "primary colours": ("tone", {"chroma": 0.2}),
    "black and white": ("tone", {"mono": True}),
    "monochrome": ("tone", {"mono": True}),
    "dark": ("tone", {"lightness": 0.3}),
    "noir": ("tone", {"lightness": 0.3, "lighting": "split"}),
    "bright": ("tone", {"lightness": 0.78}),
    "warm": ("tone", {"warmth": 1.0}),
    "cool": ("tone", {"warmth": -1.0}),
    # time of day, season and weather: the light they give
    "dawn": ("time", {"hue": 40, "lightness": 0.7, "lighting": "natural_soft"}),
    "morning light": ("time", {"hue": 85, "lightness": 0.76, "lighting": "natural_soft"}),
    "daylight": ("time", {"lightness": 0.78, "lighting": "high_key"}),
    "golden hour": ("time", {"hue": 68, "lightness": 0.66, "chroma": 0.13, "lighting": "natural_soft", "warmth": 1.0}),
    "sunset": ("time", {"hue": 45, "lightness": 0.6, "chroma": 0.15, "warmth": 1.0}),
    "dusk": ("time", {"hue": 285, "lightness": 0.45}),
    "night": ("time", {"hue": 262, "lightness": 0.28, "lighting": "low_key"}),
    "summer": ("time", {"hue": 90, "lightness": 0.76}),
    "winter": ("time", {"hue": 230, "lightness": 0.74, "chroma": 0.04}),
    "rain": ("weather", {"hue": 230, "lightness": 0.4}),
    "fog": ("weather", {"lightness": 0.74, "chroma": 0.03, "lighting": "natural_soft"}),
    "storm": ("weather", {"hue": 240, "lightness": 0.36, "lighting": "low_key"}),
    # film stocks and processes
    "kodachrome": ("stock", {"chroma": 0.16, "grain": 0.3, "warmth": 0.5}),
    "technicolor": ("stock", {"chroma": 0.2, "grain": 0.15}),
    "ektachrome": ("stock", {"chroma": 0.15, "grain": 0.3, "warmth": -0.5}),
    "bleach bypass": ("stock", {"chroma": 0.035, "grain": 0.4, "lighting": "split"}),
    "vhs": ("stock", {"chroma": 0.08, "grain": 0.45}),
    "polaroid": ("stock", {"chroma": 0.06, "grain": 0.25, "warmth": 0.5}),
    "cross-processed": ("stock", {"chroma": 0.18, "grain": 0.3}),
    # eras the previs shows as stock and fade
    "victorian": ("era", {"grain": 0.35, "chroma": 0.06, "warmth": 0.5}),
    "medieval": ("era", {"chroma": 0.07}),
}
# The looks said by their own words in a text ("watercolor", "stop motion").
SPELLINGS = {"watercolor": "watercolour", "stop motion": "stop-motion", "black & white": "black and white",
             "b&w": "black and white", "high-key": "high key", "low-key": "low key", "grayscale": "monochrome",
             "greyscale": "monochrome", "film": "live action", "cinematic": "live action",
             "documentary": "live action", "live-action": "live action", "primary colors": "primary colours"}
DECADE = re.compile(r"^(?:(1[89]\d0|20[0-2]0)s|'?([2-9]0)s)$")
GAUGE = re.compile(r"^(?:(8|16|35|65|70) ?mm|super ?8)$")
# MiniLM cosine above which an unknown phrase is read as its nearest look.
NEAR_MEANING = 0.5
FILLERS = {"a", "an", "the", "and", "in", "with", "of", "on", "for", "to", "style", "look", "like", "feel",
           "tone", "tones", "colour", "colours", "color", "colors", "two", "three", "very", "lots", "some",
           "shot", "all", "plus", "palette", "light", "at", "by", "from", "into", "much", "more", "less", "bit",
           "little", "slightly", "way", "lot", "make", "it", "please", "give", "me", "us", "should", "be"}
MODIFIERS = {"soft", "deep", "hot", "pale", "light", "dark", "bright", "electric", "dusty", "neon"}


@dataclass
class StyleWord:
    """One phrase of the style text and what it became."""

    text: str
    category: str  # colour, medium, lighting, tone, time, weather, stock, era, other
    look: str = ""  # the look it was read as ("watercolour", "high key", a colour's hex)
    effect: dict = field(default_factory=dict)
    by_meaning: bool = False  # read as its nearest look, not by its own words


@dataclass
class StyleWords:
    """A style text read word by word."""

    words: list[StyleWord] = field(default_factory=list)

    def of(self, category: str) -> list[StyleWord]:
        return [w for w in self.words if w.category == category]

    @property
    def colours(self) -> list[tuple[str, str]]:
        return [(w.text, w.look) for w in self.of("colour")]

    @property
    def unread(self) -> list[str]:
        return [w.text for w in self.of("other")]


def _lemma(token: str) -> str:
    from lemminflect import getLemma

    if len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return getLemma(token, "NOUN")[0]
    return token


@lru_cache(maxsize=1)
def _colour_names() -> dict[str, str]:
    import matplotlib.colors as mcolors

    # CSS4 first (the web's names, what people mean by "teal"), then XKCD's survey names.
    names = {k[len("xkcd:"):]: v for k, v in mcolors.XKCD_COLORS.items()}
    names.update({k.lower(): v for k, v in mcolors.CSS4_COLORS.items()})
    return names


def _css_name(word: str) -> bool:
    import matplotlib.colors as mcolors

    return word in {k.lower() for k in mcolors.CSS4_COLORS}


def colour_hex(phrase: str) -> str | None:
    """A colour name's hex (CSS4 spelling without spaces first, then XKCD), or None."""
    names = _colour_names()
    key = phrase.lower().strip()
    css_key = key.replace(" ", "").replace("grey", "gray")
    import matplotlib.colors as mcolors

    if css_key in {k.lower() for k in mcolors.CSS4_COLORS}:
        return names[css_key]
    return names.get(key) or names.get(key.replace("grey", "gray")) or names.get(key.replace("gray", "grey"))


def _exact(phrase: str) -> tuple[str, str, dict] | None:
    """(category, look, effect) for a phrase said in the looks' own words or patterns."""
    phrase = SPELLINGS.get(phrase, phrase)
    if phrase in LOOKS:
        category, effect = LOOKS[phrase]
        return category, phrase, effect
    if DECADE.match(phrase):
        decade = DECADE.match(phrase)
        year = int(decade.group(1)) if decade.group(1) else 1900 + int(decade.group(2))
        # Older decades come back through older stock: more grain, less colour.
        return "era", phrase, {"grain": 0.15 if year >= 1990 else 0.3, "chroma": 0.12 if year >= 1960 else 0.06}
    if GAUGE.match(phrase):
        small = phrase.startswith("super") or phrase.startswith("8")
        return "stock", phrase, {"grain": 0.55 if small else 0.45 if phrase.startswith("16") else 0.3}
    return None


def read_style_words(text: str) -> StyleWords:
    """Read every phrase of a style text (cached: the same text always reads the same)."""
    return _read(text.strip().lower())


@lru_cache(maxsize=256)
def _read(text: str) -> StyleWords:
    result = StyleWords()
    if not text:
        return result
    text = text.replace("black & white", "black and white")
    leftovers: list[list[str]] = []
    for chunk in re.split(r"[,;:/()\.!]+|\s+-\s+", text):
        tokens = re.findall(r"[a-z0-9'&][a-z0-9'&\-]*", chunk)
        tokens = [t.strip("'") if not DECADE.match(t) else t for t in tokens]
        i, run = 0, []
        while i < len(tokens):
            for n in (3, 2, 1):
                if i + n > len(tokens):
                    continue
                raw = " ".join(tokens[i:i + n])
                phrase = " ".join(_lemma(t) for t in tokens[i:i + n])
                found = _exact(raw) or _exact(phrase)
                if found and not (n == 1 and raw in FILLERS):
                    category, look, effect = found
                    result.words.append(StyleWord(raw, category, look, effect))
                    break
                # A lone mood word ("sea", "coffee") keeps its mood reading unless it is a CSS colour name.
                skip = n == 1 and (raw in FILLERS | MODIFIERS or (raw in MOOD_WORDS and not _css_name(raw)))
                hexcode = None if skip else (colour_hex(raw) or colour_hex(phrase))
                if hexcode:
                    if n > 1 and _exact(tokens[i]) and _exact(tokens[i])[0] in ("tone", "lighting"):
                        # "pastel blue", "neon purple": the colour, and the tone said with it.
                        category, look, effect = _exact(tokens[i])
                        result.words.append(StyleWord(tokens[i], category, look, effect))
                    result.words.append(StyleWord(raw, "colour", hexcode))
                    break
            else:
                n = 1
                if tokens[i] not in FILLERS:
                    run.append(tokens[i])
                elif run:
                    leftovers.append(run)
                    run = []
                i += 1
                continue
            if run:
                leftovers.append(run)
                run = []
            i += n
        if run:
            leftovers.append(run)
    unknown = []
    for run in leftovers:
        # The art director's mood words ("moody", "cyberpunk") keep the pull they have on a story.
        moods = [t for t in run if t in MOOD_WORDS]
        result.words.extend(StyleWord(t, "mood", t, _mood_effect(t)) for t in moods)
        rest = [t for t in run if t not in MOOD_WORDS]
        if rest:
            unknown.append(" ".join(rest))
    _by_meaning(result, unknown)
    return result


def _mood_effect(word: str) -> dict:
    hue, lightness, chroma, votes = MOOD_WORDS[word]
    effect = {k: v for k, v in (("hue", hue), ("lightness", lightness), ("chroma", chroma)) if v is not None}
    if "lighting" in votes:
        effect["lighting"] = votes["lighting"]
    if "harmony" in votes:
        effect["harmony"] = votes["harmony"]
    return effect


def _by_meaning(result: StyleWords, phrases: list[str]) -> None:
    """Unknown phrases onto their nearest look by MiniLM meaning; the rest kept as unread."""
    if not phrases:
        return
    from memory.embeddings import embed_texts

    names, matrix = _look_vectors()
    vectors = embed_texts(phrases)
    for phrase, row in zip(phrases, vectors @ matrix.T):
        best = int(row.argmax())
        if float(row[best]) >= NEAR_MEANING:
            category, effect = LOOKS[names[best]]
            result.words.append(StyleWord(phrase, category, names[best], effect, by_meaning=True))
        else:
            result.words.append(StyleWord(phrase, "other"))


@lru_cache(maxsize=1)
def _look_vectors():
    from memory.embeddings import embed_texts

    names = list(LOOKS)
    return names, embed_texts(names)
