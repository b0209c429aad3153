export namespace apitoken {
	
	export class CreateRequest {
	    name: string;
	    scope: string;
	
	    static createFrom(source: any = {}) {
	        return new CreateRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.scope = source["scope"];
	    }
	}
	export class Created {
	    id: string;
	    name: string;
	    scope: string;
	    created: number;
	    lastUsed?: number;
	    token: string;
	
	    static createFrom(source: any = {}) {
	        return new Created(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.scope = source["scope"];
	        this.created = source["created"];
	        this.lastUsed = source["lastUsed"];
	        this.token = source["token"];
	    }
	}
	export class Info {
	    id: string;
	    name: string;
	    scope: string;
	    created: number;
	    lastUsed?: number;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.scope = source["scope"];
	        this.created = source["created"];
	        this.lastUsed = source["lastUsed"];
	    }
	}
	export class RevokeRequest {
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new RevokeRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}
	export class Revoked {
	
	
	    static createFrom(source: any = {}) {
	        return new Revoked(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	
	    }
	}

}

export namespace appconfig {
	
	export class Config {
	    theme: string;
	    port: number;
	    allowLan: boolean;
	    startMinimized: boolean;
	    autostart: boolean;
	    logLevel: string;
	    language: string;
	
	    static createFrom(source: any = {}) {
	        return new Config(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.theme = source["theme"];
	        this.port = source["port"];
	        this.allowLan = source["allowLan"];
	        this.startMinimized = source["startMinimized"];
	        this.autostart = source["autostart"];
	        this.logLevel = source["logLevel"];
	        this.language = source["language"];
	    }
	}

}

export namespace connector {
	
	export class Gap {
	    from: number;
	    to?: number;
	    durationMs: number;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Gap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.from = source["from"];
	        this.to = source["to"];
	        this.durationMs = source["durationMs"];
	        this.reason = source["reason"];
	    }
	}
	export class Recording {
	    enabled: boolean;
	    path?: string;
	    records: number;
	
	    static createFrom(source: any = {}) {
	        return new Recording(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.path = source["path"];
	        this.records = source["records"];
	    }
	}
	export class SourceStatus {
	    name: string;
	    state: string;
	    code?: string;
	    reason?: string;
	    until?: number;
	
	    static createFrom(source: any = {}) {
	        return new SourceStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.state = source["state"];
	        this.code = source["code"];
	        this.reason = source["reason"];
	        this.until = source["until"];
	    }
	}
	export class TimelineEntry {
	    ts: number;
	    state: string;
	    source?: string;
	    code?: string;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new TimelineEntry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ts = source["ts"];
	        this.state = source["state"];
	        this.source = source["source"];
	        this.code = source["code"];
	        this.reason = source["reason"];
	    }
	}
	export class Status {
	    state: string;
	    source: string;
	    uniqueId: string;
	    roomId: string;
	    reason: string;
	    code?: string;
	    since: number;
	    sources: SourceStatus[];
	    timeline: TimelineEntry[];
	    gaps: Gap[];
	    recording: Recording;
	    replaying?: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.source = source["source"];
	        this.uniqueId = source["uniqueId"];
	        this.roomId = source["roomId"];
	        this.reason = source["reason"];
	        this.code = source["code"];
	        this.since = source["since"];
	        this.sources = this.convertValues(source["sources"], SourceStatus);
	        this.timeline = this.convertValues(source["timeline"], TimelineEntry);
	        this.gaps = this.convertValues(source["gaps"], Gap);
	        this.recording = this.convertValues(source["recording"], Recording);
	        this.replaying = source["replaying"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace core {
	
	export class ListenStatus {
	    listening: boolean;
	    url: string;
	    port: number;
	    error?: string;
	    holder?: string;
	
	    static createFrom(source: any = {}) {
	        return new ListenStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listening = source["listening"];
	        this.url = source["url"];
	        this.port = source["port"];
	        this.error = source["error"];
	        this.holder = source["holder"];
	    }
	}

}

export namespace crash {
	
	export class Marked {
	
	
	    static createFrom(source: any = {}) {
	        return new Marked(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	
	    }
	}
	export class Report {
	    id: string;
	    path: string;
	    time: number;
	    summary: string;
	    seen: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.path = source["path"];
	        this.time = source["time"];
	        this.summary = source["summary"];
	        this.seen = source["seen"];
	    }
	}
	export class ReportRequest {
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new ReportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}

}

export namespace domain {
	
	export class Event {
	    Type: string;
	    ID: string;
	    TS: number;
	    userId: string;
	    uniqueId: string;
	    nickname: string;
	    avatarUrl: string;
	    isModerator: boolean;
	    isSubscriber: boolean;
	    isFollower: boolean;
	    Source: string;
	    Simulated: boolean;
	    Comment: string;
	    GiftID: number;
	    GiftName: string;
	    DiamondCount: number;
	    RepeatCount: number;
	    Coins: number;
	    Streakable: boolean;
	    GiftPictureURL: string;
	    LikeCount: number;
	    TotalLikeCount: number;
	    SubMonth: number;
	    ViewerCount: number;
	    EmoteID: string;
	    EmoteURL: string;
	    Question: string;
	    RoomID: string;
	    Reason: string;
	
	    static createFrom(source: any = {}) {
	        return new Event(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Type = source["Type"];
	        this.ID = source["ID"];
	        this.TS = source["TS"];
	        this.userId = source["userId"];
	        this.uniqueId = source["uniqueId"];
	        this.nickname = source["nickname"];
	        this.avatarUrl = source["avatarUrl"];
	        this.isModerator = source["isModerator"];
	        this.isSubscriber = source["isSubscriber"];
	        this.isFollower = source["isFollower"];
	        this.Source = source["Source"];
	        this.Simulated = source["Simulated"];
	        this.Comment = source["Comment"];
	        this.GiftID = source["GiftID"];
	        this.GiftName = source["GiftName"];
	        this.DiamondCount = source["DiamondCount"];
	        this.RepeatCount = source["RepeatCount"];
	        this.Coins = source["Coins"];
	        this.Streakable = source["Streakable"];
	        this.GiftPictureURL = source["GiftPictureURL"];
	        this.LikeCount = source["LikeCount"];
	        this.TotalLikeCount = source["TotalLikeCount"];
	        this.SubMonth = source["SubMonth"];
	        this.ViewerCount = source["ViewerCount"];
	        this.EmoteID = source["EmoteID"];
	        this.EmoteURL = source["EmoteURL"];
	        this.Question = source["Question"];
	        this.RoomID = source["RoomID"];
	        this.Reason = source["Reason"];
	    }
	}

}

export namespace leaderboard {
	
	export class ResetRequest {
	    board: string;
	    period: string;
	
	    static createFrom(source: any = {}) {
	        return new ResetRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.board = source["board"];
	        this.period = source["period"];
	    }
	}
	export class ResetResult {
	    board: string;
	    period: string;
	    reset: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ResetResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.board = source["board"];
	        this.period = source["period"];
	        this.reset = source["reset"];
	    }
	}
	export class Row {
	    rank: number;
	    userId: string;
	    uniqueId: string;
	    nickname: string;
	    avatarUrl: string;
	    value: number;
	
	    static createFrom(source: any = {}) {
	        return new Row(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.rank = source["rank"];
	        this.userId = source["userId"];
	        this.uniqueId = source["uniqueId"];
	        this.nickname = source["nickname"];
	        this.avatarUrl = source["avatarUrl"];
	        this.value = source["value"];
	    }
	}
	export class State {
	    board: string;
	    period: string;
	    entries: Row[];
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.board = source["board"];
	        this.period = source["period"];
	        this.entries = this.convertValues(source["entries"], Row);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TopRequest {
	    board: string;
	    period: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new TopRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.board = source["board"];
	        this.period = source["period"];
	        this.limit = source["limit"];
	    }
	}

}

export namespace main {
	
	export class Bootstrap {
	    listenUrl: string;
	    overlayUrl: string;
	    token: string;
	    version: string;
	    headless: boolean;
	    profile: string;
	    dataDir: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new Bootstrap(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listenUrl = source["listenUrl"];
	        this.overlayUrl = source["overlayUrl"];
	        this.token = source["token"];
	        this.version = source["version"];
	        this.headless = source["headless"];
	        this.profile = source["profile"];
	        this.dataDir = source["dataDir"];
	        this.error = source["error"];
	    }
	}
	export class ImportChoice {
	    choice: string;
	    file: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportChoice(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.choice = source["choice"];
	        this.file = source["file"];
	    }
	}
	export class ImportFileRequest {
	    name: string;
	    choice: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportFileRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.choice = source["choice"];
	    }
	}
	export class SavedExport {
	    path: string;
	    file: string;
	
	    static createFrom(source: any = {}) {
	        return new SavedExport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.file = source["file"];
	    }
	}
	export class SelfTestReport {
	    eventId: string;
	    feedSeen: boolean;
	    feedMs: number;
	    feedSource: string;
	    calls: number;
	    method: string;
	    boundMsAvg: number;
	    restMsAvg: number;
	    error: string;
	    transport: string;
	
	    static createFrom(source: any = {}) {
	        return new SelfTestReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.eventId = source["eventId"];
	        this.feedSeen = source["feedSeen"];
	        this.feedMs = source["feedMs"];
	        this.feedSource = source["feedSource"];
	        this.calls = source["calls"];
	        this.method = source["method"];
	        this.boundMsAvg = source["boundMsAvg"];
	        this.restMsAvg = source["restMsAvg"];
	        this.error = source["error"];
	        this.transport = source["transport"];
	    }
	}

}

export namespace service {
	
	export class AppSettingsStatus {
	    listenUrl: string;
	    lanAddresses: string[];
	    logLevel: string;
	    autostartActive: boolean;
	    autostartError?: string;
	    dataDir: string;
	    logsDir: string;
	    headless: boolean;
	    notice?: string;
	
	    static createFrom(source: any = {}) {
	        return new AppSettingsStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.listenUrl = source["listenUrl"];
	        this.lanAddresses = source["lanAddresses"];
	        this.logLevel = source["logLevel"];
	        this.autostartActive = source["autostartActive"];
	        this.autostartError = source["autostartError"];
	        this.dataDir = source["dataDir"];
	        this.logsDir = source["logsDir"];
	        this.headless = source["headless"];
	        this.notice = source["notice"];
	    }
	}
	export class AppSettingsView {
	    settings: appconfig.Config;
	    status: AppSettingsStatus;
	
	    static createFrom(source: any = {}) {
	        return new AppSettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], appconfig.Config);
	        this.status = this.convertValues(source["status"], AppSettingsStatus);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ConnectRequest {
	    target: string;
	
	    static createFrom(source: any = {}) {
	        return new ConnectRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	    }
	}
	export class ExportRequest {
	    name: string;
	    includeSecrets: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.includeSecrets = source["includeSecrets"];
	    }
	}
	export class OK {
	    ok: boolean;
	
	    static createFrom(source: any = {}) {
	        return new OK(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	    }
	}
	export class ProfileRequest {
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new ProfileRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	    }
	}
	export class RecentRequest {
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new RecentRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.limit = source["limit"];
	    }
	}
	export class RenameRequest {
	    name: string;
	    newName: string;
	
	    static createFrom(source: any = {}) {
	        return new RenameRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.newName = source["newName"];
	    }
	}
	export class RestoreRequest {
	    name: string;
	    backup: string;
	
	    static createFrom(source: any = {}) {
	        return new RestoreRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.backup = source["backup"];
	    }
	}
	export class RestoreResult {
	    ok: boolean;
	    restored: string;
	    keptAs: string;
	
	    static createFrom(source: any = {}) {
	        return new RestoreResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.restored = source["restored"];
	        this.keptAs = source["keptAs"];
	    }
	}
	export class ReviewRequest {
	    name: string;
	    accept: number[];
	    reject: number[];
	
	    static createFrom(source: any = {}) {
	        return new ReviewRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.accept = source["accept"];
	        this.reject = source["reject"];
	    }
	}
	export class SwitchRequest {
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new SwitchRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	    }
	}
	export class SwitchResult {
	    active: string;
	
	    static createFrom(source: any = {}) {
	        return new SwitchResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.active = source["active"];
	    }
	}
	export class TokenResult {
	    token: string;
	
	    static createFrom(source: any = {}) {
	        return new TokenResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.token = source["token"];
	    }
	}

}

export namespace store {
	
	export class BackupInfo {
	    name: string;
	    sizeBytes: number;
	    // Go type: time
	    createdAt: any;
	
	    static createFrom(source: any = {}) {
	        return new BackupInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.sizeBytes = source["sizeBytes"];
	        this.createdAt = this.convertValues(source["createdAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ProfileInfo {
	    name: string;
	    active: boolean;
	    sizeBytes: number;
	    // Go type: time
	    modifiedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new ProfileInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.active = source["active"];
	        this.sizeBytes = source["sizeBytes"];
	        this.modifiedAt = this.convertValues(source["modifiedAt"], null);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ReviewItem {
	    id: number;
	    kind: string;
	    key: string;
	    name?: string;
	    value: string;
	    reason: string;
	    webhooks?: string[];
	    headers?: string[];
	
	    static createFrom(source: any = {}) {
	        return new ReviewItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.key = source["key"];
	        this.name = source["name"];
	        this.value = source["value"];
	        this.reason = source["reason"];
	        this.webhooks = source["webhooks"];
	        this.headers = source["headers"];
	    }
	}

}

export namespace tikfinity {
	
	export class Settings {
	    enabled: boolean;
	    port: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.port = source["port"];
	    }
	}
	export class Status {
	    enabled: boolean;
	    port: number;
	    listening: boolean;
	    addrs: string[];
	    clients: number;
	    sent: number;
	    dropped: number;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.port = source["port"];
	        this.listening = source["listening"];
	        this.addrs = source["addrs"];
	        this.clients = source["clients"];
	        this.sent = source["sent"];
	        this.dropped = source["dropped"];
	        this.error = source["error"];
	    }
	}

}

export namespace update {
	
	export class Settings {
	    enabled: boolean;
	    feedUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.feedUrl = source["feedUrl"];
	    }
	}
	export class Status {
	    state: string;
	    current: string;
	    latest?: string;
	    releaseUrl?: string;
	    notes?: string;
	    asset?: string;
	    progress: number;
	    downloaded: number;
	    total: number;
	    error?: string;
	    checkedAt?: number;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.current = source["current"];
	        this.latest = source["latest"];
	        this.releaseUrl = source["releaseUrl"];
	        this.notes = source["notes"];
	        this.asset = source["asset"];
	        this.progress = source["progress"];
	        this.downloaded = source["downloaded"];
	        this.total = source["total"];
	        this.error = source["error"];
	        this.checkedAt = source["checkedAt"];
	        this.enabled = source["enabled"];
	    }
	}

}

