"""The desktop client: pygame scenes over the rules engine. It shows the world and turns clicks
into orders; it never changes the world by itself."""
