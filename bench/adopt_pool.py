"""Benchmark of `fedctl adopt` on a large hand-built pool: 50 OIDC identity providers and 20 app
clients in a moto server process; `python -m bench.adopt_pool [--runs N]` prints the median.

Each run is the real command (`bin/fedctl adopt --force`) as a child process: reading the pool
with the audit's adaptive-retry client, mapping it and writing the checked environment file.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

import boto3

from bench.measure import run_once
from tests.moto_process import moto_server

PROJECT_ROOT = Path(__file__).resolve().parents[1]
REGION = "eu-west-1"
CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": REGION}
MAPPING = {"username": "sub", "email": "email", "email_verified": "email_verified", "name": "name",
           "given_name": "given_name", "family_name": "family_name"}


def build_pool(url: str, providers: int, clients: int) -> str:
    cognito: Any = boto3.client("cognito-idp", region_name=REGION, endpoint_url=url, aws_access_key_id="testing",
                                aws_secret_access_key="testing")
    pool_id = str(cognito.create_user_pool(
        PoolName="bench-pool", DeletionProtection="ACTIVE", UsernameConfiguration={"CaseSensitive": False},
        AdminCreateUserConfig={"AllowAdminCreateUserOnly": True})["UserPool"]["Id"])
    cognito.create_user_pool_domain(Domain="bench-pool", UserPoolId=pool_id)
    names = [f"Partner{number:02d}" for number in range(providers)]
    for number, name in enumerate(names):
        cognito.create_identity_provider(
            UserPoolId=pool_id, ProviderName=name, ProviderType="OIDC", AttributeMapping=MAPPING,
            ProviderDetails={"client_id": f"cognito-{number}", "client_secret": f"secret-{number}",
                             "oidc_issuer": f"https://sso.partner{number:02d}.example/realms/main",
                             "authorize_scopes": "openid profile email", "attributes_request_method": "GET"})
    for number in range(clients):
        cognito.create_user_pool_client(
            UserPoolId=pool_id, ClientName=f"app-{number:02d}", GenerateSecret=True, AllowedOAuthFlows=["code"],
            AllowedOAuthFlowsUserPoolClient=True, AllowedOAuthScopes=["openid", "email", "profile"],
            CallbackURLs=[f"https://app{number}.example/cb"],
            SupportedIdentityProviders=names[number::clients] or names[:1],
            WriteAttributes=sorted(a for a in MAPPING if a != "username"),
            ExplicitAuthFlows=["ALLOW_REFRESH_TOKEN_AUTH"], PreventUserExistenceErrors="ENABLED")
    return pool_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--providers", type=int, default=50)
    parser.add_argument("--clients", type=int, default=20)
    args = parser.parse_args()
    with moto_server() as url, tempfile.TemporaryDirectory() as folder:
        pool_id = build_pool(url, args.providers, args.clients)
        env = {**{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "OKTA_"))}, **CREDENTIALS}
        command = [str(PROJECT_ROOT / "bin" / "fedctl"), "adopt", "--env", "bench", "--user-pool-id", pool_id,
                   "--region", REGION, "--aws-endpoint-url", url, "--config-dir", folder, "--force"]
        samples = [run_once(command, env=env, cwd=folder) for _ in range(args.runs)]
        written = (Path(folder) / "bench.yaml").read_text()
    seconds = sorted(sample.seconds for sample in samples)
    print(f"fedctl adopt, {args.providers} identity providers, {args.clients} app clients (moto): median "
          f"{statistics.median(seconds):.2f} s over {args.runs} runs (min {seconds[0]:.2f} s, max {seconds[-1]:.2f} s); "
          f"{written.count('kind: oidc')} federations written")


if __name__ == "__main__":
    main()
