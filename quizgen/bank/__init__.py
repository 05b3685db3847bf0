"""The bank stage: deck YAML read, checked against the seed articles, and turned into a Bank."""
