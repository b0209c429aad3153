import type uPlot from 'uplot'

let loading: Promise<typeof uPlot> | undefined

/**
 * uPlot, loaded the first time a chart is drawn rather than when the
 * dashboard starts: every page module is evaluated at start-up, and the
 * desktop window (WebKitGTK) never got to its first bound call with uPlot
 * evaluated eagerly.
 */
export function loadUPlot(): Promise<typeof uPlot> {
  loading ??= import('uplot').then((m) => m.default)
  return loading
}
