"""A small client of the Terraform Cloud / HCP Terraform API (JSON:API documents under `/api/v2`).

Pagination follows `links.next` (or `meta.pagination.next-page`), never off the API's own origin;
429 answers wait for `Retry-After`, a bounded number of times; every failure is one line that
names the request and what to do, and never contains the token.
"""

from __future__ import annotations

import email.utils
import sys
import time
from collections.abc import Iterator, Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from federation.redaction import safe_text
from tfc import JSON_API
from tfc.credentials import Credentials

API_PREFIX = "/api/v2"
PAGE_SIZE = 100
"""The largest page the API serves."""
MAX_RATE_LIMIT_RETRIES = 5
MAX_RETRY_AFTER_SECONDS = 60.0
"""A longer `Retry-After` is not waited for: the job fails with a line saying so instead."""
TIMEOUT_SECONDS = (10.0, 60.0)


class TfcApiError(Exception):
    """A request failed; the message is one line fit for the user."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status
        """The HTTP status that failed the request, None when there was no answer."""


class TfcClient:
    def __init__(self, credentials: Credentials, session: requests.Session | None = None) -> None:
        self.credentials = credentials
        self.api_url = credentials.base_url + API_PREFIX
        self._session = session or requests.Session()
        self._session.headers.update({"Authorization": f"Bearer {credentials.token}", "Accept": JSON_API,
                                      "User-Agent": "fedctl"})

    def get(self, path: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        """A JSON:API document."""
        return _document(self._request("GET", self.api_url + path, params=params), "GET", path)

    def get_json(self, path: str) -> Any:
        """A plain JSON body (outputs such as an assessment's plan are not JSON:API documents)."""
        response = self._request("GET", self.api_url + path)
        try:
            return response.json()
        except ValueError as error:
            raise TfcApiError(f"GET {path}: the answer is not JSON") from error

    def post(self, path: str, document: Mapping[str, Any]) -> dict[str, Any]:
        return _document(self._request("POST", self.api_url + path, json=document), "POST", path)

    def patch(self, path: str, document: Mapping[str, Any]) -> dict[str, Any]:
        return _document(self._request("PATCH", self.api_url + path, json=document), "PATCH", path)

    def list(self, path: str, params: Mapping[str, str] | None = None) -> Iterator[dict[str, Any]]:
        """Every resource object of a collection, page after page."""
        url: str | None = self.api_url + path
        query: dict[str, str] | None = {**(params or {}), "page[size]": str(PAGE_SIZE)}
        while url is not None:
            document = _document(self._request("GET", url, params=query), "GET", path)
            data = document.get("data")
            if not isinstance(data, list):
                raise TfcApiError(f"GET {path}: expected a list of resources in data")
            yield from data
            url, query = self._next_page(document, url, query)

    def _next_page(self, document: Mapping[str, Any], url: str,
                   query: dict[str, str] | None) -> tuple[str | None, dict[str, str] | None]:
        link = (document.get("links") or {}).get("next")
        if isinstance(link, str) and link:
            absolute = urljoin(url, link)
            if _origin(absolute) != _origin(self.api_url):
                raise TfcApiError(f"refusing to follow a next-page link to {_origin(absolute)}, "
                                  f"outside {_origin(self.api_url)} (the token would go with it)")
            return absolute, None
        pagination = (document.get("meta") or {}).get("pagination") or {}
        next_page = pagination.get("next-page")
        if next_page and query is not None:
            return url, {**query, "page[number]": str(next_page)}
        return None, None

    def _request(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        path = _shown_path(url, self.api_url)
        for attempt in range(MAX_RATE_LIMIT_RETRIES + 1):
            try:
                response = self._session.request(method, url, timeout=TIMEOUT_SECONDS,
                                                 headers={"Content-Type": JSON_API}, **kwargs)
            except requests.RequestException as error:
                raise TfcApiError(safe_text(f"{method} {path}: cannot reach {self.credentials.base_url}: "
                                             f"{type(error).__name__}", [self.credentials.token])) from None
            if response.status_code != 429:
                break
            wait = _retry_after(response.headers.get("Retry-After"))
            if wait > MAX_RETRY_AFTER_SECONDS:
                raise TfcApiError(f"{method} {path}: rate limited (429) for {wait:.0f}s (Retry-After), longer than "
                                  f"fedctl waits ({MAX_RETRY_AFTER_SECONDS:.0f}s); try again later", 429)
            if attempt == MAX_RATE_LIMIT_RETRIES:
                raise TfcApiError(f"{method} {path}: still rate limited (429) after {attempt} retries; "
                                  "try again later", 429)
            print(f"fedctl: {method} {path}: rate limited (429), retrying in {wait:.0f}s", file=sys.stderr, flush=True)
            time.sleep(wait)
        if response.status_code >= 400:
            raise TfcApiError(safe_text(self._failure(method, path, response), [self.credentials.token]),
                              response.status_code)
        return response

    def _failure(self, method: str, path: str, response: requests.Response) -> str:
        status = response.status_code
        host, source = self.credentials.hostname, self.credentials.source
        if status == 401:
            return f"{host} refused the token from {source} (401 on {method} {path}): it has expired or is not valid"
        if status == 403:
            return f"{method} {path}: forbidden (403): the token from {source} lacks the permission{_detail(response)}"
        if status == 404:
            return (f"{method} {path}: not found (404): it does not exist, or the token from {source} may not "
                    f"read it")
        if status >= 500:
            return f"{method} {path}: {host} answered {status} (a fault on its side); try again later"
        return f"{method} {path}: {host} answered {status}{_detail(response)}"


def _document(response: requests.Response, method: str, path: str) -> dict[str, Any]:
    try:
        document = response.json()
    except ValueError:
        raise TfcApiError(f"{method} {path}: the answer is not a JSON:API document") from None
    if not isinstance(document, dict):
        raise TfcApiError(f"{method} {path}: the answer is not a JSON:API document")
    return document


def _detail(response: requests.Response) -> str:
    """The JSON:API errors' titles and details, on one line."""
    try:
        errors = response.json().get("errors") or []
    except (ValueError, AttributeError):
        return ""
    texts = [" ".join(str(e.get(key)) for key in ("title", "detail") if isinstance(e, dict) and e.get(key))
             for e in errors if isinstance(e, dict)]
    joined = "; ".join(t for t in texts if t).replace("\n", " ")
    return f": {joined[:300]}" if joined else ""


def _retry_after(value: str | None) -> float:
    """Seconds to wait: `Retry-After` is either seconds or an HTTP date; 1 s when absent or unreadable."""
    if value is None:
        return 1.0
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 1.0
    return max(0.0, moment.timestamp() - time.time())


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _shown_path(url: str, api_url: str) -> str:
    return urlsplit(url).path.removeprefix(urlsplit(api_url).path) or "/"
