"""The `flask --app app petition ...` command group.

Commands live beside the code they drive; this module only gathers them.
"""
from __future__ import annotations

from flask.cli import AppGroup

petition_cli = AppGroup("petition", help="Check, convert and print petitions from the command line.")
