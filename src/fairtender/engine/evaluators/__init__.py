"""One small evaluator per rule kind (pattern, threshold, document); shared machinery in ``common``.

Adding a rule is adding a YAML file; adding a rule *kind* is adding a module
here with an ``evaluate(ctx, i, rule)`` function and naming it in
:data:`EVALUATORS`.
"""

from __future__ import annotations

from . import document, pattern, threshold

EVALUATORS = {"pattern": pattern.evaluate, "threshold": threshold.evaluate, "document": document.evaluate}

__all__ = ["EVALUATORS"]
