"""Evals on real screenplays nobody on the team wrote (read from outside the repository, never copied in)."""
