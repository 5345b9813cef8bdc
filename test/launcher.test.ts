import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/define.ts';
import type { SecondOpinionCheck } from '../src/second-opinion-check.ts';
import {
  $,
  accessibleText,
  ANSWER_LABEL,
  answerAll,
  buttonByName,
  chooseOption,
  clickButton,
  fixtureElement,
  focusedInShadow as focused,
  focusedName,
  headingText,
  inputOf,
  LEVEL_HEADING,
  optionByLabel,
  press,
  QUESTION_HEADING,
  settle,
  shadow,
  tabTo,
  type Attributes,
  type CheckElement,
} from './helpers.ts';

type Launcher = CheckElement & Pick<SecondOpinionCheck, 'open'>;

const TITLE = 'Should I get a second opinion?';

async function renderLauncher(attrs: Attributes = {}): Promise<Launcher> {
  return (await fixtureElement({ variant: 'launcher', ...attrs })) as Launcher;
}

function launcherButton(el: CheckElement): HTMLButtonElement {
  const button = $<HTMLButtonElement>(el, '[part~="launcher"]');
  expect(button, 'the launcher button').to.not.equal(null);
  return button!;
}

function dialogOf(el: CheckElement): HTMLDialogElement {
  const dialog = $<HTMLDialogElement>(el, 'dialog');
  expect(dialog, 'the dialog').to.not.equal(null);
  return dialog!;
}

/** Records soc-open and soc-close where a host would hear them. */
function recordOpenClose() {
  const events: { type: string; bubbles: boolean; composed: boolean; detail: unknown }[] = [];
  const listener = (event: Event) =>
    events.push({
      type: event.type,
      bubbles: event.bubbles,
      composed: event.composed,
      detail: (event as CustomEvent).detail,
    });
  document.addEventListener('soc-open', listener);
  document.addEventListener('soc-close', listener);
  return {
    events,
    types: () => events.map((event) => event.type),
    stop: () => {
      document.removeEventListener('soc-open', listener);
      document.removeEventListener('soc-close', listener);
    },
  };
}

function expectOpen(el: Launcher) {
  const dialog = dialogOf(el);
  expect(dialog.open, 'dialog.open').to.equal(true);
  expect(dialog.matches(':modal'), 'the dialog is modal').to.equal(true);
  expect(el.open, 'el.open').to.equal(true);
  expect(el.hasAttribute('open'), 'open attribute').to.equal(true);
  expect(dialog.contains($(el, '#heading')), 'the check is inside the dialog').to.equal(true);
}

function expectClosedWithFocusOnLauncher(el: Launcher) {
  const dialog = dialogOf(el);
  expect(dialog.open, 'dialog.open').to.equal(false);
  expect(el.open, 'el.open').to.equal(false);
  expect(el.hasAttribute('open'), 'open attribute').to.equal(false);
  expect(focused(el), 'focus is back on the launcher').to.equal(launcherButton(el));
  expect(document.activeElement).to.equal(el);
}

async function openByClick(el: Launcher) {
  launcherButton(el).click();
  await settle(el);
}

describe('<second-opinion-check variant="launcher">', () => {
  it('renders a real button fixed to the bottom right corner', async () => {
    const el = await renderLauncher();
    await expect(el).to.be.accessible();
    const button = launcherButton(el);
    expect(button.localName).to.equal('button');
    expect(button.type).to.equal('button');
    expect(button.hasAttribute('role'), 'no role overrides the native button').to.equal(false);
    expect(accessibleText(button)).to.equal(TITLE);
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(getComputedStyle(button).position).to.equal('fixed');

    const { clientWidth, clientHeight } = document.documentElement;
    const rect = button.getBoundingClientRect();
    expect(clientWidth - rect.right, 'gap to the right edge').to.be.closeTo(24, 2);
    expect(clientHeight - rect.bottom, 'gap to the bottom edge').to.be.closeTo(24, 2);
    expect(rect.left, 'on the right half').to.be.above(clientWidth / 2);
  });

  it('is a target of at least 44×44 px', async () => {
    const el = await renderLauncher();
    await expect(el).to.be.accessible();
    const rect = launcherButton(el).getBoundingClientRect();
    expect(rect.width).to.be.at.least(44);
    expect(rect.height).to.be.at.least(44);
  });

  it('fits a 320 px wide screen without covering it all', async () => {
    const el = await renderLauncher();
    await expect(el).to.be.accessible();
    const rect = launcherButton(el).getBoundingClientRect();
    expect(rect.left).to.be.at.least(0);
    expect(rect.right).to.be.at.most(document.documentElement.clientWidth);
  });

  it('below about 480 px the closed launcher is compact: icon and a short label that is its name', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await renderLauncher();
      await expect(el).to.be.accessible();
      const button = launcherButton(el);
      expect(accessibleText(button)).to.equal('Second opinion?');
      const rect = button.getBoundingClientRect();
      expect(rect.width, 'covers little of the width').to.be.below(320 * 0.65);
      expect(rect.height).to.be.at.least(44);
      expect(rect.height, 'one line').to.be.below(60);
      expect(320 - rect.right, 'gap to the right edge').to.be.closeTo(16, 2);
      await setViewport({ width: 800, height: 600 });
      expect(accessibleText(button)).to.equal(TITLE);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('renders the check only when first opened', async () => {
    const el = await renderLauncher();
    await expect(el).to.be.accessible();
    expect(el.open).to.equal(false);
    expect(el.hasAttribute('open')).to.equal(false);
    expect(dialogOf(el).open).to.equal(false);
    expect($(el, '#heading'), 'no heading before the first open').to.equal(null);
    expect($(el, '[part~="base"]'), 'no content before the first open').to.equal(null);
  });

  it('opens a modal dialog on click, moves focus into it and fires soc-open', async () => {
    const el = await renderLauncher();
    const recorder = recordOpenClose();
    try {
      await openByClick(el);
      await expect(el).to.be.accessible();
      expectOpen(el);
      expect(headingText(el)).to.equal(TITLE);
      const active = focused(el);
      expect(active, 'something in the widget has focus').to.not.equal(null);
      expect(dialogOf(el).contains(active), `focus is in the dialog (on ${focusedName(el)})`).to.equal(true);
      expect(recorder.events).to.deep.equal([{ type: 'soc-open', bubbles: true, composed: true, detail: null }]);
    } finally {
      recorder.stop();
    }
  });

  it('names its dialog', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    await expect(el).to.be.accessible();
    const dialog = dialogOf(el);
    const name =
      dialog.getAttribute('aria-label') ??
      accessibleText(shadow(el).getElementById(dialog.getAttribute('aria-labelledby') ?? '')!);
    expect(name).to.equal(TITLE);
  });

  it('closes on Escape, fires soc-close and returns focus to the launcher', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    const recorder = recordOpenClose();
    try {
      await press(el, 'Escape');
      await expect(el).to.be.accessible();
      expectClosedWithFocusOnLauncher(el);
      expect(recorder.events).to.deep.equal([{ type: 'soc-close', bubbles: true, composed: true, detail: null }]);
    } finally {
      recorder.stop();
    }
  });

  it('closes with its close button likewise', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    const recorder = recordOpenClose();
    try {
      const close = buttonByName(el, 'Close');
      expect(dialogOf(el).contains(close)).to.equal(true);
      const rect = close.getBoundingClientRect();
      expect(rect.width, 'close button width').to.be.at.least(44);
      expect(rect.height, 'close button height').to.be.at.least(44);
      close.click();
      await settle(el);
      await expect(el).to.be.accessible();
      expectClosedWithFocusOnLauncher(el);
      expect(recorder.types()).to.deep.equal(['soc-close']);
    } finally {
      recorder.stop();
    }
  });

  it('opens and closes from the host through the open property and attribute', async () => {
    const el = await renderLauncher();
    const recorder = recordOpenClose();
    try {
      el.open = true;
      await settle(el);
      await expect(el).to.be.accessible();
      expectOpen(el);
      expect(dialogOf(el).contains(focused(el)), 'focus is in the dialog').to.equal(true);

      // Asking again for what is already so changes nothing and fires nothing.
      el.open = true;
      await settle(el);
      expect(recorder.types()).to.deep.equal(['soc-open']);

      el.open = false;
      await settle(el);
      expectClosedWithFocusOnLauncher(el);

      el.setAttribute('open', '');
      await settle(el);
      expectOpen(el);

      el.removeAttribute('open');
      await settle(el);
      expectClosedWithFocusOnLauncher(el);
      expect(recorder.types()).to.deep.equal(['soc-open', 'soc-close', 'soc-open', 'soc-close']);
    } finally {
      recorder.stop();
    }
  });

  it('with open set from the start, shows the dialog on its first render', async () => {
    const el = await renderLauncher({ open: true });
    await expect(el).to.be.accessible();
    expectOpen(el);
    expect(headingText(el)).to.equal(TITLE);
  });

  it('works by keyboard alone: Tab to it, Enter opens, Start and answer, Escape closes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div>
        <button type="button" id="before">Before the widget</button>
        <second-opinion-check variant="launcher"></second-opinion-check>
      </div>
    `);
    const el = wrapper.querySelector('second-opinion-check') as Launcher;
    await settle(el);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    const recorder = recordOpenClose();
    try {
      await press(el, 'Tab');
      expect(focused(el), 'Tab reaches the launcher').to.equal(launcherButton(el));

      await press(el, 'Enter');
      expectOpen(el);
      expect(dialogOf(el).contains(focused(el)), 'focus is in the dialog').to.equal(true);

      await tabTo(el, 'Start');
      await press(el, 'Enter');
      expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
      expect(focused(el)?.id, 'focus is on the question heading').to.equal('heading');

      await tabTo(el, ANSWER_LABEL.yes);
      await press(el, ' ');
      expect(inputOf(optionByLabel(el, ANSWER_LABEL.yes)).checked, 'Space picks Yes').to.equal(true);
      await tabTo(el, 'Continue');
      await press(el, 'Enter');
      expect(headingText(el)).to.equal(QUESTION_HEADING.surgery);
      await expect(el).to.be.accessible();

      await press(el, 'Escape');
      expectClosedWithFocusOnLauncher(el);

      await press(el, 'Enter');
      expectOpen(el);
      expect(headingText(el), 'reopened where the patient left off').to.equal(QUESTION_HEADING.surgery);
      expect(recorder.types()).to.deep.equal(['soc-open', 'soc-close', 'soc-open']);
    } finally {
      recorder.stop();
    }
  });

  it('keeps what was answered when closed and reopened', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    await clickButton(el, 'Start');
    await chooseOption(el, ANSWER_LABEL.yes);
    await clickButton(el, 'Continue');
    await chooseOption(el, ANSWER_LABEL.unsure);

    await clickButton(el, 'Close');
    expect(dialogOf(el).open).to.equal(false);
    await openByClick(el);
    await expect(el).to.be.accessible();
    expect(headingText(el)).to.equal(QUESTION_HEADING.surgery);
    expect(inputOf(optionByLabel(el, ANSWER_LABEL.unsure)).checked, 'the unsent answer is still chosen').to.equal(true);

    await clickButton(el, 'Back');
    expect(headingText(el)).to.equal(QUESTION_HEADING.serious);
    expect(inputOf(optionByLabel(el, ANSWER_LABEL.yes)).checked).to.equal(true);
  });

  it('keeps a result and its ticked steps when closed and reopened', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    await answerAll(el, ['no', 'no', 'no', 'no', 'yes']);
    expect(headingText(el)).to.equal(LEVEL_HEADING.consider);
    const firstStep = $<HTMLInputElement>(el, '[part~="steps"] input[type="checkbox"]')!;
    firstStep.click();
    await settle(el);

    el.open = false;
    await settle(el);
    el.open = true;
    await settle(el);
    expect(headingText(el)).to.equal(LEVEL_HEADING.consider);
    expect($<HTMLInputElement>(el, '[part~="steps"] input[type="checkbox"]')!.checked).to.equal(true);
    expect(el.result?.level).to.equal('consider');
  });

  for (const theme of ['light', 'dark']) {
    it(`axe finds nothing in the open dialog at the intro, a question and the result (theme="${theme}")`, async () => {
      const el = await renderLauncher({ theme, 'clinic-name': 'Riverside Clinic', phone: '+1 555 010 0200' });
      await openByClick(el);
      await expect(el).to.be.accessible();
      await clickButton(el, 'Start');
      await expect(el).to.be.accessible();
      await clickButton(el, 'Back');
      await answerAll(el, ['yes', 'no', 'no', 'no', 'no'], ['time']);
      expect(headingText(el)).to.equal(LEVEL_HEADING.recommended);
      await expect(el).to.be.accessible();
    });
  }
});

describe('<second-opinion-check variant="launcher" locale="ar">', () => {
  it('an Arabic widget on a left-to-right page stays bottom-right, named in Arabic', async () => {
    const el = await renderLauncher({ locale: 'ar' });
    await waitUntil(() => $(el, '.launcher-root')?.getAttribute('dir') === 'rtl', 'the launcher turns right-to-left');
    await settle(el);
    await expect(el).to.be.accessible();
    const button = launcherButton(el);
    const name = accessibleText(button);
    expect(name).to.not.equal('');
    expect(name).to.not.equal(TITLE);

    const { clientWidth, clientHeight } = document.documentElement;
    const rect = button.getBoundingClientRect();
    expect(clientWidth - rect.right, 'gap to the right edge').to.be.closeTo(24, 2);
    expect(clientHeight - rect.bottom, 'gap to the bottom edge').to.be.closeTo(24, 2);
    expect(rect.left, 'on the right half').to.be.above(clientWidth / 2);
    expect(rect.width).to.be.at.least(44);
    expect(rect.height).to.be.at.least(44);

    await openByClick(el);
    await expect(el).to.be.accessible();
    expect($(el, '[part~="base"]')!.getAttribute('dir')).to.equal('rtl');
    await press(el, 'Escape');
    expectClosedWithFocusOnLauncher(el);
  });

  it('--soc-launcher-inset-inline-end measures from the page’s inline end', async () => {
    const el = await renderLauncher({ locale: 'ar', style: '--soc-launcher-inset-inline-end: 64px' });
    await waitUntil(() => $(el, '.launcher-root')?.getAttribute('dir') === 'rtl', 'the launcher turns right-to-left');
    await expect(el).to.be.accessible();
    const right = launcherButton(el).getBoundingClientRect().right;
    expect(document.documentElement.clientWidth - right).to.be.closeTo(64, 1);
  });
});

describe('<second-opinion-check variant="launcher"> on a right-to-left page', () => {
  afterEach(() => {
    document.documentElement.removeAttribute('dir');
    document.body.removeAttribute('dir');
  });

  for (const [locale, where] of [
    ['ar', 'html'],
    ['en', 'body'],
  ] as const) {
    it(`sits at the bottom left (locale="${locale}", dir on <${where}>), and moves when the page's dir changes`, async () => {
      const page = where === 'html' ? document.documentElement : document.body;
      page.dir = 'rtl';
      const el = await renderLauncher({ locale, style: '--soc-launcher-inset-inline-end: 40px' });
      await settle(el);
      await expect(el).to.be.accessible();
      const { clientWidth } = document.documentElement;
      expect(launcherButton(el).getBoundingClientRect().left, 'gap to the left edge').to.be.closeTo(40, 2);
      page.dir = 'ltr';
      await waitUntil(
        () => clientWidth - launcherButton(el).getBoundingClientRect().right < 45,
        'back to the right when the page turns left-to-right',
      );
    });
  }
});

describe('<second-opinion-check variant="launcher"> moved or switched while open', () => {
  it('moved in the page while open: the dialog stays modal, with no soc-close', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    expectOpen(el);
    const recorder = recordOpenClose();
    try {
      const elsewhere = document.createElement('section');
      el.parentElement!.after(elsewhere);
      elsewhere.append(el);
      await settle(el);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      expectOpen(el);
      // Modal: the page behind is inert.
      const behind = document.createElement('button');
      elsewhere.before(behind);
      behind.focus();
      expect(document.activeElement === behind, 'a button behind the dialog takes focus').to.equal(false);
      behind.remove();
      expect(recorder.types()).to.deep.equal([]);
      await expect(el).to.be.accessible();
      // Escape still closes it, as from a modal dialog.
      await press(el, 'Escape');
      expect(dialogOf(el).open).to.equal(false);
      expect(el.open).to.equal(false);
      expect(recorder.types()).to.deep.equal(['soc-close']);
      elsewhere.remove();
    } finally {
      recorder.stop();
    }
  });

  it('variant switched to inline while the dialog is open: soc-close fires once and open is cleared', async () => {
    const el = await renderLauncher();
    await openByClick(el);
    expectOpen(el);
    const recorder = recordOpenClose();
    try {
      el.setAttribute('variant', 'inline');
      await settle(el);
      await settle(el);
      expect(recorder.types()).to.deep.equal(['soc-close']);
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      expect($(el, 'dialog'), 'no dialog in the inline variant').to.equal(null);
      expect(headingText(el)).to.equal(TITLE);
      await expect(el).to.be.accessible();
    } finally {
      recorder.stop();
    }
  });
});
