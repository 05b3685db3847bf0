"""The offline study page: its data, the bundled JavaScript and the typed-answer keys."""
