package server

import (
	"net/http"
	"regexp"
	"sort"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
)

// OpenAPIVersion is the version of the REST API described by
// /api/openapi.json; /api/v1/… reaches the same routes as /api/….
const OpenAPIVersion = "1"

var pathParam = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?:\.\.\.)?\}`)

// Operation is one documented method of a path.
type openAPIOp struct {
	Summary     string           `json:"summary"`
	OperationID string           `json:"operationId"`
	Tags        []string         `json:"tags,omitempty"`
	Parameters  []map[string]any `json:"parameters,omitempty"`
	RequestBody map[string]any   `json:"requestBody,omitempty"`
	Responses   map[string]any   `json:"responses"`
	Security    []map[string]any `json:"security"`
	MaxBody     int64            `json:"x-ltth-max-body,omitempty"`
}

// OpenAPI builds the OpenAPI 3.1 document from the routes registered right
// now, so it lists every route (module and plugin routes included) with its
// access rule; summaries come from routeDocs. A route without a summary
// there is listed with an empty one (the documentation test catches it).
func (s *Server) OpenAPI() map[string]any {
	paths := map[string]map[string]any{}
	for _, r := range s.Routes() {
		method, path, ok := strings.Cut(r.Pattern, " ")
		if !ok {
			method, path = "", r.Pattern
		}
		oaPath := pathParam.ReplaceAllString(strings.TrimSuffix(path, "{$}"), "{$1}")
		item := paths[oaPath]
		if item == nil {
			item = map[string]any{}
			paths[oaPath] = item
		}
		methods := []string{method}
		if method == "" {
			methods = []string{"GET", "POST", "PUT", "DELETE"}
		}
		for _, m := range methods {
			item[strings.ToLower(m)] = operation(r, m, path)
		}
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":   "LTTH local API",
			"version": OpenAPIVersion,
			"description": "LTTH's local REST API. Every /api/ path is also served under /api/v" + OpenAPIVersion +
				"/ (for example /api/v1/health). Routes marked with bearerAuth need 'Authorization: Bearer <token>' " +
				"(the desktop token, or an API token from the API page). A path ending in '/' matches everything below it.",
		},
		"servers": []map[string]any{{"url": "/"}},
		"paths":   paths,
		"components": map[string]any{
			"securitySchemes": map[string]any{"bearerAuth": map[string]any{"type": "http", "scheme": "bearer"}},
			"schemas": map[string]any{"Error": map[string]any{"type": "object", "required": []string{"error"},
				"properties": map[string]any{"error": map[string]any{"type": "string"}}}},
		},
	}
}

func operation(r RouteInfo, method, path string) openAPIOp {
	op := openAPIOp{
		Summary:     r.summary(),
		OperationID: operationID(method, path),
		Responses: map[string]any{
			"200": map[string]any{"description": "success"},
			"default": map[string]any{"description": "error",
				"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}},
		},
		Security: []map[string]any{},
		MaxBody:  r.MaxBody,
	}
	if seg := strings.Split(strings.TrimPrefix(path, "/api/"), "/"); strings.HasPrefix(path, "/api/") && seg[0] != "" {
		op.Tags = []string{seg[0]}
	}
	if !r.Public {
		op.Security = []map[string]any{{"bearerAuth": []string{}}}
	}
	for _, m := range pathParam.FindAllStringSubmatch(path, -1) {
		op.Parameters = append(op.Parameters, map[string]any{"name": m[1], "in": "path", "required": true,
			"schema": map[string]any{"type": "string"}})
	}
	if method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch {
		op.RequestBody = map[string]any{"required": false,
			"content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"type": "object"}}}}
	}
	return op
}

var nonWord = regexp.MustCompile(`[^A-Za-z0-9]+`)

func operationID(method, path string) string {
	id := strings.ToLower(method)
	if id == "" {
		id = "any"
	}
	return id + strings.Trim(nonWord.ReplaceAllString(path, "_"), "_")
}

// summary is the route's own summary, else the listener's table's.
func (r RouteInfo) summary() string {
	if r.Summary != "" {
		return r.Summary
	}
	return RouteSummary(r.Pattern)
}

// UndocumentedRoutes lists the registered routes routeDocs has no summary
// for (the documentation test fails on any).
func (s *Server) UndocumentedRoutes() []string {
	var out []string
	for _, r := range s.Routes() {
		if r.summary() == "" {
			out = append(out, r.Pattern)
		}
	}
	sort.Strings(out)
	return out
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, _ *http.Request) {
	httpapi.WriteJSON(w, http.StatusOK, s.OpenAPI())
}
