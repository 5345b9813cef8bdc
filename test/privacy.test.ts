import { expect } from '@open-wc/testing';
import '../src/define.ts';
import {
  answerAll,
  chooseOption,
  clickButton,
  fixtureElement,
  headingText,
  LEVEL_HEADING,
  type CheckElement,
} from './helpers.ts';

interface Recording {
  calls: string[];
  restore: () => void;
}

/**
 * Records every way the page could send, store or look up data, while letting each call go
 * through unchanged (recording, not stubbing).
 */
function recordSideChannels(): Recording {
  const calls: string[] = [];
  const restorers: (() => void)[] = [];
  const wrap = <T extends object, K extends keyof T>(target: T, key: K, name: string) => {
    const original = target[key] as unknown as (...args: unknown[]) => unknown;
    target[key] = function (this: unknown, ...args: unknown[]) {
      calls.push(`${name}(${args.map((arg) => String(arg)).join(', ')})`);
      return original.apply(this, args);
    } as unknown as T[K];
    restorers.push(() => {
      target[key] = original as unknown as T[K];
    });
  };
  wrap(window, 'fetch', 'fetch');
  wrap(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest.open');
  wrap(navigator, 'sendBeacon', 'navigator.sendBeacon');
  wrap(Storage.prototype, 'setItem', 'Storage.setItem');
  wrap(Storage.prototype, 'removeItem', 'Storage.removeItem');
  wrap(Storage.prototype, 'clear', 'Storage.clear');
  wrap(indexedDB, 'open', 'indexedDB.open');
  wrap(window, 'open', 'window.open');
  const OriginalWebSocket = window.WebSocket;
  window.WebSocket = new Proxy(OriginalWebSocket, {
    construct(target, args: [string | URL, (string | string[])?]) {
      calls.push(`new WebSocket(${String(args[0])})`);
      return new target(...args);
    },
  });
  restorers.push(() => (window.WebSocket = OriginalWebSocket));
  const OriginalEventSource = window.EventSource;
  window.EventSource = new Proxy(OriginalEventSource, {
    construct(target, args: [string | URL, EventSourceInit?]) {
      calls.push(`new EventSource(${String(args[0])})`);
      return new target(...args);
    },
  });
  restorers.push(() => (window.EventSource = OriginalEventSource));
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!;
  Object.defineProperty(document, 'cookie', {
    configurable: true,
    get: () => cookie.get!.call(document),
    set: (value: string) => {
      calls.push(`document.cookie = ${value}`);
      cookie.set!.call(document, value);
    },
  });
  restorers.push(() => delete (document as unknown as { cookie?: string }).cookie);
  return { calls, restore: () => restorers.reverse().forEach((restore) => restore()) };
}

const resourceNames = () => performance.getEntriesByType('resource').map((entry) => entry.name);

describe('<second-opinion-check> privacy during the self-check', () => {
  it('sends, stores and looks up nothing from intro to result to Start again', async () => {
    performance.setResourceTimingBufferSize(10000);
    const cookiesBefore = document.cookie;
    const localBefore = localStorage.length;
    const sessionBefore = sessionStorage.length;

    const recording = recordSideChannels();
    let el: CheckElement;
    let resourcesBefore: string[];
    try {
      // Only the test's own module loads may be there before the widget is used.
      resourcesBefore = resourceNames();
      expect(resourcesBefore.length, 'resource timing sees the test’s own loads').to.be.greaterThan(0);
      el = await fixtureElement({
        'clinic-name': 'Riverside Clinic',
        phone: '555-0100',
        email: 'care@riverside.example',
        'contact-url': 'https://riverside.example/contact',
      });
      await clickButton(el, 'Contact Riverside Clinic');
      await clickButton(el, 'Back');
      await answerAll(el, ['yes', 'unsure', 'no', 'no', 'yes'], ['offend', 'insurance']);
      expect(headingText(el)).to.equal(LEVEL_HEADING.recommended);
      await chooseOption(el, 'Tell your doctor you want a second opinion.');
      await clickButton(el, 'Start again');
      await answerAll(el, ['no', 'no', 'no', 'no', 'no']);
      await clickButton(el, 'Start again');
      // Give any deferred work (timers, idle callbacks) a chance to run before looking.
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      recording.restore();
    }

    expect(recording.calls, recording.calls.join('\n')).to.deep.equal([]);
    const added = resourceNames().filter((name) => !resourcesBefore.includes(name));
    expect(added, 'no new network resources').to.deep.equal([]);
    expect(document.cookie).to.equal(cookiesBefore);
    expect(localStorage.length).to.equal(localBefore);
    expect(sessionStorage.length).to.equal(sessionBefore);
    expect(el.result).to.equal(null);
  });

  it('its recorder does catch a request and a storage write (the check can fail)', async () => {
    const recording = recordSideChannels();
    try {
      localStorage.setItem('privacy-probe', '1');
      localStorage.removeItem('privacy-probe');
      // open() without send() records the call and never reaches the network.
      new XMLHttpRequest().open('POST', '/privacy-probe');
    } finally {
      recording.restore();
    }
    expect(recording.calls).to.deep.equal([
      'Storage.setItem(privacy-probe, 1)',
      'Storage.removeItem(privacy-probe)',
      'XMLHttpRequest.open(POST, /privacy-probe)',
    ]);
  });

  it('leaves no trace in the page’s storage after the result', async () => {
    const keysBefore = [...Array(localStorage.length).keys()].map((index) => localStorage.key(index));
    const sessionBefore = sessionStorage.length;
    const el = await fixtureElement();
    await answerAll(el, ['unsure', 'no', 'no', 'no', 'no'], ['time']);
    expect(el.result?.level).to.equal('consider');
    const keysAfter = [...Array(localStorage.length).keys()].map((index) => localStorage.key(index));
    expect(keysAfter).to.deep.equal(keysBefore);
    expect(sessionStorage.length).to.equal(sessionBefore);
  });
});
