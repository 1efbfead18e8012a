// What the benchmark drivers read from /proc (Linux): shared by compare.mjs
// (a consumer's CPU) and drive-page.mjs (Chromium's processes).
import fs from 'node:fs';

// The pids of every descendant of rootPid (not rootPid itself), from each
// process's parent pid in /proc/PID/stat.
export function descendants(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields count from the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  const out = [];
  const stack = [rootPid];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()) || []) {
      out.push(child);
      stack.push(child);
    }
  }
  return out;
}
