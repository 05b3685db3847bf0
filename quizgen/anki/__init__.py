"""The Anki exporter: notes, note types, the published-id ledger and the .apkg package."""
