"""One match: seats (human, AI, remote), the turn cycle, saves and the replay log."""
