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

export namespace service {
	
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

