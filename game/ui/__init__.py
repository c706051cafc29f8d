"""The desktop client: pygame scenes over the rules engine. It shows the world and turns clicks
into orders; it never changes the world by itself."""

import os

# pygame prints a banner on import unless told not to: the game's output is its own.
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
