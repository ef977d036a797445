"""Publishing helpers behind `make publish` and the upload targets."""
