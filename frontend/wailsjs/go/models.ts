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

}

export namespace alert {
	
	export class Alert {
	    id: string;
	    screen: string;
	    eventType: string;
	    text: string;
	    html?: string;
	    imageUrl: string;
	    soundUrl: string;
	    videoUrl: string;
	    durationMs: number;
	    animation: string;
	    event?: domain.Event;
	    flowId?: string;
	
	    static createFrom(source: any = {}) {
	        return new Alert(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.screen = source["screen"];
	        this.eventType = source["eventType"];
	        this.text = source["text"];
	        this.html = source["html"];
	        this.imageUrl = source["imageUrl"];
	        this.soundUrl = source["soundUrl"];
	        this.videoUrl = source["videoUrl"];
	        this.durationMs = source["durationMs"];
	        this.animation = source["animation"];
	        this.event = this.convertValues(source["event"], domain.Event);
	        this.flowId = source["flowId"];
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
	export class ClearResult {
	    screen: string;
	    cleared: number;
	
	    static createFrom(source: any = {}) {
	        return new ClearResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.screen = source["screen"];
	        this.cleared = source["cleared"];
	    }
	}
	export class Config {
	    enabled: boolean;
	    text: string;
	    soundUrl: string;
	    imageUrl: string;
	    videoUrl: string;
	    durationMs: number;
	    animation: string;
	    minCoins: number;
	    screen: string;
	    priority: number;
	    comboSteps: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Config(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.text = source["text"];
	        this.soundUrl = source["soundUrl"];
	        this.imageUrl = source["imageUrl"];
	        this.videoUrl = source["videoUrl"];
	        this.durationMs = source["durationMs"];
	        this.animation = source["animation"];
	        this.minCoins = source["minCoins"];
	        this.screen = source["screen"];
	        this.priority = source["priority"];
	        this.comboSteps = source["comboSteps"];
	    }
	}
	export class ConfigPatch {
	    enabled?: boolean;
	    text?: string;
	    soundUrl?: string;
	    imageUrl?: string;
	    videoUrl?: string;
	    durationMs?: number;
	    animation?: string;
	    minCoins?: number;
	    screen?: string;
	    priority?: number;
	    comboSteps?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ConfigPatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.text = source["text"];
	        this.soundUrl = source["soundUrl"];
	        this.imageUrl = source["imageUrl"];
	        this.videoUrl = source["videoUrl"];
	        this.durationMs = source["durationMs"];
	        this.animation = source["animation"];
	        this.minCoins = source["minCoins"];
	        this.screen = source["screen"];
	        this.priority = source["priority"];
	        this.comboSteps = source["comboSteps"];
	    }
	}
	export class PauseRequest {
	    paused?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PauseRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paused = source["paused"];
	    }
	}
	export class Paused {
	    paused: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Paused(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paused = source["paused"];
	    }
	}
	export class PutConfigRequest {
	    eventType: string;
	    patch: ConfigPatch;
	
	    static createFrom(source: any = {}) {
	        return new PutConfigRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.eventType = source["eventType"];
	        this.patch = this.convertValues(source["patch"], ConfigPatch);
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
	export class ScreenStatus {
	    name: string;
	    showing?: Alert;
	    queued: number;
	    coalesced: number;
	
	    static createFrom(source: any = {}) {
	        return new ScreenStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.showing = this.convertValues(source["showing"], Alert);
	        this.queued = source["queued"];
	        this.coalesced = source["coalesced"];
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
	export class QueueStatus {
	    paused: boolean;
	    screens: ScreenStatus[];
	
	    static createFrom(source: any = {}) {
	        return new QueueStatus(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.paused = source["paused"];
	        this.screens = this.convertValues(source["screens"], ScreenStatus);
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
	export class ScreenRequest {
	    screen: string;
	
	    static createFrom(source: any = {}) {
	        return new ScreenRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.screen = source["screen"];
	    }
	}
	
	export class SkipResult {
	    screen: string;
	    skipped: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SkipResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.screen = source["screen"];
	        this.skipped = source["skipped"];
	    }
	}
	export class TestRequest {
	    eventType: string;
	    preview?: ConfigPatch;
	
	    static createFrom(source: any = {}) {
	        return new TestRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.eventType = source["eventType"];
	        this.preview = this.convertValues(source["preview"], ConfigPatch);
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
	export class TestResult {
	    alert: Alert;
	    paused: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TestResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.alert = this.convertValues(source["alert"], Alert);
	        this.paused = source["paused"];
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

export namespace goal {
	
	export class AdjustRequest {
	    id: string;
	    op: string;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new AdjustRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.op = source["op"];
	        this.amount = source["amount"];
	    }
	}
	export class Deleted {
	    id: string;
	    deleted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Deleted(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.deleted = source["deleted"];
	    }
	}
	export class GoalRequest {
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new GoalRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}
	export class Input {
	    id?: string;
	    name?: string;
	    kind?: string;
	    target?: number;
	    startTarget?: number;
	    onReach?: string;
	    increment?: number;
	    style?: string;
	    color?: string;
	    hidden?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Input(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.target = source["target"];
	        this.startTarget = source["startTarget"];
	        this.onReach = source["onReach"];
	        this.increment = source["increment"];
	        this.style = source["style"];
	        this.color = source["color"];
	        this.hidden = source["hidden"];
	    }
	}
	export class PutRequest {
	    id: string;
	    goal: Input;
	
	    static createFrom(source: any = {}) {
	        return new PutRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.goal = this.convertValues(source["goal"], Input);
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
	export class View {
	    id: string;
	    name: string;
	    kind: string;
	    target: number;
	    startTarget: number;
	    onReach: string;
	    increment: number;
	    style: string;
	    color?: string;
	    hidden: boolean;
	    value: number;
	    reached: boolean;
	    overlayUrl: string;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.target = source["target"];
	        this.startTarget = source["startTarget"];
	        this.onReach = source["onReach"];
	        this.increment = source["increment"];
	        this.style = source["style"];
	        this.color = source["color"];
	        this.hidden = source["hidden"];
	        this.value = source["value"];
	        this.reached = source["reached"];
	        this.overlayUrl = source["overlayUrl"];
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

export namespace overlay {
	
	export class Preset {
	    name: string;
	    overlay: string;
	    params: Record<string, string>;
	    css: string;
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Preset(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.overlay = source["overlay"];
	        this.params = source["params"];
	        this.css = source["css"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
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
	export class PresetDeleted {
	    name: string;
	    deleted: boolean;
	
	    static createFrom(source: any = {}) {
	        return new PresetDeleted(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.deleted = source["deleted"];
	    }
	}
	export class PresetRequest {
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new PresetRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	    }
	}
	export class PutPresetRequest {
	    name: string;
	    overlay: string;
	    params: Record<string, string>;
	    css: string;
	
	    static createFrom(source: any = {}) {
	        return new PutPresetRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.overlay = source["overlay"];
	        this.params = source["params"];
	        this.css = source["css"];
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

