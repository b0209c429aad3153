package soundboard

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"

	"github.com/ltth/ltth/backend/httpapi"
)

// Instant is one MyInstants sound.
type Instant struct {
	Name    string `json:"name"`
	PageURL string `json:"pageUrl"`
	MP3URL  string `json:"mp3Url"`
}

// Errors of MyInstants, in words for the dashboard.
var (
	ErrLayout  = httpapi.NewError(httpapi.ErrUnavailable, "MyInstants changed its page layout: no sound list found on the page")
	ErrBlocked = httpapi.NewError(httpapi.ErrUnavailable, "MyInstants refused the request (Cloudflare challenge); try again later or set another base URL")
)

const userAgent = "LTTH-soundboard/1.0 (+https://github.com/ltth/ltth)"

// MyInstants reads listings (search, trending, category) of a MyInstants
// site at Base (the real site or a mirror).
type MyInstants struct {
	Base   string
	Client *http.Client
}

// NewMyInstants returns a reader for base with a request timeout.
func NewMyInstants(base string, timeout time.Duration) *MyInstants {
	return &MyInstants{Base: strings.TrimRight(base, "/"), Client: &http.Client{Timeout: timeout}}
}

// Search finds sounds by name.
func (m *MyInstants) Search(ctx context.Context, q string, page int) ([]Instant, error) {
	q = strings.TrimSpace(q)
	if q == "" || len(q) > 100 {
		return nil, httpapi.NewError(httpapi.ErrInvalid, "search needs a query of 1 to 100 characters")
	}
	v := url.Values{"name": {q}}
	if page > 1 {
		v.Set("page", fmt.Sprint(page))
	}
	return m.list(ctx, "/en/search/?"+v.Encode())
}

var slugRe = regexp.MustCompile(`^[a-z0-9 &_-]{1,40}$`)

// Trending lists the trending sounds of a region ("us", "de", …).
func (m *MyInstants) Trending(ctx context.Context, region string) ([]Instant, error) {
	region = strings.ToLower(strings.TrimSpace(region))
	if region == "" {
		region = "us"
	}
	if !slugRe.MatchString(region) || strings.ContainsAny(region, " &") {
		return nil, httpapi.NewError(httpapi.ErrInvalid, "bad region")
	}
	return m.list(ctx, "/en/index/"+region+"/")
}

// Category lists one category ("memes", "sound effects", …).
func (m *MyInstants) Category(ctx context.Context, name string) ([]Instant, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if !slugRe.MatchString(name) {
		return nil, httpapi.NewError(httpapi.ErrInvalid, "bad category")
	}
	return m.list(ctx, "/en/categories/"+strings.ReplaceAll(name, " ", "%20")+"/")
}

// Categories are MyInstants' categories.
var Categories = []string{"anime & manga", "games", "memes", "movies", "music", "politics", "pranks",
	"reactions", "sound effects", "sports", "television", "tiktok trends", "viral", "whatsapp audios"}

func (m *MyInstants) list(ctx context.Context, path string) ([]Instant, error) {
	base, err := url.Parse(m.Base + "/")
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") {
		return nil, httpapi.NewError(httpapi.ErrInvalid, "the MyInstants base URL must be http(s)")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, m.Base+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html")
	res, err := m.Client.Do(req)
	if err != nil {
		return nil, httpapi.NewError(httpapi.ErrUnavailable, "MyInstants could not be reached: "+remoteErr(err))
	}
	defer res.Body.Close()
	switch {
	case res.StatusCode == http.StatusNotFound:
		return []Instant{}, nil // past the last page, or nothing there
	case res.StatusCode == http.StatusForbidden || res.Header.Get("cf-mitigated") != "":
		return nil, ErrBlocked
	case res.StatusCode != http.StatusOK:
		return nil, httpapi.NewError(httpapi.ErrUnavailable, "MyInstants answered "+res.Status)
	}
	out, err := ParseListing(io.LimitReader(res.Body, 4<<20), base)
	if err != nil && remoteErr(err) == timedOut {
		return nil, httpapi.NewError(httpapi.ErrUnavailable, "MyInstants could not be reached: "+timedOut)
	}
	return out, err
}

var playRe = regexp.MustCompile(`play\(\s*'([^']+)'`)

// ParseListing reads the sounds of a listing page (search, trending,
// category). A page with the list but no sound is an empty result; a page
// without the list is ErrLayout (or ErrBlocked for a Cloudflare page).
func ParseListing(r io.Reader, base *url.URL) ([]Instant, error) {
	doc, err := goquery.NewDocumentFromReader(r)
	if err != nil {
		return nil, fmt.Errorf("reading the MyInstants page: %w", err)
	}
	title := doc.Find("title").First().Text()
	if strings.Contains(title, "Just a moment") || strings.Contains(title, "Attention Required") {
		return nil, ErrBlocked
	}
	items := doc.Find("#instants_container .instant")
	if items.Length() == 0 {
		if doc.Find("#instants_container").Length() == 1 {
			return []Instant{}, nil
		}
		return nil, ErrLayout
	}
	out := []Instant{}
	items.Each(func(_ int, s *goquery.Selection) {
		if in, ok := parseInstant(s, base); ok {
			out = append(out, in)
		}
	})
	if len(out) == 0 {
		return nil, ErrLayout
	}
	return out, nil
}

func parseInstant(s *goquery.Selection, base *url.URL) (Instant, bool) {
	var mp3 string
	s.Find("button, div.small-button, [data-url]").EachWithBreak(func(_ int, b *goquery.Selection) bool {
		for _, attr := range []string{"data-url", "onclick", "onmousedown"} {
			v, _ := b.Attr(attr)
			if attr != "data-url" {
				if m := playRe.FindStringSubmatch(v); m != nil {
					v = m[1]
				} else {
					v = ""
				}
			}
			if v != "" && strings.Contains(v, "/media/") {
				mp3 = v
				return false
			}
		}
		return true
	})
	link := s.Find("a.instant-link, a[href*='/instant/']").First()
	name := strings.TrimSpace(link.Text())
	if name == "" {
		name, _ = s.Find("button[title]").First().Attr("title")
	}
	href, _ := link.Attr("href")
	mp3, page := resolve(base, mp3), resolve(base, href)
	if mp3 == "" || strings.TrimSpace(name) == "" {
		return Instant{}, false
	}
	return Instant{Name: strings.TrimSpace(name), PageURL: page, MP3URL: mp3}, true
}

// resolve makes ref absolute against base; only http(s) results count.
func resolve(base *url.URL, ref string) string {
	if ref == "" {
		return ""
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}
