"""quizgen: study decks, worksheets and a terminal quiz from hand-curated, source-checked facts."""

__version__ = "0.1.0"
