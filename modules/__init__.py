"""CDKTF constructs of the federation; the only package (with main.py) that imports cdktf."""

from modules.lazy_provider_packages import register_provider_packages
from modules.node_runtime import ensure_node_runtime

ensure_node_runtime()
register_provider_packages()
