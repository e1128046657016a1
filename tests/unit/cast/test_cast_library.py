from __future__ import annotations

import pytest

from memory.store import CrewMemory, UserCastLibrary
from tools.cast.aliases import merge_aliases
from tools.cast.extract import descriptions, extract_cast
from tools.cast.library import (add_character, import_cast, list_cast, read_cast_files, show_character,
                                write_cast_files)
from tools.errors import BadInput


def test_a_cast_from_one_film_is_found_from_the_next(script, tmp_path):
    first = tmp_path / "first-film"
    cast = merge_aliases(script, extract_cast(script, None))
    project_memory = CrewMemory(first / "memory")
    for profile in cast:
        project_memory.save_character(profile, descriptions(script)[profile.name])
    write_cast_files(first, cast)
    assert [p.name for p in read_cast_files(first)] == ["BOLT", "ELIAS", "MAYA"]

    # The person keeps the cast in their own library ...
    assert sorted(import_cast(first, UserCastLibrary())) == ["BOLT", "ELIAS", "MAYA"]
    # ... and a new film, in a new folder, pulls ELIAS from it by name and finds him by description.
    second = CrewMemory(tmp_path / "second-film" / "memory")
    assert import_cast(UserCastLibrary(), second, names=["elias"]) == ["ELIAS"]
    assert second.character("ELIAS") == next(p for p in cast if p.name == "ELIAS")
    assert second.find_character("the old man")[0].name == "ELIAS"
    assert "keeps the lighthouse" in second.description("ELIAS")  # the script's words travelled too
    assert [p.name for p in list_cast(second)] == ["ELIAS"]


def test_show_and_add_refuse_bad_input(tmp_path):
    memory = CrewMemory(tmp_path / "memory")
    with pytest.raises(BadInput, match="no character"):
        show_character(memory, "NOBODY")
    broken = tmp_path / "profile.json"
    broken.write_text('{"name": "X", "silhouette": "dragon"}')
    with pytest.raises(BadInput, match="not a character profile"):
        add_character(memory, broken)
    with pytest.raises(BadInput):
        import_cast(tmp_path / "empty", memory)
