"""Time the worksheet planner on the bundled bank for growing -n (review 2026-12-07 F11: -n 140 took 71 s).

    python benchmarks/print_count.py 100 140 251 1000

Prints, per count, the questions planned, the seconds taken and a digest of the plan (the same
digest before and after a change of the planner's speed means the same sheets).
"""

import hashlib
import sys
import time

from quizgen.bank.loader import load_banks
from quizgen.paths import default_decks_dir, default_seeds_dir
from quizgen.worksheet.plan import plan_questions

TYPES = ("mcq", "blank", "match", "order", "tf")

bank = load_banks(default_decks_dir(), default_seeds_dir())[0]
for count in map(int, sys.argv[1:] or ["100", "140", "251", "1000"]):
    start = time.perf_counter()
    plan = plan_questions(bank, bank, count, TYPES, 1)
    took = time.perf_counter() - start
    chosen = repr([(kind, [repr(q) for q in items]) for kind, items in plan.questions.items()]) + repr(plan.notes)
    digest = hashlib.sha256(chosen.encode()).hexdigest()[:12]
    print(f"-n {count}: {plan.total} questions in {took:.1f} s (plan {digest})")
