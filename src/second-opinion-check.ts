import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localized, msg, str } from '@lit/localize';
import { emit } from './events.ts';
import { styles } from './second-opinion-check.styles.ts';
import {
  answerMissingText,
  BARRIER_IDS,
  barriersTitle,
  checkTitle,
  normalizeQuestionIds,
  QUESTION_IDS,
} from './questionnaire/questions.ts';
import { scoreSelfCheck } from './questionnaire/scoring.ts';
import { progressText, renderBackButton, renderBarriers, renderIntro, renderQuestion } from './questionnaire/view.ts';
import { levelHeading, warmResultFormats } from './result/content.ts';
import { checklistText } from './result/export.ts';
import { renderResult } from './result/view.ts';
import { httpUrl, isolate, mailtoHref, telHref } from './contact/links.ts';
import { contactHeading, renderContactPanel } from './contact/view.ts';
import { isAllowedEndpoint } from './contact/delivery.ts';
import { ContactFormController } from './contact/form-controller.ts';
import { contactFieldId, renderContactForm } from './contact/form-view.ts';
import type { ContactField } from './contact/validation.ts';
import { VERSION } from './version.ts';
import { readDeclarativeConfig } from './config.ts';
import { renderLauncher } from './launcher/view.ts';
import { lowContrastPairs } from './theme/contrast.ts';
import { activeLocale, localeReady, switchLocale } from './i18n/localization.ts';
import { ancestorLang, directionOf, resolveLocale } from './i18n/locales.ts';
import type { Answer, BarrierId, QuestionId, SelfCheckResult, Step, Theme, Variant } from './types.ts';

const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/**
 * The space the README's host rule reserves before the script loads, kept while the first
 * render waits for the page's language to load, so that nothing moves in between.
 */
const RESERVED_SPACE = css`
  :host(:not([variant='launcher'])) {
    min-block-size: 24rem;
  }
`;

/** Any value, named for a warning without throwing (a BigInt, a circular object, a Symbol…). */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (Array.isArray(value)) return 'a list';
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return `a value of type ${typeof value}`;
}
const HOST_COLOR_TOKENS = ['--soc-color-accent', '--soc-color-on-accent', '--soc-color-text', '--soc-color-surface'];
const VARIANTS: readonly Variant[] = ['inline', 'launcher'];

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
 * @cssprop [--soc-launcher-inset-block-end=1.5rem] - Launcher's distance from the bottom of the viewport.
 * @cssprop [--soc-launcher-inset-inline-end=1.5rem] - Launcher's distance from the inline-end side (right, or left in right-to-left languages).
 */
@localized()
export class SecondOpinionCheck extends LitElement {
  static override styles = [styles, RESERVED_SPACE];

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

  /** `light` (default), `dark`, or `auto` to follow `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'light';

  /** `inline` (default) fits its container; `launcher` is a floating button that opens a dialog. */
  @property({ reflect: true }) variant: 'inline' | 'launcher' = 'inline';

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
    if (!Array.isArray(value)) {
      this.warnOnce(
        `questions:not-a-list:${describeValue(value)}`,
        `questions must be a list of question ids, not ${describeValue(value)}, so all default questions are asked. Known ids: ${QUESTION_IDS.join(', ')}.`,
      );
    }
    const { ids, unknown } = Array.isArray(value) ? normalizeQuestionIds(value) : { ids: [], unknown: [] };
    for (const id of unknown)
      this.warnOnce(
        `questions:${describeValue(id)}`,
        `the questions list has an unknown id ${describeValue(id)}; it is left out. Known ids: ${QUESTION_IDS.join(', ')}.`,
      );
    this.questionIds = ids.length ? ids : [...QUESTION_IDS];
    if (!ids.length && Array.isArray(value))
      this.warnOnce('questions:empty', 'the questions list has no known id, so all default questions are asked.');
    this.questionIndex = Math.min(this.questionIndex, this.questionIds.length - 1);
    this.requestUpdate('questions', old);
  }

  /**
   * The self-check's outcome once the result is shown, `null` before and after Start again.
   * It holds the patient's answers: a host that reads it handles health information.
   */
  get result(): SelfCheckResult | null {
    return this.currentResult ? structuredClone(this.currentResult) : null;
  }

  @state() private step: Step = 'intro';
  @state() private questionIndex = 0;
  @state() private answers: Partial<Record<QuestionId, Answer>> = {};
  @state() private barriers = new Set<BarrierId>();
  @state() private showAnswerError = false;
  @state() private ticked: boolean[] = [];
  @state() private announcement: string | TemplateResult = '';
  @state() private currentResult: SelfCheckResult | null = null;
  private questionIds: QuestionId[] = [...QUESTION_IDS];
  /** Where Back goes from the contact screen. */
  private contactReturnStep: Step = 'intro';
  /** Focus moves only after the patient acts, never on page load. */
  private focusHeadingAfterUpdate = false;
  private readonly warned = new Set<string>();
  /** The launcher's dialog content is rendered on first open and kept, so nothing typed is lost. */
  @state() private launcherOpened = false;
  private dialogWasOpen = false;
  /** Whether the call-back form showed its confirmation at the last update. */
  private formWasSent = false;
  /** The call-back form; it lives as long as the element, so nothing typed is lost between screens. */
  private readonly contactFormState = new ContactFormController(this, {
    warn: (key, text) => this.warnOnce(key, text),
    endpoint: () => this.checkedEndpoint(),
  });
  /** The checked `endpoint`, or undefined when absent or refused. */
  private endpointUrl?: URL;
  private langObserver?: MutationObserver;
  private configRead = false;
  private cancelContrastCheck?: () => void;
  private contrastCheckDue = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.contrastCheckDue) {
      this.contrastCheckDue = false;
      this.scheduleContrastCheck();
    }
    if (!this.configRead) {
      this.configRead = true;
      // The host's attributes, before the first render reflects `theme` and `variant`.
      const hostAttributes = new Set(this.getAttributeNames());
      const read = () => {
        const { config, warnings } = readDeclarativeConfig(this, (name) => hostAttributes.has(name));
        for (const warning of warnings) this.warnOnce(warning, warning);
        Object.assign(this, config);
      };
      // When the script ran first (`async`, or a second widget further down a streamed page),
      // the parser connects the element before it parses its children: look for the JSON config
      // once the document is parsed.
      if (document.readyState === 'loading' && !this.hasChildNodes()) {
        document.addEventListener('DOMContentLoaded', read, { once: true });
      } else read();
    }
    this.keepDialogModal();
    this.applyLocale();
    // A host that switches its page language switches the widget too.
    this.langObserver = new MutationObserver(() => this.applyLocale());
    this.langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObserver?.disconnect();
    // A pending callback would keep a removed element alive; check again if it comes back.
    if (this.cancelContrastCheck) {
      this.cancelContrastCheck();
      this.cancelContrastCheck = undefined;
      this.contrastCheckDue = true;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.applyLocale();
    if (this.open && this.variant === 'launcher') this.launcherOpened = true;
    if (changed.has('theme') && !THEMES.includes(this.theme)) {
      this.warnAttribute('theme', this.theme, `use ${THEMES.join(', ')}`);
      this.theme = 'light';
    }
    if (changed.has('variant') && !VARIANTS.includes(this.variant)) {
      this.warnAttribute('variant', this.variant, `use ${VARIANTS.join(', ')}`);
      this.variant = 'inline';
    }
    if (changed.has('contactUrl') && this.contactUrl && !httpUrl(this.contactUrl)) {
      this.warnAttribute('contact-url', this.contactUrl, 'only http: and https: addresses are linked');
    }
    if (changed.has('endpoint')) {
      this.endpointUrl = this.checkedEndpoint();
      this.contactFormState.endpointChanged(this.endpointUrl);
      if (this.endpoint && !this.endpointUrl) {
        this.warnAttribute(
          'endpoint',
          this.endpoint,
          "call-back requests go only to https:, this page's origin, or http://localhost, so the form is hidden",
        );
      }
    }
    if (changed.has('phone') && this.phone && !telHref(this.phone)) {
      this.warnAttribute('phone', this.phone, 'it has no digits to dial');
    }
    if (changed.has('email') && this.email && !mailtoHref(this.email)) {
      this.warnAttribute('email', this.email, 'only one plain email address is linked (no %, ?, #, / or :)');
    }
  }

  /** `endpoint` as a URL if requests may go there, else undefined. */
  private checkedEndpoint(): URL | undefined {
    return this.endpoint ? (isAllowedEndpoint(this.endpoint, location.href) ?? undefined) : undefined;
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

  protected override firstUpdated(): void {
    this.scheduleContrastCheck();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open') || changed.has('variant')) this.syncDialog();
    if (changed.has('theme') && changed.get('theme') !== undefined) this.scheduleContrastCheck();
    // Sent: the form is gone, so the confirmation takes focus, whether the patient's click or a
    // send resumed after the element came back into the page got there.
    const sent = this.contactFormState.status.kind === 'sent';
    if (sent && !this.formWasSent) this.renderRoot.querySelector<HTMLElement>('#form-sent')?.focus();
    this.formWasSent = sent;
    if (this.focusHeadingAfterUpdate) {
      this.focusHeadingAfterUpdate = false;
      this.renderRoot.querySelector<HTMLElement>('#heading')?.focus();
    }
  }

  protected override render() {
    const locale = activeLocale();
    const dir = directionOf(locale);
    if (this.variant === 'launcher') {
      return renderLauncher({
        locale,
        dir,
        content: this.launcherOpened ? this.renderCheck(locale, dir) : undefined,
        onOpenClick: () => (this.open = true),
        onCloseClick: () => (this.open = false),
        onDialogClose: () => (this.open = false),
      });
    }
    return this.renderCheck(locale, dir);
  }

  private renderCheck(locale: string, dir: 'ltr' | 'rtl') {
    return html`
      <div part="base" class="base" lang=${locale} dir=${dir}>
        ${this.clinicName ? html`<p part="header" class="header">${isolate(this.clinicName)}</p>` : nothing}
        ${this.renderStep(locale)}
        <p part="disclaimer" class="disclaimer">${this.disclaimerText()}</p>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  /**
   * Moving the element in the page takes its open dialog out of the top layer: it would stay
   * open but no longer modal (the page behind it usable, focus not kept in). Show it as a modal
   * again, without a `close` in between.
   */
  private keepDialogModal() {
    const dialog = this.renderRoot?.querySelector('dialog');
    if (!dialog || !this.open || dialog.matches(':modal')) return;
    dialog.removeAttribute('open');
    dialog.showModal();
  }

  /** Keeps the native dialog in step with `open`, in both directions, and fires soc-open / soc-close. */
  private syncDialog() {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog) {
      // `variant` left `launcher` with the dialog open: it is gone, so it closed.
      if (this.dialogWasOpen) {
        this.dialogWasOpen = false;
        this.open = false;
        emit(this, 'soc-close');
      }
      return;
    }
    if (this.open && !dialog.open) {
      dialog.showModal();
      emit(this, 'soc-open');
    } else if (!this.open && this.dialogWasOpen) {
      // Closed by the host, the close button, or Escape (then the dialog is already shut).
      if (dialog.open) dialog.close();
      emit(this, 'soc-close');
      this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
    }
    this.dialogWasOpen = this.open;
  }

  /** Colours are only known once styles apply; checked when the page is idle, off the first paint. */
  private scheduleContrastCheck() {
    this.cancelContrastCheck?.();
    const run = () => {
      this.cancelContrastCheck = undefined;
      this.checkContrast();
    };
    if ('requestIdleCallback' in window) {
      const handle = requestIdleCallback(run, { timeout: 1000 });
      this.cancelContrastCheck = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 1);
      this.cancelContrastCheck = () => clearTimeout(handle);
    }
  }

  private checkContrast() {
    const root = this.renderRoot.querySelector('.base, .launcher-root');
    if (!root) return;
    // Our own theme colours pass; only a host's --soc-* colours can fail, so skip the canvas work without them.
    const host = getComputedStyle(this);
    if (HOST_COLOR_TOKENS.every((token) => !host.getPropertyValue(token).trim())) return;
    for (const { names, ratio } of lowContrastPairs(root)) {
      this.warnOnce(
        `contrast:${names}`,
        `text contrast of ${names} is ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG asks for. Choose colours further apart.`,
      );
    }
  }

  private renderStep(locale: string) {
    const total = this.questionIds.length;
    switch (this.step) {
      case 'intro':
        return renderIntro({
          total,
          clinicName: this.clinicName,
          onStart: this.handleStartClick,
          onContact: () => this.showContact(),
        });
      case 'question': {
        const id = this.questionIds[this.questionIndex];
        // Fresh radios for each question: reused ones would be renamed into the new group while
        // still checked, which unchecks the answer given there before (seen going Back).
        return keyed(
          id,
          renderQuestion({
            id,
            number: this.questionIndex + 1,
            total,
            answer: this.answers[id],
            showError: this.showAnswerError,
            onAnswer: (answer) => this.handleAnswer(id, answer),
            onContinue: this.handleQuestionContinue,
            onBack: this.handleQuestionBack,
          }),
        );
      }
      case 'barriers':
        return renderBarriers({
          selected: this.barriers,
          onToggle: this.handleBarrierToggle,
          onContinue: this.showResult,
          onSkip: this.handleBarriersSkip,
          onBack: () => this.goTo('question', total - 1),
        });
      case 'result':
        return renderResult({
          result: this.currentResult!,
          locale,
          ticked: this.ticked,
          contactPanel: renderContactPanel(this.contactDetails(), this.renderForm(locale)),
          onTick: (index, checked) => {
            this.ticked = Object.assign([...this.ticked], { [index]: checked });
          },
          onPrint: () => window.print(),
          onSave: this.handleSaveClick,
          onRestart: this.handleRestartClick,
        });
      case 'contact':
        return html`
          <div class="step">
            ${renderBackButton(() => this.goTo(this.contactReturnStep, this.questionIndex))}
            ${renderContactPanel(this.contactDetails(), this.renderForm(locale), 'heading', true)}
          </div>
        `;
    }
  }

  /** The call-back form, when the clinic can receive requests (an allowed endpoint or the host). */
  private renderForm(locale: string) {
    const canSend = Boolean(this.endpointUrl) || this.contactForm;
    // A request that failed (say, stopped because the endpoint was removed) stays on screen with
    // everything typed, even when nothing can send it any more.
    if (!canSend && this.contactFormState.status.kind !== 'failed') return nothing;
    const details = this.contactDetails();
    return renderContactForm({
      form: this.contactFormState,
      canSend,
      ...details,
      canShareAnswers: this.currentResult !== null,
      locale,
      onSubmit: this.handleContactSubmit,
      onErrorLinkClick: (field) => this.focusField(field),
    });
  }

  private handleContactSubmit = async () => {
    if (!this.endpointUrl && !this.contactForm) return;
    const form = this.contactFormState;
    void form.submit({
      endpoint: this.endpointUrl,
      language: activeLocale(),
      result: this.currentResult,
      widgetVersion: VERSION,
      onNoHost: () =>
        this.warnOnce(
          'contact-form:no-host',
          'the contact-form attribute is set without an endpoint, but no soc-contact-submit listener called respondWith(), so the request could not be sent.',
        ),
    });
    await this.updateComplete;
    // Errors: focus the summary (GOV.UK pattern). Sent: `updated` focuses the confirmation.
    if (form.submitted && form.visibleErrors.length)
      this.renderRoot.querySelector<HTMLElement>('#error-summary')?.focus();
  };

  private focusField(field: ContactField) {
    this.renderRoot.querySelector<HTMLElement>(`#${contactFieldId(field)}`)?.focus();
  }

  private contactDetails() {
    return {
      clinicName: this.clinicName,
      phone: this.phone,
      telHref: telHref(this.phone),
      email: this.email,
      mailtoHref: mailtoHref(this.email),
      contactUrl: httpUrl(this.contactUrl),
      address: this.address,
      hours: this.hours,
    };
  }

  private disclaimerText() {
    const number = this.emergencyNumber?.trim() || '911';
    return msg(
      str`This check does not give medical advice. Talk with your doctor about your care. In an emergency, call ${number}.`,
      { id: 'disclaimer' },
    );
  }

  private handleStartClick = () => {
    // The result's number and date formats cost ~10 ms the first time: make them while the patient reads.
    const locale = activeLocale();
    (window.requestIdleCallback ?? setTimeout)(() => warmResultFormats(locale));
    emit(this, 'soc-start');
    this.goTo('question', 0);
  };

  private handleAnswer(id: QuestionId, answer: Answer) {
    this.answers = { ...this.answers, [id]: answer };
    this.showAnswerError = false;
  }

  private handleQuestionContinue = () => {
    const id = this.questionIds[this.questionIndex];
    if (!this.answers[id]) {
      this.showAnswerError = true;
      this.announce(answerMissingText());
      return;
    }
    if (this.questionIndex < this.questionIds.length - 1) this.goTo('question', this.questionIndex + 1);
    else this.goTo('barriers');
  };

  private handleQuestionBack = () => {
    if (this.questionIndex > 0) this.goTo('question', this.questionIndex - 1);
    else this.goTo('intro');
  };

  private handleBarrierToggle = (id: BarrierId, checked: boolean) => {
    const next = new Set(this.barriers);
    if (checked) {
      // "Nothing is holding me back" and the other barriers exclude each other.
      if (id === 'none') next.clear();
      else next.delete('none');
      next.add(id);
    } else next.delete(id);
    this.barriers = next;
  };

  private handleBarriersSkip = () => {
    this.barriers = new Set();
    this.showResult();
  };

  private showResult = () => {
    const barriers = [...this.barriers].sort((a, b) => BARRIER_IDS.indexOf(a) - BARRIER_IDS.indexOf(b));
    this.currentResult = scoreSelfCheck(this.questionIds, this.answers, barriers);
    this.goTo('result');
    emit(this, 'soc-result');
  };

  private handleRestartClick = () => {
    this.answers = {};
    this.barriers = new Set();
    this.ticked = [];
    this.currentResult = null;
    emit(this, 'soc-restart');
    this.goTo('intro');
  };

  private handleSaveClick = () => {
    if (!this.currentResult) return;
    const text = checklistText(this.currentResult, this.ticked, this.disclaimerText());
    // A download made on the patient's click; nothing is stored by the widget.
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = msg('second-opinion-checklist.txt', { id: 'result.save.filename' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  private showContact() {
    this.contactReturnStep = this.step;
    this.goTo('contact');
  }

  /** Every screen change: state, focus to its heading, an announcement, and `soc-step`. */
  private goTo(step: Step, questionIndex = this.questionIndex) {
    const total = this.questionIds.length;
    this.step = step;
    this.questionIndex = questionIndex;
    this.showAnswerError = false;
    this.focusHeadingAfterUpdate = true;
    const index = step === 'question' ? questionIndex : step === 'barriers' || step === 'result' ? total : 0;
    this.announce(this.stepAnnouncement(step, questionIndex));
    emit(this, 'soc-step', { step, index, total });
  }

  private stepAnnouncement(step: Step, questionIndex: number): string | TemplateResult {
    switch (step) {
      case 'question':
        return progressText(questionIndex + 1, this.questionIds.length);
      case 'result':
        return this.currentResult ? levelHeading(this.currentResult.level) : '';
      case 'contact':
        return contactHeading(this.clinicName);
      case 'barriers':
        return barriersTitle();
      case 'intro':
        return checkTitle();
    }
  }

  private announce(text: string | TemplateResult) {
    // Clearing first makes a repeated message (the same error twice) be read again.
    this.announcement = '';
    requestAnimationFrame(() => (this.announcement = text));
  }

  private applyLocale() {
    const locale = resolveLocale(
      { attribute: this.locale, ancestorLang: ancestorLang(this), navigatorLanguages: navigator.languages },
      (step, value) =>
        this.warnOnce(
          `${step}:${value}`,
          step === 'locale'
            ? `the locale attribute "${value}" is not a supported language; trying the page's lang next.`
            : `the page language lang="${value}" is not supported; trying the browser's languages next.`,
        ),
    );
    void switchLocale(locale);
  }

  private warnAttribute(name: string, value: string, why: string) {
    this.warnOnce(`${name}:${value}`, `the ${name} attribute ${JSON.stringify(value)} is not used: ${why}.`);
  }

  private warnOnce(key: string, text: string) {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(`<second-opinion-check>: ${text}`);
  }
}
