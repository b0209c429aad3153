package server

// routeDocs holds the one-line summary of every route the application
// registers, by pattern. The OpenAPI document (/api/openapi.json) takes its
// summaries from here, and core's documentation test fails for a registered
// route that has none: add a line when you add a route.
var routeDocs = map[string]string{
	// listener
	"/api/":                 "Unknown API paths: a JSON 404",
	"GET /api/health":       "Health: status, version, uptime, connection, bus and journal figures",
	"GET /api/bus":          "Bus subscribers with their queue, delivered and dropped counts",
	"GET /api/openapi.json": "This OpenAPI 3.1 document, generated from the registered routes",
	"POST /api/simulate":    "Publish a simulated event (marked simulated) as if it came from TikTok",
	"GET /ws":               "Websocket feed: state snapshot, then every event and state message as JSON",
	"GET /{$}":              "Redirect to the overlay index",
	"GET /index.html":       "Overlay index: the URLs to add as OBS browser sources",
	"/overlay.html":         "Main overlay page (GET/HEAD only)",
	"/overlay/":             "Embedded overlay pages and assets (GET/HEAD only)",
	"GET /dashboard/":       "The dashboard (built frontend)",

	// profiles (core)
	"GET /api/profiles":                   "List profiles and the active one",
	"POST /api/profiles":                  "Create a profile {name}",
	"POST /api/profiles/import":           "Import a profile export (.zip upload)",
	"POST /api/profiles/{name}/rename":    "Rename a profile {newName}",
	"POST /api/profiles/{name}/duplicate": "Duplicate a profile as {newName}",
	"POST /api/profiles/{name}/activate":  "Switch to a profile",
	"DELETE /api/profiles/{name}":         "Delete a profile (not the active one)",
	"GET /api/profiles/{name}/export":     "Export a profile as a .zip",
	"GET /api/profiles/{name}/review":     "Imported items waiting for review (flows, scripts) of a profile",
	"POST /api/profiles/{name}/review":    "Approve or reject imported items of a profile",
	"GET /api/profiles/{name}/backups":    "Automatic backups of a profile",
	"POST /api/profiles/{name}/restore":   "Restore a profile from one of its backups",
	"GET /api/events/recent":              "Recent events of the active profile's journal",

	// TikTok connection
	"GET /api/connection":                       "Connection status (state, source, target, reason)",
	"GET /api/connection/settings":              "Connection settings (target, sources, keys redacted)",
	"PUT /api/connection/settings":              "Save the connection settings",
	"POST /api/connection/connect":              "Connect to the saved target",
	"POST /api/connection/disconnect":           "Disconnect",
	"POST /api/connection/record":               "Start or stop recording the raw connection to a capture",
	"POST /api/connection/browser-path/confirm": "Confirm the browser executable the browser source may start",
	"POST /api/replay":                          "Replay a capture into the pipeline",
	"POST /api/replay/stop":                     "Stop a running replay",
	"GET /api/captures":                         "List recorded captures",
	"POST /api/captures":                        "Upload a capture file",

	// alerts
	"GET /api/alerts/config":             "Alert settings per event type",
	"PUT /api/alerts/config/{eventType}": "Save the alert settings of one event type",
	"POST /api/alerts/pause":             "Pause or resume on-stream alerts {paused}",
	"POST /api/alerts/{a}/{b}":           "Alert controls: /test/{eventType} shows a test alert; /{screen}/skip and /{screen}/clear",
	"GET /api/alerts/status":             "Alert queue status per screen",

	// goals and leaderboards
	"GET /api/goals":                       "List goals with their progress",
	"POST /api/goals":                      "Create a goal",
	"GET /api/goals/{id}":                  "One goal",
	"PUT /api/goals/{id}":                  "Update a goal",
	"DELETE /api/goals/{id}":               "Delete a goal",
	"POST /api/goals/{id}/adjust":          "Adjust a goal's progress by hand",
	"GET /api/leaderboards/{board}":        "A leaderboard (gifters, likers, …) for a period",
	"POST /api/leaderboards/{board}/reset": "Reset a leaderboard",
	"GET /overlay/goal.html":               "Goal overlay page",
	"GET /overlay/goal.css":                "Goal overlay stylesheet",
	"GET /overlay/goal.js":                 "Goal overlay script",
	"GET /overlay/leaderboard.html":        "Leaderboard overlay page",
	"GET /overlay/leaderboard.css":         "Leaderboard overlay stylesheet",
	"GET /overlay/leaderboard.js":          "Leaderboard overlay script",

	// flows
	"GET /api/flows":                   "List flows",
	"GET /api/flows/export":            "Export flows as JSON",
	"POST /api/flows/import":           "Import flows (they wait for review when they run scripts)",
	"GET /api/flows/{id}":              "One flow",
	"PUT /api/flows/{id}":              "Create or replace a flow",
	"DELETE /api/flows/{id}":           "Delete a flow",
	"GET /api/flows/{id}/runs":         "Recent runs of a flow",
	"POST /api/flows/{id}/{op}":        "Flow operations: run, test (dry run) or enable {enabled}",
	"POST /api/flows/webhook/{hookId}": "Trigger the flows listening on a webhook",
	"GET /api/flow-registry":           "Triggers, conditions and actions the flow editor offers, with their field schemas",
	"GET /api/variables":               "Flow variables",
	"PUT /api/variables":               "Set flow variables",

	// OBS and OSC bridges
	"GET /api/obs/settings":   "OBS connection settings (host, port, enabled; the password masked)",
	"PUT /api/obs/settings":   "Change the OBS connection settings (a masked password keeps the stored one)",
	"GET /api/obs/status":     "OBS connection state with the reason when not connected",
	"GET /api/obs/state":      "OBS scenes with their sources and filters, the current scene, streaming and recording",
	"GET /api/obs/options":    "Live choice lists for flow fields: ?kind=scenes|sources|inputs|filters",
	"GET /api/obs/screenshot": "A small JPEG of OBS's program scene",
	"POST /api/obs/scene":     "Switch OBS to the scene {name}",
	"POST /api/obs/command":   "Run one OBS command (as the flow actions do), queued in order",
	"POST /api/obs/overlays":  "Add to OBS: create or update LTTH's overlay browser sources in the scene {scene}",
	"GET /api/osc/settings":   "OSC settings (enabled, targetHost, targetPort, listenPort, rate limit)",
	"PUT /api/osc/settings":   "Change the OSC settings",
	"GET /api/osc/status":     "OSC bridge state: sending, listening, last error",
	"GET /api/osc/log":        "The last OSC messages sent and received",
	"POST /api/osc/send":      "Send one OSC message {address, args:[{type: i|f|s|T|F, value}]}",

	// plugins
	"GET /api/plugins":                      "Installed plugins with state, settings schema and last error",
	"/api/plugins/":                         "A running plugin's own API: /api/plugins/{id}/… (enable, disable, reload, settings and logs are the host's routes)",
	"GET /api/plugins/{id}/media/{path...}": "A plugin's media for its overlays (generated speech, sound files); no token needed",
	"GET /plugins/{path...}":                "Plugin assets and overlay pages (/plugins/{id}/…)",

	// local API for other tools
	"GET /api/tokens":           "API tokens for external tools (desktop token only; secrets are never listed)",
	"POST /api/tokens":          "Create an API token {name, scope: read|control}; the secret is in this answer only (desktop token only)",
	"DELETE /api/tokens/{id}":   "Revoke an API token; it is refused from then on (desktop token only)",
	"GET /api/compat/tikfinity": "TikFinity-compatible websocket: settings and status (listening, addresses, clients)",
	"PUT /api/compat/tikfinity": "Enable/disable the TikFinity-compatible websocket and set its port {enabled, port}",
}

// RouteSummary is the documented summary of a route pattern, or "".
func RouteSummary(pattern string) string { return routeDocs[pattern] }
