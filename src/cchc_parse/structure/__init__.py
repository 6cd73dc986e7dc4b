"""Section tree of the plan body."""
