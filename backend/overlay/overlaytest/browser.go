// Package overlaytest is test support for overlay pages: a headless
// Chromium to load them in (Browser, WaitJS) and LTTH's real local listener
// to serve them (Listen), with the shared client script and the /ws feed
// and its snapshot. Only tests import it (backend/overlay's in-package
// tests cannot: the listener imports backend/overlay).
package overlaytest

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// WaitTimeout is how long WaitJS polls.
const WaitTimeout = 10 * time.Second

// Browser starts headless Chromium (Debian's chromium) for one test and
// returns its tab's context; it closes when the test ends. The test is
// skipped when chromium is not installed or with -short.
func Browser(t testing.TB) context.Context {
	t.Helper()
	path, err := exec.LookPath("chromium")
	if err != nil || testing.Short() {
		t.Skip("no chromium (or -short)")
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(path), chromedp.Flag("headless", "new"),
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true)}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// Navigate loads url in the browser tab.
func Navigate(t testing.TB, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("navigate to %s: %v", url, err)
	}
}

// WaitJS polls the JS predicate expr in the page until it is true, for up
// to WaitTimeout; on failure the test fails with what and the page's body.
func WaitJS(t testing.TB, ctx context.Context, what, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(WaitTimeout))); err != nil {
		dump, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.outerHTML`))
		t.Fatalf("%s: %v\n%s", what, err, dump)
	}
}
