package obs

// FollowListener points the overlay sources LTTH added to OBS at the
// listener's current address, at once when OBS is connected (otherwise
// the next connect does it). Call it after the listener moved.
func (m *Module) FollowListener() { m.syncOverlays() }
