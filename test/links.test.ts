/** Host-given contact details turned into links (src/contact/links.ts). */
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { httpUrl, mailtoHref, telHref } from '../src/contact/links.ts';
import { isolate } from '../src/strings.ts';

describe('telHref', () => {
  const cases: [string, string | undefined][] = [
    ['+1 (555) 010-4477', 'tel:+15550104477'],
    ['+1 (555) 010-4477;ext=9', 'tel:+15550104477'],
    ['+1 (555) 010-4477 ;ext=9', 'tel:+15550104477'],
    ['(555) 010-4477 ext. 12', 'tel:5550104477'],
    ['(555) 010-4477 EXT 12', 'tel:5550104477'],
    ['555-010-4477 extension 3', 'tel:5550104477'],
    ['555 010 4477 x12', 'tel:5550104477'],
    ['555 010 4477 X 12', 'tel:5550104477'],
    ['1-800-FLOWERS', 'tel:1800'],
    // Arabic-Indic, Extended Arabic-Indic (Persian), Devanagari and full-width digits.
    ['+٩٦٦ ١١ ٤٦٧ ٠١٢٣', 'tel:+966114670123'],
    ['۰۲۱ ۸۸۷۷ ۶۶۵۵', 'tel:02188776655'],
    ['०२२ २४१७ ७०००', 'tel:02224177000'],
    ['０３－１２３４－５６７８', 'tel:0312345678'],
    ['٠١٢٣٤٥٦٧٨٩', 'tel:0123456789'],
    ['𝟎𝟏𝟐 𝟗𝟗', 'tel:01299'],
    ['CALL-US-NOW', undefined],
    ['', undefined],
  ];
  for (const [phone, href] of cases) {
    it(`${JSON.stringify(phone)} → ${String(href)}`, () => {
      expect(telHref(phone)).to.equal(href);
    });
  }
  it('is undefined without a phone', () => expect(telHref(undefined)).to.equal(undefined));
});

describe('mailtoHref', () => {
  it('links one plain address', () => {
    expect(mailtoHref(' care@riverside.example ')).to.equal('mailto:care@riverside.example');
    expect(mailtoHref('first.last+tag@sub.example.org')).to.equal('mailto:first.last+tag@sub.example.org');
  });
  for (const email of [
    'a@b.c%0ABcc:x%40evil.example',
    'a%40b.c@evil.example',
    'care@example.org?bcc=spy@evil.example',
    'care@example.org#x',
    'care@example.org/x',
    'mailto:care@example.org',
    'care@example.org,spy@evil.example',
    'care@exa\u202Eelpm.org',
    'care@example.org\nBcc: spy@evil.example',
    'no-at-sign',
  ]) {
    it(`does not link ${JSON.stringify(email)}`, () => {
      expect(mailtoHref(email)).to.equal(undefined);
    });
  }
});

describe('httpUrl', () => {
  it('keeps http(s) only', () => {
    expect(httpUrl('https://riverside.example/contact')).to.equal('https://riverside.example/contact');
    expect(httpUrl('javascript:alert(1)')).to.equal(undefined);
  });
});

describe('isolate', () => {
  it('wraps text in <bdi>, and nothing without text', () => {
    const host = document.body.appendChild(document.createElement('div'));
    render(isolate('Riverside\u202E Clinic'), host);
    const bdi = host.querySelector('bdi');
    expect(bdi?.textContent).to.equal('Riverside\u202E Clinic');
    expect(getComputedStyle(bdi!).unicodeBidi).to.equal('isolate');
    render(isolate(''), host);
    expect(host.querySelector('bdi')).to.equal(null);
    host.remove();
  });
});
