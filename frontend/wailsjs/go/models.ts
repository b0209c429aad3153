export namespace action {
	
	export class Option {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new Option(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class FieldSpec {
	    name: string;
	    label: string;
	    kind: string;
	    options?: Option[];
	    default?: any;
	    required?: boolean;
	    help?: string;
	    optionsUrl?: string;
	    open?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new FieldSpec(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.label = source["label"];
	        this.kind = source["kind"];
	        this.options = this.convertValues(source["options"], Option);
	        this.default = source["default"];
	        this.required = source["required"];
	        this.help = source["help"];
	        this.optionsUrl = source["optionsUrl"];
	        this.open = source["open"];
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

export namespace external {
	
	export class ProcStatus {
	    state: string;
	    pid?: number;
	    restarts: number;
	    lastExit?: string;
	    lastExitAt?: number;
	    nextStartAt?: number;
	    startedAt?: number;
	    connected: boolean;
	    dropped: number;
	    subscribed: string[];
	    blocks: string[];
	
	    static createFrom(source: any = {}) {
	        return new ProcStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.state = source["state"];
	        this.pid = source["pid"];
	        this.restarts = source["restarts"];
	        this.lastExit = source["lastExit"];
	        this.lastExitAt = source["lastExitAt"];
	        this.nextStartAt = source["nextStartAt"];
	        this.startedAt = source["startedAt"];
	        this.connected = source["connected"];
	        this.dropped = source["dropped"];
	        this.subscribed = source["subscribed"];
	        this.blocks = source["blocks"];
	    }
	}
	export class Info {
	    id: string;
	    dir: string;
	    command: string;
	    args: string[];
	    permissions: string[];
	    process: ProcStatus;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.dir = source["dir"];
	        this.command = source["command"];
	        this.args = source["args"];
	        this.permissions = source["permissions"];
	        this.process = this.convertValues(source["process"], ProcStatus);
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
	export class Problem {
	    dir: string;
	    error: string;
	
	    static createFrom(source: any = {}) {
	        return new Problem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.dir = source["dir"];
	        this.error = source["error"];
	    }
	}
	export class List {
	    plugins: Info[];
	    problems: Problem[];
	
	    static createFrom(source: any = {}) {
	        return new List(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.plugins = this.convertValues(source["plugins"], Info);
	        this.problems = this.convertValues(source["problems"], Problem);
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

export namespace plugin {
	
	export class IDRequest {
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new IDRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}
	export class Overlay {
	    path: string;
	    name: string;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new Overlay(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class Info {
	    id: string;
	    name: string;
	    version: string;
	    description: string;
	    author: string;
	    permissions: string[];
	    enabled: boolean;
	    state: string;
	    error?: string;
	    overlays: Overlay[];
	    settings: action.FieldSpec[];
	    page?: string;
	    routes: string[];
	    assets: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.version = source["version"];
	        this.description = source["description"];
	        this.author = source["author"];
	        this.permissions = source["permissions"];
	        this.enabled = source["enabled"];
	        this.state = source["state"];
	        this.error = source["error"];
	        this.overlays = this.convertValues(source["overlays"], Overlay);
	        this.settings = this.convertValues(source["settings"], action.FieldSpec);
	        this.page = source["page"];
	        this.routes = source["routes"];
	        this.assets = source["assets"];
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
	export class LogLine {
	    ts: number;
	    level: string;
	    message: string;
	
	    static createFrom(source: any = {}) {
	        return new LogLine(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ts = source["ts"];
	        this.level = source["level"];
	        this.message = source["message"];
	    }
	}
	
	export class PutSettingsRequest {
	    id: string;
	    settings: number[];
	
	    static createFrom(source: any = {}) {
	        return new PutSettingsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.settings = source["settings"];
	    }
	}

}

export namespace service {
	
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

}

export namespace store {
	
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

}

