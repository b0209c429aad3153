package main

import (
	"errors"

	"github.com/ltth/ltth/backend/core"
)

// The desktop starts even when its overlay port is busy: the listener is
// left unbound and the dashboard, which cannot use HTTP then, asks these
// bound methods what happened and binds another port through them.

// ListenStatus says whether the overlay/API listener is bound and, when
// not, why and which program holds the port.
func (a *App) ListenStatus() core.ListenStatus {
	if !a.waitReady() {
		return core.ListenStatus{Error: a.notRunning().Error()}
	}
	a.core.NoteBindingCall()
	return a.core.ListenStatus()
}

// SuggestPort is a free port to offer instead of the busy one.
func (a *App) SuggestPort() int {
	if !a.waitReady() {
		return 0
	}
	a.core.NoteBindingCall()
	return a.core.SuggestPort()
}

// ChoosePort binds the listener on port and saves it in the app settings;
// overlays and LTTH's OBS sources move to it.
func (a *App) ChoosePort(port int) (core.ListenStatus, error) {
	if !a.waitReady() {
		return core.ListenStatus{}, a.notRunning()
	}
	a.core.NoteBindingCall()
	return a.core.ChoosePort(port)
}

// RetryListen binds the port asked for again (the other program closed).
func (a *App) RetryListen() (core.ListenStatus, error) {
	if !a.waitReady() {
		return core.ListenStatus{}, a.notRunning()
	}
	a.core.NoteBindingCall()
	return a.core.RetryListen()
}

func (a *App) notRunning() error {
	if a.startErr != nil {
		return a.startErr
	}
	return errors.New("LTTH could not start")
}
