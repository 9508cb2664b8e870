/**
 * The memory of the whole Chromium the bench launched (issue #13: "the app's own memory = browser
 * total minus an idle browser"): the sum over the browser's process tree (browser, renderers,
 * GPU/utility processes and the zygotes) read from /proc. Each process counts its PSS
 * (/proc/<pid>/smaps_rollup: shared pages split between the processes sharing them, so the
 * Chromium binary and shared memory count once) when every process's file is readable, else RSS
 * (/proc/<pid>/status VmRSS, which counts shared pages in each process). Linux only.
 *
 * Differences between readings (app = peak - idle) use the memory without file-backed pages
 * (PSS of anonymous memory + shared memory + swapped out: `owned`): a file page's PSS falls
 * when any other process maps the same file, so another Chromium starting on the machine (other
 * test runs share it) lowers our total PSS by ~100 MB without our browser changing. The
 * anonymous and shared-memory pages are shared within our tree only (zygote forks, the
 * browser's shared buffers), so that sum moves with what our browser holds.
 *
 * The tree is found from this Node process: playwright-core spawns Chromium as our child
 * (Debian's /usr/bin/chromium script execs the binary, keeping the pid).
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMemory {
  /** Bytes over the tree (PSS, or RSS: `kind`). */
  readonly bytes: number;
  /** Of those, not file-backed: anonymous + shared memory (+ swapped out), the basis of differences. */
  readonly owned: number;
  readonly processes: number;
  /** `owned` per process role (browser, renderer, gpu-process, utility: network/storage/..., zygote). */
  readonly byRole: Readonly<Record<string, number>>;
  /** 'pss' when every process's smaps_rollup was readable, else 'rss'. */
  readonly kind: 'pss' | 'rss';
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

function argvOf(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
}
const commandOf = (pid: number): string => argvOf(pid)[0] ?? '';

/** Chromium's name for a process: its --type (utility processes with their sub-type), or browser. */
function roleOf(pid: number): string {
  // Chromium rewrites its children's command line into one space-separated string (setproctitle).
  const line = argvOf(pid).join(' ');
  const arg = (name: string): string | undefined => new RegExp(`--${name}=(\\S+)`).exec(line)?.[1];
  const type = arg('type');
  if (!type) return 'browser';
  const sub = arg('utility-sub-type');
  return type === 'utility' && sub ? `utility ${sub.split('.').slice(-1)[0]}` : type;
}

/** The pids of the Chromium tree under this process (the browser and all its descendants). */
export function chromiumTree(): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    const ppid = parentOf(pid);
    if (ppid === undefined) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  const roots = (children.get(process.pid) ?? []).filter((pid) => /chrom/i.test(commandOf(pid)));
  const out: number[] = [];
  const stack = [...roots];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** `Key:   123 kB` from a /proc status-like file, in bytes; undefined when absent. */
function field(text: string, key: string): number | undefined {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : undefined;
}

/** One reading of the tree's memory. */
export function treeMemory(): TreeMemory {
  const pids = chromiumTree();
  let pss = 0;
  let pssOwned = 0;
  let rss = 0;
  let rssOwned = 0;
  let allPss = pids.length > 0;
  let processes = 0;
  const pssRoles: Record<string, number> = {};
  const rssRoles: Record<string, number> = {};
  for (const pid of pids) {
    let status: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    processes++;
    rss += field(status, 'VmRSS') ?? 0;
    const role = roleOf(pid);
    const rssOwn = (field(status, 'RssAnon') ?? 0) + (field(status, 'RssShmem') ?? 0) + (field(status, 'VmSwap') ?? 0);
    rssOwned += rssOwn;
    rssRoles[role] = (rssRoles[role] ?? 0) + rssOwn;
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const p = field(rollup, 'Pss');
      const anon = field(rollup, 'Pss_Anon');
      if (p === undefined || anon === undefined) allPss = false;
      else {
        pss += p;
        const own = anon + (field(rollup, 'Pss_Shmem') ?? 0) + (field(rollup, 'SwapPss') ?? 0);
        pssOwned += own;
        pssRoles[role] = (pssRoles[role] ?? 0) + own;
      }
    } catch {
      allPss = false;
    }
  }
  return allPss ? { bytes: pss, owned: pssOwned, processes, byRole: pssRoles, kind: 'pss' } : { bytes: rss, owned: rssOwned, processes, byRole: rssRoles, kind: 'rss' };
}

/** Polls `treeMemory` and keeps the reading with the most `owned` memory (each reading of ~10 processes takes a few ms). */
export class TreeMemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private peak: TreeMemory = { bytes: 0, owned: 0, processes: 0, byRole: {}, kind: 'pss' };

  constructor(private readonly intervalMs = 200) {}

  begin(): void {
    this.end();
    this.peak = treeMemory();
    this.timer = setInterval(() => {
      const m = treeMemory();
      if (m.owned > this.peak.owned) this.peak = m;
    }, this.intervalMs);
  }

  /** Stops polling; the peak since `begin`, one last reading included. */
  end(): TreeMemory {
    if (this.timer === undefined) return this.peak;
    clearInterval(this.timer);
    this.timer = undefined;
    const m = treeMemory();
    if (m.owned > this.peak.owned) this.peak = m;
    return this.peak;
  }
}

/** The median of `n` readings `gapMs` apart (an idle browser still settles for a while). */
export async function settledTreeMemory(n = 5, gapMs = 300): Promise<TreeMemory> {
  const readings: TreeMemory[] = [];
  for (let i = 0; i < n; i++) {
    await new Promise((ok) => setTimeout(ok, gapMs));
    readings.push(treeMemory());
  }
  readings.sort((a, b) => a.owned - b.owned);
  return readings[Math.floor(n / 2)];
}
