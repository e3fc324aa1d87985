import { describe, expect, it } from 'vitest';
import { createLogger, type LogLevel } from '../../electron/core/log/index.ts';
import { TossError } from '../../electron/core/toss/index.ts';

const AT = '2026-03-01T09:00:00.000Z';
const SECRET_KEY = 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R';
const LIVE_KEY = 'live_sk_docs_Ovk5rk1EwkEbP0W43n07xlzm';
const ENCODED = Buffer.from(`${SECRET_KEY}:`, 'utf8').toString('base64');
const ENCODED_LIVE = Buffer.from(`${LIVE_KEY}:`, 'utf8').toString('base64');

function setup(level: LogLevel = 'debug') {
  const lines: string[] = [];
  const log = createLogger({ sink: (line) => lines.push(line), now: () => new Date(AT), level });
  return { log, lines };
}

/** The single line one call produced. */
function lineOf(write: (log: ReturnType<typeof setup>['log']) => void): string {
  const { log, lines } = setup();
  write(log);
  expect(lines).toHaveLength(1);
  return lines[0] ?? '';
}

describe('structured lines', () => {
  it('writes one JSON object per line: at, level, msg, then the fields', () => {
    const { log, lines } = setup();
    log.info('charge approved', { orderId: 'ord_20260301_0001', amount: 55000, retried: false });
    log.warn('줄바꿈\n포함', { note: null, skipped: undefined });
    expect(lines).toEqual([
      `{"at":"${AT}","level":"info","msg":"charge approved","orderId":"ord_20260301_0001","amount":55000,"retried":false}`,
      `{"at":"${AT}","level":"warn","msg":"줄바꿈\\n포함","note":null}`,
    ]);
  });

  it('drops lines below its level', () => {
    const { log, lines } = setup('warn');
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(lines).toEqual([
      `{"at":"${AT}","level":"warn","msg":"w"}`,
      `{"at":"${AT}","level":"error","msg":"e"}`,
    ]);
  });

  it('refuses an unknown level', () => {
    expect(() =>
      createLogger({ sink: () => {}, now: () => new Date(AT), level: 'verbose' as LogLevel }),
    ).toThrow('Unknown log level: verbose');
  });

  it('child loggers carry their bound fields; fields of a call win, and the logger keeps at, level and msg', () => {
    const { log, lines } = setup();
    const billing = log.child({ component: 'billing', store: 'gangnam' });
    const run = billing.child({ runId: 'r-7' });
    run.info('period charged', { store: 'override', periodId: 12 });
    billing.info('idle');
    log.info('plain', { at: 'x', level: 'y', msg: 'z' });
    expect(lines).toEqual([
      `{"at":"${AT}","level":"info","msg":"period charged","component":"billing","store":"override","runId":"r-7","periodId":12}`,
      `{"at":"${AT}","level":"info","msg":"idle","component":"billing","store":"gangnam"}`,
      `{"at":"${AT}","level":"info","msg":"plain","_at":"x","_level":"y","_msg":"z"}`,
    ]);
  });
});

describe('card numbers', () => {
  it('are redacted in the message, in fields, in arrays, in keys and when kept as numbers', () => {
    const line = lineOf((log) =>
      log.error('card 4330-1234-1234-1234 declined', {
        input: { raw: '9410 0012 3456 7890', pasted: ['３７８２ ８２２４６３ １０００５', 'ok 1234'] },
        asNumber: 4330123412341234,
        '4111111111111111': 'by key',
        amount: 1_000_000,
        phone: '010-1234-5678',
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"error","msg":"card ****-****-****-**** declined",` +
        '"input":{"raw":"**** **** **** ****","pasted":["**** ****** *****","ok 1234"]},' +
        '"asNumber":"****************","****************":"by key","amount":1000000,"phone":"010-1234-5678"}',
    );
  });

  it("spare Toss's trace id, even one holding 13+ digits in a row, but only as traceId and in its shape", () => {
    // About 2% of random trace ids look like this; masking them lost the id support asks for.
    const trace = '3f0a1234567890123456b7c8d9e0f1a2';
    const replay = `0f1e2d3c4b5a69788796a5b4c3d2e1f0, ${trace}`;
    const line = lineOf((log) =>
      log.info('charge outcome', {
        traceId: trace,
        nested: { traceId: replay },
        other: trace,
        notATrace: { traceId: '4330123412341234' },
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"charge outcome","traceId":"${trace}",` +
        `"nested":{"traceId":"${replay}"},"other":"3f0a****************b7c8d9e0f1a2",` +
        '"notATrace":{"traceId":"****************"}}',
    );
  });
});

describe('Toss keys and authorization values', () => {
  it('redacts secret, client and widget keys anywhere in text, keeping only their kind', () => {
    const line = lineOf((log) =>
      log.warn(`key ${SECRET_KEY} rejected`, {
        live: LIVE_KEY,
        glued: `config.key=foo_${SECRET_KEY},next`,
        others: ['test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq', 'live_gck_docs_Ovk5rk1E', 'test_gsk_docs_OaPz8L5K'],
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"warn","msg":"key test_sk_[REDACTED] rejected","live":"live_sk_[REDACTED]",` +
        '"glued":"config.key=foo_test_sk_[REDACTED],next",' +
        '"others":["test_ck_[REDACTED]","live_gck_[REDACTED]","test_gsk_[REDACTED]"]}',
    );
  });

  it('redacts Basic credentials, and the base64 of `key:` on its own, padded or not', () => {
    const line = lineOf((log) =>
      log.info(`sent Authorization: Basic ${ENCODED}`, {
        header: `basic ${Buffer.from('someone:else').toString('base64')}`,
        encoded: ENCODED,
        unpadded: `token ${ENCODED_LIVE.replace(/=+$/, '')} end`,
        json: `{"h":"Basic ${ENCODED_LIVE}"}`,
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"sent Authorization: Basic [REDACTED]",` +
        '"header":"basic [REDACTED]","encoded":"[REDACTED]","unpadded":"token [REDACTED] end",' +
        '"json":"{\\"h\\":\\"Basic [REDACTED]\\"}"}',
    );
    expect(line).not.toContain(ENCODED.slice(0, 12));
    expect(line).not.toContain(ENCODED_LIVE.slice(0, 12));
  });
});

describe('sensitive field names', () => {
  it('replace the value whatever it is, in any case or spelling, at any depth', () => {
    const line = lineOf((log) =>
      log.info('issue billing key', {
        request: {
          cardNumber: '4330123412341234',
          cardExpirationYear: '29',
          CARD_EXPIRATION_MONTH: 12,
          customerIdentityNumber: '900101',
          cardPassword: '12',
          customerKey: { nested: 'object' },
          'billing-key': null,
          plain: 'kept',
        },
        headers: [{ Authorization: 'anything at all', 'x-idempotency': 'idem-1' }],
        secretKey: 42,
        tossSecretKey: 'x',
        password: 'x',
        authKey: 'x',
        dataKey: Buffer.alloc(32, 1),
        cardnumberx: 'not a card field, so only its text is checked',
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"issue billing key",` +
        '"request":{"cardNumber":"[REDACTED]","cardExpirationYear":"[REDACTED]","CARD_EXPIRATION_MONTH":"[REDACTED]",' +
        '"customerIdentityNumber":"[REDACTED]","cardPassword":"[REDACTED]","customerKey":"[REDACTED]",' +
        '"billing-key":"[REDACTED]","plain":"kept"},' +
        '"headers":[{"Authorization":"[REDACTED]","x-idempotency":"idem-1"}],' +
        '"secretKey":"[REDACTED]","tossSecretKey":"[REDACTED]","password":"[REDACTED]","authKey":"[REDACTED]",' +
        '"dataKey":"[REDACTED]","cardnumberx":"not a card field, so only its text is checked"}',
    );
  });

  it('include the card form and approval fields: pin, identity, password, expiryMonth, expiryYear', () => {
    const line = lineOf((log) =>
      log.warn('charge refused', {
        approval: { operatorId: 3, pin: '864213' },
        card: { cardNumber: '4330123412341234', expiryMonth: '12', expiry_year: '30', identity: '900101' },
        Password: 'x',
        PIN: 1234,
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"warn","msg":"charge refused","approval":{"operatorId":3,"pin":"[REDACTED]"},` +
        '"card":{"cardNumber":"[REDACTED]","expiryMonth":"[REDACTED]","expiry_year":"[REDACTED]","identity":"[REDACTED]"},' +
        '"Password":"[REDACTED]","PIN":"[REDACTED]"}',
    );
  });

  it('redact billing-key-shaped values under any name and inside text, URL-encoded or not', () => {
    // The shape toss-api.md gives (44-character URL-safe base64 ending in '='), as the emulator issues them.
    const billingKey = 'Z_t5vOvQxrj4499PeiJcjen28-V2RyqgYTwN44Rdzk0=';
    const line = lineOf((log) =>
      log.info(`POST /v1/billing/${encodeURIComponent(billingKey)} failed`, {
        key: billingKey,
        note: `retry ${billingKey}, later`,
        url: `https://api.tosspayments.com/v1/billing/${billingKey}`,
        orderId: 'ord_20260301_0001',
        hash: 'a'.repeat(64),
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"POST /v1/billing/[REDACTED] failed","key":"[REDACTED]",` +
        '"note":"retry [REDACTED], later","url":"https://api.tosspayments.com/v1/billing/[REDACTED]",' +
        `"orderId":"ord_20260301_0001","hash":"${'a'.repeat(64)}"}`,
    );
    expect(line).not.toContain('Z_t5vOvQ');
  });

  it('never reads a sensitive value (a getter under such a name is not called)', () => {
    let reads = 0;
    const request = {
      get billingKey() {
        reads++;
        return 'bk_secret';
      },
    };
    expect(lineOf((log) => log.info('x', { request }))).toBe(
      `{"at":"${AT}","level":"info","msg":"x","request":{"billingKey":"[REDACTED]"}}`,
    );
    expect(reads).toBe(0);
  });

  it('bound fields of a child are redacted the same way', () => {
    const { log, lines } = setup();
    log.child({ billingKey: 'bk_1', member: '4330123412341234' }).info('x');
    expect(lines).toEqual([
      `{"at":"${AT}","level":"info","msg":"x","billingKey":"[REDACTED]","member":"****************"}`,
    ]);
  });
});

describe('errors', () => {
  it('writes name, message, own fields, stack and the cause chain, all redacted', () => {
    const root = new Error(`connect failed for ${SECRET_KEY}`);
    root.stack = `Error: connect failed for ${SECRET_KEY}\n    at connect (net.ts:1:1)`;
    const middle = new TossError({
      status: 400,
      code: 'INVALID_CARD_NUMBER',
      message: '카드번호 4330123412341234 오류',
      traceId: '0f1e2d3c4b5a69788796a5b4c3d2e1f0',
      cause: root,
    });
    middle.stack = 'TossError: 카드번호 4330123412341234 오류\n    at issue (client.ts:2:2)';
    const top = new Error('issue failed', { cause: middle });
    top.stack = 'Error: issue failed\n    at register (cards.ts:3:3)';
    Object.assign(top, { billingKey: 'bk_1', memberId: 'm-1' });

    expect(lineOf((log) => log.error('card registration failed', { err: top }))).toBe(
      `{"at":"${AT}","level":"error","msg":"card registration failed","err":{` +
        '"name":"Error","message":"issue failed","billingKey":"[REDACTED]","memberId":"m-1",' +
        '"stack":"Error: issue failed\\n    at register (cards.ts:3:3)","cause":{' +
        '"name":"TossError","message":"카드번호 **************** 오류","status":400,"code":"INVALID_CARD_NUMBER","retryClass":"permanent",' +
        // Toss's trace id stays readable: support asks for it.
        '"traceId":"0f1e2d3c4b5a69788796a5b4c3d2e1f0","retryAfterMs":null,' +
        '"stack":"TossError: 카드번호 **************** 오류\\n    at issue (client.ts:2:2)","cause":{' +
        '"name":"Error","message":"connect failed for test_sk_[REDACTED]",' +
        '"stack":"Error: connect failed for test_sk_[REDACTED]\\n    at connect (net.ts:1:1)"}}}}',
    );
  });

  it('follows causes that are not Errors, and the errors of an AggregateError', () => {
    const inner = new Error('ECONNREFUSED 127.0.0.1:443');
    inner.stack = 'Error: ECONNREFUSED';
    const aggregate = new AggregateError([inner, { cardNumber: '4330123412341234' }], 'all attempts failed', {
      cause: `token ${LIVE_KEY}`,
    });
    aggregate.stack = 'AggregateError: all attempts failed';
    expect(lineOf((log) => log.error('network', { err: aggregate }))).toBe(
      `{"at":"${AT}","level":"error","msg":"network","err":{"name":"AggregateError","message":"all attempts failed",` +
        '"stack":"AggregateError: all attempts failed","cause":"token live_sk_[REDACTED]",' +
        '"errors":[{"name":"Error","message":"ECONNREFUSED 127.0.0.1:443","stack":"Error: ECONNREFUSED"},' +
        '{"cardNumber":"[REDACTED]"}]}}',
    );
  });

  it('a real stack is kept, redacted', () => {
    const error = new Error(`card 4330123412341234 and ${SECRET_KEY}`);
    const line = JSON.parse(lineOf((log) => log.error('x', { error }))) as { error: { stack: string } };
    expect(line.error.stack.split('\n')[0]).toBe('Error: card **************** and test_sk_[REDACTED]');
    expect(line.error.stack).toContain('logger.test.ts');
  });
});

describe('structures', () => {
  it('Maps become objects and Sets arrays, redacted like any other value', () => {
    const line = lineOf((log) =>
      log.info('maps', {
        map: new Map<unknown, unknown>([
          ['customerKey', 'ck-1'],
          [4330123412341234, new Set(['4330123412341234', SECRET_KEY])],
        ]),
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"maps","map":{"customerKey":"[REDACTED]","****************":["****************","test_sk_[REDACTED]"]}}`,
    );
  });

  it('bytes are described, never listed, so a data key cannot be logged by accident', () => {
    const line = lineOf((log) =>
      log.info('bytes', { sealed: Buffer.alloc(45, 9), view: new Uint8Array(3), raw: new ArrayBuffer(5) }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"bytes","sealed":"[Buffer 45 bytes]","view":"[Uint8Array 3 bytes]","raw":"[ArrayBuffer 5 bytes]"}`,
    );
  });

  it('dates, URLs, bigints, symbols and functions are written as text', () => {
    const line = lineOf((log) =>
      log.info('misc', {
        when: new Date(AT),
        url: new URL(`https://api.tosspayments.com/v1/billing/x?key=${SECRET_KEY}`),
        big: 4330123412341234n,
        small: 12n,
        sym: Symbol('s'),
        fn: function charge() {},
      }),
    );
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"misc","when":"${AT}",` +
        '"url":"https://api.tosspayments.com/v1/billing/x?key=test_sk_[REDACTED]",' +
        '"big":"****************","small":"12","sym":"Symbol(s)","fn":"[Function charge]"}',
    );
  });

  it('cycles become [Circular] and do not crash it; the same object twice is not a cycle', () => {
    const member: Record<string, unknown> = { name: '홍길동' };
    member.self = member;
    const list: unknown[] = ['a'];
    list.push(list);
    const error = new Error('loop');
    error.stack = 'Error: loop';
    error.cause = error;
    const map = new Map<string, unknown>();
    map.set('me', map);
    const shared = { id: 1 };
    const line = lineOf((log) => log.info('cycles', { member, list, error, map, twice: [shared, shared] }));
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"cycles","member":{"name":"홍길동","self":"[Circular]"},` +
        '"list":["a","[Circular]"],"error":{"name":"Error","message":"loop","stack":"Error: loop","cause":"[Circular]"},' +
        '"map":{"me":"[Circular]"},"twice":[{"id":1},{"id":1}]}',
    );
  });

  it('a value that cannot be read is written as [Unreadable] and the line is still written', () => {
    const throwing = {
      ok: 1,
      get broken(): never {
        throw new Error(`getter with ${SECRET_KEY}`);
      },
    };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    expect(lineOf((log) => log.info('odd', { throwing, revoked: revoked.proxy }))).toBe(
      `{"at":"${AT}","level":"info","msg":"odd","throwing":{"ok":1,"broken":"[Unreadable]"},"revoked":"[Unreadable]"}`,
    );
  });

  it('stops at a depth no real log line needs', () => {
    let deep: Record<string, unknown> = { end: true };
    for (let i = 0; i < 40; i++) deep = { d: deep };
    const line = lineOf((log) => log.info('deep', { deep }));
    expect(line).toBe(
      `{"at":"${AT}","level":"info","msg":"deep","deep":${'{"d":'.repeat(15)}"[Truncated]"${'}'.repeat(15)}}`,
    );
  });
});
