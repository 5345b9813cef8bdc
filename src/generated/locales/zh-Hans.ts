
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      'question.serious': `Were you told you have a serious, rare or complex illness, such as cancer?`,
'question.surgery': `Has your doctor suggested surgery that is not an emergency?`,
'question.unclear': `Are you still unsure what your exact diagnosis is?`,
'question.experimental': `Are you thinking about an experimental treatment or a clinical trial?`,
'question.doubts': `Do you have questions or doubts about your treatment plan, or want to hear all your options?`,
'barrier.offend': `I am worried about upsetting my doctor`,
'barrier.time': `I do not have time`,
'barrier.insurance': `I am not sure my insurance will pay`,
'barrier.how': `I do not know how to start`,
'barrier.none': `Nothing is holding me back`,
'result.recommended.heading': `A second opinion is a good idea for you`,
'result.consider.heading': `You may want to think about a second opinion`,
'result.optional.heading': `A second opinion is up to you`,
'result.recommended.summary': `Based on your answers, another doctor could check your diagnosis and plan. Many people in your place get one.`,
'result.consider.summary': `Based on your answers, a second opinion could help you feel more sure about your care.`,
'result.optional.summary': `You answered No to every question. You can always ask for a second opinion, at any time.`,
'reason.serious.unsure': `You are not sure how serious your illness is.`,
'reason.surgery.unsure': `You are not sure if surgery is part of your plan.`,
'reason.unclear.unsure': `You are not sure if your diagnosis is clear.`,
'reason.experimental.unsure': `You are not sure about a new or trial treatment.`,
'reason.doubts.unsure': `You are not sure how you feel about your treatment plan.`,
'reason.serious.yes': `You were told you have a serious, rare or complex illness.`,
'reason.surgery.yes': `Your doctor suggested surgery that is not an emergency.`,
'reason.unclear.yes': `You are still unsure of your exact diagnosis.`,
'reason.experimental.yes': `You are thinking about an experimental treatment or a trial.`,
'reason.doubts.yes': `You have questions or doubts about your treatment plan.`,
'reassure.offend': `Doctors are used to second opinions. Asking for one is a normal part of care.`,
'reassure.time': `For most cancers, a short wait to get a second opinion does not change the outcome. Ask your doctor if it is safe to wait a few weeks.`,
'reassure.insurance': `Many health plans pay for a second opinion. Call your plan to check. Medicare Part B usually covers one before surgery that is not an emergency.`,
'reassure.how': `The steps below show you how to start. Your records can usually be sent from one office to the other.`,
'step.tell': `Tell your doctor you want a second opinion.`,
'step.insurance': `Ask your insurance company what your plan covers.`,
'step.choose': `Choose a specialist. You can find one yourself or pick from your insurance list.`,
'step.records': `Collect your records, test results and list of medicines, or have them sent.`,
'talk.script': `I want to confirm my diagnosis, understand all my options, and feel sure about my care.`,
'visit.agree': `Do you agree with my diagnosis?`,
'visit.treatment': `What treatment would you suggest, and why?`,
'visit.options': `What are all my options, including clinical trials?`,
'visit.risks': `What are the risks and benefits of each choice?`,
'visit.wait': `Is it safe to wait a few weeks to decide?`,
'visit.wait.note': `For most cancers, a short wait to get a second opinion does not change the outcome. But ask about your own case.`,
'study.mayo.summary': str`Mayo Clinic looked at the records of ${0} patients sent by their regular doctors to its internal medicine team in 2009 and 2010.`,
'study.mayo.caveat': `These patients were sent for a review. So this does not mean that 21% of all diagnoses are wrong.`,
'study.mayo.citation': `Van Such, Lohr, Beckman and Naessens. Journal of Evaluation in Clinical Practice, April 2017.`,
'study.mayo.different': str`${0}: the final diagnosis was clearly different`,
'study.mayo.refined': str`${0}: the diagnosis was made more exact or changed in part`,
'study.mayo.same': str`${0}: the diagnosis stayed the same`,
'study.michigan.summary': str`A University of Michigan team of experts reviewed the cases of ${0} people with breast cancer, one after another.`,
'study.michigan.citation': `Newman and others. Cancer, November 2006.`,
'study.michigan.changed': str`${0} people (${1}): the team suggested a different surgery`,
'study.michigan.same': str`${0}: the suggested surgery stayed the same`,
    };
  