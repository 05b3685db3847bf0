"""Printable worksheets (HTML, and PDF through headless Chromium); `quizgen print` is `commands.worksheet`."""
