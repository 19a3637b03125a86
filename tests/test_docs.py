"""The admin's guide cannot drift from the code: every setting is documented (the settings
chapter is generated from the declaration), every error message the code can emit appears in
the troubleshooting table of both languages, and every message in those tables still exists."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from conftest import REPO

from sidecar.settings import SETTINGS, settings_markdown

LANGS = ("ru", "en")
ERRORS = {
    "XC1CError", "ConfigError", "ExchangeError", "AuthFailed", "Forbidden", "NoSession",
    "BadRequest", "BadFileName", "UploadTooLarge", "Busy", "ImportFailed", "CommerceMLError",
    "ClickException", "failure", "Unreachable", "Absent",
}  # fmt: skip


def _template(node: ast.AST, constants: dict[str, str], functions: dict[str, str]) -> str | None:
    """The text of a message with its variable parts as `…`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "…" for v in node.values)
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.Attribute):
        return constants.get(node.attr)
    if isinstance(node, ast.Call):
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        return functions.get(name)
    if isinstance(node, ast.BinOp):
        left = _template(node.left, constants, functions)
        right = _template(node.right, constants, functions)
        return None if left is None or right is None else left + right
    return None


def _normalise(text: str) -> str:
    text = re.sub(r"…+", "…", text)
    return re.sub(r"^…: ", "", text).strip()


def messages_in_code() -> set[str]:
    """Every error message raised (or answered as `failure`) anywhere in the sidecar."""
    trees = [ast.parse(p.read_text()) for p in sorted((REPO / "sidecar").rglob("*.py"))]
    constants: dict[str, str] = {}
    functions: dict[str, str] = {}
    for tree in trees:  # module-level string constants and functions returning a message
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id.isupper():
                    value = _template(node.value, {}, {})
                    if value is not None:
                        constants[target.id] = value
    for tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.endswith("_message"):
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return) and ret.value is not None:
                        functions[node.name] = _template(ret.value, constants, {}) or ""
    found = set()
    for tree in trees:
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ERRORS:
                text = _template(node.args[0], constants, functions)
                if text and text.strip("…: "):
                    found.add(_normalise(text))
    return found


def messages_in_guide(lang: str) -> set[str]:
    text = (REPO / "docs" / lang / "troubleshooting.md").read_text()
    return {_normalise(m) for m in re.findall(r"^\| `([^`]+)`", text, re.M)}


def test_the_code_has_a_catalog_of_messages():
    found = messages_in_code()
    assert "wrong login or password" in found and len(found) > 40
    assert "the file is truncated: it does not end with </…>" in found


@pytest.mark.parametrize("lang", LANGS)
def test_every_error_message_is_in_the_troubleshooting_table(lang):
    missing = sorted(messages_in_code() - messages_in_guide(lang))
    assert not missing, f"docs/{lang}/troubleshooting.md lacks: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_troubleshooting_table_lists_no_message_the_code_lost(lang):
    stale = sorted(messages_in_guide(lang) - messages_in_code())
    assert not stale, f"docs/{lang}/troubleshooting.md lists messages no code emits: {stale}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_settings_chapter_is_generated_from_the_declaration(lang):
    path = REPO / "docs" / lang / "settings.md"
    assert path.read_text() == settings_markdown(lang), (
        f"run: xc1c settings doc --lang {lang} > {path.relative_to(REPO)}"
    )
    for s in SETTINGS:
        assert f"`{s.name}`" in path.read_text()


@pytest.mark.parametrize("lang", LANGS)
def test_both_guides_have_the_same_chapters_and_the_readme_links_them(lang):
    chapters = sorted(p.name for p in (REPO / "docs" / lang).glob("*.md"))
    assert chapters == sorted(p.name for p in (REPO / "docs" / "en").glob("*.md"))
    readme = (REPO / "README.md").read_text()
    assert f"docs/{lang}/README.md" in readme
    index = (REPO / "docs" / lang / "README.md").read_text()
    for chapter in chapters:
        if chapter != "README.md":
            assert f"({chapter})" in index, f"docs/{lang}/README.md does not link {chapter}"
    for link in re.findall(r"\]\(([^)#:]+\.md)", "".join(
        p.read_text() for p in (REPO / "docs" / lang).glob("*.md")
    )):  # fmt: skip
        assert (REPO / "docs" / lang / link).resolve().exists(), link


def test_guide_paths_exist():
    assert Path(REPO / "docs").is_dir()
