// The only layer that talks to the LTTH backend (REST + /ws, bootstrap via
// the Wails binding). Components import from here.
export * from './types'
export * from './bootstrap'
export * from './http'
export * from './client'
export * from './feed'
export * from './connection'
export * from './alerts'
export * from './goals'
export * from './leaderboards'
export * from './flows'
export * from './obs'
export * from './osc'
