package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// On Windows, chrome.exe and msedge.exe ignore --version (they open a
// window instead), so the version is read from the install layout: the
// browser keeps its files in a <a.b.c.d> folder next to the executable.

var versionDir = regexp.MustCompile(`^\d+\.\d+\.\d+\.\d+$`)

// layoutProducts maps an executable name to its product and the library
// every install of it has in the version folder.
var layoutProducts = map[string][2]string{
	"chrome.exe":   {"Google Chrome", "chrome.dll"},
	"chromium.exe": {"Chromium", "chrome.dll"},
	"msedge.exe":   {"Microsoft Edge", "msedge.dll"},
	"brave.exe":    {"Brave", "chrome.dll"},
}

// versionFromLayout returns "<Product> <version>" for an install whose
// newest version folder holds the product's library, without running it.
func versionFromLayout(path string) (string, error) {
	prod, ok := layoutProducts[strings.ToLower(filepath.Base(path))]
	if !ok {
		return "", fmt.Errorf("%w: %s is not a Windows browser executable", ErrNotABrowser, path)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		return "", fmt.Errorf("%w: %v", ErrNotABrowser, err)
	}
	best := ""
	for _, e := range entries {
		if !e.IsDir() || !versionDir.MatchString(e.Name()) {
			continue
		}
		if st, err := os.Stat(filepath.Join(filepath.Dir(path), e.Name(), prod[1])); err != nil || !st.Mode().IsRegular() {
			continue
		}
		if best == "" || newerVersion(e.Name(), best) {
			best = e.Name()
		}
	}
	if best == "" {
		return "", fmt.Errorf("%w: no %s install found next to %s", ErrNotABrowser, prod[0], path)
	}
	return prod[0] + " " + best, nil
}

// newerVersion compares dotted numeric versions.
func newerVersion(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := range pa {
		var x, y int
		fmt.Sscan(pa[i], &x)
		fmt.Sscan(pb[i], &y)
		if x != y {
			return x > y
		}
	}
	return false
}
