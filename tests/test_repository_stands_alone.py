"""The repository stands alone: a user who clones it gets every document it points to.

Two things a reader notices at once: a file that sends them to a folder beside the clone (which
they do not have), and a Markdown link that leads nowhere. Both are checked on the tracked files
(`git ls-files`), so a local, untracked file cannot make a broken link look fine.
"""

from __future__ import annotations

import posixpath
import re
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent

# The folder beside the clone that only the maintainers' machines have. Built from pieces so that
# this file does not name it itself.
OUTSIDE = "shared"
OUTSIDE_NAMES = (".." + "/" + OUTSIDE, OUTSIDE + "/" + "docs", OUTSIDE + "/" + "fixtures")

# CI lays third-party fixtures in a folder beside the clone and points the tests at it through
# FEDCTL_TEST_SHARED_FIXTURES (tests/shared_fixtures.py); that script is the one place that may
# name it, and it only does so when the folder exists.
MAY_NAME_OUTSIDE = frozenset({".ci/run"})


@cache
def tracked_files() -> tuple[str, ...]:
    """Paths of the tracked files, relative to the repository root, with `/` separators."""
    listing = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], check=True,
                             capture_output=True).stdout.decode("utf-8")
    return tuple(path for path in listing.split("\0") if path)


@cache
def tracked_folders() -> frozenset[str]:
    """Every folder that holds at least one tracked file (at any depth), and the root as ''."""
    folders = {""}
    for path in tracked_files():
        parent = posixpath.dirname(path)
        while parent:
            folders.add(parent)
            parent = posixpath.dirname(parent)
    return frozenset(folders)


def read_text(path: str) -> str | None:
    """The file's text, or None when it is tracked but absent from the working tree."""
    file = ROOT / path
    if not file.is_file():
        return None
    return file.read_bytes().decode("utf-8", errors="replace")


def test_no_tracked_file_names_the_folder_outside_the_repository() -> None:
    hits = []
    for path in tracked_files():
        if path in MAY_NAME_OUTSIDE:
            continue
        text = read_text(path)
        if text is None:
            continue
        for number, line in enumerate(text.splitlines(), start=1):
            if any(name in line for name in OUTSIDE_NAMES):
                hits.append(f"{path}:{number}")
    assert not hits, ("these tracked files point at a folder outside the repository, which a user "
                      "who clones it does not have:\n" + "\n".join(hits))


# --- Markdown links ------------------------------------------------------------------------

FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# An inline code span: a run of backticks, anything, the same run (CommonMark).
CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](target) and ![alt](target); the target may be in <...> and be followed by a "title".
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
# [label]: target (a reference definition; it cannot interrupt a paragraph, so it starts one).
REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)")
# Any URI scheme (http:, https:, mailto:, ...): such a target is not a relative link.
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def prose_lines(text: str) -> list[str]:
    """The lines outside fenced code blocks, with inline code spans removed."""
    lines, fence = [], None
    for line in text.splitlines():
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
            continue
        if fence is not None:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and not line.strip()[len(match.group(1)):].strip():
                fence = None
            continue
        lines.append(CODE_SPAN.sub("", line))
    return lines


def link_targets(text: str) -> list[str]:
    """The targets of the inline links, images and reference definitions in Markdown prose."""
    targets, starts_paragraph = [], True
    for line in prose_lines(text):
        targets += [match.group(1) for match in INLINE_LINK.finditer(line)]
        definition = REFERENCE_DEFINITION.match(line)
        if definition and starts_paragraph:
            targets.append(definition.group(1))
        starts_paragraph = not line.strip() or bool(definition and starts_paragraph)
    return [target.strip("<>") for target in targets]


def resolves(markdown_file: str, target: str) -> bool:
    """Whether a relative link target names a tracked file or a folder holding tracked files."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    # GitHub reads "/x" as the repository root; anything else is relative to the file's folder.
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(markdown_file), path)
    normal = posixpath.normpath(joined)
    if normal == ".":
        normal = ""
    if normal == ".." or normal.startswith("../"):
        return False  # outside the repository
    return normal in tracked_files() or normal in tracked_folders()


def test_every_relative_markdown_link_resolves() -> None:
    broken = []
    for path in tracked_files():
        if not path.endswith(".md"):
            continue
        # No folder is skipped: the third-party test data (tests/corpus/cases/) is Terraform only,
        # so it carries no Markdown with links into the repositories it was copied from.
        text = read_text(path)
        if text is None:
            continue
        for target in link_targets(text):
            if not target or target.startswith("#") or SCHEME.match(target):
                continue
            if not resolves(path, target):
                broken.append(f"{path}: {target}")
    assert not broken, ("these relative links in Markdown files lead to no tracked file or folder:\n"
                        + "\n".join(broken))


def test_the_link_reader_sees_what_a_reader_sees() -> None:
    """Links in code are not links; links in prose are, with anchors and queries dropped."""
    text = "\n".join([
        "See [the rules](docs/federation-rules.md#2a-cognito) and ![graph](docs/graph.png \"t\").",
        "Inline `[not a link](nowhere.md)` and ``[nor](this.md)``.",
        "```markdown",
        "[inside a fence](nowhere.md)",
        "```",
        "~~~~",
        "[inside a tilde fence](nowhere.md)",
        "```",
        "~~~~",
        "",
        "[ref]: <other.md?x=1>",
        "a paragraph whose next line",
        "[is not]: a-definition.md",
        "[web](https://example.com/a.md) [mail](mailto:a@example.com) [here](#anchor)",
    ])
    assert link_targets(text) == ["docs/federation-rules.md#2a-cognito", "docs/graph.png", "other.md?x=1",
                                  "https://example.com/a.md", "mailto:a@example.com", "#anchor"]
    assert resolves("docs/applicability.md", "../README.md#top")
    assert resolves("docs/applicability.md", "..")
    assert not resolves("README.md", "../outside.md")
