"""Which typed answers a fact accepts: the one grading rule the terminal quiz and the study page share."""
