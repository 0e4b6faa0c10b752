/**
 * Runs `examples/chat.mjs --offline` (real `codex app-server`, scripted
 * stand-in model) as a user would: typing on stdin, answering the approval,
 * pressing Ctrl-C (SIGINT) during a stalled answer. Needs `pnpm build`
 * (the example imports the built `@cask/client`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const EXAMPLE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'chat.mjs');

it('chat example: streamed answer, approval, usage, interrupt, quit', { timeout: 90_000 }, async () => {
  const child = spawn(process.execPath, [EXAMPLE, '--offline'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const waiters: Array<{ text: string; count: number; resolve: () => void }> = [];
  const occurrences = (text: string) => out.split(text).length - 1;
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      if (occurrences(w.text) >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  /** Waits until `text` has appeared `count` times in stdout. */
  const waitFor = (text: string, count = 1) =>
    new Promise<void>((resolve, reject) => {
      if (occurrences(text) >= count) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        reject(new Error(`timed out waiting for ${JSON.stringify(text)} ×${count}; stdout:\n${out}\nstderr:\n${err}`));
      }, 30_000);
      waiters.push({
        text,
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      resolve(code);
    }),
  );

  await waitFor('you> ');
  child.stdin.write('hello\n');
  await waitFor('you> ', 2);
  expect(out).toContain('agent> Hello! I am the offline stand-in model.');
  expect(out).toContain('[completed; 15 tokens this turn (last model call 15), thread total 15]');

  child.stdin.write('run the command\n');
  await waitFor('? [y/N] ');
  expect(out).toContain("run `/bin/bash -c 'echo chat-example'`?");
  child.stdin.write('y\n');
  await waitFor('you> ', 3);
  expect(out).toContain('[command completed]');
  expect(out).toContain('The command ran.');
  expect(out).toContain('[completed; 30 tokens this turn (last model call 15), thread total 45]');

  child.stdin.write('think forever\n');
  await waitFor('Thinking about it');
  child.kill('SIGINT');
  await waitFor('you> ', 4);
  expect(out).toContain('[interrupting]');
  // The interrupted turn made no finished model call: its own usage is zero although the server repeats `last`.
  expect(out).toContain('[interrupted; 0 tokens this turn (no model call), thread total 45]');

  child.stdin.write('/quit\n');
  expect(await exited).toBe(0);
});
