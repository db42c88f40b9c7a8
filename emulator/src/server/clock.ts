// The emulator's clock: microseconds since the epoch, strictly increasing for commits so every
// commit has its own time and read times never go backwards.

export class Clock {
  private last = 0;

  constructor(private readonly source: () => number = () => Math.floor((performance.timeOrigin + performance.now()) * 1000)) {}

  /** A new commit time, later than every time handed out before. */
  tick(): number {
    this.last = Math.max(this.last + 1, this.source());
    return this.last;
  }

  /** Moves the clock to at least `micros` (after importing data written at later times). */
  advanceTo(micros: number): void {
    this.last = Math.max(this.last, micros);
  }

  /** A read time: now, and never before the last commit. */
  now(): number {
    this.last = Math.max(this.last, this.source());
    return this.last;
  }
}
