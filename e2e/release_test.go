//go:build e2e

package e2e

import (
	"debug/elf"
	"debug/pe"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// distDir is the release folder built by `make release` (LTTH_DIST).
func distDir(t *testing.T) string {
	t.Helper()
	d := os.Getenv("LTTH_DIST")
	if d == "" {
		t.Skip("LTTH_DIST not set: make release-test builds the release and runs this")
	}
	return d
}

// one returns the single file of dir matching pattern.
func one(t *testing.T, dir, pattern string) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, pattern))
	if len(m) != 1 {
		t.Fatalf("%s: want exactly one %s, found %v", dir, pattern, m)
	}
	return m[0]
}

func output(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// releaseVersion is the version in the installer's file name.
func releaseVersion(t *testing.T, setup string) string {
	m := regexp.MustCompile(`ltth-(.+)-windows-amd64-setup\.exe$`).FindStringSubmatch(setup)
	if m == nil {
		t.Fatalf("installer name %s", setup)
	}
	return m[1]
}

func TestReleaseContents(t *testing.T) {
	dist := distDir(t)
	setup := one(t, dist, "ltth-*-windows-amd64-setup.exe")
	v := releaseVersion(t, setup)
	deb := one(t, dist, "ltth_"+v+"_amd64.deb")
	tarball := one(t, dist, "ltth-"+v+"-linux-amd64.tar.gz")
	zip := one(t, dist, "ltth-"+v+"-windows-amd64-portable.zip")

	t.Run("checksums", func(t *testing.T) {
		cmd := exec.Command("sha256sum", "--check", "--strict", "SHA256SUMS")
		cmd.Dir = dist
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("sha256sum --check: %v\n%s", err, out)
		}
		for _, f := range []string{setup, deb, tarball, zip} {
			mustContain(t, "SHA256SUMS check", string(out), filepath.Base(f)+": OK")
		}
	})
	t.Run("deb", func(t *testing.T) {
		mustContain(t, "dpkg-deb -c", output(t, "dpkg-deb", "-c", deb),
			"./usr/bin/ltth", "./usr/share/applications/ltth.desktop", "./usr/share/icons/hicolor/256x256/apps/ltth.png", "root/root")
		mustContain(t, "dpkg-deb -I", output(t, "dpkg-deb", "-I", deb),
			"Package: ltth", "Version: "+v, "Architecture: amd64", "Depends: libwebkit2gtk-4.1-0, libgtk-3-0")
		dir := t.TempDir()
		output(t, "dpkg-deb", "-x", deb, dir)
		desktop, _ := os.ReadFile(filepath.Join(dir, "usr/share/applications/ltth.desktop"))
		mustContain(t, "ltth.desktop", string(desktop), "Exec=ltth", "Icon=ltth")
		assertStrippedELF(t, filepath.Join(dir, "usr/bin/ltth"))
		out := output(t, filepath.Join(dir, "usr/bin/ltth"), "--version")
		mustContain(t, "ltth --version", out, "ltth "+v)
	})
	t.Run("tarball", func(t *testing.T) {
		top := "ltth-" + v + "-linux-amd64/"
		mustContain(t, "tarball", output(t, "tar", "-tzvf", tarball), top+"ltth", top+"ltth.desktop", top+"ltth.png", "root/root")
	})
	t.Run("installer", func(t *testing.T) {
		list := output(t, "7z", "l", setup)
		mustContain(t, "installer file list", list, "ltth.exe", "ltth.ico", "uninstall.exe", "NSIS-3 Unicode")
		dir := t.TempDir()
		output(t, "7z", "x", "-o"+dir, setup, "ltth.exe")
		assertExe(t, filepath.Join(dir, "ltth.exe"), v)
	})
	t.Run("portable zip", func(t *testing.T) {
		dir := t.TempDir()
		output(t, "7z", "x", "-o"+dir, zip)
		assertExe(t, filepath.Join(dir, "ltth.exe"), v)
	})
}

// assertExe checks ltth.exe's resources (version, icon, manifest), that it
// is a stripped 64-bit GUI executable.
func assertExe(t *testing.T, exe, v string) {
	t.Helper()
	list := output(t, "7z", "l", exe)
	mustContain(t, "ltth.exe resources", list, ".rsrc/version.txt", ".rsrc/GROUP_ICON/1", ".rsrc/MANIFEST/1",
		"ProductVersion: "+v, "ProductName: LTTH")
	f, err := pe.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok || f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Fatalf("%s is not a 64-bit executable", exe)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("%s subsystem %d, want the GUI subsystem (-H windowsgui)", exe, oh.Subsystem)
	}
	if len(f.Symbols) != 0 {
		t.Errorf("%s has %d symbols: not stripped (-s)", exe, len(f.Symbols))
	}
	for _, s := range f.Sections {
		if strings.Contains(s.Name, "debug") {
			t.Errorf("%s has DWARF section %s: not built with -w", exe, s.Name)
		}
	}
}

func assertStrippedELF(t *testing.T, path string) {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range f.Sections {
		if s.Name == ".symtab" || strings.HasPrefix(s.Name, ".debug") || strings.HasPrefix(s.Name, ".zdebug") {
			t.Errorf("%s has section %s: not stripped (-s -w)", path, s.Name)
		}
	}
}
