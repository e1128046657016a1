from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np

from graph.state import CharacterProfile, PaletteColor, StyleBible
from memory.embeddings import MiniLMEmbedding, cosine, embed_texts
from memory.store import CrewMemory, UserCastLibrary, user_library_dir

ROOT = Path(__file__).resolve().parents[3]
STORM = StyleBible(name="storm-lit graphic novel", harmony="complementary", medium="graphic novel",
                   lighting="low_key", grain=0.3, description="Inky blacks, sodium-orange accents, rain streaks.",
                   palette=[PaletteColor(role="shadow", hex="#101820"), PaletteColor(role="accent", hex="#f28c28"),
                            PaletteColor(role="key", hex="#3b5b7a")])


def test_paraphrase_is_closer_than_an_unrelated_sentence():
    anchor = "The old keeper climbs the lighthouse stairs in the storm."
    paraphrase = "During the gale, the elderly lighthouse keeper walks up the steps."
    unrelated = "Quarterly revenue rose four percent on strong software sales."
    assert cosine(anchor, paraphrase) > cosine(anchor, unrelated) + 0.3
    vectors = embed_texts([anchor, unrelated])
    assert vectors.shape == (2, 384) and np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_embedding_function_is_a_full_chromadb_citizen():
    ef = MiniLMEmbedding()
    assert not ef.is_legacy()  # name/get_config/build_from_config present: re-openable without a download
    assert len(ef(["a lighthouse"])[0]) == 384


def test_locked_style_survives_a_new_process(tmp_path):
    memory = CrewMemory(tmp_path / "memory")
    memory.save_style(STORM.model_copy(update={"name": "first look"}), locked=True)
    memory.save_style(STORM, locked=True)  # the newer lock replaces the old one
    code = ("import sys, chromadb; from pathlib import Path; from memory.store import CrewMemory\n"
            "memory = CrewMemory(Path(sys.argv[1]))\n"
            # The persisted collection names our embedder, so chromadb never reaches for its downloading default.
            "client = chromadb.PersistentClient(path=sys.argv[1], settings=memory._client.get_settings())\n"
            "print(client.get_collection('styles').configuration['embedding_function'].name())\n"
            "print(memory.find_style('rainy comic book with orange street lights')[0].name)\n"
            "print(memory.locked_style().model_dump_json())")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "memory")], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    embedder, found, locked = out.stdout.strip().splitlines()[-3:]
    assert embedder == MiniLMEmbedding.name()
    assert found == STORM.name
    assert StyleBible.model_validate_json(locked) == STORM
    assert [s.name for s in memory.styles()] == ["first look", "storm-lit graphic novel"]
    assert memory.find_style("rainy comic book with orange street lights")[0].name == STORM.name


def test_characters_round_trip_and_are_found_by_description(tmp_path):
    memory = CrewMemory(tmp_path / "memory")
    elias = CharacterProfile(name="ELIAS", age="60s", face="weathered", wardrobe="yellow oilskin coat",
                             signature_colors=["#f1c40f", "#8a8d91"], figure={"height": 0.95}, aliases=["the keeper"])
    maya = CharacterProfile(name="MAYA", age="10", silhouette="child", wardrobe="blue raincoat")
    bolt = CharacterProfile(name="BOLT", build="small", silhouette="robot")
    for profile in (elias, maya, bolt):
        memory.save_character(profile)
    assert memory.character("elias") == elias
    assert [p.name for p in memory.characters()] == ["BOLT", "ELIAS", "MAYA"]
    assert memory.find_character("The Keeper") == (elias, 1.0)
    assert memory.find_character("the old man")[0].name == "ELIAS"
    assert memory.find_character("the little girl")[0].name == "MAYA"
    assert memory.find_character("the little machine")[0].name == "BOLT"
    assert memory.find_character("a stockbroker in a pinstripe suit") is None
    # Re-saving without the alias must stop it matching.
    memory.save_character(elias.model_copy(update={"aliases": []}))
    hit = memory.find_character("the keeper")
    assert hit is None or hit[1] < 1.0


def test_user_library_lives_under_filmcrew_home(tmp_path, monkeypatch):
    monkeypatch.setenv("FILMCREW_HOME", str(tmp_path / "home"))
    assert user_library_dir() == tmp_path / "home" / "library"
    UserCastLibrary().save_character(CharacterProfile(name="ELIAS", wardrobe="yellow oilskin coat"))
    assert (tmp_path / "home" / "library").is_dir()
    assert UserCastLibrary().character("ELIAS").wardrobe == "yellow oilskin coat"
