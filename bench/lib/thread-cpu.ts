/**
 * CPU time of this process's threads, from /proc (Linux): the main thread apart from all the others
 * (worker threads, and V8's and libuv's helper threads). Wall-clock rates on a shared machine say
 * how busy it was as much as how fast the code is; CPU seconds per item hold up better.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface ThreadCpu {
  /** CPU seconds (user + system) of the main thread. */
  readonly main: number;
  /** CPU seconds of every other live thread of the process. */
  readonly others: number;
}

let ticksPerSecond: number | undefined;

function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** utime + stime of one thread, in clock ticks (fields 14 and 15 of /proc/…/stat). */
function threadTicks(tid: string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Now, or undefined where /proc is not there. Threads that ended since an earlier reading are not counted. */
export function threadCpu(): ThreadCpu | undefined {
  if (!existsSync('/proc/self/task')) return undefined;
  const mainTid = String(process.pid);
  let main = 0;
  let others = 0;
  for (const tid of readdirSync('/proc/self/task')) {
    let ticks: number;
    try {
      ticks = threadTicks(tid);
    } catch {
      continue; // ended while we looked
    }
    if (tid === mainTid) main += ticks;
    else others += ticks;
  }
  const hz = clockTicks();
  return { main: main / hz, others: others / hz };
}

/** `after - before`, or undefined when either is missing. */
export function cpuSince(before: ThreadCpu | undefined, after: ThreadCpu | undefined): ThreadCpu | undefined {
  if (before === undefined || after === undefined) return undefined;
  return { main: after.main - before.main, others: after.others - before.others };
}
