import { Notification } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier, type DeskNotice } from '../../electron/shell/notifications.ts';

const fakes = vi.hoisted(() => ({
  shown: [] as { title?: string; body?: string }[],
  constructed: 0,
  supported: true,
}));

vi.mock('electron', () => ({
  Notification: class {
    static isSupported() {
      return fakes.supported;
    }
    readonly options: { title?: string; body?: string };
    constructor(options: { title?: string; body?: string }) {
      this.options = options;
      fakes.constructed += 1;
    }
    show() {
      fakes.shown.push(this.options);
    }
  },
}));

const notify = createNotifier(Notification);

beforeEach(() => {
  fakes.shown.length = 0;
  fakes.constructed = 0;
  fakes.supported = true;
});

describe('createNotifier', () => {
  it.each<[DeskNotice, { title: string; body: string }]>([
    [
      {
        kind: 'charge',
        status: 'DECLINED',
        memberName: '김민지',
        amount: 55000,
        message: '카드 한도가 초과되었습니다.',
      },
      { title: '결제 거절', body: '김민지님 55,000원 결제가 거절되었습니다.\n카드 한도가 초과되었습니다.' },
    ],
    [
      {
        kind: 'charge',
        status: 'FAILED',
        memberName: '박서준',
        amount: 1234567,
        message: '정지된 카드입니다.',
      },
      {
        title: '결제 실패',
        body: '박서준님 1,234,567원 결제에 실패했습니다. 카드를 확인해 주세요.\n정지된 카드입니다.',
      },
    ],
    [
      { kind: 'charge', status: 'UNKNOWN', memberName: '이하늘', amount: 990, message: null },
      { title: '결제 확인 필요', body: '이하늘님 990원 결제 결과를 알 수 없습니다. 확인이 필요합니다.' },
    ],
    [
      { kind: 'catch-up', count: 3 },
      { title: '밀린 결제 확인', body: '확인을 기다리는 밀린 결제가 3건 있습니다.' },
    ],
    [
      { kind: 'needs-check', count: 3 },
      { title: '결제 확인 필요', body: '결제 3건 확인 필요' },
    ],
    [
      { kind: 'catch-up', count: 1200 },
      { title: '밀린 결제 확인', body: '확인을 기다리는 밀린 결제가 1,200건 있습니다.' },
    ],
  ])('shows %o as %o', (notice, text) => {
    notify(notice);
    expect(fakes.shown).toEqual([text]);
  });

  it('says nothing about a missing message', () => {
    notify({ kind: 'charge', status: 'DECLINED', memberName: '김민지', amount: 55000, message: null });
    expect(fakes.shown[0]?.body).toBe('김민지님 55,000원 결제가 거절되었습니다.');
  });

  it('puts only the fields it knows into the text, never whatever else a caller attached', () => {
    const notice = {
      kind: 'charge',
      status: 'DECLINED',
      memberName: '김민지',
      amount: 55000,
      message: null,
      cardNumber: '4330123412341234',
      billingKey: 'bk_secret',
    } as DeskNotice;
    notify(notice);
    const text = JSON.stringify(fakes.shown);
    expect(text).not.toContain('4330');
    expect(text).not.toContain('bk_secret');
  });

  it('does nothing where notifications are not supported', () => {
    fakes.supported = false;
    notify({ kind: 'catch-up', count: 2 });
    expect(fakes.constructed).toBe(0);
    expect(fakes.shown).toEqual([]);
  });
});
