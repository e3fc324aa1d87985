import { describe, expect, it } from 'vitest';
import { CliError } from '../../electron/cli/cli-error.ts';
import { parseGlobalOptions } from '../../electron/cli/global-options.ts';

describe('global options', () => {
  it('are taken out wherever they stand, in both spellings', () => {
    expect(
      parseGlobalOptions([
        '--json',
        'charge',
        '--data-dir',
        '/d',
        '--amount',
        '100',
        '--toss-base=http://127.0.0.1:4100',
      ]),
    ).toEqual({
      options: { dataDir: '/d', tossBaseUrl: 'http://127.0.0.1:4100', json: true },
      rest: ['charge', '--amount', '100'],
    });
  });

  it('default to nothing', () => {
    expect(parseGlobalOptions(['secret', 'status'])).toEqual({
      options: { dataDir: undefined, tossBaseUrl: undefined, json: false },
      rest: ['secret', 'status'],
    });
  });

  it.each([[['--data-dir']], [['--toss-base=']], [['secret', '--data-dir']]])(
    '%j without a value is a usage error',
    (argv) => {
      expect(() => parseGlobalOptions(argv)).toThrow(CliError);
      try {
        parseGlobalOptions(argv);
      } catch (error) {
        expect((error as CliError).exitCode).toBe(2);
      }
    },
  );

  it.each([
    'https://api.tosspayments.com',
    'https://api.tosspayments.com/',
    'http://127.0.0.1:4100',
    'http://localhost:4100/',
    'http://[::1]:4100',
  ])('--toss-base %s is Toss itself or this computer', (base) => {
    expect(parseGlobalOptions(['--toss-base', base, 'reconcile']).options.tossBaseUrl).toBe(base);
  });

  it.each([
    'http://api.tosspayments.com',
    'https://api.tosspayments.com.evil.example',
    'https://evil.example',
    'https://api.tosspayments.com/v1/proxy',
    'https://user:pass@api.tosspayments.com',
    'http://10.0.0.5:4100',
    'ftp://127.0.0.1',
    'api.tosspayments.com',
  ])('--toss-base %s is refused as a usage error, naming what is allowed', (base) => {
    expect(() => parseGlobalOptions(['--toss-base', base, 'reconcile'])).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: expect.stringContaining('https://api.tosspayments.com') as string,
      }) as Error,
    );
  });
});
