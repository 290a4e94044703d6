"""The command line's words for a library setting: a reason the library gives names no option, and
the CLI (and batch's run report, which is the CLI's) adds the option that helps."""
from __future__ import annotations

# InputRejected.setting / ReportRejected.setting → what the command line says after the reason.
OPTION_HINTS = {
    "password": "use --password",
    "timeout": "--timeout",
    "memory_limit": "--memory-limit",
}


def with_option_hint(reason: str, setting: str | None) -> str:
    """The reason with the command-line option for its setting in brackets, as the CLI prints it."""
    hint = OPTION_HINTS.get(setting or "")
    return f"{reason} ({hint})" if hint else reason
