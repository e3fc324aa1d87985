import { commandOptions } from '../args.ts';
import type { Command } from '../command.ts';

const USAGE = 'usage: desk reconcile';

/** Resolves unknown outcomes now and says what it resolved and what still needs review. */
export const reconcileCommand: Command = async (args, ctx) => {
  commandOptions(args, {}, USAGE);
  const report = await (await ctx.billing({ toss: true })).reconciler.reconcile();
  return {
    data: report,
    text: `확인 ${report.checked}건 · 해결 ${report.resolved.length}건 · 확인 필요 ${report.needsReview.length}건`,
  };
};
