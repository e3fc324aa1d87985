import { auditEntries, auditPage } from '../audit/index.ts';
import { storeTimeZone } from '../schedule/index.ts';
import { type ApiContext, defined, operatorOf } from './api-context.ts';
import { auditCsv } from './audit-csv.ts';
import type { DeskApi } from './desk-api-types.ts';

/** The owner's staff screen and the audit trail. */
export function staffHandlers(ctx: ApiContext) {
  const { desk } = ctx;
  return {
    listStaff: () => desk().operators.staff(),
    createOperator: (request, session) => desk().operators.create(defined(request), operatorOf(session)),
    updateOperator: (request, session) => desk().operators.update(defined(request), operatorOf(session)),
    resetOperatorPin: (request, session) => desk().operators.resetPin(request, operatorOf(session)),
    listAudit({ limit, before, ...filter }) {
      return auditPage(desk().ledger.db, defined(filter), defined({ limit, before }));
    },
    exportAudit(filter) {
      return {
        fileName: 'audit-log.csv',
        csv: auditCsv(auditEntries(desk().ledger.db, defined(filter)), storeTimeZone(desk().ledger.db)),
      };
    },
    async checkAudit() {
      // Against the head in the keychain too: a file cut short or swapped verifies on its own.
      const result = await desk().audit.verify();
      return result.ok
        ? { ok: true, count: result.count, brokenAt: null, message: '변조 없음' }
        : { ok: false, count: null, brokenAt: result.brokenAt, message: result.message };
    },
  } satisfies Partial<DeskApi>;
}
