import type { Notification as ElectronNotification } from 'electron';

export type DeskNotice =
  | {
      kind: 'charge';
      status: 'DECLINED' | 'FAILED' | 'UNKNOWN';
      memberName: string;
      amount: number;
      message: string | null;
    }
  | { kind: 'catch-up'; count: number }
  /** While nobody is signed in: how many, never who or how much. */
  | { kind: 'needs-check'; count: number };

const krw = new Intl.NumberFormat('ko-KR');

/**
 * Desktop notices for staff. The text is built only from the notice's fields, so card data
 * cannot end up in the OS notification centre unless a caller puts it there.
 */
export function createNotifier(Notification: typeof ElectronNotification): (notice: DeskNotice) => void {
  return (notice) => {
    if (!Notification.isSupported()) return;
    new Notification(noticeText(notice)).show();
  };
}

function noticeText(notice: DeskNotice): { title: string; body: string } {
  if (notice.kind === 'needs-check') {
    return { title: '결제 확인 필요', body: `결제 ${krw.format(notice.count)}건 확인 필요` };
  }
  if (notice.kind === 'catch-up') {
    return {
      title: '밀린 결제 확인',
      body: `확인을 기다리는 밀린 결제가 ${krw.format(notice.count)}건 있습니다.`,
    };
  }
  const charge = `${notice.memberName}님 ${krw.format(notice.amount)}원`;
  const detail = notice.message === null ? '' : `\n${notice.message}`;
  switch (notice.status) {
    case 'DECLINED':
      return { title: '결제 거절', body: `${charge} 결제가 거절되었습니다.${detail}` };
    case 'FAILED':
      return { title: '결제 실패', body: `${charge} 결제에 실패했습니다. 카드를 확인해 주세요.${detail}` };
    case 'UNKNOWN':
      return {
        title: '결제 확인 필요',
        body: `${charge} 결제 결과를 알 수 없습니다. 확인이 필요합니다.${detail}`,
      };
  }
}
