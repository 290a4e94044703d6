"""The README tells the truth: its Python examples run, and every command and option is in it."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from followup.cli import main

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    """The README's `## title` section, up to the next `## ` heading."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start:end if end != -1 else None]


def python_examples(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)


def commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], click.Command]]:
    """Every command under the group, the groups themselves included, with its path of names."""
    found: list[tuple[tuple[str, ...], click.Command]] = [(path, group)]
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found += commands(command, (*path, name))
        else:
            found.append(((*path, name), command))
    return found


def test_the_python_api_examples_run(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    examples = python_examples(section("Python API"))
    assert len(examples) >= 4
    namespace: dict[str, object] = {"__name__": "readme_example"}
    for example in examples:  # in order, sharing one namespace, as a reader would type them
        exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102 - the README's own examples
    printed = capsys.readouterr().out
    assert "README.md not_pdf not a PDF (no %PDF header)" in printed


@pytest.mark.parametrize("path,command", commands(main), ids=lambda value: " ".join(value) if isinstance(value, tuple)
                         else "")
def test_every_command_and_option_is_in_the_readme(path, command):
    if path:
        assert f"followup {' '.join(path)}" in README, f"the README never shows `followup {' '.join(path)}`"
    for parameter in command.params:
        if not isinstance(parameter, click.Option) or parameter.hidden:
            continue
        if "--help" in parameter.opts:
            continue
        longest = max(parameter.opts, key=len)
        assert re.search(rf"(?<![\w-]){re.escape(longest)}(?![\w-])", README), \
            f"`followup {' '.join(path)}` option {longest} is not in the README"


def test_every_help_ends_with_examples():
    for path, command in commands(main):
        with click.Context(command, info_name=" ".join(("followup", *path))) as context:
            text = command.get_help(context).rstrip()
        examples = text.rsplit("Examples:", 1)
        assert len(examples) == 2, f"`followup {' '.join(path)} --help` has no examples"
        lines = [line.strip() for line in examples[1].splitlines() if line.strip()]
        assert lines and all("followup" in line for line in lines), lines
