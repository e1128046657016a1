"""Brief fidelity: how much of a brief's own words reach the script and the previs (run on purpose)."""
