/**
 * `<second-opinion-check>`: the public properties and events, wired to the patient's path
 * (questionnaire/path.ts), the views, and the controllers for contact, language and contrast.
 * It holds no rules of its own; registration is in define.ts.
 */
import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { emit } from './events.ts';
import { reservedSpace, styles } from './second-opinion-check.styles.ts';
import { applyDeclarativeConfig } from './config.ts';
import { answerMissingText, barriersTitle, checkTitle, contactHeading, disclaimerText, isolate } from './strings.ts';
import { oneOf, warnOnce } from './warn.ts';
import { QUESTION_IDS, THEMES, VARIANTS } from './types.ts';
import type { Answer, BarrierId, QuestionId, SelfCheckResult, Theme, Variant } from './types.ts';
import { questionList } from './questionnaire/questions.ts';
import { INTRO, next, questionsBefore, toggleBarrier, within } from './questionnaire/path.ts';
import type { PathAction, PathState } from './questionnaire/path.ts';
import { ContactController } from './contact/controller.ts';
import { LauncherController } from './launcher/controller.ts';
import { ContrastGuard } from './theme/contrast.ts';
// The views after the logic: through sentences.ts they bring in the translations, which the
// one-file bundle then places after our code, where it compresses better (npm run size).
import { progressText, renderBackButton, renderBarriers, renderIntro, renderQuestion } from './questionnaire/view.ts';
import { levelHeading, warmResultFormats } from './result/content.ts';
import { saveChecklist } from './result/export.ts';
import { renderResult } from './result/view.ts';
import { renderContact } from './contact/view.ts';
import { renderLauncher } from './launcher/view.ts';
import { LocaleController } from './i18n/controller.ts';
import { activeLocale, localeReady } from './i18n/localization.ts';
import { directionOf } from './i18n/locales.ts';

/**
 * A short, honest "Should I get a second opinion?" self-check for patients who have just had a
 * serious diagnosis: five questions, a result with the evidence and next steps, and the
 * clinic's contact details.
 *
 * @tagname second-opinion-check
 * @summary "Should I get a second opinion?" self-check for clinic web pages.
 *
 * @fires soc-start - The patient pressed Start. No detail.
 * @fires soc-step - A new screen is shown. Detail `{step, index, total}`; never an answer.
 * @fires soc-result - The result is shown. No detail: read `element.result` on purpose.
 * @fires soc-restart - The patient pressed Start again. No detail.
 * @fires soc-open - The launcher's dialog opened. No detail.
 * @fires soc-close - The launcher's dialog closed. No detail.
 * @fires soc-contact-submit - Cancelable; detail `{request, respondWith(promise)}`. Call `respondWith` synchronously to send the call-back request yourself.
 * @fires soc-contact-sent - A call-back request was delivered. Detail `{id, reference?}`.
 * @fires soc-contact-error - A try to send failed. Detail `{id, reason, status?, willRetry}`.
 *
 * @csspart base - The content root; carries `lang` and `dir`.
 * @csspart header - The top bar with the clinic's name.
 * @csspart title - The heading of each screen.
 * @csspart progress - "Question N of M" and its bar.
 * @csspart question - The fieldset of a question or of the barriers step.
 * @csspart option - One answer, barrier or checklist item (its label).
 * @csspart button - Every button.
 * @csspart button-primary - The main button of a screen (also has part `button`).
 * @csspart result - The result screen.
 * @csspart stats - The evidence section.
 * @csspart steps - The next-steps checklist.
 * @csspart contact - The contact panel.
 * @csspart form - The call-back request form (and its sent confirmation).
 * @csspart input - Each text field of the form.
 * @csspart error - A message about a missing or wrong answer or field.
 * @csspart disclaimer - The "not medical advice" note.
 * @csspart launcher - The floating button of `variant="launcher"`.
 * @csspart dialog - The modal dialog the launcher opens.
 *
 * @cssprop [--soc-font-family=inherit] - Font of the whole widget; the host page's by default.
 * @cssprop [--soc-color-accent=#0b5cad] - Primary buttons, links, focus ring, chosen options.
 * @cssprop [--soc-color-on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--soc-color-text=#1b1f24] - Body text.
 * @cssprop [--soc-color-surface=#ffffff] - Background.
 * @cssprop [--soc-color-border=#6b7280] - Borders of fields, options and panels.
 * @cssprop [--soc-color-error=#b3261e] - Error messages and the borders of fields with an error (`#ffb4ab` in the dark theme).
 * @cssprop [--soc-radius=0.5rem] - Corner radius.
 * @cssprop [--soc-space=1rem] - Base spacing unit.
 * @cssprop [--soc-max-width=40rem] - Widest the inline widget (and the launcher's dialog) grows.
 * @cssprop [--soc-z-index=1000] - Stacking order of the launcher button.
 * @cssprop [--soc-launcher-inset-block-end=1.5rem] - Launcher's distance from the bottom of the viewport (1rem below 480 px).
 * @cssprop [--soc-launcher-inset-inline-end=1.5rem] - Launcher's distance from the page's inline-end side (right, or left on a right-to-left page; 1rem below 480 px).
 */
@localized()
export class SecondOpinionCheck extends LitElement {
  static override styles = [styles, reservedSpace];

  /** The clinic's name, shown in headings; generic wording when absent. */
  @property({ attribute: 'clinic-name' }) clinicName?: string;
  /** The clinic's phone number, shown as given and dialled with only `+` and digits. */
  @property() phone?: string;
  /** The clinic's email address, linked with `mailto:`. */
  @property() email?: string;
  /** The clinic's own contact page; only `http:` and `https:` URLs are linked. */
  @property({ attribute: 'contact-url' }) contactUrl?: string;
  /** The clinic's address, as plain text. */
  @property() address?: string;
  /** The clinic's opening hours, as plain text. */
  @property() hours?: string;
  /** Where call-back requests are POSTed (see README). */
  @property() endpoint?: string;
  /** BCP 47 language tag; when absent the nearest `lang`, then the browser's languages, then `en`. */
  @property({ reflect: false }) locale?: string;
  /** `light` (default), `dark`, or `auto` to follow `prefers-color-scheme`. @type {'light' | 'dark' | 'auto'} */
  @property({ reflect: true }) theme: Theme = 'light';
  /** `inline` (default) fits its container; `launcher` is a floating button that opens a dialog. @type {'inline' | 'launcher'} */
  @property({ reflect: true }) variant: Variant = 'inline';
  /** Whether the launcher's dialog is open. */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Show the call-back form without an `endpoint`: the host answers `soc-contact-submit`. */
  @property({ type: Boolean, attribute: 'contact-form' }) contactForm = false;
  /** The emergency number named in the disclaimer. */
  @property({ attribute: 'emergency-number' }) emergencyNumber = '911';

  /** Which default questions to ask, and in what order. Unknown ids are dropped with a warning. */
  @property({ attribute: false })
  get questions(): QuestionId[] {
    return [...this.questionIds];
  }
  set questions(value: readonly QuestionId[]) {
    const old = this.questionIds;
    this.questionIds = questionList(value, (key, text) => warnOnce(this, key, text));
    this.path = within(this.path, this.questionIds.length);
    this.requestUpdate('questions', old);
  }

  /**
   * The self-check's outcome once the result is shown, `null` before and after Start again.
   * It holds the patient's answers: a host that reads it handles health information.
   */
  get result(): SelfCheckResult | null {
    return this.path.step === 'result' ? structuredClone(this.path.result) : null;
  }

  /** The screen shown now. */
  @state() private path: PathState = INTRO;
  @state() private answers: Partial<Record<QuestionId, Answer>> = {};
  @state() private barriers = new Set<BarrierId>();
  @state() private showAnswerError = false;
  @state() private ticked: boolean[] = [];
  @state() private announcement: string | TemplateResult = '';
  private questionIds: QuestionId[] = [...QUESTION_IDS];
  /** Focus moves only after the patient acts, never on page load. */
  private focusHeadingAfterUpdate = false;
  /** The contact panel and its call-back form; it lives as long as the element, so nothing typed is lost between screens. */
  private readonly contact = new ContactController(this);
  private readonly launcher = new LauncherController(this);

  constructor() {
    super();
    new LocaleController(this);
    new ContrastGuard(this);
  }

  override connectedCallback(): void {
    // Before the controllers connect: the JSON config may set the language they resolve.
    applyDeclarativeConfig(this);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('theme')) this.theme = oneOf(this, 'theme', this.theme, THEMES);
    if (changed.has('variant')) this.variant = oneOf(this, 'variant', this.variant, VARIANTS);
    this.contact.check(changed);
  }

  /**
   * The first render waits for the resolved language to load (a chunk of the npm build), so a
   * Spanish page never shows English first; the reserved space (README) keeps the page still
   * meanwhile. Later updates are not held.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ready = this.hasUpdated ? undefined : localeReady();
    return ready ? ready.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  protected override updated(): void {
    if (this.focusHeadingAfterUpdate) this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    this.focusHeadingAfterUpdate = false;
  }

  protected override render() {
    const locale = activeLocale();
    const dir = directionOf(locale);
    if (this.variant !== 'launcher') return this.renderCheck(locale, dir);
    const content = this.launcher.opened ? this.renderCheck(locale, dir) : undefined;
    return renderLauncher({
      locale,
      dir,
      pageRtl: this.launcher.pageRtl,
      content,
      onOpenChange: (open) => (this.open = open),
    });
  }

  private renderCheck(locale: string, dir: 'ltr' | 'rtl') {
    return html`
      <div part="base" class="base" lang=${locale} dir=${dir}>
        ${this.clinicName ? html`<p part="header" class="header">${isolate(this.clinicName)}</p>` : ''}
        ${this.renderStep(locale)}
        <p part="disclaimer" class="disclaimer">${disclaimerText(this.emergencyNumber)}</p>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  private renderStep(locale: string) {
    const { path } = this;
    const total = this.questionIds.length;
    const act = (action: PathAction) => this.act(action);
    switch (path.step) {
      case 'intro':
        return renderIntro({
          total,
          contactLabel: contactHeading(this.clinicName),
          onAction: act,
        });
      case 'question': {
        const id = this.questionIds[path.index];
        return renderQuestion({
          id,
          number: path.index + 1,
          total,
          answer: this.answers[id],
          showError: this.showAnswerError,
          onAnswer: (answer) => {
            this.answers = { ...this.answers, [id]: answer };
            this.showAnswerError = false;
          },
          onAction: act,
        });
      }
      case 'barriers':
        return renderBarriers({
          selected: this.barriers,
          onToggle: (id, checked) => (this.barriers = toggleBarrier(this.barriers, id, checked)),
          onAction: act,
        });
      case 'result':
        return renderResult({
          result: path.result,
          locale,
          ticked: this.ticked,
          contactPanel: renderContact(this.contact, locale),
          onTick: (index, checked) => (this.ticked = Object.assign([...this.ticked], { [index]: checked })),
          onPrint: () => window.print(),
          onSave: () => saveChecklist(path.result, this.ticked, disclaimerText(this.emergencyNumber)),
          onRestart: () => this.act('restart'),
        });
      case 'contact':
        return html`<div class="step">
          ${renderBackButton(() => act('back'))} ${renderContact(this.contact, locale, true)}
        </div>`;
    }
  }

  /** The patient acted: the events that say so, then the screen the path leads to. */
  private act(action: PathAction) {
    if (action === 'start') warmResultFormats(activeLocale());
    if (action === 'skip' || action === 'restart') this.barriers = new Set();
    if (action === 'restart') [this.answers, this.ticked] = [{}, []];
    if (action === 'start' || action === 'restart') emit(this, `soc-${action}`);
    const to = next(this.path, action, { questions: this.questionIds, answers: this.answers, barriers: this.barriers });
    if (to === this.path) {
      // Continue without an answer: the question stays, and says why.
      if (action === 'continue') {
        this.showAnswerError = true;
        this.announce(answerMissingText());
      }
      return;
    }
    this.goTo(to);
    if (to.step === 'result') emit(this, 'soc-result');
  }

  /** Every screen change: state, focus to its heading, an announcement, and `soc-step`. */
  private goTo(path: PathState) {
    const total = this.questionIds.length;
    this.path = path;
    this.showAnswerError = false;
    this.focusHeadingAfterUpdate = true;
    this.announce(
      path.step === 'question'
        ? progressText(path.index + 1, total)
        : path.step === 'result'
          ? levelHeading(path.result.level)
          : path.step === 'contact'
            ? contactHeading(this.clinicName)
            : path.step === 'barriers'
              ? barriersTitle()
              : checkTitle(),
    );
    emit(this, 'soc-step', { step: path.step, index: questionsBefore(path, total), total });
  }

  private announce(text: string | TemplateResult) {
    // Clearing first makes a repeated message (the same error twice) be read again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }
}
