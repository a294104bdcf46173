import "server-only";

/**
 * At most `slots` pieces of work run at once and at most `queue` more wait, first come
 * first served; anything beyond is refused at once with `refusal()`, so a flood costs
 * neither memory nor a growing wait for everyone behind it.
 */
export class WorkGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly slots: number,
    readonly queue: number,
    private readonly refusal: () => Error,
  ) {}

  /** True when the next `run` would be refused. */
  get full(): boolean {
    return this.running >= this.slots && this.waiting.length >= this.queue;
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.slots) this.running += 1;
    else if (this.waiting.length < this.queue) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw this.refusal();
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
