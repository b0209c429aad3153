// Package all imports every built-in plugin.
package all
