"""Downloads a run's plan JSON with the run's access token.

Plans API, "Retrieve the JSON execution plan": `GET /plans/:id/json-output` answers 307 with a
temporary URL (valid one minute) that holds the plan, or 204 while the plan has not finished. The
redirect is followed by hand so that the bearer token goes to Terraform Cloud only, never to the
storage host the temporary URL names.
"""

from __future__ import annotations

from pathlib import Path

import aiohttp
from yarl import URL

from tfc import JSON_API

MAX_PLAN_BYTES = 512 * 1024 * 1024
REDIRECTS = (301, 302, 303, 307, 308)


class PlanDownloadError(Exception):
    """The plan could not be fetched; one line, without the token or the temporary URL."""


async def download_plan(session: aiohttp.ClientSession, url: str, token: str, target: Path) -> None:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": JSON_API}
    try:
        async with session.get(url, headers=headers, allow_redirects=False) as response:
            if response.status in REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise PlanDownloadError(f"plan JSON: HTTP {response.status} without a Location")
                temporary = response.url.join(URL(location))
                async with session.get(temporary, allow_redirects=False) as stored:
                    await _save(stored, target, "temporary plan URL")
                return
            if response.status == 204:
                raise PlanDownloadError("plan JSON not available yet (HTTP 204: the plan has not finished)")
            await _save(response, target, "plan JSON")
    except aiohttp.ClientError as error:
        raise PlanDownloadError(f"plan JSON could not be downloaded: {type(error).__name__}") from None


async def _save(response: aiohttp.ClientResponse, target: Path, what: str) -> None:
    if response.status != 200:
        raise PlanDownloadError(f"{what}: HTTP {response.status}"
                                + (" (the run's access token was refused)" if response.status in (401, 403) else ""))
    written = 0
    with target.open("wb") as stream:
        async for chunk in response.content.iter_chunked(1 << 20):
            written += len(chunk)
            if written > MAX_PLAN_BYTES:
                raise PlanDownloadError(f"{what}: larger than {MAX_PLAN_BYTES // (1024 * 1024)} MiB")
            stream.write(chunk)
