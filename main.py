"""CDKTF entry point: one stack per file in environments/ (`cdktf synth` runs this via cdktf.json).

`python main.py` does the same; `fedctl synth` adds environment selection, progress and
atomic output on top of the same code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from config.errors import ConfigError
from config.loader import load_environments

CONFIG_DIR = Path(os.environ.get("FEDCTL_CONFIG_DIR", Path(__file__).parent / "environments"))


def main() -> int:
    try:
        environments = load_environments(CONFIG_DIR)
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 1
    from modules.synthesis import build_app  # after validation: starting jsii takes seconds

    build_app(environments).synth()
    return 0


if __name__ == "__main__":
    sys.exit(main())
