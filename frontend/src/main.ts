import { mount } from 'svelte'
import './app.css'
import App from './App.svelte'

// Built-in pages register themselves (src/pages/<id>/index.ts); modules add
// pages the same way, without touching a central list.
import.meta.glob('./pages/*/index.ts', { eager: true })

const target = document.getElementById('app')
if (!target) throw new Error('#app element missing')

const app = mount(App, { target })

export default app
