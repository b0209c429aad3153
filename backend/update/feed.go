package update

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// ChecksumsAsset is the name of the release asset listing every file's
// SHA-256 (sha256sum format), as `make release` writes it.
const ChecksumsAsset = "SHA256SUMS"

// Release is what the feed says about one published release.
type Release struct {
	Version Version
	Tag     string
	URL     string // the release's web page
	Notes   string
	Assets  map[string]Asset
}

// Asset is one downloadable file of a release.
type Asset struct {
	Name string `json:"name"`
	URL  string `json:"browser_download_url"`
	Size int64  `json:"size"`
}

// ghRelease is the part of GitHub's releases API we read.
type ghRelease struct {
	TagName    string  `json:"tag_name"`
	HTMLURL    string  `json:"html_url"`
	Body       string  `json:"body"`
	Draft      bool    `json:"draft"`
	Prerelease bool    `json:"prerelease"`
	Assets     []Asset `json:"assets"`
}

// ErrMalformedFeed is returned for a feed that is not a release (or a list
// of releases) in GitHub's format.
var ErrMalformedFeed = errors.New("malformed release feed")

const maxFeedBytes = 4 << 20

// fetchLatest reads the feed at url: either one release object (GitHub's
// /releases/latest) or a list (/releases), of which the newest published,
// non-pre-release entry wins.
func fetchLatest(ctx context.Context, client *http.Client, url string) (Release, error) {
	body, err := get(ctx, client, url, maxFeedBytes)
	if err != nil {
		return Release{}, err
	}
	var list []ghRelease
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return Release{}, fmt.Errorf("%w: %v", ErrMalformedFeed, err)
		}
	} else {
		var one ghRelease
		if err := json.Unmarshal(trimmed, &one); err != nil {
			return Release{}, fmt.Errorf("%w: %v", ErrMalformedFeed, err)
		}
		list = []ghRelease{one}
	}
	var best *Release
	for _, g := range list {
		if g.Draft || g.Prerelease {
			continue
		}
		r, err := g.release()
		if err != nil {
			return Release{}, err
		}
		if best == nil || Compare(r.Version, best.Version) > 0 {
			best = &r
		}
	}
	if best == nil {
		return Release{}, fmt.Errorf("%w: no published release in the feed", ErrMalformedFeed)
	}
	return *best, nil
}

func (g ghRelease) release() (Release, error) {
	v, err := ParseVersion(g.TagName)
	if err != nil {
		return Release{}, fmt.Errorf("%w: tag_name: %v", ErrMalformedFeed, err)
	}
	r := Release{Version: v, Tag: g.TagName, URL: g.HTMLURL, Notes: g.Body, Assets: map[string]Asset{}}
	for _, a := range g.Assets {
		if a.Name == "" || a.URL == "" {
			return Release{}, fmt.Errorf("%w: an asset without name or download URL", ErrMalformedFeed)
		}
		r.Assets[a.Name] = a
	}
	return r, nil
}

func get(ctx context.Context, client *http.Client, url string, limit int64) ([]byte, error) {
	resp, err := open(ctx, client, url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s: answer larger than %d bytes", url, limit)
	}
	return b, nil
}

func open(ctx context.Context, client *http.Client, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/vnd.github+json, application/json, */*")
	req.Header.Set("User-Agent", "ltth-update-check")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("%s: HTTP %d", url, resp.StatusCode)
	}
	return resp, nil
}

// parseChecksums reads sha256sum output ("<hex>  <name>" or "<hex> *<name>").
func parseChecksums(b []byte) (map[string]string, error) {
	out := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		sum, name, ok := strings.Cut(line, " ")
		name = strings.TrimPrefix(strings.TrimSpace(name), "*")
		if raw, err := hex.DecodeString(sum); !ok || err != nil || len(raw) != 32 || name == "" {
			return nil, fmt.Errorf("checksums file: bad line %q", line)
		}
		out[name] = strings.ToLower(sum)
	}
	return out, sc.Err()
}
