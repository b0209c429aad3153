// Events per second over a sliding window of whole seconds.

export class RateMeter {
  private readonly buckets: number[]
  private readonly stamps: number[]
  private readonly windowSec: number

  constructor(windowSec = 5) {
    this.windowSec = windowSec
    this.buckets = new Array<number>(windowSec + 1).fill(0)
    this.stamps = new Array<number>(windowSec + 1).fill(-1)
  }

  add(n = 1, now = Date.now()): void {
    const sec = Math.floor(now / 1000)
    const i = sec % this.buckets.length
    if (this.stamps[i] !== sec) {
      this.stamps[i] = sec
      this.buckets[i] = 0
    }
    this.buckets[i] = (this.buckets[i] ?? 0) + n
  }

  /** Average rate over the last `windowSec` complete seconds. */
  rate(now = Date.now()): number {
    const sec = Math.floor(now / 1000)
    let sum = 0
    for (let s = sec - this.windowSec; s < sec; s++) {
      const i = s % this.buckets.length
      if (this.stamps[i] === s) sum += this.buckets[i] ?? 0
    }
    return sum / this.windowSec
  }
}
