export type RecoveryErrorCode =
  | 'RECOVERY_CODE_EXISTS'
  | 'RECOVERY_CODE_MALFORMED'
  | 'RECOVERY_CODE_WRONG'
  | 'RECOVERY_CODE_NEEDED'
  | 'BACKUP_NOT_A_BACKUP'
  | 'BACKUP_PLAIN_SQLITE'
  | 'BACKUP_UNSUPPORTED_VERSION'
  | 'BACKUP_DAMAGED'
  | 'BACKUP_AUDIT_BROKEN'
  | 'RESTORE_TARGET_HAS_LEDGER'
  | 'RESTORE_WHILE_IN_FLIGHT'
  | 'OFFSITE_NOT_SET'
  | 'OFFSITE_UNREACHABLE'
  /** A backup file the folder's own list does not show (the renderer names files from that list only). */
  | 'BACKUP_NOT_FOUND'
  /** The old plain backups are deleted only once an encrypted one exists to restore from instead. */
  | 'NO_ENCRYPTED_BACKUP'
  /** An unmatched Toss payment already closed, or none with that id. */
  | 'NOT_UNDER_REVIEW';

const UNCHANGED = '장부와 키체인은 그대로입니다.';

const MESSAGES: Record<RecoveryErrorCode, string> = {
  RECOVERY_CODE_EXISTS:
    '이미 복구 코드가 있습니다. 새 코드를 만들면 지금 코드는 더는 새 백업에 쓰이지 않습니다. 그래도 만들려면 바꾸기(--replace)를 골라 주세요.',
  RECOVERY_CODE_MALFORMED:
    '복구 코드 형식이 아닙니다. 복구 안내서에 적힌 글자와 숫자 25개를 그대로 입력해 주세요 (대시와 띄어쓰기는 없어도 됩니다). ' +
    UNCHANGED,
  RECOVERY_CODE_WRONG:
    '복구 코드가 맞지 않습니다. 이 백업을 만든 매장의 복구 안내서인지 확인하고 다시 입력해 주세요. 새 복구 코드를 만들기 전에 만든 백업은 그때의 코드가 필요합니다. ' +
    UNCHANGED,
  RECOVERY_CODE_NEEDED: `이 컴퓨터의 키로는 열 수 없는 백업입니다 (다른 컴퓨터나 다른 매장의 백업). 복구 안내서의 복구 코드를 입력해 주세요. ${UNCHANGED}`,
  BACKUP_NOT_A_BACKUP: `Autopay Desk 백업 파일이 아닙니다. 백업 폴더에서 .apdbak 파일을 골라 주세요. ${UNCHANGED}`,
  BACKUP_PLAIN_SQLITE: `암호화되지 않은 SQLite 파일이라 복원하지 않았습니다. Autopay Desk의 암호화된 백업 파일(.apdbak)을 골라 주세요. ${UNCHANGED}`,
  BACKUP_UNSUPPORTED_VERSION: `이 프로그램보다 새 버전이 만든 백업입니다. 프로그램을 업데이트한 뒤 다시 시도해 주세요. ${UNCHANGED}`,
  BACKUP_DAMAGED: `백업 파일이 잘렸거나 손상되었습니다. 다른 백업 파일을 골라 주세요. ${UNCHANGED}`,
  BACKUP_AUDIT_BROKEN: `백업 안의 감사 기록이 이어지지 않아 복원하지 않았습니다. 다른 백업 파일을 골라 주세요. ${UNCHANGED}`,
  RESTORE_TARGET_HAS_LEDGER:
    '이 데이터 폴더에는 이미 장부가 있습니다. 바꾸려면 --replace를 붙여 주세요 (지금 장부는 지우지 않고 옆으로 옮겨 둡니다).',
  RESTORE_WHILE_IN_FLIGHT:
    '진행 중이거나 결과를 확인하지 못한 결제·환불이 있어 복원하지 않았습니다. "확인 필요"를 모두 처리한 뒤 다시 시도해 주세요. ' +
    UNCHANGED,
  OFFSITE_NOT_SET: '백업 폴더가 정해지지 않았습니다. 설정에서 USB, NAS나 클라우드 동기화 폴더를 골라 주세요.',
  OFFSITE_UNREACHABLE:
    '백업 폴더에 연결할 수 없습니다. USB나 네트워크 드라이브가 연결되어 있는지, 폴더가 그대로 있는지 확인해 주세요. 장부는 그대로입니다.',
  BACKUP_NOT_FOUND: '백업 목록에 없는 파일입니다. 목록을 새로 고친 뒤 다시 골라 주세요.',
  NO_ENCRYPTED_BACKUP:
    '암호화된 백업이 아직 없습니다. 먼저 "지금 백업"으로 암호화된 백업을 만든 뒤 지워 주세요.',
  NOT_UNDER_REVIEW: '이미 처리되었거나 없는 항목입니다. 목록을 새로 고쳐 주세요.',
};

/** Refusals of recovery, backup and restore: a stable code and a Korean message that says nothing changed. */
export class RecoveryError extends Error {
  override readonly name = 'RecoveryError';
  readonly code: RecoveryErrorCode;

  constructor(code: RecoveryErrorCode, cause?: unknown) {
    super(MESSAGES[code], cause === undefined ? undefined : { cause });
    this.code = code;
  }
}
