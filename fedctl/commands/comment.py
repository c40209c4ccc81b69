"""`fedctl comment`: post a Markdown report as one merge-request / pull-request comment, updating
the same comment on re-runs instead of adding new ones."""

from __future__ import annotations

import argparse
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from fedctl import exit_codes
from fedctl.errors import FedctlError

TIMEOUT_SECONDS = 30


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "comment", help="post or update a Markdown report as a merge-request / pull-request comment",
        description="GitLab: uses CI_API_V4_URL, CI_PROJECT_ID, CI_MERGE_REQUEST_IID and a token in GITLAB_TOKEN "
                    "(a project or group access token with api scope). GitHub: uses GITHUB_API_URL, "
                    "GITHUB_REPOSITORY, the pull-request number (--pr) and GITHUB_TOKEN. The comment carrying "
                    "the marker is updated in place.")
    parser.add_argument("--platform", choices=["gitlab", "github"], required=True)
    parser.add_argument("--file", type=Path, required=True, metavar="MARKDOWN", help="the report to post")
    parser.add_argument("--marker", default="fedctl", metavar="NAME",
                        help="identifies the comment to update on re-runs (default: %(default)s)")
    parser.add_argument("--pr", metavar="NUMBER", help="GitHub pull-request number (default: from GITHUB_REF)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        body = args.file.read_text(encoding="utf-8")
    except OSError as error:
        raise FedctlError(f"{args.file}: cannot be read: {error.strerror}", exit_codes.FAILURE) from error
    tag = f"<!-- fedctl:{args.marker} -->"
    text = f"{tag}\n{body}"
    if args.platform == "gitlab":
        api = f"{_env('CI_API_V4_URL')}/projects/{_env('CI_PROJECT_ID')}/merge_requests/{_env('CI_MERGE_REQUEST_IID')}/notes"
        headers = {"PRIVATE-TOKEN": _env("GITLAB_TOKEN")}
        existing = _find(_request("GET", f"{api}?per_page=100&sort=asc", headers), tag)
        if existing is None:
            _request("POST", api, headers, {"body": text})
            print("comment: created")
        else:
            _request("PUT", f"{api}/{existing}", headers, {"body": text})
            print(f"comment: updated note {existing}")
    else:
        base = os.environ.get("GITHUB_API_URL", "https://api.github.com")
        repository = _env("GITHUB_REPOSITORY")
        number = args.pr or _pr_from_ref()
        headers = {"Authorization": f"Bearer {_env('GITHUB_TOKEN')}", "Accept": "application/vnd.github+json"}
        existing = _find(_request("GET", f"{base}/repos/{repository}/issues/{number}/comments?per_page=100", headers), tag)
        if existing is None:
            _request("POST", f"{base}/repos/{repository}/issues/{number}/comments", headers, {"body": text})
            print("comment: created")
        else:
            _request("PATCH", f"{base}/repos/{repository}/issues/comments/{existing}", headers, {"body": text})
            print(f"comment: updated comment {existing}")
    return exit_codes.OK


def _find(comments: Any, tag: str) -> int | None:
    for comment in comments if isinstance(comments, list) else []:
        if isinstance(comment, dict) and tag in str(comment.get("body", "")):
            return int(comment["id"])
    return None


def _env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise FedctlError(f"{name} is not set; `fedctl comment` needs it", exit_codes.FAILURE)
    return value


def _pr_from_ref() -> str:
    ref = os.environ.get("GITHUB_REF", "")  # refs/pull/<number>/merge
    parts = ref.split("/")
    if len(parts) >= 3 and parts[1] == "pull":
        return parts[2]
    raise FedctlError("no pull-request number: pass --pr or run on a pull_request event", exit_codes.FAILURE)


def _request(method: str, url: str, headers: dict[str, str], payload: dict[str, Any] | None = None) -> Any:
    data = json.dumps(payload).encode() if payload is not None else None
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={**headers, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            raw = response.read()
    except urllib.error.HTTPError as error:
        raise FedctlError(f"{method} {urllib.parse.urlsplit(url).path} answered {error.code} {error.reason}",
                          exit_codes.FAILURE) from error
    except urllib.error.URLError as error:
        raise FedctlError(f"{method} {url} failed: {error.reason}", exit_codes.FAILURE) from error
    return json.loads(raw) if raw else None
