import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  isAppUrl,
  isProjectorUrl,
  PROJECTOR_URL,
} from '../../../electron/main/app-url';

describe('isAppUrl', () => {
  it.each([
    APP_ORIGIN,
    `${APP_ORIGIN}/`,
    APP_INDEX_URL,
    PROJECTOR_URL,
    'app://lvv/assets/index-abc.js?x=1#y',
    'APP://lvv/',
  ])('accepts our origin: %s', (url) => expect(isAppUrl(url)).toBe(true));

  it.each([
    'app://lvv.evil.com/index.html',
    'app://lvv@evil/index.html',
    'app://evil@lvv/index.html',
    'app://lvv:evil@lvv/',
    'app://lvv:8080/index.html',
    'app://lvv./index.html',
    'app://LVV/index.html',
    'app://lvv%2eevil/',
    'app://evil/lvv',
    'app:lvv/index.html',
    'app:///lvv/index.html',
    'app://',
    'https://app-lvv/index.html',
    'https://lvv/index.html',
    'http://app://lvv/',
    'file:///work/main/out/renderer/index.html',
    'file://lvv/index.html',
    'javascript:alert(1)//app://lvv/',
    'data:text/html,app://lvv/',
    'about:blank',
    'appx://lvv/',
    'ap://lvv/',
    '',
    'app://lvv with space/',
  ])('rejects look-alikes: %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('rejects non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => APP_INDEX_URL })).toBe(false);
  });
});

describe('isProjectorUrl', () => {
  it.each([PROJECTOR_URL, 'app://lvv/#/projector'])('accepts %s', (url) =>
    expect(isProjectorUrl(url)).toBe(true),
  );
  it.each([
    APP_INDEX_URL,
    'app://lvv/index.html#/projector/extra',
    'app://lvv/index.html?x=1#/projector',
    'app://lvv/other.html#/projector',
    'app://lvv.evil.com/index.html#/projector',
    'https://evil.example/#/projector',
    'file:///out/renderer/index.html#/projector',
  ])('rejects %s', (url) => expect(isProjectorUrl(url)).toBe(false));
});
