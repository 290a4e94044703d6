"""The disk cache of slow-to-build data (normalize/disk_cache.py) and the lexicon read through it.

Used when its key matches, rebuilt when the sources, the building code or the named versions
change, never in the way: an unwritable or damaged cache gives the same result, built afresh.
Speed itself is measured by the benchmark, not here.
"""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from followup.normalize import disk_cache
from followup.normalize.disk_cache import cache_dir, load_cached
from followup.normalize.stems import BucketedStems, bucketed

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "followup"


class Builder:
    """Builds a word list from a source file and counts how often it had to."""

    def __init__(self, source: Path) -> None:
        self.source, self.calls = source, 0

    def __call__(self) -> list[str]:
        self.calls += 1
        return self.source.read_text(encoding="utf-8").split()


def _source(tmp_path: Path, text: str = "vård omsorg") -> Path:
    source = tmp_path / "words.txt"
    source.write_text(text, encoding="utf-8")
    return source


def _load(source: Path, build: Builder, extra: str = "") -> list[str]:
    return load_cached("words", [source], build, list, builders=[Builder.__call__], extra=extra)


def test_the_cache_lives_under_xdg_cache_home_or_the_home_directory(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere")
    assert cache_dir() == Path("/somewhere/followup")
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert cache_dir() == Path.home() / ".cache" / "followup"


def test_data_is_built_once_then_read_from_the_cache(tmp_path: Path, cache_home: Path):
    build = Builder(_source(tmp_path))
    assert _load(build.source, build) == ["vård", "omsorg"]
    assert _load(build.source, build) == ["vård", "omsorg"]
    assert build.calls == 1
    assert len(list(cache_home.glob("words-*.pickle"))) == 1


def test_a_changed_source_is_read_again_and_the_stale_entry_removed(tmp_path: Path, cache_home: Path):
    build = Builder(_source(tmp_path))
    _load(build.source, build)
    stale = list(cache_home.glob("words-*.pickle"))
    build.source.write_text("vård tandvård", encoding="utf-8")
    assert _load(build.source, build) == ["vård", "tandvård"]
    assert build.calls == 2
    assert not any(entry.exists() for entry in stale)
    assert len(list(cache_home.glob("words-*.pickle"))) == 1


def test_another_version_of_what_builds_it_is_another_key(tmp_path: Path, cache_home: Path):
    build = Builder(_source(tmp_path))
    _load(build.source, build, extra="parser 1")
    _load(build.source, build, extra="parser 2")
    assert build.calls == 2
    assert disk_cache.cache_key([build.source], [Builder.__call__]) != disk_cache.cache_key([build.source], [_load])


def test_an_unwritable_cache_builds_every_time_and_gives_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    build = Builder(_source(tmp_path))
    assert _load(build.source, build) == _load(build.source, build) == ["vård", "omsorg"]
    assert build.calls == 2


@pytest.mark.parametrize("content", [b"not a pickle", pickle.dumps({"a dict": "not a list"})])
def test_a_damaged_or_foreign_entry_is_built_again(tmp_path: Path, cache_home: Path, content: bytes):
    build = Builder(_source(tmp_path))
    _load(build.source, build)
    (entry,) = cache_home.glob("words-*.pickle")
    entry.write_bytes(content)
    assert _load(build.source, build) == ["vård", "omsorg"]
    assert build.calls == 2


def test_bucketed_stems_are_the_same_mapping():
    stems = {"vård": "ADY", "Vårdby": "", "VÅRD": "Z", "ö": "X", "tjänst": "ADHUXY"}
    lazy = BucketedStems(bucketed(stems))
    assert dict(lazy) == stems
    assert len(lazy) == len(stems)
    assert lazy.get("Vårdby") == "" and lazy.get("vårdby") is None and lazy["ö"] == "X"
    assert "VÅRD" in lazy and "vår" not in lazy
    with pytest.raises(KeyError):
        lazy["saknas"]


def _fresh_lexicon_modules() -> None:
    """Forget the lexicon and patterns loaded in this process, so the next use loads them (from the cache or not)."""
    import pyphen

    from followup.normalize import linebreaks

    linebreaks.swedish_lexicon.cache_clear()
    linebreaks._hyphenator.cache_clear()
    pyphen.hdcache.clear()


def test_the_lexicon_through_the_cache_is_the_lexicon_read_from_hunspell(cache_home: Path):
    from followup.normalize import linebreaks

    _fresh_lexicon_modules()
    linebreaks.swedish_lexicon()  # builds and stores
    _fresh_lexicon_modules()
    cached = linebreaks.swedish_lexicon()  # reads
    assert {entry.name.split("-")[0] for entry in cache_home.glob("*.pickle")} >= {"lexicon"}
    dic = next(d for d in linebreaks._dictionary_dirs() if (d / "sv_SE.dic").is_file())
    direct = linebreaks.SwedishLexicon.from_hunspell(dic / "sv_SE.dic", dic / "sv_SE.aff")
    assert dict(cached._stems) == dict(direct._stems)
    assert cached._suffixes == direct._suffixes
    for word in ("patienterna", "vårdcentralen", "informationsö", "tillåta", "xqzv", "Stockholm"):
        assert cached.readings(word.lower()) == direct.readings(word.lower())
        assert cached.is_word(word) == direct.is_word(word)
        assert cached.begins_word(word) == direct.begins_word(word)


def test_extraction_gives_the_same_bytes_with_a_cold_a_warm_and_no_cache(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch):
    from followup.output import document_json
    from followup.pipeline import extract_document

    # The web sample has line-end hyphens: the lexicon and the hyphenation patterns are both used.
    pdf = REPO / "samples" / "pdf" / "medicin-web-2024-05.pdf"
    outputs = []
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for _ in ("cold", "warm"):
        _fresh_lexicon_modules()
        outputs.append(document_json(extract_document(pdf)))
    assert {entry.name.split("-")[0] for entry in (tmp_path / "cache" / "followup").glob("*.pickle")} == {
        "lexicon", "pyphen"}
    (tmp_path / "blocked").write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "blocked"))
    _fresh_lexicon_modules()
    outputs.append(document_json(extract_document(pdf)))
    _fresh_lexicon_modules()
    assert outputs[0] == outputs[1] == outputs[2]


def test_code_read_from_bytecode_and_compiled_from_source_has_one_key(tmp_path: Path):
    """A command run with its .pyc files and one run without them share the cache (marshal's bytes differ)."""
    import importlib.util
    import py_compile
    import sys

    module = tmp_path / "lexicon_builder.py"
    module.write_text("WORDS = {'vård', 'omsorg'}\n\ndef build(text):\n"
                      "    return sorted(w for w in text.split() if w not in {'och', 'i'})\n", encoding="utf-8")

    def loaded(name: str):
        spec = importlib.util.spec_from_file_location(name, module)
        assert spec is not None and spec.loader is not None
        loaded_module = importlib.util.module_from_spec(spec)
        sys.modules[name] = loaded_module
        spec.loader.exec_module(loaded_module)
        return loaded_module.build

    compiled = loaded("lexicon_builder_source")
    py_compile.compile(str(module), cfile=str(module.with_suffix(".pyc")))
    from_bytecode = _from_pyc(module.with_suffix(".pyc"))
    assert disk_cache.cache_key([], [compiled]) == disk_cache.cache_key([], [from_bytecode])
    module.write_text(module.read_text(encoding="utf-8").replace("'och'", "'men'"), encoding="utf-8")
    assert disk_cache.cache_key([], [loaded("lexicon_builder_changed")]) != disk_cache.cache_key([], [compiled])


def _from_pyc(pyc: Path):
    """The `build` function of a module run from its .pyc file alone."""
    import marshal
    import types

    code = marshal.loads(pyc.read_bytes()[16:])  # past the .pyc header
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102 — our own module, compiled above
    function = namespace["build"]
    assert isinstance(function, types.FunctionType)
    return function
