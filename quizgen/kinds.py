"""The bank's closed vocabularies (kinds of answer, stances), light enough for the command line."""

KINDS = ("year", "date", "number", "person", "place", "organization", "document", "event", "term")
STANCES = ("fact", "claim", "propaganda")
