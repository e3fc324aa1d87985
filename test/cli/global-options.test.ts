import { describe, expect, it } from 'vitest';
import { CliError } from '../../electron/cli/cli-error.ts';
import { parseGlobalOptions } from '../../electron/cli/global-options.ts';

describe('global options', () => {
  it('are taken out wherever they stand, in both spellings', () => {
    expect(
      parseGlobalOptions(['--json', 'charge', '--data-dir', '/d', '--amount', '100', '--toss-base=http://x']),
    ).toEqual({
      options: { dataDir: '/d', tossBaseUrl: 'http://x', json: true },
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
});
