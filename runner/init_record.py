"""Whether a working directory still is as `terraform init` left it, so init can be skipped.

`fedctl plan`, `apply` and `drift` synthesize and init before every run, stack by stack. An init
that changes nothing still costs a second or more (Terraform hashes every provider package, about
700 MB for hashicorp/aws, against the lock file) and, with Terraform Cloud, a round trip. What init
acts on is the `terraform` and `module` blocks (providers, backend or cloud, modules), the lock file
and the binary; fedctl records a fingerprint of those after a successful init and inits again
whenever one of them changed, or `.terraform/` is gone.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

RECORD = Path(".terraform") / "fedctl-init.sha256"
LOCK_FILE = ".terraform.lock.hcl"


def init_fingerprint(working_dir: Path, binary: Path) -> str:
    digest = hashlib.sha256()
    stat = binary.stat()
    digest.update(f"{binary.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for path in sorted(working_dir.iterdir()):
        if path.name.endswith(".tf.json"):
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (ValueError, OSError):
                document = path.read_text(encoding="utf-8", errors="replace")
            relevant = ({key: document[key] for key in ("terraform", "module") if key in document}
                        if isinstance(document, dict) else document)
            if relevant:  # a file of resources or provider settings only does not matter to init
                digest.update(f"{path.name}\0{json.dumps(relevant, sort_keys=True)}\0".encode())
        elif path.name.endswith(".tf") or path.name == LOCK_FILE:
            # HCL is not parsed here: any change to it counts.
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def is_initialized(working_dir: Path, binary: Path) -> bool:
    record = working_dir / RECORD
    return (record.is_file() and (working_dir / LOCK_FILE).is_file()
            and record.read_text(encoding="utf-8").strip() == init_fingerprint(working_dir, binary))


def record_init(working_dir: Path, binary: Path) -> None:
    if (working_dir / RECORD).parent.is_dir():  # init made no `.terraform/`: nothing to skip next time
        (working_dir / RECORD).write_text(init_fingerprint(working_dir, binary) + "\n", encoding="utf-8")
