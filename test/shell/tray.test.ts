import { Menu, type MenuItemConstructorOptions, Tray } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTray } from '../../electron/shell/tray.ts';

const fakes = vi.hoisted(() => ({ trays: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class FakeTray extends EventEmitter {
    readonly setToolTip = vi.fn();
    readonly setContextMenu = vi.fn();
    readonly destroy = vi.fn();
    readonly icon: string;
    constructor(icon: string) {
      super();
      this.icon = icon;
      fakes.trays.push(this);
    }
  }
  return {
    Tray: FakeTray,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })) },
  };
});

type FakeTray = Tray & {
  icon: string;
  setToolTip: ReturnType<typeof vi.fn>;
  setContextMenu: ReturnType<typeof vi.fn>;
  destroy: ReturnType<typeof vi.fn>;
};

function setup() {
  let next = '3월 1일 09:00';
  const actions = {
    showWindow: vi.fn(),
    runDueNow: vi.fn(),
    nextRunLabel: vi.fn(() => next),
    quit: vi.fn(),
  };
  const handle = createTray({ Tray, Menu, iconPath: '/app/build/tray.png' }, actions);
  const tray = fakes.trays.at(-1) as FakeTray;
  /** The template of the menu the tray shows now. */
  const menu = (): MenuItemConstructorOptions[] => {
    const built = tray.setContextMenu.mock.calls.at(-1)?.[0] as { template: MenuItemConstructorOptions[] };
    if (!built) throw new Error('no context menu set');
    return built.template;
  };
  const click = (label: string) => {
    const item = menu().find((i) => i.label === label);
    if (!item?.click) throw new Error(`no clickable item ${label}`);
    (item.click as () => void)();
  };
  return { handle, tray, actions, menu, click, setNext: (label: string) => (next = label) };
}

beforeEach(() => {
  fakes.trays.length = 0;
  vi.clearAllMocks();
});

describe('createTray', () => {
  it('shows what waits for a person as counts only, when anything does', () => {
    let attention: string | null = '결제 3건 확인 필요';
    const handle = createTray(
      { Tray, Menu, iconPath: '/app/build/tray.png' },
      {
        showWindow: vi.fn(),
        runDueNow: vi.fn(),
        nextRunLabel: () => '3월 1일 09:00',
        attentionLabel: () => attention,
        quit: vi.fn(),
      },
    );
    const tray = fakes.trays.at(-1) as FakeTray;
    const labels = () => {
      const built = tray.setContextMenu.mock.calls.at(-1)?.[0] as
        | { template: MenuItemConstructorOptions[] }
        | undefined;
      return built?.template.map((item) => item.label) ?? [];
    };
    expect(labels()).toEqual([
      '열기',
      '다음 결제: 3월 1일 09:00',
      '결제 3건 확인 필요',
      '지금 예정 결제 실행',
      undefined,
      '종료',
    ]);
    attention = null;
    handle.refresh();
    expect(labels()).not.toContain('결제 3건 확인 필요');
  });

  it('creates one tray icon with the app name as tooltip', () => {
    const { tray } = setup();
    expect(fakes.trays).toHaveLength(1);
    expect(tray.icon).toBe('/app/build/tray.png');
    expect(tray.setToolTip).toHaveBeenCalledExactlyOnceWith('Autopay Desk');
  });

  it('shows the Korean menu with the next run as a disabled line', () => {
    const { menu } = setup();
    expect(menu().map(({ label, type, enabled }) => ({ label, type, enabled }))).toEqual([
      { label: '열기', type: undefined, enabled: undefined },
      { label: '다음 결제: 3월 1일 09:00', type: undefined, enabled: false },
      { label: '지금 예정 결제 실행', type: undefined, enabled: undefined },
      { label: undefined, type: 'separator', enabled: undefined },
      { label: '종료', type: undefined, enabled: undefined },
    ]);
  });

  it('runs the matching action for each menu item', () => {
    const { actions, click } = setup();
    click('열기');
    expect(actions.showWindow).toHaveBeenCalledTimes(1);
    click('지금 예정 결제 실행');
    expect(actions.runDueNow).toHaveBeenCalledTimes(1);
    expect(actions.quit).not.toHaveBeenCalled();
    click('종료');
    expect(actions.quit).toHaveBeenCalledTimes(1);
    expect(actions.showWindow).toHaveBeenCalledTimes(1);
  });

  it('shows the window when the icon is clicked', () => {
    const { tray, actions } = setup();
    tray.emit('click');
    expect(actions.showWindow).toHaveBeenCalledTimes(1);
    expect(actions.runDueNow).not.toHaveBeenCalled();
  });

  it('rebuilds the menu on refresh with the current next run', () => {
    const { handle, menu, setNext, tray } = setup();
    setNext('예정 없음');
    expect(menu()[1]?.label).toBe('다음 결제: 3월 1일 09:00');
    handle.refresh();
    expect(tray.setContextMenu).toHaveBeenCalledTimes(2);
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(2);
    expect(menu()[1]).toMatchObject({ label: '다음 결제: 예정 없음', enabled: false });
  });

  it('removes the icon on destroy', () => {
    const { handle, tray } = setup();
    expect(tray.destroy).not.toHaveBeenCalled();
    handle.destroy();
    expect(tray.destroy).toHaveBeenCalledTimes(1);
  });
});
