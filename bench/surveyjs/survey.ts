/**
 * The general survey library on the same path: SurveyJS (survey-core + survey-js-ui, with its
 * own stylesheet) rendering a start page with a Start button, the same five questions one per
 * page (Yes / No / Not sure, Continue) and a completion page with the same scoring rule.
 * Defaults everywhere else, as a clinic would ship it. The webfont-free stylesheet is used
 * because the default one loads Open Sans from a third-party server.
 */
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.fontless.min.css';

const QUESTIONS = [
  ['serious', 'Were you told you have a serious, rare or complex illness, such as cancer?'],
  ['surgery', 'Has your doctor suggested surgery that is not an emergency?'],
  ['unclear', 'Are you still unsure what your exact diagnosis is?'],
  ['experimental', 'Are you thinking about an experimental treatment or a clinical trial?'],
  ['doubts', 'Do you have questions or doubts about your treatment plan, or want to hear all your options?'],
];

const strong = "{serious} = 'yes' or {surgery} = 'yes' or {unclear} = 'yes' or {experimental} = 'yes'";
const soft =
  "{serious} = 'unsure' or {surgery} = 'unsure' or {unclear} = 'unsure' or {experimental} = 'unsure' or {doubts} anyof ['yes', 'unsure']";

const survey = new Model({
  firstPageIsStartPage: true,
  startSurveyText: 'Start',
  pageNextText: 'Continue',
  completeText: 'Continue',
  showPrevButton: false,
  showQuestionNumbers: 'off',
  pages: [
    {
      name: 'intro',
      elements: [
        {
          type: 'html',
          name: 'introText',
          html:
            '<h2>Should I get a second opinion?</h2><p>A second opinion is when another doctor looks at your diagnosis ' +
            'and treatment plan. Many people get one to feel sure about a big decision, or to learn about all their ' +
            'options.</p><p>5 quick questions, about 1 minute</p>',
        },
      ],
    },
    ...QUESTIONS.map(([name, title]) => ({
      name,
      elements: [
        {
          type: 'radiogroup',
          name,
          title,
          isRequired: true,
          choices: [
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
            { value: 'unsure', text: 'Not sure' },
          ],
        },
      ],
    })),
  ],
  completedHtml: '<h2 class="result">A second opinion is up to you</h2>',
  completedHtmlOnCondition: [
    { expression: strong, html: '<h2 class="result">A second opinion is a good idea for you</h2>' },
    { expression: soft, html: '<h2 class="result">You may want to think about a second opinion</h2>' },
  ],
});

renderSurvey(survey, document.getElementById('survey')!);
