package connector

// KeyManualDisconnect is "1" while the streamer's last word was Disconnect:
// the profile then does not auto-connect on start (restart or profile
// switch) until they press Connect again.
const KeyManualDisconnect = "tiktok.manualDisconnect"

// manuallyDisconnected reports whether the profile's last word was
// Disconnect. A read error counts as "no": auto-connect stays the default.
func manuallyDisconnected(st SettingsStore) bool {
	if st == nil {
		return false
	}
	v, ok, err := st.GetSetting(KeyManualDisconnect)
	return err == nil && ok && v == "1"
}

// setManualDisconnect records the choice; c.mu must be held. A failed write
// is logged: the connection itself still does what was asked.
func (c *Connector) setManualDisconnect(on bool) {
	if c.deps.Settings == nil || c.manualOff == on {
		return
	}
	v := ""
	if on {
		v = "1"
	}
	if err := c.deps.Settings.SetSetting(KeyManualDisconnect, v); err != nil {
		c.deps.Log.Warn().Err(err).Msg("could not remember the manual disconnect")
		return
	}
	c.manualOff = on
}
