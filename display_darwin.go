package main

// hasDisplay is always true: the desktop session is the only kind here.
func hasDisplay() bool { return true }
