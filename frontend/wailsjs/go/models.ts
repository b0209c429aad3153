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
	export class ActionInfo {
	    type: string;
	    name: string;
	    category: string;
	    description?: string;
	    fields: FieldSpec[];
	    dryRunSafe: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ActionInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.name = source["name"];
	        this.category = source["category"];
	        this.description = source["description"];
	        this.fields = this.convertValues(source["fields"], FieldSpec);
	        this.dryRunSafe = source["dryRunSafe"];
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
	export class CondTrace {
	    type: string;
	    alias?: string;
	    result: boolean;
	    reason?: string;
	    skipped?: boolean;
	    children?: CondTrace[];
	
	    static createFrom(source: any = {}) {
	        return new CondTrace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.alias = source["alias"];
	        this.result = source["result"];
	        this.reason = source["reason"];
	        this.skipped = source["skipped"];
	        this.children = this.convertValues(source["children"], CondTrace);
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
	
	export class Info {
	    type: string;
	    name: string;
	    category: string;
	    description?: string;
	    fields: FieldSpec[];
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.name = source["name"];
	        this.category = source["category"];
	        this.description = source["description"];
	        this.fields = this.convertValues(source["fields"], FieldSpec);
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
	
	export class Schema {
	    triggers: Info[];
	    conditions: Info[];
	    actions: ActionInfo[];
	    eventFields: string[];
	
	    static createFrom(source: any = {}) {
	        return new Schema(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.triggers = this.convertValues(source["triggers"], Info);
	        this.conditions = this.convertValues(source["conditions"], Info);
	        this.actions = this.convertValues(source["actions"], ActionInfo);
	        this.eventFields = source["eventFields"];
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
	export class Value {
	    Kind: number;
	    Str: string;
	    Num: number;
	    Bool: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Value(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.Kind = source["Kind"];
	        this.Str = source["Str"];
	        this.Num = source["Num"];
	        this.Bool = source["Bool"];
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

export namespace bus {
	
	export class SubscriberStats {
	    name: string;
	    lossless: boolean;
	    queued: number;
	    capacity: number;
	    delivered: number;
	    dropped: number;
	    overflow: number;
	    waits: number;
	
	    static createFrom(source: any = {}) {
	        return new SubscriberStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.lossless = source["lossless"];
	        this.queued = source["queued"];
	        this.capacity = source["capacity"];
	        this.delivered = source["delivered"];
	        this.dropped = source["dropped"];
	        this.overflow = source["overflow"];
	        this.waits = source["waits"];
	    }
	}

}

export namespace connector {
	
	export class BrowserPathConfirmed {
	    path: string;
	    version: string;
	    state: string;
	
	    static createFrom(source: any = {}) {
	        return new BrowserPathConfirmed(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.version = source["version"];
	        this.state = source["state"];
	    }
	}
	export class CaptureInfo {
	    name: string;
	    size: number;
	    modified: number;
	
	    static createFrom(source: any = {}) {
	        return new CaptureInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.size = source["size"];
	        this.modified = source["modified"];
	    }
	}
	export class ConfirmRequest {
	    path: string;
	
	    static createFrom(source: any = {}) {
	        return new ConfirmRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
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
	export class RecordRequest {
	    enabled?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new RecordRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
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
	export class ReplayRequest {
	    name: string;
	    path: string;
	    speed?: number;
	
	    static createFrom(source: any = {}) {
	        return new ReplayRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.path = source["path"];
	        this.speed = source["speed"];
	    }
	}
	export class ReplayStarted {
	    status: string;
	    name: string;
	    path: string;
	    speed: number;
	
	    static createFrom(source: any = {}) {
	        return new ReplayStarted(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.name = source["name"];
	        this.path = source["path"];
	        this.speed = source["speed"];
	    }
	}
	export class ReplayStopped {
	    stopped: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ReplayStopped(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.stopped = source["stopped"];
	    }
	}
	export class SettingsPatch {
	    target?: string;
	    sources?: string[];
	    apiKey?: string;
	    sessionId?: string;
	    signServerUrl?: string;
	    tikfinityUrl?: string;
	    browserPath?: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsPatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.sources = source["sources"];
	        this.apiKey = source["apiKey"];
	        this.sessionId = source["sessionId"];
	        this.signServerUrl = source["signServerUrl"];
	        this.tikfinityUrl = source["tikfinityUrl"];
	        this.browserPath = source["browserPath"];
	    }
	}
	export class SettingsView {
	    target: string;
	    sources: string[];
	    apiKey: string;
	    sessionId: string;
	    signServerUrl: string;
	    tikfinityUrl: string;
	    browserPath: string;
	    apiKeySet: boolean;
	    sessionIdSet: boolean;
	    browserPathState: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.target = source["target"];
	        this.sources = source["sources"];
	        this.apiKey = source["apiKey"];
	        this.sessionId = source["sessionId"];
	        this.signServerUrl = source["signServerUrl"];
	        this.tikfinityUrl = source["tikfinityUrl"];
	        this.browserPath = source["browserPath"];
	        this.apiKeySet = source["apiKeySet"];
	        this.sessionIdSet = source["sessionIdSet"];
	        this.browserPathState = source["browserPathState"];
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

export namespace flow {
	
	export class ActionTrace {
	    index: number;
	    type: string;
	    alias?: string;
	    status: string;
	    startMs: number;
	    durationMs: number;
	    notes?: string[];
	    error?: string;
	    children?: ActionTrace[];
	
	    static createFrom(source: any = {}) {
	        return new ActionTrace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.type = source["type"];
	        this.alias = source["alias"];
	        this.status = source["status"];
	        this.startMs = source["startMs"];
	        this.durationMs = source["durationMs"];
	        this.notes = source["notes"];
	        this.error = source["error"];
	        this.children = this.convertValues(source["children"], ActionTrace);
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
	export class Deleted {
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new Deleted(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}
	export class Element {
	    type: string;
	    alias?: string;
	    enabled?: boolean;
	    continueOnError?: boolean;
	    config?: number[];
	
	    static createFrom(source: any = {}) {
	        return new Element(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.alias = source["alias"];
	        this.enabled = source["enabled"];
	        this.continueOnError = source["continueOnError"];
	        this.config = source["config"];
	    }
	}
	export class EnableRequest {
	    id: string;
	    enabled?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new EnableRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.enabled = source["enabled"];
	    }
	}
	export class ExportRequest {
	    ids: string[];
	    secrets: boolean;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.secrets = source["secrets"];
	    }
	}
	export class Fired {
	    flowId: string;
	    runId: string;
	    status: string;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new Fired(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flowId = source["flowId"];
	        this.runId = source["runId"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	    }
	}
	export class Flow {
	    id: string;
	    name: string;
	    description?: string;
	    group?: string;
	    enabled: boolean;
	    mode?: string;
	    max?: number;
	    queue?: string;
	    maxRunsPerSecond?: number;
	    triggers: Element[];
	    conditions?: Element[];
	    actions: Element[];
	    ui?: number[];
	    // Go type: time
	    updatedAt: any;
	
	    static createFrom(source: any = {}) {
	        return new Flow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.group = source["group"];
	        this.enabled = source["enabled"];
	        this.mode = source["mode"];
	        this.max = source["max"];
	        this.queue = source["queue"];
	        this.maxRunsPerSecond = source["maxRunsPerSecond"];
	        this.triggers = this.convertValues(source["triggers"], Element);
	        this.conditions = this.convertValues(source["conditions"], Element);
	        this.actions = this.convertValues(source["actions"], Element);
	        this.ui = source["ui"];
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
	export class FlowRef {
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new FlowRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}
	export class ImportRequest {
	    flows: Flow[];
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.flows = this.convertValues(source["flows"], Flow);
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
	export class ImportResult {
	    id: string;
	    name: string;
	    enabled: boolean;
	    error?: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.enabled = source["enabled"];
	        this.error = source["error"];
	    }
	}
	export class RunRequest {
	    id: string;
	    event?: domain.Event;
	    args?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new RunRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.event = this.convertValues(source["event"], domain.Event);
	        this.args = source["args"];
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
	export class Status {
	    valid: boolean;
	    error?: string;
	    active: boolean;
	    running: number;
	    waiting?: number;
	    breakerOpen?: boolean;
	    definition?: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.valid = source["valid"];
	        this.error = source["error"];
	        this.active = source["active"];
	        this.running = source["running"];
	        this.waiting = source["waiting"];
	        this.breakerOpen = source["breakerOpen"];
	        this.definition = source["definition"];
	    }
	}
	export class SampleMessage {
	    type: string;
	    data: number[];
	
	    static createFrom(source: any = {}) {
	        return new SampleMessage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.data = source["data"];
	    }
	}
	export class TestFlowRequest {
	    id: string;
	    event?: domain.Event;
	    // Go type: SampleMessage
	    message?: any;
	    args?: Record<string, string>;
	    flow?: Flow;
	    force?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new TestFlowRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.event = this.convertValues(source["event"], domain.Event);
	        this.message = this.convertValues(source["message"], null);
	        this.args = source["args"];
	        this.flow = this.convertValues(source["flow"], Flow);
	        this.force = source["force"];
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
	export class TriggerTrace {
	    type: string;
	    index: number;
	    alias?: string;
	    key?: string;
	    matched: boolean;
	    reason?: string;
	
	    static createFrom(source: any = {}) {
	        return new TriggerTrace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.index = source["index"];
	        this.alias = source["alias"];
	        this.key = source["key"];
	        this.matched = source["matched"];
	        this.reason = source["reason"];
	    }
	}
	export class Trace {
	    runId: string;
	    flowId: string;
	    flowName: string;
	    parentRunId?: string;
	    dryRun?: boolean;
	    depth?: number;
	    // Go type: time
	    started: any;
	    // Go type: time
	    finished: any;
	    durationMs: number;
	    status: string;
	    reason?: string;
	    trigger: TriggerTrace;
	    event?: domain.Event;
	    args?: Record<string, string>;
	    conditions: action.CondTrace[];
	    actions: ActionTrace[];
	    variables?: Record<string, action.Value>;
	    errors?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Trace(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.runId = source["runId"];
	        this.flowId = source["flowId"];
	        this.flowName = source["flowName"];
	        this.parentRunId = source["parentRunId"];
	        this.dryRun = source["dryRun"];
	        this.depth = source["depth"];
	        this.started = this.convertValues(source["started"], null);
	        this.finished = this.convertValues(source["finished"], null);
	        this.durationMs = source["durationMs"];
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.trigger = this.convertValues(source["trigger"], TriggerTrace);
	        this.event = this.convertValues(source["event"], domain.Event);
	        this.args = source["args"];
	        this.conditions = this.convertValues(source["conditions"], action.CondTrace);
	        this.actions = this.convertValues(source["actions"], ActionTrace);
	        this.variables = this.convertValues(source["variables"], action.Value, true);
	        this.errors = source["errors"];
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
	    description?: string;
	    group?: string;
	    enabled: boolean;
	    mode?: string;
	    max?: number;
	    queue?: string;
	    maxRunsPerSecond?: number;
	    triggers: Element[];
	    conditions?: Element[];
	    actions: Element[];
	    ui?: number[];
	    // Go type: time
	    updatedAt: any;
	    status: Status;
	
	    static createFrom(source: any = {}) {
	        return new View(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.description = source["description"];
	        this.group = source["group"];
	        this.enabled = source["enabled"];
	        this.mode = source["mode"];
	        this.max = source["max"];
	        this.queue = source["queue"];
	        this.maxRunsPerSecond = source["maxRunsPerSecond"];
	        this.triggers = this.convertValues(source["triggers"], Element);
	        this.conditions = this.convertValues(source["conditions"], Element);
	        this.actions = this.convertValues(source["actions"], Element);
	        this.ui = source["ui"];
	        this.updatedAt = this.convertValues(source["updatedAt"], null);
	        this.status = this.convertValues(source["status"], Status);
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

export namespace history {
	
	export class Attended {
	    streamId: number;
	    startedAt: number;
	    coins: number;
	    messages: number;
	    minutes: number;
	
	    static createFrom(source: any = {}) {
	        return new Attended(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.streamId = source["streamId"];
	        this.startedAt = source["startedAt"];
	        this.coins = source["coins"];
	        this.messages = source["messages"];
	        this.minutes = source["minutes"];
	    }
	}
	export class CompareRequest {
	    a: number;
	    b: number;
	
	    static createFrom(source: any = {}) {
	        return new CompareRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = source["a"];
	        this.b = source["b"];
	    }
	}
	export class Figures {
	    coins: number;
	    gifts: number;
	    likes: number;
	    follows: number;
	    shares: number;
	    subscribes: number;
	    chatMessages: number;
	    uniqueChatters: number;
	    uniqueGifters: number;
	    peakViewers: number;
	    avgViewers: number;
	    biggestStreak: number;
	
	    static createFrom(source: any = {}) {
	        return new Figures(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.coins = source["coins"];
	        this.gifts = source["gifts"];
	        this.likes = source["likes"];
	        this.follows = source["follows"];
	        this.shares = source["shares"];
	        this.subscribes = source["subscribes"];
	        this.chatMessages = source["chatMessages"];
	        this.uniqueChatters = source["uniqueChatters"];
	        this.uniqueGifters = source["uniqueGifters"];
	        this.peakViewers = source["peakViewers"];
	        this.avgViewers = source["avgViewers"];
	        this.biggestStreak = source["biggestStreak"];
	    }
	}
	export class Marker {
	    t: number;
	    kind: string;
	    label: string;
	    end?: number;
	
	    static createFrom(source: any = {}) {
	        return new Marker(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.t = source["t"];
	        this.kind = source["kind"];
	        this.label = source["label"];
	        this.end = source["end"];
	    }
	}
	export class Gifter {
	    userId: string;
	    uniqueId: string;
	    nickname: string;
	    coins: number;
	    gifts: number;
	    messages: number;
	
	    static createFrom(source: any = {}) {
	        return new Gifter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.uniqueId = source["uniqueId"];
	        this.nickname = source["nickname"];
	        this.coins = source["coins"];
	        this.gifts = source["gifts"];
	        this.messages = source["messages"];
	    }
	}
	export class Minute {
	    minute: number;
	    ts: number;
	    viewers: number;
	    coins: number;
	    likes: number;
	    chats: number;
	    follows: number;
	
	    static createFrom(source: any = {}) {
	        return new Minute(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.minute = source["minute"];
	        this.ts = source["ts"];
	        this.viewers = source["viewers"];
	        this.coins = source["coins"];
	        this.likes = source["likes"];
	        this.chats = source["chats"];
	        this.follows = source["follows"];
	    }
	}
	export class Detail {
	    id: number;
	    source: string;
	    uniqueId: string;
	    roomId: string;
	    simulated: boolean;
	    startedAt: number;
	    endedAt?: number;
	    lastTs: number;
	    coins: number;
	    gifts: number;
	    likes: number;
	    follows: number;
	    shares: number;
	    subscribes: number;
	    chatMessages: number;
	    uniqueChatters: number;
	    uniqueGifters: number;
	    peakViewers: number;
	    avgViewers: number;
	    biggestStreak: number;
	    series: Minute[];
	    topGifters: Gifter[];
	    topChatters: Gifter[];
	    markers: Marker[];
	
	    static createFrom(source: any = {}) {
	        return new Detail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.uniqueId = source["uniqueId"];
	        this.roomId = source["roomId"];
	        this.simulated = source["simulated"];
	        this.startedAt = source["startedAt"];
	        this.endedAt = source["endedAt"];
	        this.lastTs = source["lastTs"];
	        this.coins = source["coins"];
	        this.gifts = source["gifts"];
	        this.likes = source["likes"];
	        this.follows = source["follows"];
	        this.shares = source["shares"];
	        this.subscribes = source["subscribes"];
	        this.chatMessages = source["chatMessages"];
	        this.uniqueChatters = source["uniqueChatters"];
	        this.uniqueGifters = source["uniqueGifters"];
	        this.peakViewers = source["peakViewers"];
	        this.avgViewers = source["avgViewers"];
	        this.biggestStreak = source["biggestStreak"];
	        this.series = this.convertValues(source["series"], Minute);
	        this.topGifters = this.convertValues(source["topGifters"], Gifter);
	        this.topChatters = this.convertValues(source["topChatters"], Gifter);
	        this.markers = this.convertValues(source["markers"], Marker);
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
	export class Comparison {
	    a: Detail;
	    b: Detail;
	    delta: Figures;
	    durationDelta: number;
	
	    static createFrom(source: any = {}) {
	        return new Comparison(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.a = this.convertValues(source["a"], Detail);
	        this.b = this.convertValues(source["b"], Detail);
	        this.delta = this.convertValues(source["delta"], Figures);
	        this.durationDelta = source["durationDelta"];
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
	
	export class EventRow {
	    seq: number;
	    event: number[];
	
	    static createFrom(source: any = {}) {
	        return new EventRow(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seq = source["seq"];
	        this.event = source["event"];
	    }
	}
	export class EventPage {
	    events: EventRow[];
	    nextCursor?: string;
	
	    static createFrom(source: any = {}) {
	        return new EventPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.events = this.convertValues(source["events"], EventRow);
	        this.nextCursor = source["nextCursor"];
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
	export class EventQuery {
	    type: string;
	    user: string;
	    q: string;
	    gift: string;
	    minCoins: number;
	    maxCoins: number;
	    from: number;
	    to: number;
	    limit: number;
	    cursor: number;
	
	    static createFrom(source: any = {}) {
	        return new EventQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.user = source["user"];
	        this.q = source["q"];
	        this.gift = source["gift"];
	        this.minCoins = source["minCoins"];
	        this.maxCoins = source["maxCoins"];
	        this.from = source["from"];
	        this.to = source["to"];
	        this.limit = source["limit"];
	        this.cursor = source["cursor"];
	    }
	}
	
	export class ExportRequest {
	    id: number;
	    format: string;
	
	    static createFrom(source: any = {}) {
	        return new ExportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.format = source["format"];
	    }
	}
	
	
	
	
	export class Nickname {
	    nickname: string;
	    firstSeen: number;
	
	    static createFrom(source: any = {}) {
	        return new Nickname(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.nickname = source["nickname"];
	        this.firstSeen = source["firstSeen"];
	    }
	}
	export class NotesRequest {
	    userId: string;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new NotesRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.notes = source["notes"];
	    }
	}
	export class PointsRequest {
	    userId: string;
	    amount: number;
	
	    static createFrom(source: any = {}) {
	        return new PointsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.amount = source["amount"];
	    }
	}
	export class Rules {
	    perMinute: number;
	    perCoin: number;
	    perLike: number;
	    perMessage: number;
	    perFollow: number;
	    perShare: number;
	
	    static createFrom(source: any = {}) {
	        return new Rules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.perMinute = source["perMinute"];
	        this.perCoin = source["perCoin"];
	        this.perLike = source["perLike"];
	        this.perMessage = source["perMessage"];
	        this.perFollow = source["perFollow"];
	        this.perShare = source["perShare"];
	    }
	}
	export class Stream {
	    id: number;
	    source: string;
	    uniqueId: string;
	    roomId: string;
	    simulated: boolean;
	    startedAt: number;
	    endedAt?: number;
	    lastTs: number;
	    coins: number;
	    gifts: number;
	    likes: number;
	    follows: number;
	    shares: number;
	    subscribes: number;
	    chatMessages: number;
	    uniqueChatters: number;
	    uniqueGifters: number;
	    peakViewers: number;
	    avgViewers: number;
	    biggestStreak: number;
	
	    static createFrom(source: any = {}) {
	        return new Stream(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.source = source["source"];
	        this.uniqueId = source["uniqueId"];
	        this.roomId = source["roomId"];
	        this.simulated = source["simulated"];
	        this.startedAt = source["startedAt"];
	        this.endedAt = source["endedAt"];
	        this.lastTs = source["lastTs"];
	        this.coins = source["coins"];
	        this.gifts = source["gifts"];
	        this.likes = source["likes"];
	        this.follows = source["follows"];
	        this.shares = source["shares"];
	        this.subscribes = source["subscribes"];
	        this.chatMessages = source["chatMessages"];
	        this.uniqueChatters = source["uniqueChatters"];
	        this.uniqueGifters = source["uniqueGifters"];
	        this.peakViewers = source["peakViewers"];
	        this.avgViewers = source["avgViewers"];
	        this.biggestStreak = source["biggestStreak"];
	    }
	}
	export class StreamRequest {
	    id: number;
	
	    static createFrom(source: any = {}) {
	        return new StreamRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	    }
	}
	export class StreamsRequest {
	    limit: number;
	    simulated: boolean;
	
	    static createFrom(source: any = {}) {
	        return new StreamsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.limit = source["limit"];
	        this.simulated = source["simulated"];
	    }
	}
	export class Viewer {
	    userId: string;
	    uniqueId: string;
	    nickname: string;
	    avatarUrl: string;
	    firstSeen: number;
	    lastSeen: number;
	    streams: number;
	    coins: number;
	    gifts: number;
	    likes: number;
	    messages: number;
	    follows: number;
	    shares: number;
	    minutes: number;
	    roles: string[];
	    points: number;
	    notes: string;
	
	    static createFrom(source: any = {}) {
	        return new Viewer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.uniqueId = source["uniqueId"];
	        this.nickname = source["nickname"];
	        this.avatarUrl = source["avatarUrl"];
	        this.firstSeen = source["firstSeen"];
	        this.lastSeen = source["lastSeen"];
	        this.streams = source["streams"];
	        this.coins = source["coins"];
	        this.gifts = source["gifts"];
	        this.likes = source["likes"];
	        this.messages = source["messages"];
	        this.follows = source["follows"];
	        this.shares = source["shares"];
	        this.minutes = source["minutes"];
	        this.roles = source["roles"];
	        this.points = source["points"];
	        this.notes = source["notes"];
	    }
	}
	export class ViewerDetail {
	    userId: string;
	    uniqueId: string;
	    nickname: string;
	    avatarUrl: string;
	    firstSeen: number;
	    lastSeen: number;
	    streams: number;
	    coins: number;
	    gifts: number;
	    likes: number;
	    messages: number;
	    follows: number;
	    shares: number;
	    minutes: number;
	    roles: string[];
	    points: number;
	    notes: string;
	    nicknames: Nickname[];
	    recentStreams: Attended[];
	
	    static createFrom(source: any = {}) {
	        return new ViewerDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	        this.uniqueId = source["uniqueId"];
	        this.nickname = source["nickname"];
	        this.avatarUrl = source["avatarUrl"];
	        this.firstSeen = source["firstSeen"];
	        this.lastSeen = source["lastSeen"];
	        this.streams = source["streams"];
	        this.coins = source["coins"];
	        this.gifts = source["gifts"];
	        this.likes = source["likes"];
	        this.messages = source["messages"];
	        this.follows = source["follows"];
	        this.shares = source["shares"];
	        this.minutes = source["minutes"];
	        this.roles = source["roles"];
	        this.points = source["points"];
	        this.notes = source["notes"];
	        this.nicknames = this.convertValues(source["nicknames"], Nickname);
	        this.recentStreams = this.convertValues(source["recentStreams"], Attended);
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
	export class ViewerRequest {
	    userId: string;
	
	    static createFrom(source: any = {}) {
	        return new ViewerRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.userId = source["userId"];
	    }
	}
	export class ViewersRequest {
	    q: string;
	    sort: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ViewersRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.q = source["q"];
	        this.sort = source["sort"];
	        this.limit = source["limit"];
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
	    error: string;
	    transport: string;
	    pages: string[];
	
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
	        this.error = source["error"];
	        this.transport = source["transport"];
	        this.pages = source["pages"];
	    }
	}

}

export namespace obs {
	
	export class OverlaySource {
	    name: string;
	    url: string;
	    width: number;
	    height: number;
	    anchor?: string;
	
	    static createFrom(source: any = {}) {
	        return new OverlaySource(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.url = source["url"];
	        this.width = source["width"];
	        this.height = source["height"];
	        this.anchor = source["anchor"];
	    }
	}
	export class BrowserSourcesRequest {
	    scene: string;
	    sources: OverlaySource[];
	
	    static createFrom(source: any = {}) {
	        return new BrowserSourcesRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scene = source["scene"];
	        this.sources = this.convertValues(source["sources"], OverlaySource);
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
	export class Command {
	    op: string;
	    scene?: string;
	    source?: string;
	    filter?: string;
	    text?: string;
	    on?: boolean;
	    number?: number;
	    seconds?: number;
	
	    static createFrom(source: any = {}) {
	        return new Command(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.scene = source["scene"];
	        this.source = source["source"];
	        this.filter = source["filter"];
	        this.text = source["text"];
	        this.on = source["on"];
	        this.number = source["number"];
	        this.seconds = source["seconds"];
	    }
	}
	export class Filter {
	    name: string;
	    kind?: string;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Filter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.enabled = source["enabled"];
	    }
	}
	export class Source {
	    name: string;
	    itemId: number;
	    kind?: string;
	    visible: boolean;
	    filters: Filter[];
	
	    static createFrom(source: any = {}) {
	        return new Source(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.itemId = source["itemId"];
	        this.kind = source["kind"];
	        this.visible = source["visible"];
	        this.filters = this.convertValues(source["filters"], Filter);
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
	export class Scene {
	    name: string;
	    sources: Source[];
	
	    static createFrom(source: any = {}) {
	        return new Scene(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.sources = this.convertValues(source["sources"], Source);
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
	export class State {
	    connected: boolean;
	    reason?: string;
	    currentScene: string;
	    scenes: Scene[];
	    streaming: boolean;
	    recording: boolean;
	    updatedAt: number;
	
	    static createFrom(source: any = {}) {
	        return new State(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.connected = source["connected"];
	        this.reason = source["reason"];
	        this.currentScene = source["currentScene"];
	        this.scenes = this.convertValues(source["scenes"], Scene);
	        this.streaming = source["streaming"];
	        this.recording = source["recording"];
	        this.updatedAt = source["updatedAt"];
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
	export class CommandResult {
	    ok: boolean;
	    state: State;
	
	    static createFrom(source: any = {}) {
	        return new CommandResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.state = this.convertValues(source["state"], State);
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
	export class OptionsRequest {
	    kind: string;
	    scene: string;
	    source: string;
	
	    static createFrom(source: any = {}) {
	        return new OptionsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.scene = source["scene"];
	        this.source = source["source"];
	    }
	}
	
	export class OverlaysRequest {
	    scene: string;
	
	    static createFrom(source: any = {}) {
	        return new OverlaysRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scene = source["scene"];
	    }
	}
	
	export class SceneRequest {
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new SceneRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	    }
	}
	export class Screenshot {
	    contentType: string;
	    data: string;
	
	    static createFrom(source: any = {}) {
	        return new Screenshot(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.contentType = source["contentType"];
	        this.data = source["data"];
	    }
	}
	export class SettingsPatch {
	    host?: string;
	    port?: number;
	    password?: string;
	    enabled?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SettingsPatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.password = source["password"];
	        this.enabled = source["enabled"];
	    }
	}
	export class SettingsView {
	    host: string;
	    port: number;
	    password: string;
	    passwordSet: boolean;
	    enabled: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SettingsView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.host = source["host"];
	        this.port = source["port"];
	        this.password = source["password"];
	        this.passwordSet = source["passwordSet"];
	        this.enabled = source["enabled"];
	    }
	}
	
	export class SourcesResult {
	    scene: string;
	    sources: OverlaySource[];
	
	    static createFrom(source: any = {}) {
	        return new SourcesResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scene = source["scene"];
	        this.sources = this.convertValues(source["sources"], OverlaySource);
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
	
	export class Status {
	    connected: boolean;
	    state: string;
	    reason?: string;
	    code?: string;
	    addr: string;
	    obsVersion?: string;
	    attempts?: number;
	    nextRetry?: number;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.connected = source["connected"];
	        this.state = source["state"];
	        this.reason = source["reason"];
	        this.code = source["code"];
	        this.addr = source["addr"];
	        this.obsVersion = source["obsVersion"];
	        this.attempts = source["attempts"];
	        this.nextRetry = source["nextRetry"];
	    }
	}

}

export namespace osc {
	
	export class Arg {
	    type: string;
	    value?: any;
	
	    static createFrom(source: any = {}) {
	        return new Arg(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.type = source["type"];
	        this.value = source["value"];
	    }
	}
	export class Entry {
	    ts: number;
	    dir: string;
	    address: string;
	    types: string;
	    args: any[];
	
	    static createFrom(source: any = {}) {
	        return new Entry(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ts = source["ts"];
	        this.dir = source["dir"];
	        this.address = source["address"];
	        this.types = source["types"];
	        this.args = source["args"];
	    }
	}
	export class Send {
	    address: string;
	    args: Arg[];
	    pulseMs?: number;
	
	    static createFrom(source: any = {}) {
	        return new Send(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.address = source["address"];
	        this.args = this.convertValues(source["args"], Arg);
	        this.pulseMs = source["pulseMs"];
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
	export class SendResult {
	    ok: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SendResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	    }
	}
	export class Settings {
	    targetHost: string;
	    targetPort: number;
	    listenPort: number;
	    enabled: boolean;
	    rateLimit: number;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.targetHost = source["targetHost"];
	        this.targetPort = source["targetPort"];
	        this.listenPort = source["listenPort"];
	        this.enabled = source["enabled"];
	        this.rateLimit = source["rateLimit"];
	    }
	}
	export class SettingsPatch {
	    targetHost?: string;
	    targetPort?: number;
	    listenPort?: number;
	    enabled?: boolean;
	    rateLimit?: number;
	
	    static createFrom(source: any = {}) {
	        return new SettingsPatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.targetHost = source["targetHost"];
	        this.targetPort = source["targetPort"];
	        this.listenPort = source["listenPort"];
	        this.enabled = source["enabled"];
	        this.rateLimit = source["rateLimit"];
	    }
	}
	export class Status {
	    enabled: boolean;
	    listening: boolean;
	    listenPort: number;
	    target: string;
	    reason?: string;
	    sent: number;
	    received: number;
	    dropped: number;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.enabled = source["enabled"];
	        this.listening = source["listening"];
	        this.listenPort = source["listenPort"];
	        this.target = source["target"];
	        this.reason = source["reason"];
	        this.sent = source["sent"];
	        this.received = source["received"];
	        this.dropped = source["dropped"];
	    }
	}
	export class SettingsResult {
	    settings: Settings;
	    status: Status;
	
	    static createFrom(source: any = {}) {
	        return new SettingsResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], Settings);
	        this.status = this.convertValues(source["status"], Status);
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

export namespace plugin {
	
	export class FieldText {
	    label?: string;
	    help?: string;
	    options?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new FieldText(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.label = source["label"];
	        this.help = source["help"];
	        this.options = source["options"];
	    }
	}
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
	export class Texts {
	    name?: string;
	    description?: string;
	    settings?: Record<string, FieldText>;
	    overlays?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Texts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.description = source["description"];
	        this.settings = this.convertValues(source["settings"], FieldText, true);
	        this.overlays = source["overlays"];
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
	    i18n?: Record<string, Texts>;
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
	        this.i18n = this.convertValues(source["i18n"], Texts, true);
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

export namespace server {
	
	export class HubStats {
	    clients: number;
	    sent: number;
	    dropped: number;
	    frames: number;
	    encoded: number;
	    encodeErrors: number;
	    stalledDisconnects: number;
	    retained: number;
	
	    static createFrom(source: any = {}) {
	        return new HubStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.clients = source["clients"];
	        this.sent = source["sent"];
	        this.dropped = source["dropped"];
	        this.frames = source["frames"];
	        this.encoded = source["encoded"];
	        this.encodeErrors = source["encodeErrors"];
	        this.stalledDisconnects = source["stalledDisconnects"];
	        this.retained = source["retained"];
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
	export class FieldOption {
	    value: string;
	    label: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldOption(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.label = source["label"];
	    }
	}
	export class FieldOptionsRequest {
	    url: string;
	
	    static createFrom(source: any = {}) {
	        return new FieldOptionsRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.url = source["url"];
	    }
	}
	export class HealthReport {
	    status: string;
	    reason?: string;
	    version: string;
	    uptimeMs: number;
	    connection: number[];
	    bus: bus.SubscriberStats[];
	    hub: server.HubStats;
	    windowHttp: number;
	    profile: string;
	    headless: boolean;
	    overlayUrl: string;
	    bindingCalls: number;
	    journal?: store.JournalStats;
	
	    static createFrom(source: any = {}) {
	        return new HealthReport(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.reason = source["reason"];
	        this.version = source["version"];
	        this.uptimeMs = source["uptimeMs"];
	        this.connection = source["connection"];
	        this.bus = this.convertValues(source["bus"], bus.SubscriberStats);
	        this.hub = this.convertValues(source["hub"], server.HubStats);
	        this.windowHttp = source["windowHttp"];
	        this.profile = source["profile"];
	        this.headless = source["headless"];
	        this.overlayUrl = source["overlayUrl"];
	        this.bindingCalls = source["bindingCalls"];
	        this.journal = this.convertValues(source["journal"], store.JournalStats);
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
	export class JournalStats {
	    written: number;
	    batches: number;
	    failedBatches: number;
	    lost: number;
	    dropped: number;
	    shed: number;
	    degraded?: string;
	    queued: number;
	    lastError?: string;
	    // Go type: time
	    lastErrorAt: any;
	
	    static createFrom(source: any = {}) {
	        return new JournalStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.written = source["written"];
	        this.batches = source["batches"];
	        this.failedBatches = source["failedBatches"];
	        this.lost = source["lost"];
	        this.dropped = source["dropped"];
	        this.shed = source["shed"];
	        this.degraded = source["degraded"];
	        this.queued = source["queued"];
	        this.lastError = source["lastError"];
	        this.lastErrorAt = this.convertValues(source["lastErrorAt"], null);
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

