"""The crew's long memory: who the characters are and which look is locked.

One chromadb store per project (`<project>/memory/`) and one per person (the
user cast library, shared across films). Both hold the same two collections:

- `characters`: for each character one *profile* record (the pydantic JSON, so
  it reads back exactly) and one *handle* record per way of referring to them
  (every alias, the look in words, the script's own description). Searching
  handles rather than one long blob keeps "the old man" close to the alias
  that says exactly that instead of diluted by the rest. Names are matched
  exactly, not semantically: a name embeds to noise.
- `styles`: every style bible the art director saved, at most one locked.

Every collection is embedded with `MiniLMEmbedding`; chromadb's own default
would try to download a model.
"""

from __future__ import annotations

import os
from pathlib import Path

import chromadb
from chromadb.config import Settings

from graph.state import CharacterProfile, StyleBible
from memory.embeddings import MiniLMEmbedding
from memory.look import look_phrase
from tools.errors import BadInput

CHARACTERS = "characters"
STYLES = "styles"
# Cosine similarity a semantic match needs before we call it the same character.
# Measured with this model on bare queries: "old man" vs "an old person (60s),
# weathered" 0.35, "little girl" vs "a little child (10)" 0.40, "little machine"
# vs a small robot 0.70, while someone in no cast ("stockbroker in a pinstripe
# suit") stays at 0.24 or under.
FIND_THRESHOLD = 0.3
HOME_ENV = "FILMCREW_HOME"


def _settings() -> Settings:
    # Identical settings everywhere: chromadb refuses a second client on the
    # same path with different ones.
    return Settings(anonymized_telemetry=False, allow_reset=False)


def style_text(bible: StyleBible) -> str:
    """What a style looks like, in words, for semantic search over styles."""
    return ". ".join(p for p in (bible.name, bible.medium, bible.texture, bible.lighting.replace("_", " "),
                                 bible.lens_look, bible.description) if p)


class CrewMemory:
    """A chromadb store of characters and styles at `path`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self._client = chromadb.PersistentClient(path=str(self.path), settings=_settings())
        embedder = MiniLMEmbedding()
        self._characters = self._client.get_or_create_collection(CHARACTERS, embedding_function=embedder)
        self._styles = self._client.get_or_create_collection(STYLES, embedding_function=embedder)

    # ------------------------------------------------------------------ styles

    def save_style(self, bible: StyleBible, locked: bool = True) -> None:
        """Keep a style bible; a locked one replaces the previous lock (a film has one look)."""
        sid = _style_id(bible)
        everything = self._styles.get(include=["metadatas"])
        metas = dict(zip(everything["ids"], everything["metadatas"]))
        order = int(metas[sid].get("order", 0)) if sid in metas else len(metas)
        lock_seq = 1 + max((int(m.get("lock_seq", 0)) for m in metas.values()), default=0)
        # Write the new lock before releasing the old one: a kill between the two leaves
        # two locks, and the newest (highest lock_seq) wins, never none.
        self._styles.upsert(ids=[sid], documents=[style_text(bible)], metadatas=[
            {"bible": bible.model_dump_json(), "locked": locked, "order": order,
             "lock_seq": lock_seq if locked else 0}])
        if locked:
            for other, meta in metas.items():
                if other != sid and meta.get("locked"):
                    self._styles.update(ids=[other], metadatas=[{**meta, "locked": False}])

    def locked_style(self) -> StyleBible | None:
        """The locked style bible, or None when the art director has not locked one."""
        found = self._styles.get(where={"locked": True}, include=["metadatas"])
        if not found["ids"]:
            return None
        newest = max(found["metadatas"], key=lambda m: int(m.get("lock_seq", 0)))
        return StyleBible.model_validate_json(newest["bible"])

    def styles(self) -> list[StyleBible]:
        """Every saved style bible, in the order first saved."""
        found = self._styles.get(include=["metadatas"])
        metas = sorted(found["metadatas"], key=lambda m: m.get("order", 0))
        return [StyleBible.model_validate_json(m["bible"]) for m in metas]

    def find_style(self, text: str, threshold: float = 0.3) -> tuple[StyleBible, float] | None:
        """The saved style whose description is closest to `text`, with its cosine similarity."""
        if not text.strip() or self._styles.count() == 0:
            return None
        hit = self._styles.query(query_texts=[text], n_results=1, include=["metadatas", "distances"])
        similarity = 1.0 - float(hit["distances"][0][0])
        if similarity < threshold:
            return None
        return StyleBible.model_validate_json(hit["metadatas"][0][0]["bible"]), similarity

    # ------------------------------------------------------------------ characters

    def save_character(self, profile: CharacterProfile, description: str = "") -> None:
        """Keep (or replace) a character's profile and the handles they are found by.

        `description` is the script's first-appearance text; CharacterProfile has
        no field for it, yet it is the best handle for semantic search.
        """
        name = profile.name.strip().upper()
        if not name:
            raise BadInput("a character needs a name")
        profile = profile.model_copy(update={"name": name})
        if not description.strip():
            description = self.description(name)  # re-saving a profile keeps what the script said
        # Aliases are stored bare ("keeper", not "the keeper"): a shared article makes every
        # "the ..." query look alike to the model.
        handles = [("alias", _bare(a)) for a in profile.aliases if _bare(a)]
        handles.append(("look", look_phrase(profile)))
        if description.strip():
            handles.append(("description", description.strip()))
        ids = [f"{name}::profile"] + [f"{name}::{kind}::{i}" for i, (kind, _) in enumerate(handles)]
        documents = [f"{name}: {look_phrase(profile)}"] + [text for _, text in handles]
        metadatas = [{"character": name, "kind": "profile", "profile": profile.model_dump_json(),
                      "description": description.strip()}]
        metadatas += [{"character": name, "kind": kind} for kind, _ in handles]
        # Write the new records first, then drop the ones this profile no longer has (an old
        # alias must stop matching): a kill in between leaves an extra handle, never a lost character.
        stale = [i for i in self._characters.get(where={"character": name})["ids"] if i not in set(ids)]
        self._characters.upsert(ids=ids, documents=documents, metadatas=metadatas)
        if stale:
            self._characters.delete(ids=stale)

    def characters(self) -> list[CharacterProfile]:
        """Every character in the library, sorted by name."""
        found = self._characters.get(where={"kind": "profile"}, include=["metadatas"])
        profiles = [CharacterProfile.model_validate_json(m["profile"]) for m in found["metadatas"]]
        return sorted(profiles, key=lambda p: p.name)

    def character(self, name: str) -> CharacterProfile | None:
        """The profile saved under this name (case-insensitive), or None."""
        found = self._characters.get(ids=[f"{name.strip().upper()}::profile"], include=["metadatas"])
        if not found["ids"]:
            return None
        return CharacterProfile.model_validate_json(found["metadatas"][0]["profile"])

    def description(self, name: str) -> str:
        """The script's first-appearance description saved with the character ('' when none)."""
        found = self._characters.get(ids=[f"{name.strip().upper()}::profile"], include=["metadatas"])
        return str(found["metadatas"][0].get("description", "")) if found["ids"] else ""

    def remove_character(self, name: str) -> bool:
        """Forget a character; True when there was one to forget."""
        name = name.strip().upper()
        had = bool(self._characters.get(ids=[f"{name}::profile"])["ids"])
        self._characters.delete(where={"character": name})
        return had

    def find_character(self, text: str, threshold: float = FIND_THRESHOLD) -> tuple[CharacterProfile, float] | None:
        """The character `text` refers to (a name, an alias or a description), with a 0..1 confidence.

        An exact name or alias scores 1.0; otherwise the nearest handle by
        cosine similarity, if it clears `threshold`.
        """
        text = text.strip()
        if not text:
            return None
        exact = self._exact(text)
        if exact is not None:
            return exact, 1.0
        handles = self._characters.count()
        if handles == 0:
            return None
        hit = self._characters.query(query_texts=[_bare(text) or text], n_results=min(8, handles),
                                     where={"kind": {"$ne": "profile"}}, include=["metadatas", "distances"])
        if not hit["ids"][0]:
            return None
        similarity = 1.0 - float(hit["distances"][0][0])
        if similarity < threshold:
            return None
        # Best handle per character decides; the top hit is the best overall.
        profile = self.character(hit["metadatas"][0][0]["character"])
        return (profile, similarity) if profile is not None else None

    def _exact(self, text: str) -> CharacterProfile | None:
        wanted = _bare(text)
        for profile in self.characters():
            if wanted == _bare(profile.name) or wanted in {_bare(a) for a in profile.aliases}:
                return profile
        return None


def _bare(text: str) -> str:
    """A reference without case, articles or punctuation: 'The Keeper.' -> 'keeper'."""
    words = [w.strip(".,;:!?'\"()") for w in text.lower().split()]
    return " ".join(w for w in words if w and w not in {"the", "a", "an"})


def _style_id(bible: StyleBible) -> str:
    return "style::" + bible.name.strip().lower()


def user_library_dir() -> Path:
    """Where a person's cast library lives: $FILMCREW_HOME/library, else the platform data dir."""
    home = os.environ.get(HOME_ENV)
    if home:
        base = Path(home).expanduser()
    else:
        import platformdirs

        base = Path(platformdirs.user_data_dir("filmcrew", appauthor=False))
    return base / "library"


class UserCastLibrary(CrewMemory):
    """The person's own cast library, shared by every film they make."""

    def __init__(self, path: Path | None = None):
        super().__init__(path if path is not None else user_library_dir())
