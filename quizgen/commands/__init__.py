"""The command handlers above the exporters: each reads the options, selects banks, calls one stage."""
