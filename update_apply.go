package main

import (
	"fmt"
	"io"

	"github.com/ltth/ltth/backend/update"
)

// applyStagedUpdate starts an update staged by the previous run (Windows:
// its verified installer, silently; it restarts LTTH when done). It
// returns true when LTTH should exit for the installer to run.
func applyStagedUpdate(dataDir string, stderr io.Writer) bool {
	started, err := update.ApplyPending(dataDir)
	if err != nil {
		fmt.Fprintln(stderr, "ltth: update:", err)
	}
	if started {
		fmt.Fprintln(stderr, "ltth: installing the downloaded update; LTTH starts again when it is done")
	}
	return started
}
