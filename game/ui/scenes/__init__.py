"""The screens of the desktop client, one module each, pushed on the app's scene stack."""
