import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function desk(args: string[]) {
  const child = spawn(process.execPath, ['electron/cli/desk.ts', ...args], { cwd: root });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return { child, stderr: () => stderr };
}

describe('npm run desk -- sandbox', () => {
  it('prints exactly its base URL first, serves Toss, and stops cleanly on SIGTERM', async () => {
    const { child } = desk(['sandbox']);
    const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${firstLine}/v1/payments/orders/order_123456`, {
      headers: { authorization: `Basic ${Buffer.from('test_sk_cli:').toString('base64')}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      code: 'NOT_FOUND_PAYMENT',
      message: '존재하지 않는 결제 정보 입니다.',
    });
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
  });

  it('does the same through the documented `npm run --silent desk -- sandbox`, until Ctrl+C', async () => {
    // Its own process group, as in a terminal, where Ctrl+C reaches npm, the shell and node alike.
    const child = spawn('npm', ['run', '--silent', 'desk', '--', 'sandbox'], { cwd: root, detached: true });
    const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${firstLine}/v1/payments/orders/order_123456`)).status).toBe(401);
    const exited = once(child, 'exit');
    process.kill(-(child.pid ?? 0), 'SIGINT');
    await exited;
    await expect
      .poll(() =>
        fetch(firstLine).then(
          () => 'serving',
          () => 'stopped',
        ),
      )
      .toBe('stopped');
  });

  it('listens on the port it is given', async () => {
    const { child } = desk(['sandbox', '--port', '0']);
    const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
    expect(firstLine).toMatch(/^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    expect(await exited).toEqual([0, null]);
  });

  it.each([
    [['sandbox', '--port', 'abc'], '포트 번호가 올바르지 않습니다: abc'],
    [['sandbox', '--port', '70000'], '포트 번호가 올바르지 않습니다: 70000'],
    [['sandbox', '--verbose'], "Unknown option '--verbose'"],
    [['launch-rockets'], '알 수 없는 명령입니다: launch-rockets'],
    [[], '알 수 없는 명령입니다: (없음)'],
  ])('refuses %j with exit code 2 and a clear message', async (args, message) => {
    const { child, stderr } = desk(args);
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr()).toContain(message);
    expect(stderr()).toContain('usage: desk');
  });
});
