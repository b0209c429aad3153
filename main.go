// Command ltth is the LTTH desktop app (dashboard window + tray + overlay
// listener) and, with --headless, the same backend without window or tray.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/ltth/ltth/backend/core"
	"github.com/ltth/ltth/backend/crash"
	"github.com/ltth/ltth/backend/tiktok/normalize"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

type cliOptions struct {
	core.Options
	showVersion bool
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 && args[0] == "replay" {
		return runReplay(args[1:], stdout, stderr)
	}
	opts, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		return 2
	}
	if opts.showVersion {
		fmt.Fprintln(stdout, "ltth", version)
		return 0
	}
	defer crash.Open(filepath.Join(opts.DataDir, "logs"), version).Recover("main")
	if applyStagedUpdate(opts.DataDir, stderr) {
		return 0
	}
	if !opts.Headless && !hasDisplay() {
		fmt.Fprintln(stderr, "ltth: no display found, starting headless (use --headless to silence this)")
		opts.Headless = true
	}
	if opts.Headless {
		return runHeadless(opts.Options, stdout, stderr)
	}
	return runDesktop(opts.Options, stderr)
}

func parseFlags(args []string, stderr io.Writer) (cliOptions, error) {
	var o cliOptions
	fs := flag.NewFlagSet("ltth", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&o.Headless, "headless", false, "run without window or tray; print the overlay URL")
	fs.StringVar(&o.DataDir, "data-dir", defaultDataDir(), "where profiles, logs and the API token live")
	fs.StringVar(&o.Profile, "profile", "", "profile to open (created if missing; default: the last active one)")
	fs.StringVar(&o.Listen, "listen", "", "address of the overlay/API listener (default: the Settings page's port on 127.0.0.1, else "+core.DefaultListen+")")
	fs.BoolVar(&o.AllowLAN, "allow-lan", false, "allow --listen on a non-loopback address (LAN access)")
	fs.StringVar(&o.LogLevel, "log-level", "", "debug, info, warn or error (default: the Settings page's, else info)")
	fs.BoolVar(&o.StartMinimized, "start-minimized", false, "desktop: start with the window hidden in the tray")
	fs.BoolVar(&o.showVersion, "version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		err := fmt.Errorf("unexpected argument %q", fs.Arg(0))
		fmt.Fprintln(stderr, "ltth:", err)
		return o, err
	}
	o.Version = version
	return o, nil
}

func defaultDataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "ltth")
}

func runHeadless(o core.Options, stdout, stderr io.Writer) int {
	o.Dashboard = dashboardFS()
	c, err := core.New(o)
	if err != nil {
		fmt.Fprintln(stderr, "ltth:", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := c.Start(ctx); err != nil {
		fmt.Fprintln(stderr, "ltth:", err)
		c.Stop(context.Background())
		return 1
	}
	// The dashboard link carries the API token (stdout only, never the log
	// files) so it opens ready to use; the page moves it out of the address bar.
	fmt.Fprintf(stdout, "LTTH %s running headless\nOverlay: %s\nDashboard: %s/dashboard/#token=%s\n",
		version, c.OverlayURL(), c.URL(), c.Token())
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := c.Stop(shutdown); err != nil {
		fmt.Fprintln(stderr, "ltth: shutdown:", err)
		return 1
	}
	return 0
}

// runReplay implements `ltth replay FILE --print`: the capture goes through
// the real decoder and normalizer; normalized events go to stdout as JSON lines.
func runReplay(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("ltth replay", flag.ContinueOnError)
	fs.SetOutput(stderr)
	print := fs.Bool("print", false, "write the normalized events to stdout as JSON lines")
	file, rest := splitFirstArg(args)
	if err := fs.Parse(rest); err != nil || file == "" || !*print {
		fmt.Fprintln(stderr, "usage: ltth replay FILE --print   (to replay into the live pipeline use the dashboard or POST /api/replay)")
		return 2
	}
	f, err := os.Open(file)
	if err != nil {
		fmt.Fprintln(stderr, "ltth replay:", err)
		return 1
	}
	defer f.Close()
	if err := normalize.ReplayPrint(context.Background(), f, stdout); err != nil {
		fmt.Fprintln(stderr, "ltth replay:", err)
		return 1
	}
	return 0
}

// splitFirstArg lets the file come before or after the flags.
func splitFirstArg(args []string) (string, []string) {
	for i, a := range args {
		if len(a) > 0 && a[0] != '-' {
			return a, append(append([]string{}, args[:i]...), args[i+1:]...)
		}
	}
	return "", args
}
