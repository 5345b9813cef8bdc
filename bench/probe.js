// The in-page half of the benchmark. `probe` is serialized into each host page as a classic
// inline script in <head>, so it runs before any candidate script, and is the same for all.
// It records layout shifts and long tasks from navigation start, finds the moment the intro's
// Start control is ready, and later drives the check to its result with scripted clicks.

/**
 * @param {object} config  per-candidate selectors (see CANDIDATES in pages.js)
 *   root: the element the candidate renders into (its shadow root is searched when it has one)
 *   start, title, next, skip?, result: selectors inside that scope; answer: a selector with
 *   `%s` where the answer value goes (the control a patient clicks for that answer)
 *   questions: the five question texts; answers: the five answers to give
 */
export function probe(config) {
  const bench = {
    config,
    shifts: [],
    longTasks: [],
    introReady: 0,
    error: '',
  };
  window.__bench = bench;

  const observe = (type, push) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(push)).observe({ type, buffered: true });
    } catch (error) {
      bench.error += `${type}: ${error.message}; `;
    }
  };
  observe('layout-shift', (e) => bench.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput }));
  observe('longtask', (e) => bench.longTasks.push({ t: e.startTime, d: e.duration }));

  const scope = () => {
    const root = document.querySelector(config.root);
    return root ? (root.shadowRoot ?? root) : null;
  };
  const find = (selector) => scope()?.querySelector(selector) ?? null;

  /**
   * "Ready" for a control: connected, enabled, rendered and visible (not display:none,
   * visibility:hidden or opacity 0), with a box, and, when on screen, the topmost element at
   * its centre (nothing covers it).
   */
  const ready = (el) => {
    if (!el || !el.isConnected) return false;
    const control = el.control ?? el;
    if (control.disabled) return false;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = el.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) return false;
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return true;
    const hit = el.getRootNode().elementFromPoint(x, y);
    return !!hit && (hit === el || el.contains(hit));
  };

  /**
   * Resolves with performance.now() once `test()` holds: checked after microtasks, after one
   * task, then on every animation frame. With `painted`, it resolves only when the frame that
   * shows the change has been rendered and the main thread is free again (a task queued from
   * that frame's animation callback has started): the moment a press would be handled.
   */
  const until = (test, label, painted = false, timeout = 20000) =>
    new Promise((resolve, reject) => {
      const started = performance.now();
      const done = (inFrame) => {
        if (!painted) return resolve(performance.now());
        if (inFrame) return setTimeout(() => resolve(performance.now()));
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      };
      const check = (inFrame) => {
        if (test()) return (done(inFrame), true);
        if (performance.now() - started > timeout) return (reject(new Error(`timed out waiting for ${label}`)), true);
        return false;
      };
      const frame = () => check(true) || requestAnimationFrame(frame);
      queueMicrotask(() => check(false) || setTimeout(() => check(false) || requestAnimationFrame(frame)));
    });

  // The intro is ready when its Start control is ready and painted: checked on every frame
  // from the first one, then a task queued from that frame marks when it has been rendered.
  const startReady = () => ready(find(config.start));
  bench.ready = new Promise((resolve) => {
    const frame = () => {
      if (!startReady()) return requestAnimationFrame(frame);
      setTimeout(() => resolve((bench.introReady = performance.now())));
    };
    if (config.start) requestAnimationFrame(frame);
    else addEventListener('load', () => setTimeout(() => resolve(performance.now())));
  });

  const titleIs = (index) => (find(config.title)?.textContent ?? '').includes(config.questions[index]);
  const answerTarget = (index) => find(config.answer.replace('%s', config.answers[index]));

  /** The load phase's figures, read once the page has settled. */
  bench.snapshot = () => {
    const nav = performance.getEntriesByType('navigation')[0];
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const root = document.querySelector(config.root);
    return {
      now: performance.now(),
      introReady: bench.introReady,
      fcp: paint ? paint.startTime : 0,
      domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0,
      load: nav ? nav.loadEventEnd : 0,
      shifts: bench.shifts.slice(),
      longTasks: bench.longTasks.slice(),
      rootHeight: root ? root.getBoundingClientRect().height : 0,
      error: bench.error,
    };
  };

  /**
   * Press Start, then answer the five questions and go on to the result, as fast as the UI
   * allows. Every press is its own task, as a real click is, so that a long task is one step's.
   */
  bench.drive = async () => {
    const times = {};
    const act = (press) => new Promise((resolve) => setTimeout(() => resolve(press())));
    await act(() => {
      // The mark splits the trace (CPU time per task) into load and answering.
      performance.mark('bench-start-press');
      times.startPress = performance.now();
      find(config.start).click();
    });
    times.firstQuestion = await until(() => titleIs(0) && ready(answerTarget(0)), 'the first question', true);
    for (let index = 0; index < config.questions.length; index++) {
      await until(() => titleIs(index) && ready(answerTarget(index)), `question ${index + 1}`);
      const target = answerTarget(index);
      await act(() => target.click());
      await until(() => (target.control ?? target).checked === true, `answer ${index + 1} to be checked`);
      await until(() => ready(find(config.next)), `Continue on question ${index + 1}`);
      await act(() => find(config.next).click());
    }
    if (config.skip) {
      await until(() => ready(find(config.skip)), 'the optional step');
      await act(() => find(config.skip).click());
    }
    times.result = await until(() => !!find(config.result)?.checkVisibility(), 'the result', true);
    times.longTasks = bench.longTasks.filter((task) => task.t >= times.startPress);
    return times;
  };
}
