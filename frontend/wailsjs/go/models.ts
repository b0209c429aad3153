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

}

