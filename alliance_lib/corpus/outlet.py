"""An article's outlet: the registered domain of its URL (public suffix list), else its folder."""

from __future__ import annotations

import ipaddress
from functools import lru_cache
from urllib.parse import urlsplit

from publicsuffixlist import PublicSuffixList


@lru_cache(maxsize=1)
def _suffixes() -> PublicSuffixList:
    """The public suffix list shipped inside the package (nothing is downloaded)."""
    return PublicSuffixList()


def registered_domain(url: str | None) -> str | None:
    """`https://www.example.co.uk/x` -> `example.co.uk`; None for no URL, an IP or a bare host."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.rstrip(".").lower()
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    return _suffixes().privatesuffix(host)


def outlet_of(explicit: str | None, url: str | None, folder: str | None) -> str | None:
    """The outlet given in a manifest, else the URL's registered domain, else the folder name."""
    for candidate in (explicit, registered_domain(url), folder):
        if candidate and candidate.strip():
            return candidate.strip()
    return None
