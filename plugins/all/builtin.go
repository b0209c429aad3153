// The built-in plugins; each registers itself with the plugin host in its
// init. (The package comment is in doc.go.)

package all

import (
	_ "github.com/ltth/ltth/plugins/emoji-rain" // emoji-rain
	_ "github.com/ltth/ltth/plugins/hud"        // hud (stream HUD and chat)
	_ "github.com/ltth/ltth/plugins/multicam"   // multicam (multi-cam switcher)
	_ "github.com/ltth/ltth/plugins/soundboard" // soundboard
	_ "github.com/ltth/ltth/plugins/topboard"   // topboard
	_ "github.com/ltth/ltth/plugins/tts"        // tts (text-to-speech)
	_ "github.com/ltth/ltth/plugins/vdoninja"   // vdoninja
	_ "github.com/ltth/ltth/plugins/vrchat"     // vrchat (VRChat OSC bridge)
)
