import { describe, expect, it } from 'vitest'
import { bridgeSaveDownload } from './bootstrap'

describe('bridgeSaveDownload', () => {
  it('is null without the desktop binding (browser mode)', async () => {
    expect(await bridgeSaveDownload('/api/flows/export', 'f.json', {})).toBeNull()
  })

  it('passes the export path and suggested name to the binding', async () => {
    const calls: string[][] = []
    const win = { go: { main: { App: { SaveDownload: async (p: string, f: string) => (calls.push([p, f]), '/home/me/f.json') } } } }
    expect(await bridgeSaveDownload('/api/flows/export', 'f.json', win)).toBe('/home/me/f.json')
    expect(calls).toEqual([['/api/flows/export', 'f.json']])
  })

  it("resolves '' when the user cancels the dialog", async () => {
    const win = { go: { main: { App: { SaveDownload: async () => '' } } } }
    expect(await bridgeSaveDownload('/api/profiles/x/export', 'x.db', win)).toBe('')
  })
})
