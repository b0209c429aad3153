package browser

import (
	"os"
	"os/exec"
)

// FindBrowser returns the first installed Chromium-family browser from the
// platform's usual places (see candidates in find_<os>.go), or "".
func FindBrowser() string {
	for _, c := range candidates() {
		if p, err := exec.LookPath(c); err == nil {
			return p
		}
		if st, err := os.Stat(c); err == nil && !st.IsDir() {
			return c
		}
	}
	return ""
}
