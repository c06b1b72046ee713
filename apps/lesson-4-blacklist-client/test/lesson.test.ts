import { describeLessonApp } from '@calico-dsl/tutorial/testing';
import { lesson4 } from '../src/lesson.js';

describeLessonApp({
  define: lesson4,
  appUrl: new URL('..', import.meta.url),
  tutorialFiles: ['blacklist'],
  outcomes: [
    ['4', 'timed out', 'blacklist'],
    ['4', 'reached', undefined],
  ],
});
