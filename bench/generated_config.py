"""Environment files with N federations: one managed Okta org and N-1 external OIDC IdPs, all
trusted by one app client, as a platform with many customers' IdPs would have."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def generated_environment(federations: int, shards: int = 1) -> dict[str, Any]:
    names = [f"customer{index:04d}" for index in range(1, federations)]
    return {
        "production": True,
        "aws": {"region": "eu-west-1"},
        "user_pool": {"name": f"bench-{federations}", "schema": [{"name": "email", "required": True}],
                      "domain": {"prefix": f"bench-login-{federations}"}},
        "app_clients": [{"name": "portal", "callback_urls": ["https://portal.example.com/callback"]}],
        "federations": [
            {"name": "workforce", "kind": "okta", "provider_name": "Workforce",
             "okta": {"org_name": "acme", "base_url": "okta.com", "app_label": "Portal",
                      "groups": [{"name": "Portal Users"}]}},
            *({"name": name, "kind": "oidc", "provider_name": f"C{name[-4:]}", "idp_identifiers": [f"{name}.example"],
               "oidc": {"issuer": f"https://{name}.okta.com", "client_id": f"0oa{name}",
                        "client_secret": {"terraform_variable": f"{name}_client_secret"}}}
              for name in names),
        ],
        "state": {"backend": "cloud", "cloud": {"organization": "acme", "workspace": f"bench-{federations}"}},
        **({"shards": shards} if shards > 1 else {}),
    }


def write_generated_environment(folder: Path, federations: int, name: str | None = None, shards: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name or f'n{federations}'}.yaml"
    path.write_text(yaml.safe_dump(generated_environment(federations, shards), sort_keys=False), encoding="utf-8")
    return path
