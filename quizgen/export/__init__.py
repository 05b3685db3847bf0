"""The LMS export: a Moodle GIFT question bank, a flashcard TSV and a CSV."""
